package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackCall;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender.Signing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Requests end to end over signed HTTP: the real Bolt app, the real store, the Slack stand-in. */
class RequestsOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPORT = SandboxConfig.SUPPORT_CHANNEL;
  private BotHarness h;

  @BeforeEach
  void start() throws Exception {
    h = BotHarness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private String command(String user, String text) throws Exception {
    var reply = h.sender.slashCommand(user, "C0OCEANLEAD", text, h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    return reply.body().isEmpty() ? "" : JSON.readTree(reply.body()).path("text").asText();
  }

  private JsonNode approvalMessage() {
    return Eventually.value(
        "the approval message", () -> h.slack.messages(SUPPORT).stream().findFirst().orElse(null));
  }

  private List<String> directMessagesTo(String user) {
    return h.slack.messages("D" + user).stream().map(m -> m.path("text").asText()).toList();
  }

  private String click(String user, String actionId, String requestId) {
    String responseUrl = h.slack.responseUrl();
    var reply =
        h.sender.blockAction(
            user, actionId, requestId, SUPPORT, approvalMessage().path("ts").asText(), responseUrl);
    assertThat(reply.status()).isEqualTo(200);
    return responseUrl.substring(responseUrl.indexOf("/response/"));
  }

  private List<String> ephemeralAnswers(String responsePath) {
    return h
        .slack
        .calls(c -> c.method().equals("response_url") && c.param("url").equals(responsePath))
        .stream()
        .map(c -> c.param("json"))
        .toList();
  }

  @Nested
  class Migrate {
    @Test
    void aLeadsRequestIsSavedAckedPostedForApprovalAndTheLeadIsToldByDirectMessage()
        throws Exception {
      String ack = command("U0ADALOVE", "migrate ocean");
      assertThat(ack)
          .contains("Request #1 (migration of *OCEAN*) was sent to the support team")
          .contains("La demande nº 1 (migration de *OCEAN*)");

      JsonNode posted = approvalMessage();
      assertThat(posted.path("text").asText()).contains("New migration request #1 for *OCEAN*");
      JsonNode actions = posted.path("blocks").get(posted.path("blocks").size() - 1);
      assertThat(actions.path("elements"))
          .extracting(e -> e.path("action_id").asText())
          .containsExactly(SlackIds.APPROVE, SlackIds.REJECT);
      Eventually.await("a direct message to Ada", () -> !directMessagesTo("U0ADALOVE").isEmpty());
      assertThat(directMessagesTo("U0ADALOVE").get(0))
          .contains("Your request #1", "*waiting for approval*", "Votre demande nº 1");
    }

    @Test
    void aPlanOfAWorkspaceThatCannotBeReadSaysSoNextToItsCounts() throws Exception {
      // A POC workspace that refuses the bot's token: every list fails at once (403 is not
      // retried).
      try (var poc =
              FakeDatabricks.start(FakeDatabricksOptions.builder().token("another-token").build());
          var refused = BotHarness.start(env -> {}, poc.host(), poc.host())) {
        refused.sender.slashCommand(
            "U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", refused.slack.responseUrl());

        JsonNode planned =
            Eventually.value(
                "the plan in the approval message",
                () ->
                    refused.slack.messages(SUPPORT).stream()
                        .filter(m -> m.toString().contains(SlackIds.VIEW_PLAN))
                        .findFirst()
                        .orElse(null));
        assertThat(planned.path("blocks").toString())
            .contains("of the workspace could not be read", "n’ont pas pu être lues")
            .doesNotContain("another-token", SandboxConfig.POC_TOKEN);
        JsonNode actions = planned.path("blocks").get(planned.path("blocks").size() - 1);
        assertThat(actions.path("elements"))
            .extracting(e -> e.path("action_id").asText())
            .containsExactly(SlackIds.APPROVE, SlackIds.REJECT, SlackIds.VIEW_PLAN);

        refused.sender.blockAction(
            "U0SUPPORT2",
            SlackIds.VIEW_PLAN,
            "1",
            SUPPORT,
            planned.path("ts").asText(),
            refused.slack.responseUrl());
        var opened =
            Eventually.value(
                "the plan modal",
                () -> refused.slack.calls("views.open").stream().findFirst().orElse(null));
        assertThat(opened.param("view"))
            .contains("Could not be read", "folder / not listed", "PERMISSION_DENIED");
      }
    }

    @Test
    void aReplayedSlashCommandCreatesNoSecondRequest() throws Exception {
      String body =
          h.sender.slashCommandBody(
              "U0ADALOVE",
              "C0OCEANLEAD",
              "migrate OCEAN",
              h.slack.responseUrl(),
              "trigger-replayed");
      var first = h.sender.send(body, "application/x-www-form-urlencoded", Signing.VALID);
      var again = h.sender.send(body, "application/x-www-form-urlencoded", Signing.VALID);
      assertThat(first.body()).contains("was sent to the support team");
      assertThat(again.body())
          .contains("Request #1 was already received; nothing new was created.");
      approvalMessage();
      Thread.sleep(200); // let any (wrong) second notification arrive before counting
      assertThat(h.slack.messages(SUPPORT)).hasSize(1);
    }

    @Test
    void anotherWorkspacesLeadIsRefusedClearly() throws Exception {
      assertThat(command("U0MARIECU", "migrate OCEAN"))
          .contains("Only the lead or an admin of workspace `OCEAN` can make a request for it.");
      assertThat(h.slack.messages(SUPPORT)).isEmpty();
    }

    @Test
    void badInputGetsAClearAnswerNeverA500NorAnUnescapedMention() throws Exception {
      assertThat(command("U0ADALOVE", "migrate NOPE"))
          .contains("There is no workspace `NOPE`", "OCEAN");
      assertThat(command("U0ADALOVE", "migrate <!channel>"))
          .contains("&lt;!channel&gt;")
          .doesNotContain("<!channel>");
      assertThat(command("U0ADALOVE", "migrate <https://evil.example|OCEAN>"))
          .doesNotContain("<https://")
          .contains("There is no workspace");
      assertThat(command("U0ADALOVE", "migrate " + "A".repeat(3000)))
          .contains("There is no workspace")
          .hasSizeLessThan(1000);
      assertThat(command("U0ADALOVE", "migrate OCEAN please now"))
          .contains("at most one workspace acronym");
      assertThat(command("U0ALANTUR", "migrate ARCTIC"))
          .contains("*ARCTIC* has no PROD workspace", "/fsdh offboard ARCTIC");
    }

    @Test
    void aSecondRequestForABusyWorkspacePointsToTheFirst() throws Exception {
      command("U0ADALOVE", "migrate OCEAN");
      assertThat(command("U0GRACEHO", "migrate OCEAN"))
          .contains("*OCEAN* already has request #1", "/fsdh status 1");
    }
  }

  @Nested
  class Decisions {
    @Test
    void onlySupportMayApproveAndTheMessageThenShowsWhoDecidedWithoutButtons() throws Exception {
      command("U0ADALOVE", "migrate OCEAN");
      String byLead = click("U0ADALOVE", SlackIds.APPROVE, "1");
      Eventually.await("the refusal", () -> !ephemeralAnswers(byLead).isEmpty());
      assertThat(ephemeralAnswers(byLead).get(0))
          .contains("Only members of the FSDH support team", "\"ephemeral\"");

      click("U0SUPPORT1", SlackIds.APPROVE, "1");
      Eventually.await(
          "the approval message updated",
          () ->
              approvalMessage().path("text").asText().length() > 0
                  && !h.slack.calls("chat.update").isEmpty());
      JsonNode updated =
          Eventually.value(
              "updated",
              () ->
                  h.slack.messages(SUPPORT).stream()
                      .filter(m -> m.toString().contains("Approved by <@U0SUPPORT1>"))
                      .findFirst()
                      .orElse(null));
      assertThat(updated.toString())
          .doesNotContain(SlackIds.APPROVE)
          .contains("Approuvée par <@U0SUPPORT1>");
      // told alone, or with the run's start when it came first ("since my last message: approved,
      // about to start → running")
      Eventually.await(
          "the lead is told",
          () ->
              directMessagesTo("U0ADALOVE").stream()
                  .anyMatch(t -> t.contains("approved, about to start")));
    }

    @Test
    void aDoubleClickByTwoPeopleHasOneWinnerAndTheOtherIsToldWhoDecided() throws Exception {
      command("U0ADALOVE", "migrate OCEAN");
      String first = click("U0SUPPORT1", SlackIds.APPROVE, "1");
      String second = click("U0SUPPORT2", SlackIds.APPROVE, "1");
      // clicks are acked first and decided just after, so either may win: exactly one is told it
      // lost
      Eventually.await(
          "the losing click is answered",
          () -> ephemeralAnswers(first).size() + ephemeralAnswers(second).size() == 1);
      String winner =
          new JdbcRequestStore(h.bot.database().dataSource())
              .find(1)
              .orElseThrow()
              .decision()
              .orElseThrow()
              .by();
      String loserAnswer =
          ephemeralAnswers(first).isEmpty()
              ? ephemeralAnswers(second).get(0)
              : ephemeralAnswers(first).get(0);
      assertThat(JSON.readTree(loserAnswer).path("text").asText())
          .contains(
              "Request #1 is ", "this can no longer be done", "Approved by <@" + winner + ">");
      Thread.sleep(300);
      assertThat(ephemeralAnswers(first).size() + ephemeralAnswers(second).size()).isEqualTo(1);
    }

    @Test
    void rejectAsksForAReasonAndTheRequesterReadsIt() throws Exception {
      command("U0ADALOVE", "migrate OCEAN");
      click("U0SUPPORT2", SlackIds.REJECT, "1");
      SlackCall opened =
          Eventually.value(
              "the reason form",
              () -> h.slack.calls("views.open").stream().findFirst().orElse(null));
      assertThat(opened.param("view"))
          .contains(SlackIds.REJECT_MODAL, "\"private_metadata\":\"1\"");

      var empty =
          h.sender.viewSubmission(
              "U0SUPPORT2",
              SlackIds.REJECT_MODAL,
              "1",
              Map.of(
                  SlackIds.REASON_BLOCK,
                  Map.of(
                      SlackIds.REASON_INPUT,
                      JSON.createObjectNode().put("type", "plain_text_input").put("value", "  "))));
      assertThat(empty.body()).contains("\"response_action\":\"errors\"", "Please give a reason");

      var byLead =
          h.sender.viewSubmission(
              "U0ADALOVE", SlackIds.REJECT_MODAL, "1", reason("forged <!here>"));
      assertThat(byLead.body()).contains("Only members of the FSDH support team");

      var done =
          h.sender.viewSubmission(
              "U0SUPPORT2", SlackIds.REJECT_MODAL, "1", reason("PROD not ready <!here>"));
      assertThat(done.status()).isEqualTo(200);
      assertThat(done.body()).doesNotContain("errors");
      Eventually.await(
          "the lead reads the reason",
          () ->
              directMessagesTo("U0ADALOVE").stream()
                  .anyMatch(t -> t.contains("Reason: PROD not ready &lt;!here&gt;")));
      assertThat(h.slack.calls("chat.postMessage").toString()).doesNotContain("<!here>");
    }

    private Map<String, Map<String, ObjectNode>> reason(String text) {
      return Map.of(
          SlackIds.REASON_BLOCK,
          Map.of(
              SlackIds.REASON_INPUT,
              JSON.createObjectNode().put("type", "plain_text_input").put("value", text)));
    }
  }

  @Nested
  class FormAndOtherCommands {
    @Test
    void offboardOpensTheFormAndItsSubmissionCreatesTheRequest() throws Exception {
      assertThat(command("U0ALANTUR", "offboard")).isEmpty();
      SlackCall opened =
          Eventually.value(
              "the form", () -> h.slack.calls("views.open").stream().findFirst().orElse(null));
      assertThat(opened.param("view"))
          .contains(SlackIds.REQUEST_MODAL, "ARCTIC", SlackIds.KEY_BLOCK, "\"OFFBOARD\"");

      var form = RequestFormValues.of("ARCTIC", "notebooks");
      form.put(
          SlackIds.FORMAT_BLOCK,
          Map.of(SlackIds.FORMAT_INPUT, RequestFormValues.chosen("JUPYTER")));
      ObjectNode badKey =
          JSON.createObjectNode().put("type", "plain_text_input").put("value", "not a key");
      var withBadKey = new LinkedHashMap<>(form);
      withBadKey.put(SlackIds.KEY_BLOCK, Map.of(SlackIds.KEY_INPUT, badKey));
      var refused =
          h.sender.viewSubmission("U0ALANTUR", SlackIds.REQUEST_MODAL, "OFFBOARD", withBadKey);
      assertThat(refused.body()).contains("not an OpenPGP public key");

      var accepted = h.sender.viewSubmission("U0ALANTUR", SlackIds.REQUEST_MODAL, "OFFBOARD", form);
      assertThat(accepted.status()).isEqualTo(200);
      assertThat(accepted.body()).doesNotContain("errors");
      assertThat(approvalMessage().path("text").asText())
          .contains("New offboarding request #1 for *ARCTIC*");
      assertThat(command("U0ALANTUR", "status 1"))
          .contains("Resources: notebooks", "offboarding of *ARCTIC*");
    }

    @Test
    void aFormSubmittedForAnotherWorkspaceIsRefusedOnSubmission() throws Exception {
      var forged =
          h.sender.viewSubmission(
              "U0MARIECU",
              SlackIds.REQUEST_MODAL,
              "MIGRATE",
              RequestFormValues.of("OCEAN", "jobs"));
      assertThat(forged.body()).contains("errors", "Only the lead or an admin of workspace");
      assertThat(h.slack.messages(SUPPORT)).isEmpty();
    }

    @Test
    void statusListAndCancel() throws Exception {
      assertThat(command("U0ADALOVE", "status")).contains("You have no requests yet");
      command("U0ADALOVE", "migrate OCEAN");
      assertThat(command("U0GRACEHO", "list"))
          .contains("#1 · migration of *OCEAN* · waiting for approval");
      assertThat(command("U0MARIECU", "status 1")).contains("it belongs to another workspace");
      assertThat(command("U0ADALOVE", "status #1"))
          .contains("*Request #1*", "State: *waiting for approval*");
      assertThat(command("U0ADALOVE", "status abc")).contains("Please give one request number");
      assertThat(command("U0MARIECU", "cancel 1")).contains("it belongs to another workspace");
      assertThat(command("U0ADALOVE", "cancel 1"))
          .contains("Request #1 (migration of *OCEAN*) is cancelled");
      assertThat(command("U0ADALOVE", "cancel 1"))
          .contains("Request #1 is cancelled: this can no longer be done");
      String late = click("U0SUPPORT1", SlackIds.APPROVE, "1");
      Eventually.await(
          "the click on a cancelled request is answered", () -> !ephemeralAnswers(late).isEmpty());
      assertThat(JSON.readTree(ephemeralAnswers(late).get(0)).path("text").asText())
          .contains("is cancelled: this can no longer be done");
      assertThat(command("U0ADALOVE", "retry 1")).contains("Only members of the FSDH support team");
      assertThat(command("U0SUPPORT1", "retry 1")).contains("this can no longer be done");
    }
  }
}
