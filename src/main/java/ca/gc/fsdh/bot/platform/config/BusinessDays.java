package ca.gc.fsdh.bot.platform.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Weekends and configured holidays: when reminders go out, and how long a request has waited.
 * Computed with java.time rather than a Quartz calendar: a one-shot trigger whose fire time falls
 * on an excluded day never fires at all.
 */
public record BusinessDays(Set<LocalDate> holidays) {
  public BusinessDays {
    holidays = Set.copyOf(holidays);
  }

  public boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /** The day itself if people work that day, else the closest working day before it. */
  public LocalDate onOrBefore(LocalDate day) {
    LocalDate d = day;
    while (!isBusinessDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /**
   * The moment {@code days} business days after {@code start}, at the same local time: Friday 15:00
   * plus one is Monday 15:00. A start outside business days counts from the beginning of the next
   * business day (a request made on Saturday has waited one business day on Tuesday at midnight).
   */
  public ZonedDateTime plus(ZonedDateTime start, int days) {
    ZonedDateTime t = start;
    if (!isBusinessDay(t.toLocalDate())) {
      LocalDate d = t.toLocalDate();
      while (!isBusinessDay(d)) {
        d = d.plusDays(1);
      }
      t = d.atStartOfDay(t.getZone());
    }
    LocalDate day = t.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = day.plusDays(1);
      while (!isBusinessDay(day)) {
        day = day.plusDays(1);
      }
    }
    return ZonedDateTime.of(day, t.toLocalTime(), t.getZone());
  }

  /**
   * Whole business days from {@code start} to {@code end}: the most n with plus(start, n) ≤ end.
   */
  public int between(ZonedDateTime start, ZonedDateTime end) {
    int n = 0;
    while (!plus(start, n + 1).isAfter(end)) {
      n++;
    }
    return n;
  }
}
