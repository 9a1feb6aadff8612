package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.JumpingClock;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackFault;
import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request outbox end to end, with the real Slack client and the Slack stand-in, on H2 and on
 * PostgreSQL: every requester is told every change of state once, in order, and the final state
 * before the report, through a Slack outage, a restart, and (PostgreSQL) two instances with one
 * killed. The counts come from what the stand-in received: the messages of each requester's
 * direct-message channel.
 */
class RequestOutboxTest {
  private static final List<String> WHOLE_STORY =
      List.of("PENDING_APPROVAL", "APPROVED", "RUNNING", "SUCCEEDED", "REPORT");
  private final FakeSlackApi slack = SandboxConfig.slack();
  private final JumpingClock clock = new JumpingClock();
  private final List<RequestsInstance> instances = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() throws Exception {
    for (RequestsInstance i : instances) {
      i.close();
    }
    slack.close();
  }

  private RequestsInstance instance(
      DatabaseSettings db,
      String owner,
      OutboxDispatcher.Settings settings,
      UnaryOperator<MethodsClient> client) {
    var instance = new RequestsInstance(db, slack, dir, clock, owner, settings, client);
    instances.add(instance);
    return instance;
  }

  private RequestsInstance instance(DatabaseSettings db, String owner) {
    return instance(db, owner, RequestsInstance.SETTINGS, UnaryOperator.identity());
  }

  private static void awaitPosted(RequestsInstance instance) {
    Eventually.await(
        Duration.ofSeconds(30), "every outbox message posted", () -> instance.waiting() == 0);
  }

  private Map<String, List<String>> toldToEveryRequester() {
    Map<String, List<String>> told = new TreeMap<>();
    for (int n = 1; n <= RequestsInstance.WORKSPACES; n++) {
      told.put(RequestsInstance.lead(n), RequestsInstance.toldTo(slack, RequestsInstance.lead(n)));
    }
    return told;
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void everyRequesterIsToldEachChangeOnceAndInOrderThroughA30SecondSlackOutage(
      TestDatabases.Kind kind) {
    var bot = instance(kind.fresh(), "node-a");
    List<Long> ids = new ArrayList<>();
    for (int n = 1; n <= 20; n++) {
      ids.add(bot.create(n));
    }
    awaitPosted(bot);
    for (int n = 1; n <= 20; n++) {
      if (n == 8) {
        slack.down(true);
      }
      bot.approveAndRun(ids.get(n - 1));
      if (n == 14) {
        // every change from 8 to 14 was made while Slack was down, and tried in vain: none is on
        // its way
        for (long id : ids.subList(7, 14)) {
          Eventually.await(
              "request " + id + " tried during the outage",
              () -> bot.requesterLaneFailedAndWaits(id));
        }
        slack.down(false); // after 30 s
        clock.jump(Duration.ofSeconds(30));
      }
    }
    awaitPosted(bot);

    assertThat(toldToEveryRequester())
        .allSatisfy((lead, told) -> assertThat(told).as(lead).isEqualTo(WHOLE_STORY));
    for (int n = 8; n <= 14; n++) {
      // approved, running and done were all pending when Slack came back: one message tells them,
      // then the report
      assertThat(slack.messages("D" + RequestsInstance.lead(n))).as("request %d", n).hasSize(3);
      assertThat(slack.messages("D" + RequestsInstance.lead(n)).get(1).path("text").asText())
          .contains(
              "is now *done* (since my last message: approved, about to start → running → done)",
              "est maintenant *terminée* (depuis mon dernier message : approuvée, sur le point de commencer");
    }
    List<JsonNode> support = slack.messages(SandboxConfig.SUPPORT_CHANNEL);
    assertThat(support.stream().filter(m -> !m.has("thread_ts")))
        .as("one approval message per request")
        .hasSize(20)
        .allSatisfy(m ->
            assertThat(m.path("blocks").toString())
                .contains("State: *done*")
                .doesNotContain(SlackIds.APPROVE));
    assertThat(support.stream().filter(m -> m.has("thread_ts")))
        .as("one report per request, in its thread")
        .hasSize(20);
    assertThat(slack.calls("conversations.open"))
        .as("each person's channel opened once")
        .hasSize(20);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void whatAStoppedInstanceLeftUnpostedIsPostedAfterTheRestartOnce(TestDatabases.Kind kind)
      throws Exception {
    DatabaseSettings db = kind.fresh();
    var before = instance(db, "node-a");
    List<Long> ids = new ArrayList<>();
    for (int n = 1; n <= 20; n++) {
      ids.add(before.create(n));
    }
    for (int n = 1; n <= 10; n++) {
      before.approveAndRun(ids.get(n - 1));
    }
    slack.down(true); // what follows cannot reach Slack before the stop
    for (int n = 11; n <= 15; n++) {
      before.approveAndRun(ids.get(n - 1));
    }
    before.close();
    instances.remove(before);

    var after = instance(db, "node-b");
    assertThat(after.waiting()).as("messages left by the stopped instance").isPositive();
    slack.down(false);
    clock.jump(
        Duration.ofSeconds(
            30)); // the delays before the next try, set while Slack was down, run out
    for (int n = 16; n <= 20; n++) {
      after.approveAndRun(ids.get(n - 1));
    }
    awaitPosted(after);
    assertThat(toldToEveryRequester())
        .allSatisfy((lead, told) -> assertThat(told).as(lead).isEqualTo(WHOLE_STORY));
  }

  /**
   * Instance A dies right after Slack took one of its direct messages, before it could record it: B
   * takes A's claims over once their lease runs out and tells that message once more (posted again,
   * or folded into the next message, which then names its states), the only repetition: A posts one
   * message at a time. Everything else is told once, in order.
   */
  @Test
  void twoInstancesOnPostgresWithOneKilledTellEveryChangeOnceAndTheOneInFlightAtMostOnceMore()
      throws Exception {
    DatabaseSettings db = TestDatabases.postgres();
    var dying = new DyingClient();
    var a =
        instance(
            db,
            "node-a",
            new OutboxDispatcher.Settings(
                1, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(10)),
            dying::wrap);
    var b = instance(db, "node-b");
    List<Long> ids = new ArrayList<>();
    for (int n = 1; n <= 20; n++) {
      ids.add((n % 2 == 0 ? a : b).create(n));
    }
    awaitPosted(b);
    for (int n = 1; n <= 6; n++) {
      (n % 2 == 0 ? a : b).approveAndRun(ids.get(n - 1));
    }
    dying.armed.set(true);
    int next = 7;
    while (dying.died.getCount() > 0 && next <= 20) {
      a.approveAndRun(ids.get(next++ - 1));
      dying.died.await(200, TimeUnit.MILLISECONDS);
    }
    assertThat(dying.died.await(30, TimeUnit.SECONDS)).as("A died after a post").isTrue();
    a.kill();
    instances.remove(a);
    for (int n = next; n <= 20; n++) {
      b.approveAndRun(ids.get(n - 1));
    }
    clock.jump(Duration.ofSeconds(61)); // A's claims run out
    awaitPosted(b);

    assertThat(slack.calls("conversations.open"))
        .as("each person's channel opened once, by either instance")
        .hasSize(RequestsInstance.WORKSPACES);
    List<String> inFlight = RequestsInstance.told(List.of(dying.lastText));
    assertThat(toldToEveryRequester())
        .allSatisfy((lead, told) -> {
          if (!("D" + lead).equals(dying.lastChannel)) {
            assertThat(told).as(lead).isEqualTo(WHOLE_STORY);
            return;
          }
          // B posts it again, or folds it into the next message, which then names its state(s) once
          // more
          List<String> firstTimes = new ArrayList<>();
          List<String> again = new ArrayList<>();
          told.forEach(t -> (firstTimes.contains(t) ? again : firstTimes).add(t));
          assertThat(firstTimes).as(lead).isEqualTo(WHOLE_STORY);
          assertThat(again)
              .as(lead + ": told again, from the message in flight when A died")
              .isNotEmpty()
              .isSubsetOf(inFlight);
        });
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aRateLimitedMessageWaitsForItsRetryAfterWithTheRestOfItsLaneAndTheOtherLaneGoesOn(
      TestDatabases.Kind kind) throws Exception {
    var bot = instance(kind.fresh(), "node-a");
    long id = bot.create(1);
    awaitPosted(bot);
    slack.inject(
        SlackFault.rateLimited("chat.update", 30, 1)); // the approval message's first update
    bot.approveAndRun(id);
    Eventually.await(
        "the requester's messages, the report last",
        () -> RequestsInstance.toldTo(slack, RequestsInstance.lead(1)).equals(WHOLE_STORY));
    Thread.sleep(500);
    assertThat(slack.calls("chat.update")).as("no other update before Retry-After").hasSize(1);
    assertThat(
            slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream().filter(m -> m.has("thread_ts")))
        .as("the support report waits behind the update")
        .isEmpty();

    clock.jump(Duration.ofSeconds(30));
    awaitPosted(bot);
    assertThat(slack.calls("chat.update"))
        .as("the updates still pending folded into one")
        .hasSize(2);
    assertThat(slack.messages(SandboxConfig.SUPPORT_CHANNEL))
        .hasSize(2)
        .anySatisfy(m -> assertThat(m.path("blocks").toString()).contains("State: *done*"))
        .anySatisfy(m -> assertThat(m.path("text").asText()).startsWith("*Request #" + id));
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aMessageSlackRefusesForGoodIsDroppedAndTheNextOnesFollow(TestDatabases.Kind kind) {
    var bot = instance(kind.fresh(), "node-a");
    long id = bot.create(1);
    awaitPosted(bot);
    bot.store.setSupportMessage(
        id, SandboxConfig.SUPPORT_CHANNEL, "1.000001"); // no such message: message_not_found
    bot.approveAndRun(id);
    awaitPosted(bot);
    assertThat(RequestsInstance.toldTo(slack, RequestsInstance.lead(1))).isEqualTo(WHOLE_STORY);
    assertThat(slack.calls("chat.update")).isNotEmpty();
  }

  /**
   * Stands for instance A's Slack client: once armed, the next direct message A posts reaches
   * Slack, and then A never hears back, nor makes another call (it died).
   */
  private static final class DyingClient {
    final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch died = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);
    volatile String lastChannel;
    volatile String lastText;

    MethodsClient wrap(MethodsClient real) {
      return (MethodsClient)
          Proxy.newProxyInstance(
              MethodsClient.class.getClassLoader(),
              new Class<?>[] {MethodsClient.class},
              (proxy, method, args) -> {
                if (died.getCount() == 0) {
                  never.await(); // dead: interrupted when A is killed
                }
                Object result;
                try {
                  result = method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                if (armed.get()
                    && method.getName().equals("chatPostMessage")
                    && args[0] instanceof RequestConfigurator<?> c) {
                  @SuppressWarnings("unchecked")
                  var configure =
                      (RequestConfigurator<ChatPostMessageRequest.ChatPostMessageRequestBuilder>) c;
                  ChatPostMessageRequest posted =
                      configure.configure(ChatPostMessageRequest.builder()).build();
                  if (posted.getChannel().startsWith("D")) {
                    lastChannel = posted.getChannel();
                    lastText = posted.getText();
                    died.countDown();
                    never.await();
                  }
                }
                return result;
              });
    }
  }
}
