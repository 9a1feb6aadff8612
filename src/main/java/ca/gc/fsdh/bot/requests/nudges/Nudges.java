package ca.gc.fsdh.bot.requests.nudges;

import ca.gc.fsdh.bot.platform.config.ApprovalSettings;
import ca.gc.fsdh.bot.platform.config.BusinessDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which waiting requests are due a nudge now, claims each in the {@link NudgeLedger} and
 * posts it. A request is due on a business day once it has waited {@code nudgeAfterBusinessDays}
 * (business days as the reminders count them: weekends and {@code deadlines.holidays} left out);
 * the first due day after {@code escalateAfterBusinessDays} more, its nudge is an escalation
 * instead (once). Nothing is posted on a weekend or a holiday.
 */
public final class Nudges {
  private static final Logger log = LoggerFactory.getLogger(Nudges.class);
  private final WaitingRequests waiting;
  private final NudgeLedger ledger;
  private final NudgePoster poster;
  private final ApprovalSettings settings;
  private final BusinessDays businessDays;
  private final ZoneId zone;
  private final Supplier<Optional<LocalDate>> finalDate;
  private final Clock clock;
  private final String owner;

  /**
   * @param finalDate the date of {@code approvals.finalMilestone} in force (dates support moved
   *     included)
   * @param owner this instance, written on the rows it claims
   */
  public Nudges(
      WaitingRequests waiting,
      NudgeLedger ledger,
      NudgePoster poster,
      ApprovalSettings settings,
      BusinessDays businessDays,
      ZoneId zone,
      Supplier<Optional<LocalDate>> finalDate,
      Clock clock,
      String owner) {
    this.waiting = waiting;
    this.ledger = ledger;
    this.poster = poster;
    this.settings = settings;
    this.businessDays = businessDays;
    this.zone = zone;
    this.finalDate = finalDate;
    this.clock = clock;
    this.owner = owner;
  }

  /** Posts every nudge due now that nobody posted today; returns how many this call posted. */
  public int sweep() {
    ZonedDateTime now = clock.instant().atZone(zone);
    LocalDate today = now.toLocalDate();
    if (!businessDays.isBusinessDay(today)) {
      return 0;
    }
    int posted = 0;
    for (WaitingRequests.Waiting w : waiting.all()) {
      ZonedDateTime created = w.createdAt().atZone(zone);
      if (businessDays.plus(created, settings.nudgeAfterBusinessDays()).isAfter(now)) {
        continue;
      }
      int waited = businessDays.between(created, now);
      boolean escalate =
          !businessDays
                  .plus(
                      created,
                      settings.nudgeAfterBusinessDays() + settings.escalateAfterBusinessDays())
                  .isAfter(now)
              && !ledger.escalated(w.id());
      Nudge.Kind kind = escalate ? Nudge.Kind.ESCALATION : Nudge.Kind.NUDGE;
      if (!ledger.claim(w.id(), today, kind, waited, owner, clock.instant())) {
        continue;
      }
      Nudge nudge =
          new Nudge(
              kind,
              w.id(),
              w.supportChannel(),
              w.supportTs(),
              w.createdAt(),
              waited,
              today,
              finalDate.get());
      try {
        ledger.sent(w.id(), today, poster.post(nudge), clock.instant());
        posted++;
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        log.warn("the {} of request {} was not posted: {}", kind, w.id(), e.toString());
        ledger.failed(w.id(), today, e.toString());
      }
    }
    return posted;
  }
}
