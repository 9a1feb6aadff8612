package ca.gc.fsdh.bot.requests;

import static ca.gc.fsdh.bot.requests.RequestFixtures.cleanReport;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.requests.RequestFixtures.Stores;
import ca.gc.fsdh.bot.testing.MutableClock;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunWorkerTest {
  private static final Instant T0 = Instant.parse("2025-11-03T14:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private Stores stores;
  private RequestStore store;
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final RequestListener listener = (r, actor) -> heard.add(r.state().name());

  private static final RunReport CLEAN = cleanReport(3, "cluster shared-cpu");

  @BeforeEach
  void setUp() {
    stores = Stores.open(TestDatabases.h2());
    store = stores.requests();
  }

  @AfterEach
  void tearDown() {
    stores.close();
  }

  private long approved() {
    return stores.approved("OCEAN", T0).id();
  }

  private RunWorker worker(String owner, RequestEngine engine) {
    return new RunWorker(
        store,
        stores.leases(),
        engine,
        listener,
        RunWorker.ProgressReporter.NONE,
        clock,
        owner,
        RunWorker.LEASE);
  }

  @Test
  void anApprovedRequestRunsAndItsOutcomeAndReportAreStoredBeforeAnyoneIsTold() {
    long id = approved();
    assertThat(
            worker(
                    "a",
                    (r, p) -> {
                      p.update(Map.of(ResourceType.NOTEBOOKS, new TypeProgress(3, 1, 0)));
                      return CLEAN;
                    })
                .run(id))
        .isTrue();
    assertThat(store.find(id).orElseThrow().state()).isEqualTo(RequestState.SUCCEEDED);
    assertThat(stores.plans().result(id)).contains(StoredResult.of(CLEAN));
    assertThat(heard).containsExactly("RUNNING", "SUCCEEDED");
  }

  @Test
  void failuresMakeItPartlyDoneAndAnEngineErrorFailsItAndARetryRunsItAgain() {
    long id = approved();
    var partly =
        new RunReport(
            Map.of(ResourceType.JOBS, new TypeProgress(2, 2, 1)),
            List.of("jobs: 7: 400 bad"),
            List.of(),
            true,
            List.of(),
            Optional.empty(),
            Optional.empty());
    worker("a", (r, p) -> partly).run(id);
    assertThat(store.find(id).orElseThrow().state()).isEqualTo(RequestState.PARTLY_SUCCEEDED);

    store.transition(id, RequestState.PARTLY_SUCCEEDED, RequestState.APPROVED, T0);
    worker(
            "a",
            (r, p) -> {
              throw new IllegalStateException("POC workspace unreachable");
            })
        .run(id);
    MigrationRequest failed = store.find(id).orElseThrow();
    assertThat(failed.state()).isEqualTo(RequestState.FAILED);
    assertThat(failed.run().attempt()).isEqualTo(2);
    assertThat(stores.plans().result(id).orElseThrow().error().orElseThrow())
        .contains("POC workspace unreachable");
  }

  @Test
  void ofTwoInstancesFiringAtOnceTheEngineRunsOnce() throws Exception {
    long id = approved();
    AtomicInteger runs = new AtomicInteger();
    var gate = new CountDownLatch(1);
    RequestEngine slow =
        (r, p) -> {
          runs.incrementAndGet();
          gate.await();
          return CLEAN;
        };
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var a = pool.submit(() -> worker("node-a", slow).run(id));
      var b = pool.submit(() -> worker("node-b", slow).run(id));
      Thread.sleep(200);
      gate.countDown();
      assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
    }
    assertThat(runs.get()).isEqualTo(1);
    assertThat(store.find(id).orElseThrow().state()).isEqualTo(RequestState.SUCCEEDED);
  }

  @Test
  void aRunWhoseInstanceDiedIsTakenOverOnceItsLeaseRunsOut() {
    long id = approved();
    assertThat(stores.leases().claim(id, "crashed-node", T0.minus(RunWorker.LEASE), T0))
        .isTrue(); // then it died
    AtomicInteger runs = new AtomicInteger();
    RequestEngine engine =
        (r, p) -> {
          runs.incrementAndGet();
          return CLEAN;
        };
    assertThat(worker("node-b", engine).run(id)).as("the lease is still live").isFalse();
    clock.advance(RunWorker.LEASE.plus(Duration.ofSeconds(1)));
    assertThat(worker("node-b", engine).run(id)).isTrue();
    assertThat(runs.get()).isEqualTo(1);
    MigrationRequest done = store.find(id).orElseThrow();
    assertThat(done.state()).isEqualTo(RequestState.SUCCEEDED);
    assertThat(done.run().claimedBy()).contains("node-b");
  }
}
