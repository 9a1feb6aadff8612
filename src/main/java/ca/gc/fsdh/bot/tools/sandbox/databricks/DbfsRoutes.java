package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.DBFS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DBFS API 2.0 ({@code /api/2.0/dbfs/*}): list, get-status, read (1 MB at most a call), put (1 MB
 * inline), the create / add-block / close stream for larger files, mkdirs, delete and move.
 */
final class DbfsRoutes implements Routes {
  static final int MAX_BLOCK = 1024 * 1024;

  private record Upload(String path, boolean overwrite, ByteArrayOutputStream bytes) {}

  private final DbfsStore dbfs;
  private final Map<Long, Upload> uploads = new ConcurrentHashMap<>();
  private final AtomicLong handles = new AtomicLong();

  DbfsRoutes(WorkspaceState state) {
    this.dbfs = state.dbfs();
  }

  @Override
  public void register(Router r) {
    String base = "/api/2.0/dbfs/";
    r.add("GET", base + "list", DBFS, this::list);
    r.add("GET", base + "get-status", DBFS, c -> Reply.json(info(require(c.required("path")))));
    r.add("GET", base + "read", DBFS, this::read);
    r.add(
        "POST",
        base + "put",
        DBFS,
        c -> {
          dbfs.put(
              c.required("path"),
              decode(c.param("contents") == null ? "" : c.param("contents")),
              c.flag("overwrite"));
          return Reply.ok();
        });
    r.add("POST", base + "create", DBFS, this::create);
    r.add("POST", base + "add-block", DBFS, this::addBlock);
    r.add("POST", base + "close", DBFS, this::close);
    r.add(
        "POST",
        base + "mkdirs",
        DBFS,
        c -> {
          dbfs.mkdirs(c.required("path"));
          return Reply.ok();
        });
    r.add(
        "POST",
        base + "delete",
        DBFS,
        c -> {
          dbfs.delete(c.required("path"), c.flag("recursive"));
          return Reply.ok();
        });
    r.add("POST", base + "move", DBFS, this::move);
  }

  static ObjectNode info(DbfsStore.Entry e) {
    return Json.object()
        .put("path", e.path())
        .put("is_dir", e.directory())
        .put("file_size", e.size())
        .put("modification_time", 1_700_000_000_000L);
  }

  private DbfsStore.Entry require(String path) {
    return dbfs.status(path)
        .orElseThrow(() -> ApiError.notFound("No file or directory exists on path " + path + "."));
  }

  private Reply list(ApiCall call) {
    DbfsStore.Entry e = require(call.required("path"));
    ObjectNode body = Json.object();
    ArrayNode files = body.putArray("files");
    if (e.directory()) {
      dbfs.list(e.path()).forEach(child -> files.add(info(child)));
    } else {
      files.add(info(e));
    }
    return Reply.json(body);
  }

  private Reply read(ApiCall call) {
    DbfsStore.Entry e = require(call.required("path"));
    if (e.directory()) {
      throw ApiError.invalid("Cannot read " + e.path() + ": it is a directory.");
    }
    int offset = call.intParam("offset", 0);
    int length = call.intParam("length", 512 * 1024);
    if (length > MAX_BLOCK || offset < 0 || length < 0) {
      throw new ApiError(
          400, "MAX_READ_SIZE_EXCEEDED", "Cannot read more than " + MAX_BLOCK + " bytes at once.");
    }
    byte[] all = dbfs.read(e.path()).orElseThrow();
    byte[] chunk =
        offset >= all.length
            ? new byte[0]
            : Arrays.copyOfRange(all, offset, Math.min(all.length, offset + length));
    return Reply.json(
        Json.object()
            .put("bytes_read", chunk.length)
            .put("data", Base64.getEncoder().encodeToString(chunk)));
  }

  private Reply create(ApiCall call) {
    String path = DbfsStore.normalize(call.required("path"));
    boolean overwrite = call.flag("overwrite");
    if (dbfs.exists(path) && !overwrite) {
      throw ApiError.alreadyExists(
          "A file or directory already exists at the input path " + path + ".");
    }
    long handle = handles.incrementAndGet();
    uploads.put(handle, new Upload(path, overwrite, new ByteArrayOutputStream()));
    return Reply.json(Json.object().put("handle", handle));
  }

  private Reply addBlock(ApiCall call) {
    Upload u = upload(call);
    byte[] block = decode(call.required("data"));
    synchronized (u) {
      u.bytes().writeBytes(block);
    }
    return Reply.ok();
  }

  private Reply close(ApiCall call) {
    Upload u = upload(call);
    uploads.remove(call.requiredLong("handle"));
    dbfs.put(u.path(), u.bytes().toByteArray(), true);
    return Reply.ok();
  }

  private Upload upload(ApiCall call) {
    Upload u = uploads.get(call.requiredLong("handle"));
    if (u == null) {
      throw ApiError.notFound("Handle " + call.param("handle") + " does not exist.");
    }
    return u;
  }

  private Reply move(ApiCall call) {
    String from = call.required("source_path");
    byte[] bytes =
        dbfs.read(from).orElseThrow(() -> ApiError.notFound("No file exists at " + from + "."));
    dbfs.put(call.required("destination_path"), bytes, false);
    dbfs.delete(from, false);
    return Reply.ok();
  }

  private static byte[] decode(String b64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("The data is not valid base64.");
    }
    if (bytes.length > MAX_BLOCK) {
      throw new ApiError(
          400, "MAX_BLOCK_SIZE_EXCEEDED", "A block may hold at most " + MAX_BLOCK + " bytes.");
    }
    return bytes;
  }
}
