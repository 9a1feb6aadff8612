package ca.gc.fsdh.bot.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.database.HandBuiltJobs;
import ca.gc.fsdh.bot.platform.database.Quartz;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Approved requests run through Quartz's JDBC job store, once, on one instance or several. */
class DurableRunsTest {
  private static final RunReport CLEAN =
      new RunReport(
          Map.of(ResourceType.NOTEBOOKS, new TypeProgress(1, 1, 0)),
          List.of(),
          List.of(),
          true,
          List.of(),
          Optional.empty(),
          Optional.empty());

  /** One bot instance's request execution, on its own scheduler over a shared database. */
  private static final class Instance implements AutoCloseable {
    final DurableRuns execution;
    final Scheduler quartz;

    Instance(
        Database db,
        boolean postgres,
        RequestStore store,
        RequestEngine engine,
        String owner,
        Duration lease)
        throws Exception {
      var jobs = new HandBuiltJobs();
      quartz = Quartz.create(db.dataSource(), postgres, jobs, 3);
      var worker =
          new RunWorker(
              store,
              engine,
              RequestListener.NONE,
              RunWorker.ProgressReporter.NONE,
              Clock.systemUTC(),
              owner,
              lease);
      execution =
          new DurableRuns(quartz, jobs, store, worker, Clock.systemUTC(), 4, Duration.ofSeconds(1));
      execution.start();
    }

    @Override
    public void close() throws SchedulerException {
      execution.close();
      quartz.shutdown(true);
    }
  }

  private static MigrationRequest approve(RequestStore store, String workspace) {
    long id =
        store
            .save(
                new NewRequest(
                    RequestKind.MIGRATE,
                    workspace,
                    "U0ADALOVE",
                    ResourceType.ALL,
                    RequestOptions.DEFAULT,
                    Optional.empty(),
                    "t-" + workspace),
                Instant.now())
            .request()
            .id();
    store.decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), Instant.now());
    return store.find(id).orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void anApprovedRequestRunsOnceThroughTheJobStore(TestDatabases.Kind kind) throws Exception {
    try (Database db = Database.open(kind.fresh())) {
      var store = new JdbcRequestStore(db.dataSource());
      AtomicInteger runs = new AtomicInteger();
      try (var instance =
          new Instance(
              db,
              kind == TestDatabases.Kind.POSTGRES,
              store,
              (r, p) -> {
                runs.incrementAndGet();
                return CLEAN;
              },
              "node-a",
              RunWorker.LEASE)) {
        MigrationRequest r = approve(store, "OCEAN");
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
    try (Database db = Database.open(settings)) {
      var store = new JdbcRequestStore(db.dataSource());
      Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
      RequestEngine engine =
          (r, p) -> {
            runs.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(50);
            return CLEAN;
          };
      try (var a = new Instance(db, true, store, engine, "node-a", RunWorker.LEASE);
          var b = new Instance(db, true, store, engine, "node-b", RunWorker.LEASE)) {
        List<MigrationRequest> approved = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          MigrationRequest r = approve(store, "W" + i);
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
    try (Database db = Database.open(kind.fresh())) {
      var store = new JdbcRequestStore(db.dataSource());
      MigrationRequest r = approve(store, "OCEAN");
      Duration lease = Duration.ofSeconds(2);
      assertThat(store.claim(r.id(), "crashed-node", Instant.now().minus(lease), Instant.now()))
          .isTrue();
      AtomicInteger runs = new AtomicInteger();
      try (var survivor =
          new Instance(
              db,
              kind == TestDatabases.Kind.POSTGRES,
              store,
              (req, p) -> {
                runs.incrementAndGet();
                return CLEAN;
              },
              "node-b",
              lease)) {
        Eventually.await(
            "the sweep to take the stale run over",
            () -> store.find(r.id()).orElseThrow().state() == RequestState.SUCCEEDED);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(store.find(r.id()).orElseThrow().claimedBy()).contains("node-b");
      }
    }
  }
}
