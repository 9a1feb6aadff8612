package ca.gc.fsdh.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.slack.SlackIds;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.LogCapture;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A normal start and stop of the bot as wired for production, with a request running when it stops,
 * logs nothing at ERROR and no stack trace: Quartz waits for its jobs, the run is interrupted (to
 * be resumed), the database closes last. On H2 and on PostgreSQL (clustered Quartz). The workspaces
 * are slow stand-ins, so that the run is still exporting when the bot stops.
 */
class BotStopsQuietlyTest {
  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aNormalStartAndStopLogsNoErrorAndNoStackTrace(TestDatabases.Kind kind) throws Exception {
    var slow = FakeDatabricksOptions.builder().noRateLimits().latencyMillis(100);
    try (var log = new LogCapture();
        var poc = FakeDatabricks.start(slow.token(SandboxConfig.POC_TOKEN).build());
        var prod = FakeDatabricks.start(slow.token(SandboxConfig.PROD_TOKEN).build())) {
      SampleWorkspace.seed(poc.state(), SampleSpec.small());
      SampleProd.prepare(poc.state(), prod.state());
      try (BotHarness h = BotHarness.start(kind, poc.host(), prod.host())) {
        h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
        Eventually.await(
            "the approval message",
            () -> !h.slack.messages(SandboxConfig.SUPPORT_CHANNEL).isEmpty());
        h.sender.blockAction(
            "U0SUPPORT1",
            SlackIds.APPROVE,
            "1",
            SandboxConfig.SUPPORT_CHANNEL,
            "1.000001",
            h.slack.responseUrl());
        var store = new JdbcRequestStore(h.bot.database().dataSource());
        Eventually.await(
            "the run started", () -> store.find(1).orElseThrow().state() == RequestState.RUNNING);
        Thread.sleep(1000); // past the sign-in check: exporting
        assertThat(store.find(1).orElseThrow().state())
            .as("still running when the bot stops")
            .isEqualTo(RequestState.RUNNING);
      }
      assertThat(log.lines())
          .as("lines at ERROR, or with a stack trace")
          .noneMatch(line ->
              line.startsWith("ERROR") || line.contains("\n\tat ") || line.contains("\nat "));
      assertThat(log.lines()).anyMatch(line -> line.contains("shutdown complete"));
    }
  }
}
