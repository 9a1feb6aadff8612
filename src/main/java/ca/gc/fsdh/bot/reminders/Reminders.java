package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.database.HandBuiltJobs;
import ca.gc.fsdh.bot.platform.database.Quartz;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * The reminders feature of one bot instance, built by hand: deadlines in force, the delivery queue,
 * the courier and the Quartz scheduler. Wiring, the demo, tests and the benchmark build it the same
 * way.
 */
public final class Reminders implements AutoCloseable {
  public static final Duration SWEEP_EVERY = Duration.ofSeconds(15);

  /** Quartz worker threads: its jobs are short (request runs hand off to their own executor). */
  public static final int QUARTZ_THREADS = 3;

  public final CurrentDeadlines deadlines;
  public final ReminderDeliveries deliveries;
  public final ReminderCourier courier;
  public final ReminderScheduler scheduler;
  public final WorkspaceDirectory directory;
  public final WorkspaceStanding standings;

  private Reminders(
      CurrentDeadlines deadlines,
      ReminderDeliveries deliveries,
      ReminderCourier courier,
      ReminderScheduler scheduler,
      WorkspaceDirectory directory,
      WorkspaceStanding standings) {
    this.deadlines = deadlines;
    this.deliveries = deliveries;
    this.courier = courier;
    this.scheduler = scheduler;
    this.directory = directory;
    this.standings = standings;
  }

  /** Built in standby on a scheduler of its own (tests, the demo, the benchmark). */
  public static Reminders create(
      DataSource dataSource,
      boolean postgres,
      Deadlines configured,
      WorkspaceDirectory directory,
      WorkspaceStanding standings,
      Messages messages,
      MethodsClient slack,
      Clock clock,
      Duration sweepEvery)
      throws SchedulerException {
    var jobs = new HandBuiltJobs();
    return create(
        Quartz.create(dataSource, postgres, jobs, QUARTZ_THREADS),
        jobs,
        dataSource,
        configured,
        directory,
        standings,
        messages,
        slack,
        clock,
        sweepEvery);
  }

  /**
   * Built in standby on the bot's shared scheduler, registering its jobs in {@code jobs}; {@link
   * #start()} plans and starts the scheduler, {@link #close()} shuts it down.
   */
  public static Reminders create(
      Scheduler quartz,
      HandBuiltJobs jobs,
      DataSource dataSource,
      Deadlines configured,
      WorkspaceDirectory directory,
      WorkspaceStanding standings,
      Messages messages,
      MethodsClient slack,
      Clock clock,
      Duration sweepEvery) {
    var deadlines = new CurrentDeadlines(configured, new MilestoneOverrides(dataSource));
    var deliveries = new ReminderDeliveries(dataSource);
    var courier =
        new ReminderCourier(
            deliveries,
            new SendPacer(dataSource, configured.reminderRatePerSecond()),
            deadlines,
            directory,
            standings,
            new ReminderMessage(messages),
            slack,
            clock,
            "bot-" + UUID.randomUUID());
    jobs.register(
        FanOutJob.class,
        new FanOutJob(deadlines, directory, standings, deliveries, courier, clock));
    jobs.register(SweepJob.class, new SweepJob(deliveries, courier, clock));
    var scheduler = new ReminderScheduler(quartz, deadlines, courier, clock, sweepEvery);
    return new Reminders(deadlines, deliveries, courier, scheduler, directory, standings);
  }

  public Reminders start() throws SchedulerException {
    scheduler.start();
    return this;
  }

  @Override
  public void close() throws SchedulerException {
    scheduler.close();
  }
}
