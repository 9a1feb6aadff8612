package ca.gc.fsdh.bot.requests.nudges;

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
 * Runs {@link Nudges#sweep()} every few seconds from the shared Quartz scheduler (JDBC job store,
 * clustered on PostgreSQL: one instance fires each time). The ledger, not the trigger, is what
 * keeps a nudge to once: a sweep may run anywhere, any number of times.
 */
@DisallowConcurrentExecution
public final class NudgeJob implements Job {
  private static final TriggerKey KEY = TriggerKey.triggerKey("nudges", "requests");
  private final Nudges nudges;

  public NudgeJob(Nudges nudges) {
    this.nudges = nudges;
  }

  @Override
  public void execute(JobExecutionContext context) {
    nudges.sweep();
  }

  /** Stores the repeating trigger (re-timed if another instance stored another interval). */
  public static void schedule(Scheduler quartz, Duration every) throws SchedulerException {
    var job =
        JobBuilder.newJob(NudgeJob.class).withIdentity("nudges", "requests").storeDurably().build();
    quartz.scheduleJob(
        job,
        Set.of(
            TriggerBuilder.newTrigger()
                .withIdentity(KEY)
                .forJob(job)
                .startNow()
                .withSchedule(
                    SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(every.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build()),
        true);
  }
}
