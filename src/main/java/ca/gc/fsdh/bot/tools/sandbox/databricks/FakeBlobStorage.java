package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A local Azure Blob Storage endpoint for the files of Unity Catalog model versions, addressed the
 * way the Azure storage emulator (Azurite) is: {@code
 * http://127.0.0.1:PORT/<account>/<container>/<blob>} (learn.microsoft.com put-blob, "Emulated
 * storage service request"). A client maps a version's {@code
 * abfss://<container>@<account>.dfs.core.windows.net/<path>} to {@code
 * <endpoint>/<account>/<container>/<path>} where production uses {@code
 * https://<account>.blob.core.windows.net/<container>/<path>}.
 *
 * <p>Serves Put Blob, Put Block, Put Block List (201) and Get Blob / Get Blob Properties (200),
 * each authorized by the user delegation SAS that {@code generate-temporary-credentials} hands out
 * (query string), and refuses as Azure does: {@code x-ms-blob-type} missing (400
 * MissingRequiredHeader) or not {@code BlockBlob} (400 InvalidHeaderValue), a missing, forged,
 * out-of-scope or expired SAS (403 AuthenticationFailed), a SAS without the permission (403
 * AuthorizationPermissionMismatch), a missing blob (404 BlobNotFound); errors are Azure's XML with
 * {@code x-ms-error-code}. One rule is the stand-in's own: once a model version is finalized its
 * folder takes no more writes, even with a SAS that has not expired yet (403
 * AuthorizationPermissionMismatch), so a client cannot rely on writing late.
 */
public final class FakeBlobStorage implements AutoCloseable {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final BlobStore store;
  private final Supplier<Instant> now;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private FakeBlobStorage(BlobStore store, Supplier<Instant> now) throws IOException {
    this.store = store;
    this.now = now;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  static FakeBlobStorage start(BlobStore store, Supplier<Instant> now) {
    try {
      return new FakeBlobStorage(store, now);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on 127.0.0.1 for the blob endpoint: " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:PORT}: the base of every blob URL. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The URL of the blob an {@code abfss://} URI names (without a SAS). */
  public String urlOf(String abfssUri) {
    BlobStore.Location l = BlobStore.parse(abfssUri);
    StringBuilder sb =
        new StringBuilder(endpoint())
            .append('/')
            .append(l.account())
            .append('/')
            .append(l.container());
    for (String segment : l.path().split("/")) {
      sb.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      Response r;
      try {
        r = handle(ex, body);
      } catch (RuntimeException e) {
        r =
            error(
                500,
                "InternalError",
                "The server encountered an internal error. Please retry the request.",
                null);
      }
      r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      ex.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
      ex.getResponseHeaders().set("x-ms-version", UserDelegationSas.VERSION);
      ex.getResponseHeaders().set("Date", HTTP_DATE.format(now.get()));
      boolean noBody = ex.getRequestMethod().equals("HEAD") || r.body().length == 0;
      ex.sendResponseHeaders(r.status(), noBody ? -1 : r.body().length);
      if (!noBody) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      }
    }
  }

  private record Response(int status, byte[] body, Map<String, String> headers) {}

  private Response handle(HttpExchange ex, byte[] body) {
    String rawPath = ex.getRequestURI().getRawPath();
    String[] parts = rawPath.substring(1).split("/", 3);
    if (parts.length < 3 || parts[2].isEmpty()) {
      return error(
          400,
          "InvalidUri",
          "The requested URI does not represent any resource on the server.",
          null);
    }
    BlobStore.Location where =
        new BlobStore.Location(decode(parts[0]), decode(parts[1]), decode(parts[2]));
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    String method = ex.getRequestMethod();
    boolean write = method.equals("PUT");
    if (!write && !method.equals("GET") && !method.equals("HEAD")) {
      return error(
          405,
          "UnsupportedHttpVerb",
          "The resource doesn't support the specified HTTP verb.",
          null);
    }
    var refusal =
        store
            .sas()
            .check(
                where.account(),
                where.container(),
                where.path(),
                query,
                write ? 'w' : 'r',
                now.get());
    if (refusal != null) {
      return error(refusal.status(), refusal.code(), refusal.message(), refusal.detail());
    }
    if (write && store.isSealed(where)) {
      return error(
          403,
          "AuthorizationPermissionMismatch",
          "This request is not authorized to perform this operation"
              + " using this permission. (Stand-in: the model version is finalized; its files can only be written at"
              + " creation time.)",
          null);
    }
    if (!write) {
      return read(where, method.equals("HEAD"));
    }
    String comp = query.getOrDefault("comp", "");
    return switch (comp) {
      case "block" -> putBlock(where, query.get("blockid"), body);
      case "blocklist" -> putBlockList(ex, where, body);
      case "" -> putBlob(ex, where, body);
      default ->
          error(
              400,
              "InvalidQueryParameterValue",
              "Value for one of the query parameters specified in the"
                  + " request URI is invalid: comp="
                  + comp,
              null);
    };
  }

  private Response putBlob(HttpExchange ex, BlobStore.Location where, byte[] body) {
    String type = ex.getRequestHeaders().getFirst("x-ms-blob-type");
    if (type == null) {
      return error(
          400,
          "MissingRequiredHeader",
          "An HTTP header that's mandatory for this request is not specified."
              + " (x-ms-blob-type)",
          null);
    }
    if (!type.equals("BlockBlob")) {
      return error(
          400,
          "InvalidHeaderValue",
          "The value for one of the HTTP headers is not in the correct format."
              + " (x-ms-blob-type: the stand-in stores block blobs only)",
          null);
    }
    String contentType =
        Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type"))
            .orElse("application/octet-stream");
    BlobStore.Blob b = store.put(where, body, contentType);
    return created(b);
  }

  private Response putBlock(BlobStore.Location where, String blockId, byte[] body) {
    if (blockId == null || blockId.isEmpty()) {
      return error(
          400,
          "MissingRequiredQueryParameter",
          "A query parameter that's mandatory for this request is not" + " specified. (blockid)",
          null);
    }
    String problem = store.putBlock(where, blockId, body);
    if (problem != null) {
      return problem.equals("InvalidBlockId")
          ? error(
              400,
              "InvalidBlockId",
              "The specified block ID is invalid. The block ID must be Base64-encoded.",
              null)
          : error(
              400, "InvalidBlobOrBlock", "The specified blob or block content is invalid.", null);
    }
    return new Response(201, new byte[0], Map.of("Content-Length", "0"));
  }

  private Response putBlockList(HttpExchange ex, BlobStore.Location where, byte[] body) {
    List<BlobStore.BlockRef> refs;
    try {
      refs = blockList(body);
    } catch (Exception e) {
      return error(400, "InvalidXmlDocument", "XML specified is not syntactically valid.", null);
    }
    String contentType =
        Optional.ofNullable(ex.getRequestHeaders().getFirst("x-ms-blob-content-type"))
            .orElse("application/octet-stream");
    return store
        .commit(where, refs, contentType)
        .map(this::created)
        .orElseGet(
            () -> error(400, "InvalidBlockList", "The specified block list is invalid.", null));
  }

  private Response read(BlobStore.Location where, boolean head) {
    return store
        .get(where)
        .map(b -> {
          Map<String, String> h = new HashMap<>(blobHeaders(b));
          h.put("Content-Type", b.contentType());
          h.put("x-ms-blob-type", "BlockBlob");
          return new Response(200, head ? new byte[0] : b.bytes().clone(), h);
        })
        .orElseGet(() -> error(404, "BlobNotFound", "The specified blob does not exist.", null));
  }

  private Response created(BlobStore.Blob b) {
    Map<String, String> h = new HashMap<>(blobHeaders(b));
    h.put("x-ms-request-server-encrypted", "true");
    return new Response(201, new byte[0], h);
  }

  private static Map<String, String> blobHeaders(BlobStore.Blob b) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(b.bytes());
      return Map.of(
          "ETag",
          b.etag(),
          "Last-Modified",
          HTTP_DATE.format(Instant.ofEpochMilli(b.lastModified())),
          "Content-MD5",
          Base64.getEncoder().encodeToString(md5));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code <BlockList>} body of Put Block List (learn.microsoft.com put-block-list). */
  private static List<BlobStore.BlockRef> blockList(byte[] body) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("BlockList")) {
      throw new IllegalArgumentException("root is " + root.getTagName());
    }
    List<BlobStore.BlockRef> refs = new ArrayList<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (!List.of("Latest", "Committed", "Uncommitted").contains(e.getTagName())) {
          throw new IllegalArgumentException("unknown element " + e.getTagName());
        }
        refs.add(new BlobStore.BlockRef(e.getTagName(), e.getTextContent().strip()));
      }
    }
    return refs;
  }

  private Response error(int status, String code, String message, String detail) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
            + code
            + "</Code><Message>"
            + escape(message)
            + "\nRequestId:"
            + UUID.randomUUID()
            + "\nTime:"
            + now.get()
            + "</Message>"
            + (detail == null
                ? ""
                : "<AuthenticationErrorDetail>" + escape(detail) + "</AuthenticationErrorDetail>")
            + "</Error>";
    return new Response(
        status,
        xml.getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/xml", "x-ms-error-code", code));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (!pair.isEmpty()) {
          q.putIfAbsent(
              decode(eq < 0 ? pair : pair.substring(0, eq)),
              eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
