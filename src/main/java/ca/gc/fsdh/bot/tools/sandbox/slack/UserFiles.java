package ca.gc.fsdh.bot.tools.sandbox.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files people uploaded through a modal's {@code file_input}, for {@link FakeSlackApi}: their
 * file objects (docs.slack.dev, "File object": what {@code files.info} and a {@code
 * view_submission}'s state carry) and their private download URLs.
 */
final class UserFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, File> files = new ConcurrentHashMap<>();
  private final String baseUrl;
  private final String teamId;

  private record File(String id, String user, String name, String mimetype, byte[] bytes) {}

  /**
   * @param baseUrl where {@code url_private} and {@code url_private_download} point, ending with
   *     "/"
   */
  UserFiles(String baseUrl, String teamId) {
    this.baseUrl = baseUrl;
    this.teamId = teamId;
  }

  ObjectNode add(String id, String user, String name, String mimetype, byte[] bytes) {
    File file = new File(id, user, name, mimetype, bytes.clone());
    files.put(id, file);
    return object(file);
  }

  Optional<ObjectNode> info(String id) {
    return Optional.ofNullable(files.get(id)).map(this::object);
  }

  private ObjectNode object(File f) {
    String base = baseUrl + teamId + "-" + f.id() + "/";
    String type =
        f.name().contains(".") ? f.name().substring(f.name().lastIndexOf('.') + 1) : "text";
    return JSON.createObjectNode()
        .put("id", f.id())
        .put("created", 1_700_000_000L)
        .put("timestamp", 1_700_000_000L)
        .put("name", f.name())
        .put("title", f.name())
        .put("mimetype", f.mimetype())
        .put("filetype", type)
        .put("pretty_type", type)
        .put("user", f.user())
        .put("user_team", teamId)
        .put("mode", "hosted")
        .put("editable", false)
        .put("is_external", false)
        .put("is_public", false)
        .put("size", f.bytes().length)
        .put("url_private", base + f.name())
        .put("url_private_download", base + "download/" + f.name())
        .put(
            "permalink",
            "https://fsdh-sandbox.slack.com/files/" + f.user() + "/" + f.id() + "/" + f.name());
  }

  /**
   * Answers a private download: the bytes to the bot's token, a sign-in page without it.
   *
   * @param path the URL path after {@code /files-pri/}: {@code TEAM-FILEID/download/NAME}
   */
  void download(HttpExchange ex, String path, boolean authorized) throws IOException {
    String[] parts = path.split("/", 3);
    String id = parts[0].startsWith(teamId + "-") ? parts[0].substring(teamId.length() + 1) : "";
    File file = files.get(id);
    if (!authorized) {
      send(
          ex,
          403,
          "text/html; charset=utf-8",
          "<!DOCTYPE html><html><body>Sign in to Slack</body></html>"
              .getBytes(StandardCharsets.UTF_8));
    } else if (file == null || parts.length < 3 || !parts[1].equals("download")) {
      send(
          ex,
          404,
          "text/html; charset=utf-8",
          "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
    } else {
      send(
          ex,
          200,
          file.mimetype() == null || file.mimetype().isBlank()
              ? "application/octet-stream"
              : file.mimetype(),
          file.bytes());
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
