package ca.gc.fsdh.bot.platform.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The campaign view: which milestone the burn-down aims at, where it starts, and when the weekly
 * digest goes to the support channel.
 *
 * @param finalMilestone the milestone id the burn-down chart's straight line meets; empty: the
 *     latest milestone
 * @param start the chart's first day; empty: the day of the first request (or today)
 * @param digestDay the day of the week the digest is posted, in the deadlines' time zone
 * @param digestTime the local time it is posted
 * @param digest false: no weekly digest
 */
public record CampaignSettings(
    Optional<String> finalMilestone,
    Optional<LocalDate> start,
    DayOfWeek digestDay,
    LocalTime digestTime,
    boolean digest) {

  public static final CampaignSettings DEFAULT =
      new CampaignSettings(
          Optional.empty(), Optional.empty(), DayOfWeek.MONDAY, LocalTime.of(9, 0), true);
}
