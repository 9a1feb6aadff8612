package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python sent to a cluster to read the values of one scope, and the parser of its output. Kept
 * in one place so the command can follow the cluster (or the stand-in) without touching the
 * exporter.
 *
 * <p>A cluster prints {@code [REDACTED]} in place of a secret value, so the command prints each
 * value base64-encoded, in one JSON object {@code {"key": "base64"}}. Scope and key names reach
 * the command base64-encoded too, so no name can break out of its string literal.
 */
public final class SecretReadCommand {
  private SecretReadCommand() {}

  public static String python(String scope, List<String> keys) {
    var arguments = new java.util.LinkedHashMap<String, Object>();
    arguments.put("scope", scope);
    arguments.put("keys", keys);
    String args = Base64.getEncoder().encodeToString(toJson(arguments).getBytes(StandardCharsets.UTF_8));
    return String.join("\n",
        "import base64, json",
        "_a = json.loads(base64.b64decode('" + args + "').decode('utf-8'))",
        "print(json.dumps({k: base64.b64encode(dbutils.secrets.getBytes(scope=_a['scope'], key=k)).decode('ascii') for k in _a['keys']}))");
  }

  /** Decodes the command output into values by key. */
  public static Map<String, byte[]> parse(String output) throws IOException {
    String json = output.strip();
    int start = json.indexOf('{');
    if (start < 0) throw new IOException("the secret-reading command printed no JSON object");
    Map<String, String> encoded = Json.MAPPER.readValue(json.substring(start), new TypeReference<>() {});
    var values = new HashMap<String, byte[]>();
    encoded.forEach((k, v) -> values.put(k, Base64.getDecoder().decode(v)));
    return values;
  }

  private static String toJson(Object o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
