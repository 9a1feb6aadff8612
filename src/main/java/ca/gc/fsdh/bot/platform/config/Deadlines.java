package ca.gc.fsdh.bot.platform.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The milestones and when reminders of them go out.
 *
 * @param reminderOffsetsDays days before a milestone on which a reminder is due (0 = the day
 *     itself)
 * @param reminderTime local time of day, in {@code timeZone}, at which reminders are posted
 * @param holidays days, besides weekends, on which no reminder goes out
 * @param reminderRatePerSecond most reminder messages per second, all channels and bot instances
 *     together
 */
public record Deadlines(
    ZoneId timeZone,
    LocalTime reminderTime,
    List<Integer> reminderOffsetsDays,
    Set<LocalDate> holidays,
    List<Milestone> milestones,
    double reminderRatePerSecond) {

  /**
   * Slack's chat.postMessage allows about one message per second per channel, with short bursts.
   */
  public static final double DEFAULT_RATE_PER_SECOND = 20;

  public Deadlines(
      ZoneId timeZone,
      LocalTime reminderTime,
      List<Integer> reminderOffsetsDays,
      Set<LocalDate> holidays,
      List<Milestone> milestones) {
    this(
        timeZone, reminderTime, reminderOffsetsDays, holidays, milestones, DEFAULT_RATE_PER_SECOND);
  }

  public Deadlines {
    if (!(reminderRatePerSecond > 0)) {
      throw new IllegalArgumentException(
          "reminderRatePerSecond must be positive, not " + reminderRatePerSecond);
    }
    reminderOffsetsDays = List.copyOf(reminderOffsetsDays);
    holidays = Set.copyOf(holidays);
    milestones = List.copyOf(milestones);
  }
}
