package ca.gc.fsdh.bot.platform.config;

import java.util.List;
import java.util.Locale;

/** The two official languages. Every message carries both, the preferred one first. */
public enum Language {
  EN(Locale.ENGLISH),
  FR(Locale.CANADA_FRENCH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public Language other() {
    return this == EN ? FR : EN;
  }

  /** This language, then the other one. */
  public List<Language> order() {
    return List.of(this, other());
  }

  public static Language parse(String code) {
    return switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "en" -> EN;
      case "fr" -> FR;
      default -> throw new IllegalArgumentException("must be en or fr, not '" + code + "'");
    };
  }
}
