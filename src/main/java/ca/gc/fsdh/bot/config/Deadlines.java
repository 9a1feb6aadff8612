package ca.gc.fsdh.bot.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The milestones and when reminders of them go out.
 *
 * @param reminderOffsetsDays days before a milestone on which a reminder is due (0 = the day itself)
 * @param reminderTime        local time of day, in {@code timeZone}, at which reminders are posted
 * @param holidays            days, besides weekends, on which no reminder goes out
 */
public record Deadlines(
    ZoneId timeZone,
    LocalTime reminderTime,
    List<Integer> reminderOffsetsDays,
    Set<LocalDate> holidays,
    List<Milestone> milestones) {

  public Deadlines {
    reminderOffsetsDays = List.copyOf(reminderOffsetsDays);
    holidays = Set.copyOf(holidays);
    milestones = List.copyOf(milestones);
  }
}
