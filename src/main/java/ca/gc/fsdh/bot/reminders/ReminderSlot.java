package ca.gc.fsdh.bot.reminders;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The reminders of one milestone at one offset: every workspace's reminder for it is due at the
 * same instant, so the scheduler holds one trigger per slot and the fan-out covers the directory as
 * it is when the trigger fires.
 *
 * @param offsetDays days before the milestone (0 = the day itself), before moving off a weekend
 * @param dueAt when it goes out: the business day on or before (date - offset), at the reminder
 *     time
 */
public record ReminderSlot(
    String milestoneId, LocalDate milestoneDate, int offsetDays, Instant dueAt) {
  /** The Quartz trigger name: stable across date changes so re-planning replaces, never adds. */
  public String key() {
    return milestoneId + "." + offsetDays;
  }
}
