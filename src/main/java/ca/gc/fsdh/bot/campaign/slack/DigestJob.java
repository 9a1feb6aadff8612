package ca.gc.fsdh.bot.campaign.slack;

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
 * Fired every {@link #EVERY} on one instance of the Quartz cluster: posts the weekly digest when it
 * is due. The digest's claim, not the trigger, is what makes it go out once.
 */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
  /** How late after its time the digest may go out. */
  public static final Duration EVERY = Duration.ofMinutes(1);

  private static final TriggerKey TRIGGER = TriggerKey.triggerKey("campaign-digest", "campaign");

  private final WeeklyDigest digest;

  public DigestJob(WeeklyDigest digest) {
    this.digest = digest;
  }

  @Override
  public void execute(JobExecutionContext context) {
    digest.runIfDue();
  }

  /** Stores the job and its repeating trigger once (the JDBC job store keeps them). */
  public static void schedule(Scheduler quartz, Duration every) throws SchedulerException {
    if (quartz.checkExists(TRIGGER)) {
      return;
    }
    var job =
        JobBuilder.newJob(DigestJob.class)
            .withIdentity("campaign-digest", "campaign")
            .storeDurably()
            .build();
    quartz.scheduleJob(
        job,
        Set.of(
            TriggerBuilder.newTrigger()
                .withIdentity(TRIGGER)
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
