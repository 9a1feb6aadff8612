package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Dates in messages, written with Slack's date token so each reader sees them in their own time
 * zone and locale; the fallback (UTC, ISO) shows where the token is not rendered.
 */
public final class SlackDates {
  private SlackDates() {}

  public static Mrkdwn.Raw dateTime(Instant instant) {
    return Mrkdwn.raw(
        "<!date^"
            + instant.getEpochSecond()
            + "^{date_short_pretty} {time}|"
            + instant.truncatedTo(ChronoUnit.MINUTES)
            + ">");
  }
}
