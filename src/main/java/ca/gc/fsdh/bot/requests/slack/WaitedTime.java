package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.config.BusinessDays;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.slackkit.SlackDates;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How long a request has waited for a decision, in business days as the reminders and the nudges
 * count them ({@code deadlines.timeZone}, weekends and {@code deadlines.holidays} left out).
 */
public final class WaitedTime {
  private final Messages messages;
  private final BusinessDays businessDays;
  private final ZoneId zone;
  private final Clock clock;

  public WaitedTime(Messages messages, BusinessDays businessDays, ZoneId zone, Clock clock) {
    this.messages = messages;
    this.businessDays = businessDays;
    this.zone = zone;
    this.clock = clock;
  }

  /** "Waiting for a decision for 2 business days (made …)", while the request waits; else empty. */
  public Optional<String> line(Language l, MigrationRequest r) {
    if (r.state() != RequestState.PENDING_APPROVAL) {
      return Optional.empty();
    }
    int days = businessDays.between(r.createdAt().atZone(zone), clock.instant().atZone(zone));
    return Optional.of(messages.text(l, "status.waited", days, SlackDates.dateTime(r.createdAt())));
  }
}
