package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.BusinessDays;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Milestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the deadlines into reminder slots: for each milestone and offset, the business day on or
 * before (date - offset) at the reminder time in the deadlines' time zone. A local time that a
 * daylight-saving change skips or repeats is resolved by java.time (later offset in a gap, earlier
 * in an overlap), so the instant always reads as the configured time on that day.
 */
public final class ReminderPlanner {
  private ReminderPlanner() {}

  public static List<ReminderSlot> slots(Deadlines deadlines) {
    List<ReminderSlot> out = new ArrayList<>();
    for (Milestone m : deadlines.milestones()) {
      for (int offset : deadlines.reminderOffsetsDays().stream().distinct().toList()) {
        out.add(slot(deadlines, m, offset));
      }
    }
    out.sort(Comparator.comparing(ReminderSlot::dueAt).thenComparing(ReminderSlot::key));
    return out;
  }

  public static Optional<ReminderSlot> slot(Deadlines deadlines, String milestoneId, int offset) {
    return deadlines.milestones().stream()
        .filter(m -> m.id().equals(milestoneId))
        .findFirst()
        .filter(m -> deadlines.reminderOffsetsDays().contains(offset))
        .map(m -> slot(deadlines, m, offset));
  }

  /** The instant from which a milestone has passed: the end of its day, in the deadlines' zone. */
  public static Instant passedAt(Deadlines deadlines, LocalDate milestoneDate) {
    return milestoneDate.plusDays(1).atStartOfDay(deadlines.timeZone()).toInstant();
  }

  private static ReminderSlot slot(Deadlines d, Milestone m, int offset) {
    LocalDate day = new BusinessDays(d.holidays()).onOrBefore(m.date().minusDays(offset));
    Instant due = day.atTime(d.reminderTime()).atZone(d.timeZone()).toInstant();
    return new ReminderSlot(m.id(), m.date(), offset, due);
  }
}
