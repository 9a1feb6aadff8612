package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Dates as people write them in each language: "Sunday, November 30, 2025" and "dimanche 30
 * novembre 2025"; times as "9:30 AM" and "09 h 30" (the JDK's CLDR data for English and Canadian
 * French).
 */
public final class DateWords {
  private DateWords() {}

  public static String day(LocalDate date, Language language) {
    return date.format(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale()));
  }

  public static String dayAndTime(Instant at, ZoneId zone, Language language) {
    var local = at.atZone(zone);
    return day(local.toLocalDate(), language)
        + ", "
        + local.format(
            DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.locale()));
  }
}
