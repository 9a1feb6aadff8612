package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.requests.JdbcPlansAndResults;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import com.databricks.sdk.service.workspace.ObjectType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A migration and an offboarding from the slash command to the report, over signed HTTP into the
 * real bot, with the Slack stand-in and two Databricks stand-ins (POC seeded with the sample
 * workspace).
 */
class LifecycleOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private FakeDatabricks poc;
  private FakeDatabricks prod;
  private BotHarness h;
  private JdbcRequestStore requests;

  @BeforeEach
  void start() throws Exception {
    poc =
        FakeDatabricks.start(
            FakeDatabricksOptions.builder().token(SandboxConfig.POC_TOKEN).noRateLimits().build());
    SampleWorkspace.seed(poc.state(), SampleSpec.small());
    prod =
        FakeDatabricks.start(
            FakeDatabricksOptions.builder().token(SandboxConfig.PROD_TOKEN).noRateLimits().build());
    SampleProd.prepare(poc.state(), prod.state());
    h = BotHarness.withDatabricks(poc.host(), prod.host());
    requests = new JdbcRequestStore(h.bot.database().dataSource());
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
    poc.close();
    prod.close();
  }

  private MigrationRequest awaitEnd(long id) {
    Eventually.await(
        Duration.ofSeconds(90),
        "request " + id + " to end",
        () -> !requests.find(id).orElseThrow().state().isActive());
    return requests.find(id).orElseThrow();
  }

  private List<String> directMessagesTo(String user) {
    return h.slack.messages("D" + user).stream().map(m -> m.path("text").asText()).toList();
  }

  private void approve(String requestId) {
    JsonNode posted =
        Eventually.value(
            "the approval message",
            () ->
                h.slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream().findFirst().orElse(null));
    var reply =
        h.sender.blockAction(
            "U0SUPPORT1",
            SlackIds.APPROVE,
            requestId,
            SandboxConfig.SUPPORT_CHANNEL,
            posted.path("ts").asText(),
            h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void aMigrationRunsAfterApprovalAndTheLeadGetsTheVerifiedReport() throws Exception {
    var ack =
        h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
    assertThat(ack.body()).contains("Request #1");

    // the plan is computed in the background and shown in the approval message, with View plan
    JsonNode planned =
        Eventually.value(
            "the plan in the approval message",
            () ->
                h.slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream()
                    .filter(m -> m.toString().contains(SlackIds.VIEW_PLAN))
                    .findFirst()
                    .orElse(null));
    assertThat(planned.path("text").asText() + planned.path("blocks"))
        .contains(":mag: Plan: ", "notebooks ", "to recreate by hand", ":mag: Plan : ", "carnets ");
    var refused = h.slack.responseUrl();
    h.sender.blockAction(
        "U0ADALOVE",
        SlackIds.VIEW_PLAN,
        "1",
        SandboxConfig.SUPPORT_CHANNEL,
        planned.path("ts").asText(),
        refused);
    Eventually.await(
        "the lead is refused the plan",
        () ->
            h.slack.calls("response_url").stream()
                .anyMatch(
                    c -> c.param("url").equals(refused.substring(refused.indexOf("/response/")))));
    h.sender.blockAction(
        "U0SUPPORT2",
        SlackIds.VIEW_PLAN,
        "1",
        SandboxConfig.SUPPORT_CHANNEL,
        planned.path("ts").asText(),
        h.slack.responseUrl());
    var opened =
        Eventually.value(
            "the plan modal", () -> h.slack.calls("views.open").stream().findFirst().orElse(null));
    assertThat(opened.param("view"))
        .contains("Cannot be exported as is", "Must be recreated by hand", "cluster");
    approve("1");

    MigrationRequest done = awaitEnd(1);
    assertThat(done.state()).isIn(RequestState.SUCCEEDED, RequestState.PARTLY_SUCCEEDED);
    assertThat(
            new JdbcPlansAndResults(h.bot.database().dataSource()).result(1).orElseThrow().report())
        .isPresent();
    // what left POC arrived in PROD
    long pocNotebooks =
        poc.state()
            .workspace()
            .all()
            .filter(o -> o.type() == ObjectType.NOTEBOOK && !o.path().contains("/Trash"))
            .count();
    long prodNotebooks =
        prod.state().workspace().all().filter(o -> o.type() == ObjectType.NOTEBOOK).count();
    assertThat(prodNotebooks)
        .isGreaterThanOrEqualTo(pocNotebooks - 1); // the one over 10 MB stays behind
    assertThat(prod.state().jobs().all()).isNotEmpty();

    // the thread has a progress message and the report; the lead has the report in both languages
    List<JsonNode> thread =
        h.slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream()
            .filter(m -> m.has("thread_ts"))
            .toList();
    assertThat(thread).anyMatch(m -> m.path("text").asText().contains("is running"));
    String report =
        Eventually.value(
            "the report to the lead",
            () ->
                directMessagesTo("U0ADALOVE").stream()
                    .filter(t -> t.contains("Verification"))
                    .findFirst()
                    .orElse(null));
    assertThat(report)
        .contains(
            "notebooks:",
            "To recreate by hand",
            "Imported job schedules are paused",
            "Vérification",
            "cluster");
    assertThat(report)
        .doesNotContain(SandboxConfig.POC_TOKEN)
        .doesNotContain(SandboxConfig.PROD_TOKEN);
    // the request's work folder, and everything the core wrote in it, is readable by the bot's user
    // only
    try (var files = Files.walk(h.dataDir().resolve("bundles"))) {
      assertThat(
              files
                  .filter(f -> !f.equals(h.dataDir().resolve("bundles")))
                  .map(
                      f -> f.getFileName() + " " + PosixFilePermissions.toString(uncheckedModes(f)))
                  .toList())
          .contains("request-1 rwx------")
          .allSatisfy(m -> assertThat(m).matches(".* (rwx------|rw-------)"));
    }
    String everythingSentToSlack = h.slack.calls().toString();
    for (var scope : poc.state().secrets().scopes()) {
      poc.state()
          .secrets()
          .secrets(scope.name())
          .forEach((key, secret) -> {
            String value = new String(secret.value(), StandardCharsets.UTF_8);
            if (value.length() >= 6) {
              assertThat(everythingSentToSlack)
                  .as("secret %s/%s in Slack", scope.name(), key)
                  .doesNotContain(value);
            }
          });
    }
  }

  private static Set<PosixFilePermission> uncheckedModes(Path f) {
    try {
      return Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anOffboardingIsPackagedAndUploadedToTheLead() throws Exception {
    var submitted =
        h.sender.viewSubmission(
            "U0ALANTUR",
            SlackIds.REQUEST_MODAL,
            "OFFBOARD",
            RequestFormValues.of("ARCTIC", "notebooks", "jobs"));
    assertThat(submitted.body()).doesNotContain("errors");
    approve("1");

    MigrationRequest done = awaitEnd(1);
    assertThat(done.state()).isIn(RequestState.SUCCEEDED, RequestState.PARTLY_SUCCEEDED);
    var uploaded =
        Eventually.value(
            "the bundle upload",
            () ->
                h.slack.files().values().stream()
                    .filter(f -> f.channel() != null && f.bytes().length > 0)
                    .findFirst()
                    .orElse(null));
    assertThat(uploaded.name()).isEqualTo("ARCTIC-offboarding.zip");
    assertThat(uploaded.channel()).isEqualTo("DU0ALANTUR");
    try (var zip = new ZipInputStream(new ByteArrayInputStream(uploaded.bytes()))) {
      List<String> names = new ArrayList<>();
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
      assertThat(names)
          .contains("README.md", "manifest.json")
          .anyMatch(n -> n.startsWith("notebooks/"));
    }
    String report =
        Eventually.value(
            "the report",
            () ->
                directMessagesTo("U0ALANTUR").stream()
                    .filter(t -> t.contains("ARCTIC-offboarding.zip"))
                    .findFirst()
                    .orElse(null));
    assertThat(report)
        .contains("is attached to this conversation", "est joint à cette conversation");
  }
}
