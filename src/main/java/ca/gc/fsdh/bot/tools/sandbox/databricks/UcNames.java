package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.List;
import java.util.Locale;

/**
 * Unity Catalog object names. Each part: at most 255 characters, no period, space, forward slash,
 * ASCII control character (00-1F) or DEL (7F), stored lower case (docs.databricks.com {@code
 * sql-ref-names} and the UC "requirements and limitations" page: "Unity Catalog stores all object
 * names as lowercase"; the length error is {@code INVALID_PARAMETER_VALUE.INVALID_FIELD_LENGTH ...
 * Maximum length is 255 characters}, quoted in a public project).
 */
final class UcNames {
  static final int MAX_LENGTH = 255;

  private UcNames() {}

  /** One checked part of a name, lower case. */
  static String part(String raw, String what) {
    if (raw == null || raw.isEmpty()) {
      throw UcError.invalid("The " + what + " name is empty.");
    }
    if (raw.length() > MAX_LENGTH) {
      throw UcError.invalid(
          "The " + what + " name is too long. Maximum length is " + MAX_LENGTH + " characters.");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '.' || c == ' ' || c == '/' || c < 0x20 || c == 0x7f) {
        throw UcError.invalid(
            "Invalid "
                + what
                + " name '"
                + raw
                + "': a name may not contain a period, a space, a"
                + " forward slash or a control character.");
      }
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  /**
   * A full name as REST paths and bodies carry it ({@code catalog.schema.table}), split into
   * exactly {@code count} checked parts; any other shape is a 400 (a malformed name given to {@code
   * tables().get} is {@code InvalidParameterValue}, not NotFound: ucx issue #1792).
   */
  static List<String> split(String fullName, int count, String what) {
    if (fullName == null || fullName.isEmpty()) {
      throw UcError.invalid("Missing the full name of the " + what + ".");
    }
    String[] parts = fullName.split("\\.", -1);
    if (parts.length != count) {
      throw UcError.invalid(
          "Invalid "
              + what
              + " name '"
              + fullName
              + "': expected "
              + count
              + " part"
              + (count == 1 ? "" : "s")
              + " separated by '.'.");
    }
    String[] whats =
        count == 1
            ? new String[] {what}
            : count == 2
                ? new String[] {"catalog", what}
                : new String[] {"catalog", "schema", what};
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = part(parts[i], whats[i]);
    }
    return List.of(out);
  }
}
