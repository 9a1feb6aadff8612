package ca.gc.fsdh.bot.requests;

import static ca.gc.fsdh.bot.requests.RequestFixtures.cleanReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.requests.RequestFixtures.Stores;
import ca.gc.fsdh.bot.requests.RequestStore.Saved.Outcome;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcRequestStoreTest {
  private static final Instant T0 = Instant.parse("2025-11-03T14:00:00Z");

  private static NewRequest migrate(String workspace, String origin) {
    return new NewRequest(
        RequestKind.MIGRATE,
        workspace,
        "U0ADALOVE",
        ResourceType.ALL,
        RequestOptions.DEFAULT,
        Optional.of("please"),
        origin);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void savesAndReadsBackEveryField(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      var options =
          new RequestOptions("JUPYTER", Optional.of("-----BEGIN PGP PUBLIC KEY BLOCK-----\nx\n"));
      var saved =
          store.save(
              new NewRequest(
                  RequestKind.OFFBOARD,
                  "ARCTIC",
                  "U0ALANTUR",
                  Set.of(ResourceType.NOTEBOOKS, ResourceType.TABLE_ACLS),
                  options,
                  Optional.empty(),
                  "trigger-1"),
              T0);
      assertThat(saved.outcome()).isEqualTo(Outcome.CREATED);
      MigrationRequest r = store.find(saved.request().id()).orElseThrow();
      assertThat(r.kind()).isEqualTo(RequestKind.OFFBOARD);
      assertThat(r.workspace()).isEqualTo("ARCTIC");
      assertThat(r.requester()).isEqualTo("U0ALANTUR");
      assertThat(r.state()).isEqualTo(RequestState.PENDING_APPROVAL);
      assertThat(r.resourceTypes())
          .containsExactlyInAnyOrder(ResourceType.NOTEBOOKS, ResourceType.TABLE_ACLS);
      assertThat(r.options()).isEqualTo(options);
      assertThat(r.note()).isEmpty();
      assertThat(r.createdAt()).isEqualTo(T0);
      assertThat(r.run().attempt()).isZero();
      assertThat(store.activeFor("ARCTIC")).map(MigrationRequest::id).contains(r.id());
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aReplayedInteractionFindsTheSameRequestAndABusyWorkspaceIsReported(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      long id = store.save(migrate("OCEAN", "trigger-1"), T0).request().id();
      var replay = store.save(migrate("OCEAN", "trigger-1"), T0.plusSeconds(1));
      assertThat(replay.outcome()).isEqualTo(Outcome.REPLAYED);
      assertThat(replay.request().id()).isEqualTo(id);
      var second = store.save(migrate("OCEAN", "trigger-2"), T0.plusSeconds(2));
      assertThat(second.outcome()).isEqualTo(Outcome.WORKSPACE_BUSY);
      assertThat(second.request().id()).isEqualTo(id);
      assertThat(store.forWorkspaces(List.of("OCEAN"), 10)).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void anEndedRequestFreesTheWorkspaceForANewOne(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      long first = store.save(migrate("OCEAN", "t1"), T0).request().id();
      assertThat(store.transition(first, RequestState.PENDING_APPROVAL, RequestState.CANCELLED, T0))
          .isTrue();
      assertThat(store.activeFor("OCEAN")).isEmpty();
      var second = store.save(migrate("OCEAN", "t2"), T0.plusSeconds(5));
      assertThat(second.outcome()).isEqualTo(Outcome.CREATED);
      assertThat(store.forWorkspaces(List.of("OCEAN", "FORET"), 10))
          .extracting(MigrationRequest::id)
          .containsExactly(second.request().id(), first);
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void ofTwoConcurrentDecisionsExactlyOneWins(TestDatabases.Kind kind) throws Exception {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      for (int round = 0; round < 10; round++) {
        long id = store.save(migrate("W" + round, "t" + round), T0).request().id();
        var start = new CountDownLatch(1);
        List<Callable<Boolean>> deciders =
            List.of(
                () -> {
                  start.await();
                  return store.decide(
                      id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), T0);
                },
                () -> {
                  start.await();
                  return store.decide(
                      id, RequestState.REJECTED, "U0SUPPORT2", Optional.of("no"), T0);
                });
        try (var pool = Executors.newFixedThreadPool(2)) {
          List<Future<Boolean>> results = new ArrayList<>();
          deciders.forEach(d -> results.add(pool.submit(d)));
          start.countDown();
          int wins = 0;
          for (Future<Boolean> f : results) {
            wins += f.get() ? 1 : 0;
          }
          assertThat(wins).isEqualTo(1);
        }
        MigrationRequest decided = store.find(id).orElseThrow();
        assertThat(decided.decision()).isPresent();
        assertThat(
                decided.state() == RequestState.APPROVED
                    ? decided.decision().get().by().equals("U0SUPPORT1")
                    : decided
                        .decision()
                        .flatMap(MigrationRequest.Decision::reason)
                        .equals(Optional.of("no")))
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void runningCountsAttemptsAndARetryGoesBackToApproved(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      long id = store.save(migrate("OCEAN", "t1"), T0).request().id();
      assertThat(store.decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), T0))
          .isTrue();
      assertThat(store.transition(id, RequestState.APPROVED, RequestState.RUNNING, T0)).isTrue();
      assertThat(store.transition(id, RequestState.APPROVED, RequestState.RUNNING, T0)).isFalse();
      assertThat(store.transition(id, RequestState.RUNNING, RequestState.FAILED, T0)).isTrue();
      assertThat(store.activeFor("OCEAN")).isEmpty();
      assertThat(store.transition(id, RequestState.FAILED, RequestState.APPROVED, T0)).isTrue();
      assertThat(store.activeFor("OCEAN")).isPresent();
      assertThat(store.transition(id, RequestState.APPROVED, RequestState.RUNNING, T0)).isTrue();
      assertThat(store.find(id).orElseThrow().run().attempt()).isEqualTo(2);
      assertThat(store.inStates(Set.of(RequestState.RUNNING)))
          .extracting(MigrationRequest::id)
          .containsExactly(id);
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aRetryIsRefusedWhileTheWorkspaceHasAnotherActiveRequest(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      long failed = store.save(migrate("OCEAN", "t1"), T0).request().id();
      store.decide(failed, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), T0);
      store.transition(failed, RequestState.APPROVED, RequestState.RUNNING, T0);
      store.transition(failed, RequestState.RUNNING, RequestState.FAILED, T0);
      store.save(migrate("OCEAN", "t2"), T0);
      assertThat(store.transition(failed, RequestState.FAILED, RequestState.APPROVED, T0))
          .isFalse();
      assertThat(store.find(failed).orElseThrow().state()).isEqualTo(RequestState.FAILED);
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void forbiddenTransitionsAreProgrammingErrors(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      long id = store.save(migrate("OCEAN", "t1"), T0).request().id();
      assertThatThrownBy(
              () -> store.transition(id, RequestState.PENDING_APPROVAL, RequestState.SUCCEEDED, T0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot move from PENDING_APPROVAL to SUCCEEDED");
      store.setSupportMessage(id, "C0FSDHSUPPORT", "1700000000.000100");
      assertThat(
              store
                  .find(id)
                  .orElseThrow()
                  .supportMessage()
                  .map(MigrationRequest.SupportMessage::ts))
          .contains("1700000000.000100");
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void manyConcurrentSavesNeverExhaustThePool(TestDatabases.Kind kind) throws Exception {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      int count = 200;
      var start = new CountDownLatch(1);
      List<Future<RequestStore.Saved>> saves = new ArrayList<>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < count; i++) {
          String workspace = "W" + i;
          saves.add(
              pool.submit(() -> {
                start.await();
                return store.save(migrate(workspace, "trigger-" + workspace), T0);
              }));
        }
        start.countDown();
        for (Future<RequestStore.Saved> f : saves) {
          // a save that holds its connection while reading back waits here for a pool that never
          // frees
          assertThat(f.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CREATED);
        }
      }
      assertThat(store.inStates(Set.of(RequestState.PENDING_APPROVAL))).hasSize(count);
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void oneInstanceClaimsARunAndAStaleRunIsTakenOver(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      var leases = stores.leases();
      long id = store.save(migrate("OCEAN", "t1"), T0).request().id();
      Instant stale = T0.minusSeconds(120);
      assertThat(leases.claim(id, "node-a", stale, T0))
          .as("pending requests are not claimable")
          .isFalse();
      store.decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), T0);
      assertThat(leases.claimable(stale)).extracting(MigrationRequest::id).containsExactly(id);

      assertThat(leases.claim(id, "node-a", stale, T0)).isTrue();
      assertThat(leases.claim(id, "node-b", stale, T0)).as("a live run is not taken").isFalse();
      assertThat(leases.claimable(stale)).isEmpty();
      assertThat(leases.heartbeat(id, "node-a", T0.plusSeconds(30))).isTrue();
      assertThat(leases.heartbeat(id, "node-b", T0.plusSeconds(30))).isFalse();

      Instant later = T0.plusSeconds(600); // node-a stopped beating at T0+30
      assertThat(leases.claimable(later.minusSeconds(120)))
          .extracting(MigrationRequest::id)
          .containsExactly(id);
      assertThat(leases.claim(id, "node-b", later.minusSeconds(120), later)).isTrue();
      assertThat(leases.heartbeat(id, "node-a", later))
          .as("the old owner learns it lost the run")
          .isFalse();
      assertThat(leases.finish(id, "node-a", RequestState.SUCCEEDED, StoredResult.NONE, later))
          .isFalse();

      MigrationRequest running = store.find(id).orElseThrow();
      assertThat(running.run().claimedBy()).contains("node-b");
      assertThat(running.run().attempt()).as("a takeover resumes the same attempt").isEqualTo(1);
      assertThat(
              leases.finish(
                  id,
                  "node-b",
                  RequestState.PARTLY_SUCCEEDED,
                  StoredResult.of(cleanReport(2)),
                  later))
          .isTrue();
      assertThat(store.find(id).orElseThrow().state()).isEqualTo(RequestState.PARTLY_SUCCEEDED);
      assertThat(stores.plans().result(id)).contains(StoredResult.of(cleanReport(2)));
      assertThat(store.activeFor("OCEAN")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void ofManyConcurrentClaimsExactlyOneWins(TestDatabases.Kind kind) throws Exception {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      var leases = stores.leases();
      long id = store.save(migrate("OCEAN", "t1"), T0).request().id();
      store.decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), T0);
      var start = new CountDownLatch(1);
      List<Future<Boolean>> claims = new ArrayList<>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 16; i++) {
          String owner = "node-" + i;
          claims.add(
              pool.submit(() -> {
                start.await();
                return leases.claim(id, owner, T0.minusSeconds(120), T0);
              }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> f : claims) {
          wins += f.get() ? 1 : 0;
        }
        assertThat(wins).isEqualTo(1);
      }
    }
  }
}
