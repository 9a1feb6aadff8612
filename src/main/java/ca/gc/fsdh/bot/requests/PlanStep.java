package ca.gc.fsdh.bot.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a new request's plan in the background (list calls against its POC workspace, which can
 * take a while), stores it with the update of the approval message that shows it (see {@link
 * PlansAndResults#setPlan}). A plan that fails is stored with its reason; the request can still be
 * decided.
 */
public final class PlanStep implements RequestListener {
  private static final Logger log = LoggerFactory.getLogger(PlanStep.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RequestPlanner planner;
  private final RequestStore store;
  private final PlansAndResults plans;
  private final Executor executor;
  private final Clock clock;
  private final Consumer<MigrationRequest> planned;

  /**
   * @param planned told once the plan (or its failure) is stored, with the approval message's
   *     update
   */
  public PlanStep(
      RequestPlanner planner,
      RequestStore store,
      PlansAndResults plans,
      Executor executor,
      Clock clock,
      Consumer<MigrationRequest> planned) {
    this.planner = planner;
    this.store = store;
    this.plans = plans;
    this.executor = executor;
    this.clock = clock;
    this.planned = planned;
  }

  @Override
  public void changed(MigrationRequest request, String actor) {
    if (request.state() != RequestState.PENDING_APPROVAL) {
      return;
    }
    try {
      executor.execute(() -> {
        if (plans
            .plan(request.id())
            .isEmpty()) { // read here, not on the caller's thread: it may be an ack's
          plan(request);
        }
      });
    } catch (RejectedExecutionException stopping) {
      log.info("request {}: the bot is stopping; its plan is made at the next start", request.id());
    }
  }

  /**
   * At start: plans lost with a stop or a crash are made again. With several instances each may
   * make the same plan once; the last one stored is shown.
   */
  public void resume() {
    for (MigrationRequest r : store.inStates(Set.of(RequestState.PENDING_APPROVAL))) {
      changed(r, "system");
    }
  }

  private void plan(MigrationRequest request) {
    String stored;
    try {
      stored = JSON.writeValueAsString(planner.plan(request));
    } catch (InterruptedException e) {
      Thread.currentThread()
          .interrupt(); // stopping: nothing stored, so the next start makes the plan again
      return;
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        return; // the same, when the interrupt surfaced wrapped by the client
      }
      log.warn("request {}: no plan: {}", request.id(), e.toString());
      stored =
          JSON.createObjectNode()
              .put(
                  "error",
                  e.getClass().getSimpleName()
                      + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse(""))
              .toString();
    }
    plans.setPlan(request.id(), stored, clock.instant());
    planned.accept(store.find(request.id()).orElse(request));
  }

  /** The stored plan, or empty while it is computed; an {@code error} entry when it failed. */
  public static Optional<JsonNode> read(PlansAndResults plans, long id) {
    return plans
        .plan(id)
        .map(text -> {
          try {
            return JSON.readTree(text);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
