package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Python sent to a cluster to read the values of one scope, and the parser of its output. Kept
 * in one place so the command can follow the cluster (or the stand-in) without touching the
 * exporter. It is the form documented in {@code docs/databricks-standin.md} (as
 * databrickslabs/migrate does it): one JSON object {@code {"key": "base64 of the value"}} for every
 * key of the scope.
 *
 * <p>A cluster prints {@code [REDACTED]} in place of a secret value, so each value is printed
 * base64-encoded. Values are read with {@code dbutils.secrets.getBytes}: {@code get} returns a
 * {@code str} decoded as UTF-8, which replaces every invalid byte of a binary value (a certificate,
 * a keystore) with U+FFFD, so its {@code .encode("utf-8")} is other bytes. The scope name is
 * written into a string literal: names that Databricks cannot hold (anything but letters, digits,
 * {@code - _ . @}) are refused, so no name can break out of it.
 */
public final class SecretReadCommand {
  /** What Databricks accepts as a scope name (at most 128 characters). */
  private static final Pattern SCOPE_NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");

  private SecretReadCommand() {}

  /** The command reading every value of {@code scope}. */
  public static String python(String scope) {
    if (!SCOPE_NAME.matcher(scope).matches()) {
      throw new IllegalArgumentException(
          "scope name not accepted by Databricks, values not read: " + scope);
    }
    return String.join(
        "\n",
        "import base64, json",
        "scope = \"" + scope + "\"",
        "print(json.dumps({s.key: base64.b64encode(dbutils.secrets.getBytes(scope=scope, key=s.key))"
            + ".decode(\"ascii\") for s in dbutils.secrets.list(scope)}))");
  }

  /**
   * The command reading the values of {@code scope}. It reads every key of the scope (one list and
   * one command, whatever the number of keys); callers compare the keys with those they expect.
   */
  public static String python(String scope, List<String> keys) {
    return python(scope);
  }

  /** Decodes the command output into values by key. */
  public static Map<String, byte[]> parse(String output) throws IOException {
    String json = output.strip();
    int start = json.indexOf('{');
    if (start < 0) throw new IOException("the secret-reading command printed no JSON object");
    if (json.contains("[REDACTED]"))
      throw new IOException("the cluster redacted the output: values must be base64-encoded");
    Map<String, String> encoded =
        BundleJson.MAPPER.readValue(json.substring(start), new TypeReference<>() {});
    var values = new HashMap<String, byte[]>();
    encoded.forEach((k, v) -> values.put(k, Base64.getDecoder().decode(v)));
    return values;
  }
}
