package ca.gc.fsdh.bot.reminders;

import java.time.Clock;
import java.time.Duration;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fired every few seconds on one instance of the cluster: delivers what is due again (retries after
 * a 429 or a failure, rows left when an instance stopped), and marks as UNCONFIRMED the rows an
 * instance claimed and never recorded, so that no one re-posts them.
 */
final class SweepJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(SweepJob.class);

  /** Far longer than any post: a row SENDING for this long belongs to an instance that died. */
  static final Duration ABANDONED = Duration.ofMinutes(10);

  private final ReminderDeliveries deliveries;
  private final ReminderCourier courier;
  private final Clock clock;

  SweepJob(ReminderDeliveries deliveries, ReminderCourier courier, Clock clock) {
    this.deliveries = deliveries;
    this.courier = courier;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    int abandoned = deliveries.markUnconfirmed(clock.instant().minus(ABANDONED));
    if (abandoned > 0) {
      log.warn(
          "{} reminder(s) were being posted by an instance that stopped: marked UNCONFIRMED, not re-sent",
          abandoned);
    }
    try {
      courier.deliverPending();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
