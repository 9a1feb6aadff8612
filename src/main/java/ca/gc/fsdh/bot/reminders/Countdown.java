package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** "today", "tomorrow", "in 7 days", "passed 3 days ago", in one language. */
public final class Countdown {
  private Countdown() {}

  public static String words(
      Messages messages, Language language, LocalDate today, LocalDate date) {
    long days = ChronoUnit.DAYS.between(today, date);
    if (days == 0) {
      return messages.text(language, "reminder.countdown.today");
    } else if (days == 1) {
      return messages.text(language, "reminder.countdown.tomorrow");
    } else if (days > 1) {
      return messages.text(language, "reminder.countdown.days", days);
    }
    return messages.text(language, "reminder.countdown.passed", -days);
  }
}
