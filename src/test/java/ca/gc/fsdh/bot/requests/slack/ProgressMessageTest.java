package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.RunProgress;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.slackkit.SlackCalls;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress message of a run: its edits never go backwards, even when two are made at once. */
class ProgressMessageTest {
  private static final Pattern STEP = Pattern.compile("Step (\\d)");
  private final FakeSlackApi slack = SandboxConfig.slack();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private Slack client;

  @AfterEach
  void stop() throws Exception {
    timer.shutdownNow();
    if (client != null) {
      client.close();
    }
    slack.close();
  }

  /**
   * The timer's edit (step 2) is slow to reach Slack; meanwhile the run reaches step 3 and ends,
   * and its final edit is made at once. The final edit goes after the slow one, so the message ends
   * on step 3, and the steps Slack received never go down.
   */
  @Test
  void aSlowEditAndTheFinalOneMadeAtOnceLandInOrder(@TempDir Path dir) throws Exception {
    var firstUpdateSent = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    client = Slack.getInstance(config);
    MethodsClient real = client.methods(SandboxConfig.BOT_TOKEN);
    MethodsClient slow =
        (MethodsClient)
            Proxy.newProxyInstance(
                MethodsClient.class.getClassLoader(),
                new Class<?>[] {MethodsClient.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("chatUpdate") && firstUpdateSent.getCount() > 0) {
                    firstUpdateSent.countDown();
                    release.await(); // a slow network: this edit reaches Slack late
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    var directory = RequestsInstance.config(slack, dir).directory();
    var progress =
        new ProgressMessage(
            slow,
            new SlackCalls(Clock.systemUTC(), Duration.ZERO),
            new RunReportText(new RequestText(new Messages(), directory)),
            SandboxConfig.SUPPORT_CHANNEL,
            Language.EN,
            timer,
            Duration.ofMillis(20));
    MigrationRequest request =
        new MigrationRequest(
            7,
            new MigrationRequest.Ask(
                RequestKind.MIGRATE,
                RequestsInstance.acronym(1),
                RequestsInstance.lead(1),
                ResourceType.ALL,
                RequestOptions.DEFAULT,
                Optional.empty()),
            RequestState.RUNNING,
            Instant.now(),
            Instant.now(),
            Optional.empty(),
            Optional.empty(),
            new MigrationRequest.Run(1, Optional.empty()));

    RunProgress run = progress.start(request);
    Eventually.await(
        "the progress message", () -> !slack.messages(SandboxConfig.SUPPORT_CHANNEL).isEmpty());
    run.phase("IMPORT");
    assertThat(firstUpdateSent.await(10, TimeUnit.SECONDS))
        .isTrue(); // the timer's edit, on its way
    run.phase("VERIFY");
    var finished = CompletableFuture.runAsync(() -> progress.finished(request, StoredResult.NONE));
    try {
      Eventually.await(
          Duration.ofMillis(300),
          "a final edit sent ahead of the slow one",
          () -> steps().contains(3));
    } catch (AssertionError notAhead) {
      // the final edit waits for the slow one: as it should
    }
    release.countDown();
    finished.get(10, TimeUnit.SECONDS);

    assertThat(steps())
        .as("steps of the edits, in the order Slack received them")
        .containsExactly(2, 3);
    JsonNode shown = slack.messages(SandboxConfig.SUPPORT_CHANNEL).get(0);
    assertThat(shown.path("text").asText()).contains("Step 3: verification");
  }

  private List<Integer> steps() {
    return slack.calls("chat.update").stream()
        .map(SlackCall::params)
        .map(p -> {
          Matcher m = STEP.matcher(p.get("text"));
          return m.find() ? Integer.parseInt(m.group(1)) : 0;
        })
        .toList();
  }
}
