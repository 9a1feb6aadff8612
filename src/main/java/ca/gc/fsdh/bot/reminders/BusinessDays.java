package ca.gc.fsdh.bot.reminders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Weekends and configured holidays. Computed with java.time rather than a Quartz calendar: a
 * one-shot trigger whose fire time falls on an excluded day never fires at all.
 */
record BusinessDays(Set<LocalDate> holidays) {
  BusinessDays {
    holidays = Set.copyOf(holidays);
  }

  boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /** The day itself if people work that day, else the closest working day before it. */
  LocalDate onOrBefore(LocalDate day) {
    LocalDate d = day;
    while (!isBusinessDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
