package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.platform.database.HandBuiltJobs;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs approved requests durably, through Quartz's JDBC job store. An approval stores a one-shot
 * trigger (it survives a restart, and on PostgreSQL any instance of the cluster may fire it); a
 * periodic sweep also picks up every request that should be running but has no live owner (approved
 * while no trigger could be stored, or running on an instance that died).
 *
 * <p>Quartz only hands the work over: runs last minutes to hours, so they go to this instance's own
 * bounded executor, where {@link RunWorker} claims the request (one conditional UPDATE: a request
 * never runs twice at once, whatever fired it and wherever) and resumes from the core's journal.
 */
public final class DurableRuns implements RequestListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DurableRuns.class);
  static final String GROUP = "requests";
  static final String REQUEST_ID = "requestId";
  private static final TriggerKey SWEEP = TriggerKey.triggerKey("sweep", GROUP);

  private final Scheduler quartz;
  private final RunLeases leases;
  private final RunWorker worker;
  private final Clock clock;
  private final Duration sweepEvery;
  private final ExecutorService runs;
  private final Set<Long> queuedHere = ConcurrentHashMap.newKeySet();
  private final ExecutorService scheduling =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("fsdh-run-triggers").daemon().factory());

  /**
   * @param parallelRuns how many requests this instance runs at once
   */
  public DurableRuns(
      Scheduler quartz,
      HandBuiltJobs jobs,
      RunLeases leases,
      RunWorker worker,
      Clock clock,
      int parallelRuns,
      Duration sweepEvery) {
    this.quartz = quartz;
    this.leases = leases;
    this.worker = worker;
    this.clock = clock;
    this.sweepEvery = sweepEvery;
    this.runs =
        Executors.newFixedThreadPool(
            parallelRuns, Thread.ofPlatform().name("fsdh-run-", 0).factory());
    jobs.register(RunRequestJob.class, new RunRequestJob(this));
    jobs.register(SweepRequestsJob.class, new SweepRequestsJob(this));
  }

  /** Stores the periodic sweep (kept if another instance stored it already). */
  public void start() throws SchedulerException {
    var job =
        JobBuilder.newJob(SweepRequestsJob.class)
            .withIdentity("sweep", GROUP)
            .storeDurably()
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(SWEEP)
            .forJob(job)
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.repeatSecondlyForever(
                        (int) Math.max(1, sweepEvery.toSeconds()))
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    if (!quartz.checkExists(SWEEP)) {
      quartz.scheduleJob(job, Set.of(trigger), true);
    }
    quartz.start();
  }

  /**
   * An approval stores the request's trigger after the ack, on a background thread: the decision is
   * already stored, and should the trigger never be written the sweep still finds the request.
   */
  @Override
  public void changed(MigrationRequest request, String actor) {
    if (request.state() == RequestState.APPROVED) {
      scheduling.execute(() -> storeTrigger(request));
    }
  }

  private void storeTrigger(MigrationRequest request) {
    try {
      var job =
          JobBuilder.newJob(RunRequestJob.class)
              .withIdentity(JobKey.jobKey("run-" + request.id(), GROUP))
              .usingJobData(REQUEST_ID, request.number())
              .requestRecovery()
              .build();
      Trigger now =
          TriggerBuilder.newTrigger()
              .withIdentity("run-" + request.id(), GROUP)
              .forJob(job)
              .startAt(Date.from(clock.instant()))
              .build();
      quartz.scheduleJob(job, Set.of(now), true);
    } catch (SchedulerException e) {
      log.warn(
          "request {}: no trigger stored ({}); the sweep will run it", request.id(), e.toString());
    }
  }

  /** Queues a run on this instance unless one is queued here already. */
  void runHere(long requestId) {
    if (queuedHere.add(requestId)) {
      runs.execute(() -> {
        try {
          worker.run(requestId);
        } catch (RuntimeException e) {
          log.error("request {}: the run could not be recorded", requestId, e);
        } finally {
          queuedHere.remove(requestId);
        }
      });
    }
  }

  void sweep() {
    for (MigrationRequest r : leases.claimable(clock.instant().minus(worker.lease()))) {
      runHere(r.id());
    }
  }

  /** Stops taking runs; a run in progress is interrupted and resumed later by the sweep. */
  @Override
  public void close() {
    scheduling.shutdown();
    runs.shutdownNow();
    try {
      scheduling.awaitTermination(5, TimeUnit.SECONDS);
      runs.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread()
          .interrupt(); // keep the interrupt for the caller (AutoCloseable's advice)
    }
  }

  /** Fired once per approval: hands the run to this instance's executor. */
  public record RunRequestJob(DurableRuns execution) implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      execution.runHere(Long.parseLong(context.getMergedJobDataMap().getString(REQUEST_ID)));
    }
  }

  /** Fired every few seconds, on one instance of the cluster at a time. */
  @DisallowConcurrentExecution
  public record SweepRequestsJob(DurableRuns execution) implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      execution.sweep();
    }
  }
}
