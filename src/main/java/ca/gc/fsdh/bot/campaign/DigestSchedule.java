package ca.gc.fsdh.bot.campaign;

import ca.gc.fsdh.bot.platform.config.CampaignSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When the weekly digest is due: on {@code day} at {@code time} in {@code zone}, each week. A
 * digest missed while the bot was down still goes out if the bot is back within {@link #GRACE};
 * later, that week's is skipped (the next one says the same, up to date).
 */
public record DigestSchedule(DayOfWeek day, LocalTime time, ZoneId zone) {
  public static final Duration GRACE = Duration.ofDays(1);

  public static DigestSchedule of(CampaignSettings settings, ZoneId zone) {
    return new DigestSchedule(settings.digestDay(), settings.digestTime(), zone);
  }

  /** The date of the digest due at {@code now} (its time reached, within the grace), if any. */
  public Optional<LocalDate> dueAt(Instant now) {
    LocalDate date = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day));
    Instant due = ZonedDateTime.of(date, time, zone).toInstant();
    if (due.isAfter(now)) {
      date = date.minusWeeks(1);
      due = ZonedDateTime.of(date, time, zone).toInstant();
    }
    return now.isBefore(due.plus(GRACE)) ? Optional.of(date) : Optional.empty();
  }
}
