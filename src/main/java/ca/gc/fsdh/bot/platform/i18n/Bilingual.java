package ca.gc.fsdh.bot.platform.i18n;

import ca.gc.fsdh.bot.platform.config.Language;
import java.util.function.Function;

/**
 * One message in both official languages, the reader's preferred one first, as FSDH's own notices
 * are written.
 */
public record Bilingual(Language first, String firstText, String secondText) {
  public static final String SEPARATOR = "\n\n— — —\n\n";

  /** Builds each language's text with the same function. */
  public static Bilingual build(Language first, Function<Language, String> text) {
    return new Bilingual(first, text.apply(first), text.apply(first.other()));
  }

  public String in(Language language) {
    return language == first ? firstText : secondText;
  }

  /** Plain mrkdwn: the first language, a separator, the second. */
  public String mrkdwn() {
    return firstText + SEPARATOR + secondText;
  }

  /** Both on one line, for plain-text places such as modal labels and buttons: "first / second". */
  public String inline() {
    return firstText + " / " + secondText;
  }

  /** Appends another message, language by language. */
  public Bilingual then(Bilingual next) {
    return new Bilingual(
        first, firstText + "\n" + next.in(first), secondText + "\n" + next.in(first.other()));
  }
}
