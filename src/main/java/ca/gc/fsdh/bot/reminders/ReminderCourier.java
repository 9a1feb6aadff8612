package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding.Standing;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the due rows of {@code reminder_delivery}, one at a time: claim the row, decide whether it
 * still applies, take a send slot, post, record the outcome. A post Slack did not take (429, 5xx,
 * no connection, a transient error) goes back to the queue for later; a refusal for good is FAILED.
 *
 * <p>A row is re-checked just before its post (milestone date, workspace state, directory), so a
 * date changed or a workspace finished after the fan-out never gets a stale reminder. One delivery
 * loop runs per bot instance at a time; several instances share the queue safely.
 */
public final class ReminderCourier {
  private static final Logger log = LoggerFactory.getLogger(ReminderCourier.class);

  /** Slack errors worth another try; any other {@code ok: false} is final. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  static final int MAX_ATTEMPTS = 8;

  /** Waits shorter than this stay in the loop; longer ones are left to the periodic sweep. */
  private static final Duration LINGER = Duration.ofSeconds(10);

  private final ReminderDeliveries deliveries;
  private final SendPacer pacer;
  private final CurrentDeadlines deadlines;
  private final WorkspaceDirectory directory;
  private final WorkspaceStanding standings;
  private final ReminderMessage message;
  private final MethodsClient slack;
  private final Clock clock;
  private final String owner;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;

  public ReminderCourier(
      ReminderDeliveries deliveries,
      SendPacer pacer,
      CurrentDeadlines deadlines,
      WorkspaceDirectory directory,
      WorkspaceStanding standings,
      ReminderMessage message,
      MethodsClient slack,
      Clock clock,
      String owner) {
    this.deliveries = deliveries;
    this.pacer = pacer;
    this.deadlines = deadlines;
    this.directory = directory;
    this.standings = standings;
    this.message = message;
    this.slack = slack;
    this.clock = clock;
    this.owner = owner;
  }

  /** Delivers until nothing is due soon; returns at once if this instance is already delivering. */
  public void deliverPending() throws InterruptedException {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      while (!stopping) {
        Optional<Delivery> next = deliveries.claimNext(owner, clock.instant());
        if (next.isPresent()) {
          deliver(next.get());
          continue;
        }
        Optional<Instant> later = deliveries.nextAttempt();
        if (later.isEmpty()
            || Duration.between(clock.instant(), later.get()).compareTo(LINGER) > 0) {
          return;
        }
        sleepUntil(later.get());
      }
    } finally {
      running.set(false);
    }
  }

  /** Finishes the post under way, then stops delivering (at shutdown); unsent rows stay PENDING. */
  public void stop() {
    stopping = true;
  }

  private void deliver(Delivery d) throws InterruptedException {
    Deadlines current = deadlines.get();
    Optional<Milestone> milestone =
        current.milestones().stream().filter(m -> m.id().equals(d.milestoneId())).findFirst();
    Optional<Workspace> workspace = directory.find(d.workspace());
    Instant now = clock.instant();
    if (milestone.isEmpty() || !milestone.get().date().equals(d.milestoneDate())) {
      deliveries.finish(d, owner, DeliveryStatus.SKIPPED, "milestone date changed or removed");
      return;
    }
    if (workspace.isEmpty()) {
      deliveries.finish(d, owner, DeliveryStatus.SKIPPED, "workspace left the directory");
      return;
    }
    if (!now.isBefore(ReminderPlanner.passedAt(current, d.milestoneDate()))) {
      log.warn("reminder {} dropped: its milestone passed before it could go out", d.describe());
      deliveries.finish(d, owner, DeliveryStatus.DROPPED, "milestone passed");
      return;
    }
    Standing state = standings.standingOf(d.workspace(), d.milestoneId());
    if (state == Standing.DONE) {
      deliveries.finish(d, owner, DeliveryStatus.SKIPPED, "workspace done");
      return;
    }
    SendPacer.Slot slot = pacer.reserve(d.channel(), now);
    if (!slot.reserved()) {
      deliveries.retryLater(d, owner, slot.at(), false, null);
      return;
    }
    try {
      sleepUntil(slot.at());
    } catch (InterruptedException e) {
      deliveries.retryLater(d, owner, clock.instant(), false, "interrupted before posting");
      throw e;
    }
    Bilingual text =
        message.render(
            workspace.get(),
            milestone.get(),
            state,
            clock.instant().atZone(current.timeZone()).toLocalDate());
    post(d, text, d.attempts() + 1);
  }

  private void post(Delivery d, Bilingual text, int attempt) {
    try {
      var response =
          slack.chatPostMessage(r ->
              r.channel(d.channel())
                  .text(text.mrkdwn())
                  .blocks(BilingualBlocks.of(text))
                  .unfurlLinks(false));
      if (response.isOk()) {
        deliveries.sent(d, owner, response.getTs(), clock.instant());
      } else if (TRANSIENT.contains(response.getError()) && attempt < MAX_ATTEMPTS) {
        retry(d, "slack error " + response.getError(), backoff(attempt));
      } else {
        log.warn("reminder {} not posted: Slack answered {}", d.describe(), response.getError());
        deliveries.finish(d, owner, DeliveryStatus.FAILED, "slack error " + response.getError());
      }
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        Duration wait = retryAfter(e);
        pacer.holdAll(clock.instant().plus(wait));
        retry(d, "HTTP 429, Retry-After " + wait.toSeconds() + " s", wait);
      } else if (attempt < MAX_ATTEMPTS) {
        retry(d, "HTTP " + status, backoff(attempt));
      } else {
        deliveries.finish(
            d, owner, DeliveryStatus.FAILED, "HTTP " + status + " after " + attempt + " attempts");
      }
    } catch (InterruptedIOException e) {
      // A timeout after the request left: Slack may have posted it. Never twice wins over never
      // lost.
      log.warn("reminder {} unconfirmed: no answer from Slack ({})", d.describe(), e.toString());
      deliveries.finish(d, owner, DeliveryStatus.UNCONFIRMED, "no answer from Slack");
    } catch (IOException | RuntimeException e) {
      // The request did not reach Slack (refused connection, bad answer before posting): try again.
      if (attempt < MAX_ATTEMPTS) {
        retry(d, e.getClass().getSimpleName(), backoff(attempt));
      } else {
        deliveries.finish(d, owner, DeliveryStatus.FAILED, e.getClass().getSimpleName());
      }
    }
  }

  private void retry(Delivery d, String why, Duration wait) {
    log.info("reminder {} will be retried in {} s: {}", d.describe(), wait.toSeconds(), why);
    deliveries.retryLater(d, owner, clock.instant().plus(wait), true, why);
  }

  private static Duration retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.trim())));
    } catch (NumberFormatException bad) {
      return Duration.ofSeconds(30);
    }
  }

  /** 2, 4, 8 ... seconds, at most five minutes. */
  static Duration backoff(int attempt) {
    return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempt, 9)));
  }

  private void sleepUntil(Instant at) throws InterruptedException {
    long millis = Duration.between(clock.instant(), at).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
