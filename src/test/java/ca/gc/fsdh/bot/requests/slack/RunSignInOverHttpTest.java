package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request whose POC workspace refuses the bot's token fails at once, before anything is exported,
 * and its report says which workspace and why; it never ends as a success that moved nothing.
 */
class RunSignInOverHttpTest {
  @Test
  void aRefusedPocTokenFailsTheRunAtOnceWithTheReasonInItsReport() throws Exception {
    // the POC stand-in expects another token than the one the bot is configured with
    try (var poc =
            FakeDatabricks.start(
                FakeDatabricksOptions.builder().token("dapi-rotated").noRateLimits().build());
        var prod =
            FakeDatabricks.start(
                FakeDatabricksOptions.builder()
                    .token(SandboxConfig.PROD_TOKEN)
                    .noRateLimits()
                    .build())) {
      SampleWorkspace.seed(poc.state(), SampleSpec.small());
      SampleProd.prepare(poc.state(), prod.state());
      try (var h = BotHarness.withDatabricks(poc.host(), prod.host())) {
        var requests = new JdbcRequestStore(h.bot.database().dataSource());
        var ack =
            h.sender.slashCommand(
                "U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
        assertThat(ack.body()).contains("Request #1");
        JsonNode posted =
            Eventually.value(
                "the approval message",
                () ->
                    h.slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream()
                        .findFirst()
                        .orElse(null));
        h.sender.blockAction(
            "U0SUPPORT1",
            SlackIds.APPROVE,
            "1",
            SandboxConfig.SUPPORT_CHANNEL,
            posted.path("ts").asText(),
            h.slack.responseUrl());

        Eventually.await(
            Duration.ofSeconds(60),
            "the run to end",
            () -> !requests.find(1).orElseThrow().state().isActive());
        assertThat(requests.find(1).orElseThrow().state()).isEqualTo(RequestState.FAILED);
        String report =
            Eventually.value(
                "the report to the lead",
                () ->
                    h.slack.messages("DU0ADALOVE").stream()
                        .map(m -> m.path("text").asText())
                        .filter(t -> t.contains("stopped"))
                        .findFirst()
                        .orElse(null));
        assertThat(report)
            .contains("POC " + poc.host() + ": the token was refused (403 Invalid access token)")
            .contains("L’exécution s’est arrêtée")
            .doesNotContain(SandboxConfig.POC_TOKEN);
        // nothing was exported (the plan before approval only lists, and says what it could not
        // read) or written
        assertThat(poc.requestLog().received(EndpointGroup.WORKSPACE_EXPORT)).isZero();
        for (var g :
            List.of(
                EndpointGroup.WORKSPACE_READ,
                EndpointGroup.WORKSPACE_IMPORT,
                EndpointGroup.WORKSPACE_WRITE,
                EndpointGroup.REPOS_WRITE,
                EndpointGroup.JOBS_CREATE)) {
          assertThat(prod.requestLog().received(g)).as("PROD " + g).isZero();
        }
        assertThat(h.dataDir().resolve("bundles").resolve("request-1")).doesNotExist();
      }
    }
  }
}
