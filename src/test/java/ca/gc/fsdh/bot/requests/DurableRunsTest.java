package ca.gc.fsdh.bot.requests;

import static ca.gc.fsdh.bot.requests.RequestFixtures.cleanReport;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.database.HandBuiltJobs;
import ca.gc.fsdh.bot.platform.database.Quartz;
import ca.gc.fsdh.bot.requests.RequestFixtures.Stores;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Approved requests run through Quartz's JDBC job store, once, on one instance or several. */
class DurableRunsTest {
  /** One bot instance's request execution, on its own scheduler over a shared database. */
  private static final class Instance implements AutoCloseable {
    final DurableRuns execution;
    final Scheduler quartz;

    Instance(Stores stores, boolean postgres, RequestEngine engine, String owner, Duration lease)
        throws Exception {
      var jobs = new HandBuiltJobs();
      quartz = Quartz.create(stores.db().dataSource(), postgres, jobs, 3);
      var worker =
          new RunWorker(
              stores.requests(),
              stores.leases(),
              engine,
              RequestListener.NONE,
              RunWorker.ProgressReporter.NONE,
              Clock.systemUTC(),
              owner,
              lease);
      execution =
          new DurableRuns(
              quartz, jobs, stores.leases(), worker, Clock.systemUTC(), 4, Duration.ofSeconds(1));
      execution.start();
    }

    @Override
    public void close() throws SchedulerException {
      execution.close();
      quartz.shutdown(true);
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void anApprovedRequestRunsOnceThroughTheJobStore(TestDatabases.Kind kind) throws Exception {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      AtomicInteger runs = new AtomicInteger();
      try (var instance =
          new Instance(
              stores,
              kind == TestDatabases.Kind.POSTGRES,
              (r, p) -> {
                runs.incrementAndGet();
                return cleanReport(1);
              },
              "node-a",
              RunWorker.LEASE)) {
        MigrationRequest r = stores.approved("OCEAN", Instant.now());
        instance.execution.changed(r, "U0SUPPORT1");
        Eventually.await(
            "the run to finish",
            () -> store.find(r.id()).orElseThrow().state() == RequestState.SUCCEEDED);
        Thread.sleep(1500); // a sweep or two more: nothing may run it again
        assertThat(runs.get()).isEqualTo(1);
      }
    }
  }

  @Test
  void twoInstancesOnOnePostgresRunEachRequestExactlyOnce() throws Exception {
    DatabaseSettings settings = TestDatabases.postgres();
    try (var stores = Stores.open(settings)) {
      var store = stores.requests();
      Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
      RequestEngine engine =
          (r, p) -> {
            runs.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(50);
            return cleanReport(1);
          };
      try (var a = new Instance(stores, true, engine, "node-a", RunWorker.LEASE);
          var b = new Instance(stores, true, engine, "node-b", RunWorker.LEASE)) {
        List<MigrationRequest> approved = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          MigrationRequest r = stores.approved("W" + i, Instant.now());
          approved.add(r);
          (i % 2 == 0 ? a : b)
              .execution.changed(r, "U0SUPPORT1"); // each approval lands on one instance
        }
        Eventually.await(
            "every request done",
            () ->
                approved.stream()
                    .allMatch(
                        r -> store.find(r.id()).orElseThrow().state() == RequestState.SUCCEEDED));
        Thread.sleep(1500);
        assertThat(runs).hasSize(12);
        assertThat(runs.values()).allMatch(n -> n.get() == 1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  @SuppressWarnings(
      "try") // the survivor only has to be running: its sweep takes the stale run over
  void aRunWhoseInstanceCrashedIsResumedByTheSweep(TestDatabases.Kind kind) throws Exception {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      MigrationRequest r = stores.approved("OCEAN", Instant.now());
      Duration lease = Duration.ofSeconds(2);
      assertThat(
              stores
                  .leases()
                  .claim(r.id(), "crashed-node", Instant.now().minus(lease), Instant.now()))
          .isTrue();
      AtomicInteger runs = new AtomicInteger();
      try (var survivor =
          new Instance(
              stores,
              kind == TestDatabases.Kind.POSTGRES,
              (req, p) -> {
                runs.incrementAndGet();
                return cleanReport(1);
              },
              "node-b",
              lease)) {
        Eventually.await(
            "the sweep to take the stale run over",
            () -> store.find(r.id()).orElseThrow().state() == RequestState.SUCCEEDED);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(store.find(r.id()).orElseThrow().run().claimedBy()).contains("node-b");
      }
    }
  }
}
