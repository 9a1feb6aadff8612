package ca.gc.fsdh.bot.platform.i18n;

import ca.gc.fsdh.bot.platform.config.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Every user-facing text, from the English ({@code i18n/messages.properties}) and French ({@code
 * i18n/messages_fr.properties}) bundles.
 *
 * <p>Arguments are escaped for Slack mrkdwn unless wrapped in {@link Mrkdwn#raw}, so that text a
 * user typed can never become a mention or a link. Patterns use {@link MessageFormat}; the bundles
 * write apostrophes as ’ so that MessageFormat's quoting never eats one. Numbers follow each
 * language's conventions; identifiers such as request numbers are passed as text.
 */
public final class Messages {
  private static final String BASE = "i18n.messages";
  private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

  public Messages() {
    // No fallback to the JVM's default locale: an English lookup must never answer in French.
    var control =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    for (Language l : Language.values()) {
      bundles.put(
          l, ResourceBundle.getBundle(BASE, l == Language.EN ? Locale.ROOT : l.locale(), control));
    }
  }

  /** One language's text, arguments escaped. */
  public String text(Language language, String key, Object... args) {
    String pattern = bundles.get(language).getString(key);
    if (args.length == 0) {
      return pattern;
    }
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      safe[i] =
          switch (args[i]) {
            case String s -> Mrkdwn.escape(s);
            case Mrkdwn.Raw r -> r.text();
            case null, default -> args[i];
          };
    }
    return new MessageFormat(pattern, language.locale()).format(safe);
  }

  public boolean has(String key) {
    return bundles.get(Language.EN).containsKey(key);
  }

  /** Both languages, {@code first} first. */
  public Bilingual both(Language first, String key, Object... args) {
    return new Bilingual(first, text(first, key, args), text(first.other(), key, args));
  }

  /** The keys of one language's bundle (for the test that both languages have every key). */
  public Set<String> keys(Language language) {
    ResourceBundle b = bundles.get(language);
    return b.keySet();
  }
}
