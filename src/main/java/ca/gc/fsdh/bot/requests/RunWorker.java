package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.client.WorkspaceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one approved request, on whichever instance fired its job. The run first claims the request
 * (one conditional UPDATE: of several instances exactly one proceeds), then beats a heartbeat while
 * the engine works; if this instance dies, another one takes the stale run over and the engine
 * resumes from its journal. The outcome is stored before anyone is told: the messages that tell it
 * (state, report) are written with it, into the request outbox.
 */
public final class RunWorker {
  private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

  /** A heartbeat older than this means the instance running the request is gone. */
  public static final Duration LEASE = Duration.ofMinutes(2);

  private final RequestStore store;
  private final RunLeases leases;
  private final RequestEngine engine;
  private final RequestListener listener;
  private final ProgressReporter reporter;
  private final Clock clock;
  private final String owner;
  private final Duration lease;

  /** Makes the {@link RunProgress} for one run (the Slack progress message). */
  public interface ProgressReporter {
    RunProgress start(MigrationRequest request);

    /** The run ended (stored, with its report in the request outbox); show the last progress. */
    void finished(MigrationRequest request, StoredResult result);

    ProgressReporter NONE =
        new ProgressReporter() {
          @Override
          public RunProgress start(MigrationRequest request) {
            return RunProgress.NONE;
          }

          @Override
          public void finished(MigrationRequest request, StoredResult result) {}
        };
  }

  /**
   * @param owner this instance's name in the claim, unique per process
   * @param lease how long a silent run keeps its claim ({@link #LEASE}); heartbeats come six times
   *     as often
   */
  public RunWorker(
      RequestStore store,
      RunLeases leases,
      RequestEngine engine,
      RequestListener listener,
      ProgressReporter reporter,
      Clock clock,
      String owner,
      Duration lease) {
    this.store = store;
    this.leases = leases;
    this.engine = engine;
    this.listener = listener;
    this.reporter = reporter;
    this.clock = clock;
    this.owner = owner;
    this.lease = lease;
  }

  public Duration lease() {
    return lease;
  }

  /** Runs the request if this instance wins its claim; returns false when another owner has it. */
  public boolean run(long requestId) {
    if (!leases.claim(requestId, owner, clock.instant().minus(lease), clock.instant())) {
      return false;
    }
    MigrationRequest request = store.find(requestId).orElseThrow();
    listener.changed(request, "system");
    ScheduledExecutorService beats =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("fsdh-heartbeat-" + requestId).daemon().factory());
    beats.scheduleAtFixedRate(
        () -> {
          if (!leases.heartbeat(requestId, owner, clock.instant())) {
            log.warn("request {}: this instance lost its claim", requestId);
          }
        },
        lease.toMillis() / 6,
        lease.toMillis() / 6,
        TimeUnit.MILLISECONDS);
    Optional<RunReport> report = Optional.empty();
    Optional<String> error = Optional.empty();
    RequestState outcome;
    try {
      report = Optional.of(engine.run(request, reporter.start(request)));
      outcome = report.get().outcome();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("request {}: interrupted; another instance will take the run over", requestId);
      return true; // no finish: the lease runs out and the run is resumed
    } catch (WorkspaceUnavailableException e) {
      // Not a defect of the bot: a workspace down or a credential refused, said in one line.
      log.warn("request {}: the run could not start: {}", requestId, e.getMessage());
      error = Optional.of(e.getMessage());
      outcome = RequestState.FAILED;
    } catch (Exception e) {
      log.error("request {}: the run failed", requestId, e);
      error =
          Optional.of(
              e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      outcome = RequestState.FAILED;
    } finally {
      beats.shutdownNow();
    }
    StoredResult result = new StoredResult(report, error);
    if (!leases.finish(requestId, owner, outcome, result, clock.instant())) {
      log.warn("request {}: finished, but another instance had taken the run over", requestId);
      return true;
    }
    MigrationRequest done = store.find(requestId).orElseThrow();
    listener.changed(done, "system");
    reporter.finished(done, result);
    return true;
  }
}
