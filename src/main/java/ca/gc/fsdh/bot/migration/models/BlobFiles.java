package ca.gc.fsdh.bot.migration.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a Unity Catalog model version in Azure storage, written and read with the Blob
 * service's REST API and the user delegation SAS the registry hands out. A version's {@code
 * storage_location} is {@code abfss://<container>@<account>.dfs.core.windows.net/<path>} (the form
 * MLflow's {@code _parse_abfss_uri} requires); the same data is at {@code
 * https://<account>.blob.core.windows.net/<container>/<path>} ("Blob APIs and Data Lake Storage
 * APIs can operate on the same data", learn.microsoft.com data-lake-storage-multi-protocol-access),
 * or, with an endpoint set (the storage emulator's form, for a local stand-in), at {@code
 * <endpoint>/<account>/<container>/<path>}.
 *
 * <p>Small files go up in one Put Blob; larger ones as Put Block + Put Block List
 * (learn.microsoft.com {@code put-blob}, {@code put-block}, {@code put-block-list}: 201 each,
 * {@code x-ms-blob-type: BlockBlob}, block ids base64 of equal length). Put Blob replaces a blob,
 * so uploading a file again after a crash is safe.
 */
public final class BlobFiles {
  /** Above this a file goes in blocks (Put Blob's documented limit is 256 MiB; stay well below). */
  static final int SINGLE_PUT_LIMIT = 32 * 1024 * 1024;

  static final int BLOCK = 8 * 1024 * 1024;
  private static final String API_VERSION = "2023-11-03";
  private static final Pattern ABFSS =
      Pattern.compile("abfss://([^@/]+)@([^./]+)\\.dfs\\.core\\.windows\\.net(?:/(.*))?");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final int ATTEMPTS = 4;

  private final Optional<String> endpoint;
  private final HttpClient http;

  /**
   * @param endpoint empty for Azure itself; else the base URL of an emulator-style endpoint
   */
  public BlobFiles(Optional<String> endpoint) {
    this.endpoint = endpoint.map(e -> e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  }

  /** The blob URL (without SAS) of a path under an {@code abfss://} folder. */
  String url(String abfssFolder, String relative) {
    Matcher m = ABFSS.matcher(abfssFolder);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an abfss://<container>@<account>.dfs.core.windows.net location: " + abfssFolder);
    }
    String container = m.group(1);
    String account = m.group(2);
    String folder = m.group(3) == null ? "" : m.group(3).replaceAll("^/+|/+$", "");
    var sb =
        new StringBuilder(
            endpoint
                .map(e -> e + "/" + account + "/" + container)
                .orElse("https://" + account + ".blob.core.windows.net/" + container));
    for (String part : (folder + "/" + relative).split("/")) {
      if (part.isEmpty()) continue;
      sb.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }

  /** Uploads one local file to {@code folder/relative}. */
  public void upload(String folder, String relative, Path file, String sas)
      throws IOException, InterruptedException {
    String url = url(folder, relative);
    long size = Files.size(file);
    if (size <= SINGLE_PUT_LIMIT) {
      put(url + "?" + sas, HttpRequest.BodyPublishers.ofFile(file));
      return;
    }
    var ids = new ArrayList<String>();
    byte[] buf = new byte[BLOCK];
    try (InputStream in = Files.newInputStream(file)) {
      for (int i = 0; ; i++) {
        int n = in.readNBytes(buf, 0, BLOCK);
        if (n <= 0) break;
        String id =
            Base64.getEncoder()
                .encodeToString(String.format("%08d", i).getBytes(StandardCharsets.US_ASCII));
        ids.add(id);
        byte[] block = n == BLOCK ? buf.clone() : Arrays.copyOf(buf, n);
        put(
            url
                + "?comp=block&blockid="
                + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "&"
                + sas,
            HttpRequest.BodyPublishers.ofByteArray(block));
      }
    }
    var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
    for (String id : ids) xml.append("<Latest>").append(id).append("</Latest>");
    xml.append("</BlockList>");
    put(
        url + "?comp=blocklist&" + sas,
        HttpRequest.BodyPublishers.ofString(xml.toString(), StandardCharsets.UTF_8));
  }

  /** The SHA-256 of a blob (hex), or empty when it does not exist. */
  public Optional<String> sha256(String folder, String relative, String sas)
      throws IOException, InterruptedException {
    var request = base(URI.create(url(folder, relative) + "?" + sas)).GET().build();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
          if (r.statusCode() == 404) return Optional.empty();
          if (r.statusCode() != 200) {
            if (attempt < ATTEMPTS && r.statusCode() >= 500) {
              backoff(attempt);
              continue;
            }
            throw failure("GET", r.statusCode(), r.headers(), in.readAllBytes());
          }
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          byte[] buf = new byte[64 * 1024];
          int n;
          while ((n = in.read(buf)) > 0) sha.update(buf, 0, n);
          return Optional.of(HexFormat.of().formatHex(sha.digest()));
        }
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        if (attempt >= ATTEMPTS) throw e;
        backoff(attempt);
      }
    }
  }

  private void put(String url, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    // required on Put Blob; MLflow's Azure client (mlflow/azure/client.py) sends it on every PUT
    var request = base(URI.create(url)).PUT(body).header("x-ms-blob-type", "BlockBlob").build();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 201) return;
        if (attempt < ATTEMPTS && (r.statusCode() >= 500 || r.statusCode() == 429)) {
          backoff(attempt);
          continue;
        }
        throw failure("PUT", r.statusCode(), r.headers(), r.body());
      } catch (IOException e) {
        if (e instanceof BlobRefused || attempt >= ATTEMPTS) throw e;
        backoff(attempt);
      }
    }
  }

  private static HttpRequest.Builder base(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(10))
        .header("x-ms-version", API_VERSION)
        .header("x-ms-date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  private static void backoff(int attempt) throws InterruptedException {
    Thread.sleep(200L << attempt);
  }

  /** A refusal by the storage service: its status and Azure error code, never the SAS. */
  static final class BlobRefused extends IOException {
    private final int status;
    private final String code;

    BlobRefused(String method, int status, String code) {
      super("Azure storage refused " + method + ": HTTP " + status + " " + code);
      this.status = status;
      this.code = code;
    }

    int status() {
      return status;
    }

    String code() {
      return code;
    }
  }

  private static BlobRefused failure(
      String method, int status, java.net.http.HttpHeaders headers, byte[] body) {
    String code =
        headers
            .firstValue("x-ms-error-code")
            .orElseGet(() -> {
              Matcher m =
                  Pattern.compile("<Code>([^<]*)</Code>")
                      .matcher(new String(body, StandardCharsets.UTF_8));
              return m.find() ? m.group(1) : "";
            });
    return new BlobRefused(method, status, code);
  }
}
