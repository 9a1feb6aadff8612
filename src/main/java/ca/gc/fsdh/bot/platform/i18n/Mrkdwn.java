package ca.gc.fsdh.bot.platform.i18n;

/**
 * Slack mrkdwn escaping. Slack reads {@code <...>} as mentions and links ({@code <!channel>},
 * {@code <https://evil|bank>}) and {@code &} as an entity; escaping these three characters makes
 * any text a user typed show as typed.
 */
public final class Mrkdwn {
  private Mrkdwn() {}

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Text that is already mrkdwn built by the bot (a mention it formatted, a link it chose). */
  public record Raw(String text) {}

  public static Raw raw(String text) {
    return new Raw(text);
  }

  /** A user mention, for an id the bot checked (never for text a user typed). */
  public static Raw user(String userId) {
    return new Raw("<@" + userId + ">");
  }

  /** User text shown inside inline code: escaped, without backticks or newlines, shortened. */
  public static String codeSpan(String text, int maxLength) {
    String flat = text.replace('`', '\'').replaceAll("\\s+", " ").strip();
    return flat.length() <= maxLength ? flat : flat.substring(0, maxLength) + "…";
  }
}
