package ca.gc.fsdh.bot.campaign;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Workspaces remaining (not done) at the end of each day from {@code start} to today, against the
 * straight line from all of them on {@code start} to none on {@code finalDate}.
 *
 * @param days the days from {@code start} to today, one each
 * @param remaining the workspaces not yet done at the end of each of {@code days}
 */
public record BurnDown(
    LocalDate start,
    LocalDate finalDate,
    int total,
    List<LocalDate> days,
    List<Integer> remaining) {

  public BurnDown {
    days = List.copyOf(days);
    remaining = List.copyOf(remaining);
    if (days.size() != remaining.size()) {
      throw new IllegalArgumentException(days.size() + " days but " + remaining.size() + " counts");
    }
  }

  /** The straight line's value on {@code day}: {@code total} at the start, 0 on the final date. */
  public double idealOn(LocalDate day) {
    long span = ChronoUnit.DAYS.between(start, finalDate);
    if (span <= 0) {
      return 0;
    }
    long from = ChronoUnit.DAYS.between(start, day);
    return Math.max(0, total * (1 - (double) from / span));
  }

  /** The chart's last day: the final date, or today when it has passed. */
  public LocalDate lastDay() {
    LocalDate today = days.isEmpty() ? start : days.getLast();
    return today.isAfter(finalDate) ? today : finalDate;
  }
}
