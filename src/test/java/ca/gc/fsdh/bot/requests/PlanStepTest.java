package ca.gc.fsdh.bot.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.requests.RequestFixtures.Stores;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plan of a pending request: made once, stored, made again at start when a stop lost it. */
class PlanStepTest {
  private final Stores stores = Stores.open(TestDatabases.h2());
  private final PlansAndResults plans = stores.plans();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<Long> shown = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
    stores.close();
  }

  private MigrationRequest pending(String workspace) {
    return stores.pending(workspace, Instant.now());
  }

  /** The plan step with this planner, telling {@link #shown} what it stored. */
  private PlanStep step(RequestPlanner planner) {
    return new PlanStep(
        planner, stores.requests(), plans, executor, Clock.systemUTC(), m -> shown.add(m.id()));
  }

  private void drain() throws Exception {
    executor.submit(() -> {}).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aStopDuringPlanningStoresNothingAndTheNextStartMakesThePlan() throws Exception {
    MigrationRequest r = pending("OCEAN");
    step(
            request -> {
              throw new InterruptedException("stopping");
            })
        .changed(r, "U0ADALOVE");
    drain();
    assertThat(plans.plan(r.id())).isEmpty();
    assertThat(shown).isEmpty();

    var summary =
        new PlanSummary(
            Map.of("notebooks", 3L), 1024, List.of(), List.of(), List.of("cluster c1"), 12.5);
    var restarted = step(request -> summary);
    restarted.resume();
    drain();
    assertThat(PlanStep.read(plans, r.id()).orElseThrow().path("counts").path("notebooks").asLong())
        .isEqualTo(3);
    assertThat(shown).containsExactly(r.id());

    restarted.resume(); // planned already: not again
    drain();
    assertThat(shown).containsExactly(r.id());
  }

  @Test
  void aPlanThatFailsIsStoredWithItsReasonAndShown() throws Exception {
    MigrationRequest r = pending("FORET");
    step(
            request -> {
              throw new IllegalStateException("workspace FORET is no longer in the directory");
            })
        .changed(r, "U0ADALOVE");
    drain();
    assertThat(PlanStep.read(plans, r.id()).orElseThrow().path("error").asText())
        .isEqualTo("IllegalStateException: workspace FORET is no longer in the directory");
    assertThat(shown).containsExactly(r.id());
  }
}
