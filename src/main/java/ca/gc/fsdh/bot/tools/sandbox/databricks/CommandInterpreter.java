package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the few Python commands a migration tool sends to a cluster: reading secret values and
 * listing mounts (the exact forms are in {@code docs/databricks-standin.md}). Like a real cluster,
 * it prints {@code [REDACTED]} wherever a secret value read by the command would appear in the
 * output, so values must be encoded (base64) to get out. Anything else is a Python-style error.
 *
 * <p>As on a real cluster, {@code dbutils.secrets.get} returns a Python {@code str}: the value's
 * bytes decoded as UTF-8, each invalid sequence replaced by U+FFFD, so {@code .encode("utf-8")}
 * gives back other bytes for a binary value (a certificate, a keystore). Only {@code
 * dbutils.secrets.getBytes} returns the exact bytes (Databricks docs, "Secrets utility
 * (dbutils.secrets)": get "gets the string representation of a secret value", getBytes "the bytes
 * representation"; SDK {@code SecretsAPI.putSecret}: string_value or bytes_value "determine the
 * value returned when the secret value is requested").
 *
 * <p>Each line is one statement: imports and comments are skipped, {@code name = "text"} sets a
 * variable, {@code print(expr)} prints, and a bare expression on the last line shows its repr.
 * Whitespace outside string literals is ignored and either quote style works.
 */
final class CommandInterpreter {
  private static final String STR = "(\"[^\"]*\"|[A-Za-z_]\\w*)";
  private static final String GET =
      "dbutils\\.secrets\\.get\\((?:scope=)?" + STR + ",(?:key=)?" + STR + "\\)";
  private static final String GET_BYTES =
      "dbutils\\.secrets\\.getBytes\\((?:scope=)?" + STR + ",(?:key=)?" + STR + "\\)";
  private static final String ENC = "\\.encode\\((?:\"utf-8\"|\"utf8\"|\"UTF-8\")?\\)";
  private static final String DEC = "\\.decode\\((?:\"ascii\"|\"utf-8\"|\"utf8\"|\"UTF-8\")?\\)";
  private static final Pattern B64_GET =
      Pattern.compile("base64\\.b64encode\\(" + GET + ENC + "\\)" + DEC);
  private static final Pattern B64_GET_BYTES =
      Pattern.compile("base64\\.b64encode\\(" + GET_BYTES + "\\)" + DEC);
  private static final Pattern PLAIN_GET = Pattern.compile(GET);

  /**
   * Every value of a scope as {key: base64}, read with get(...).encode(...) (group 3) or
   * getBytes(...) (group 4).
   */
  private static final Pattern SCOPE_JSON =
      Pattern.compile(
          "json\\.dumps\\(\\{(\\w+)\\.key:base64\\.b64encode\\("
              + "dbutils\\.secrets\\.(get|getBytes)\\((?:scope=)?"
              + STR
              + ",(?:key=)?\\1\\.key\\)("
              + ENC
              + ")?\\)"
              + DEC
              + "for\\1indbutils\\.secrets\\.list\\((?:scope=)?"
              + STR
              + "\\)\\}\\)");

  private static final Pattern LIST =
      Pattern.compile("dbutils\\.secrets\\.list\\((?:scope=)?" + STR + "\\)");
  private static final Pattern MOUNTS_JSON =
      Pattern.compile("json\\.dumps\\(\\[\\{(.*)\\}for(\\w+)indbutils\\.fs\\.mounts\\(\\)\\]\\)");
  private static final Pattern ASSIGN = Pattern.compile("([A-Za-z_]\\w*)=(\"[^\"]*\")");
  private static final Pattern PRINT = Pattern.compile("print\\((.*)\\)");

  /** What a command printed, or the error it raised. */
  record Result(boolean error, String output, String cause) {}

  private final WorkspaceState state;

  CommandInterpreter(WorkspaceState state) {
    this.state = state;
  }

  Result run(String command) {
    Map<String, String> vars = new HashMap<>();
    List<byte[]> readValues = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    String[] lines = command.split("\n");
    try {
      for (int i = 0; i < lines.length; i++) {
        String line = normalize(lines[i]);
        if (line.isEmpty()
            || line.startsWith("#")
            || line.startsWith("import")
            || line.startsWith("from")) {
          continue;
        }
        Matcher m;
        if ((m = ASSIGN.matcher(line)).matches()) {
          vars.put(m.group(1), literal(m.group(2)));
        } else if ((m = PRINT.matcher(line)).matches()) {
          out.append(eval(m.group(1), vars, readValues, false)).append('\n');
        } else if (isLast(lines, i)) {
          out.append(eval(line, vars, readValues, true)).append('\n');
        } else {
          throw new CommandError(
              "SyntaxError: the sandbox cannot run this statement: " + lines[i].strip());
        }
      }
    } catch (CommandError e) {
      return new Result(true, "", redact(e.getMessage(), readValues));
    }
    return new Result(false, redact(out.toString(), readValues), null);
  }

  private String eval(
      String expr, Map<String, String> vars, List<byte[]> readValues, boolean repr) {
    Matcher m;
    if ((m = SCOPE_JSON.matcher(expr)).matches()) {
      boolean bytes = m.group(2).equals("getBytes");
      if (bytes == (m.group(4) != null)) {
        throw new CommandError(
            bytes
                ? "AttributeError: 'bytes' object has no attribute 'encode'"
                : "TypeError: a bytes-like object is required, not 'str'");
      }
      String scope = arg(m.group(3), vars);
      if (!scope.equals(arg(m.group(5), vars))) {
        throw new CommandError("ValueError: the sandbox expects the same scope in get and list.");
      }
      Map<String, String> encoded = new LinkedHashMap<>();
      for (String key : new TreeMap<>(secrets(scope)).keySet()) {
        byte[] value = read(scope, key, readValues);
        encoded.put(
            key,
            Base64.getEncoder()
                .encodeToString(bytes ? value : asStr(value).getBytes(StandardCharsets.UTF_8)));
      }
      return Json.MAPPER.valueToTree(encoded).toString();
    }
    if ((m = B64_GET.matcher(expr)).matches()) {
      byte[] value = read(arg(m.group(1), vars), arg(m.group(2), vars), readValues);
      return Base64.getEncoder().encodeToString(asStr(value).getBytes(StandardCharsets.UTF_8));
    }
    if ((m = B64_GET_BYTES.matcher(expr)).matches()) {
      return Base64.getEncoder()
          .encodeToString(read(arg(m.group(1), vars), arg(m.group(2), vars), readValues));
    }
    if ((m = PLAIN_GET.matcher(expr)).matches()) {
      String value = asStr(read(arg(m.group(1), vars), arg(m.group(2), vars), readValues));
      return repr ? "'" + value + "'" : value;
    }
    if ((m = LIST.matcher(expr)).matches()) {
      List<String> items = new ArrayList<>();
      new TreeMap<>(secrets(arg(m.group(1), vars)))
          .keySet()
          .forEach(k -> items.add("SecretMetadata(key='" + k + "')"));
      return "[" + String.join(", ", items) + "]";
    }
    if (expr.equals("dbutils.secrets.listScopes()")) {
      List<String> items = new ArrayList<>();
      state.secrets().scopes().forEach(s -> items.add("SecretScope(name='" + s.name() + "')"));
      return "[" + String.join(", ", items) + "]";
    }
    if (expr.equals("dbutils.fs.mounts()")) {
      List<String> items = new ArrayList<>();
      state
          .dbfs()
          .mounts()
          .forEach(mt ->
              items.add(
                  "MountInfo(mountPoint='"
                      + mt.mountPoint()
                      + "', source='"
                      + mt.source()
                      + "', encryptionType='"
                      + mt.encryptionType()
                      + "')"));
      return "[" + String.join(", ", items) + "]";
    }
    if ((m = MOUNTS_JSON.matcher(expr)).matches()) {
      return mountsJson(m.group(1), m.group(2));
    }
    if (expr.matches("\"[^\"]*\"")) {
      return literal(expr);
    }
    if (vars.containsKey(expr)) {
      return vars.get(expr);
    }
    throw new CommandError("NameError: the sandbox does not understand: " + expr);
  }

  private String mountsJson(String fields, String var) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String pair : fields.split(",")) {
      Matcher f =
          Pattern.compile("\"([^\"]+)\":" + var + "\\.(mountPoint|source|encryptionType)")
              .matcher(pair);
      if (!f.matches()) {
        throw new CommandError("AttributeError: the sandbox does not understand the field " + pair);
      }
      columns.put(f.group(1), f.group(2));
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Mount mt : state.dbfs().mounts()) {
      Map<String, String> row = new LinkedHashMap<>();
      columns.forEach((name, attr) ->
          row.put(
              name,
              switch (attr) {
                case "mountPoint" -> mt.mountPoint();
                case "source" -> mt.source();
                default -> mt.encryptionType();
              }));
      rows.add(row);
    }
    return Json.MAPPER.valueToTree(rows).toString();
  }

  private Map<String, SecretStore.Secret> secrets(String scope) {
    if (state.secrets().scope(scope).isEmpty()) {
      throw new CommandError(
          "com.databricks.dbutils_v1.InvalidSecretScopeException: Scope "
              + scope
              + " does not exist.");
    }
    return state.secrets().secrets(scope);
  }

  private byte[] read(String scope, String key, List<byte[]> readValues) {
    secrets(scope);
    byte[] value =
        state
            .secrets()
            .value(scope, key)
            .orElseThrow(() ->
                new CommandError(
                    "com.databricks.dbutils_v1.SecretDoesNotExistException: Secret does not exist with scope: "
                        + scope
                        + " and key: "
                        + key));
    readValues.add(value);
    return value;
  }

  /**
   * What {@code dbutils.secrets.get} returns: the bytes decoded as UTF-8, each malformed sequence
   * replaced by U+FFFD (Java's decoder replaces as Python's {@code errors="replace"} does).
   */
  static String asStr(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  /**
   * Replaces every secret value read by this command with {@code [REDACTED]}, as a real cluster
   * does.
   */
  private static String redact(String text, List<byte[]> readValues) {
    String out = text;
    for (byte[] v : readValues) {
      String s = asStr(v);
      if (!s.isEmpty()) {
        out = out.replace(s, "[REDACTED]");
      }
    }
    return out;
  }

  private static String arg(String token, Map<String, String> vars) {
    if (token.startsWith("\"")) {
      return literal(token);
    }
    String v = vars.get(token);
    if (v == null) {
      throw new CommandError("NameError: name '" + token + "' is not defined");
    }
    return v;
  }

  private static String literal(String quoted) {
    return quoted.substring(1, quoted.length() - 1);
  }

  private static boolean isLast(String[] lines, int i) {
    for (int j = i + 1; j < lines.length; j++) {
      if (!lines[j].isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Drops whitespace outside string literals and turns single quotes into double quotes. */
  static String normalize(String line) {
    StringBuilder out = new StringBuilder(line.length());
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        out.append(c == quote ? '"' : c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        out.append('"');
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static final class CommandError extends RuntimeException {
    CommandError(String message) {
      super(message, null, false, false);
    }
  }
}
