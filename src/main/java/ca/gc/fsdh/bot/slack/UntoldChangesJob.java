package ca.gc.fsdh.bot.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Every minute, on one instance of the cluster at a time: tells Slack of request changes that a crash
 * or a failed Slack call left untold (the approval message, the requester's direct message), and
 * posts the reports of runs that ended unreported.
 */
@DisallowConcurrentExecution
public final class UntoldChangesJob implements Job {
  static final Duration EVERY = Duration.ofMinutes(1);
  /** A younger change may still be on its way through the notifier's queue. */
  static final Duration SETTLE = Duration.ofMinutes(1);
  private static final TriggerKey TRIGGER = TriggerKey.triggerKey("untold-changes", "requests");

  private final RequestNotifier notifier;
  private final ProgressMessage reports;
  private final Clock clock;

  public UntoldChangesJob(RequestNotifier notifier, ProgressMessage reports, Clock clock) {
    this.notifier = notifier;
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    var settled = clock.instant().minus(SETTLE);
    notifier.tellUntold(settled);
    reports.postUnreported(settled);
  }

  /** Stores the periodic trigger (kept if another instance stored it already). */
  public static void schedule(Scheduler quartz) throws SchedulerException {
    if (quartz.checkExists(TRIGGER)) {
      return;
    }
    var job = JobBuilder.newJob(UntoldChangesJob.class).withIdentity("untold-changes", "requests").storeDurably().build();
    quartz.scheduleJob(job, Set.of(TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(job).startNow()
        .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever((int) EVERY.toSeconds())
            .withMisfireHandlingInstructionNextWithRemainingCount()).build()), true);
  }
}
