package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Separation of duties over signed HTTP: a support member who made a request, or leads or
 * administers its workspace, may not approve, reject or retry it, by button, form or command; the
 * refusal says why and who else can, in both languages, and is audited. With {@code
 * approvals.allowOwnDecisions} (a one-person support team) the decision goes through, marked in the
 * approval message and the audit log.
 *
 * <p>OCEAN's lead Ada and admin Grace are made members of the support group here; Sam and Sophie
 * are the members with no tie to OCEAN.
 */
class SeparationOfDutiesOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPORT = SandboxConfig.SUPPORT_CHANNEL;
  private static final String ADA = "U0ADALOVE"; // OCEAN's lead
  private static final String GRACE = "U0GRACEHO"; // OCEAN's admin
  private BotHarness h;

  private void start(UnaryOperator<String> yaml) throws Exception {
    h =
        BotHarness.start(
            TestDatabases.Kind.H2,
            slack ->
                slack.userGroup(
                    SandboxConfig.SUPPORT_GROUP, List.of("U0SUPPORT1", "U0SUPPORT2", ADA, GRACE)),
            yaml,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  private void request(String user) throws Exception {
    assertThat(
            h.sender
                .slashCommand(user, "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl())
                .body())
        .contains("Request #1");
    Eventually.await("the approval message", () -> !h.slack.messages(SUPPORT).isEmpty());
  }

  /** Clicks a button of the approval message; returns the ephemeral answer's text. */
  private String click(String user, String actionId) throws Exception {
    String path = send(user, actionId);
    String json =
        Eventually.value(
            "the ephemeral answer",
            () ->
                h
                    .slack
                    .calls(c -> c.method().equals("response_url") && c.param("url").equals(path))
                    .stream()
                    .map(c -> c.param("json"))
                    .findFirst()
                    .orElse(null));
    assertThat(JSON.readTree(json).path("response_type").asText()).isEqualTo("ephemeral");
    return JSON.readTree(json).path("text").asText();
  }

  /** Clicks a button of the approval message; returns the path of its response_url. */
  private String send(String user, String actionId) {
    String responseUrl = h.slack.responseUrl();
    assertThat(h.sender.blockAction(user, actionId, "1", SUPPORT, "1.000001", responseUrl).status())
        .isEqualTo(200);
    return responseUrl.substring(responseUrl.indexOf("/response/"));
  }

  private List<AuditEntry> audit() {
    return new JdbcAuditLog(h.bot.database().dataSource()).recent(1000);
  }

  private AuditEntry refusal(String actor, String action) {
    return Eventually.value(
        "the audit row of the refusal",
        () ->
            audit().stream()
                .filter(e ->
                    e.actor().equals(actor)
                        && e.action().equals(action)
                        && e.outcome().equals("refused"))
                .findFirst()
                .orElse(null));
  }

  private RequestState state() {
    return new JdbcRequestStore(h.bot.database().dataSource()).find(1).orElseThrow().state();
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequest() throws Exception {
    start(UnaryOperator.identity());
    request(ADA);
    String answer = click(ADA, SlackIds.APPROVE);
    assertThat(answer)
        .contains("You made request #1, so another member of the support team must decide it")
        .contains("Vous avez fait la demande nº 1")
        // Grace administers OCEAN: she may not decide either
        .contains("Who can: <@U0SUPPORT1>, <@U0SUPPORT2>.")
        .contains("Qui le peut : <@U0SUPPORT1>, <@U0SUPPORT2>.")
        .doesNotContain("<@U0GRACEHO>");
    AuditEntry row = refusal(ADA, "request.approve");
    assertThat(row.detail()).contains("separation of duties: own_request");
    assertThat(row.requestId()).contains(1L);
    assertThat(state()).isEqualTo(RequestState.PENDING_APPROVAL);
  }

  @Test
  void theLeadCannotRejectTheAdminsRequestByButtonNorByForm() throws Exception {
    start(UnaryOperator.identity());
    request(GRACE);
    String answer = click(ADA, SlackIds.REJECT);
    assertThat(answer)
        .contains(
            "You lead *OCEAN*, so another member of the support team must decide its request #1")
        .contains("Vous dirigez *OCEAN*")
        .contains("<@U0SUPPORT1>, <@U0SUPPORT2>");
    assertThat(h.slack.calls("views.open")).as("no rejection form opens").isEmpty();
    assertThat(refusal(ADA, "request.reject").detail())
        .contains("separation of duties: leads_workspace");

    // the form submitted anyway (forged, or opened before): refused in the domain too
    var reason = JSON.createObjectNode().put("type", "plain_text_input").put("value", "not needed");
    var reply =
        h.sender.viewSubmission(
            ADA,
            SlackIds.REJECT_MODAL,
            "1",
            Map.of(SlackIds.REASON_BLOCK, Map.of(SlackIds.REASON_INPUT, reason)));
    assertThat(JSON.readTree(reply.body()).path("errors").path(SlackIds.REASON_BLOCK).asText())
        .contains("You lead *OCEAN*", "Vous dirigez *OCEAN*");
    assertThat(
            audit().stream()
                .filter(e -> e.actor().equals(ADA) && e.outcome().equals("refused"))
                .count())
        .isEqualTo(2);
    assertThat(state()).isEqualTo(RequestState.PENDING_APPROVAL);
  }

  @Test
  void anAdminCannotApproveTheLeadsRequest() throws Exception {
    start(UnaryOperator.identity());
    request(ADA);
    assertThat(click(GRACE, SlackIds.APPROVE))
        .contains("You administer *OCEAN*", "Vous administrez *OCEAN*")
        .contains("<@U0SUPPORT1>, <@U0SUPPORT2>");
    assertThat(refusal(GRACE, "request.approve").detail())
        .contains("separation of duties: administers_workspace");
    assertThat(state()).isEqualTo(RequestState.PENDING_APPROVAL);
  }

  @Test
  void theRequesterCannotRetryTheirOwnFailedRequest() throws Exception {
    start(UnaryOperator.identity());
    request(ADA);
    failRequestOne();
    var reply = h.sender.slashCommand(ADA, "C0OCEANLEAD", "retry 1", h.slack.responseUrl());
    assertThat(JSON.readTree(reply.body()).path("text").asText())
        .contains("You made request #1", "Vous avez fait la demande nº 1", "<@U0SUPPORT1>");
    assertThat(refusal(ADA, "request.retry").detail())
        .contains("separation of duties: own_request");
    assertThat(state()).isEqualTo(RequestState.FAILED);
  }

  @Test
  void aOnePersonSupportTeamMayDecideItsOwnRequestAndTheDecisionIsMarked() throws Exception {
    start(yaml -> replaced(yaml, "allowOwnDecisions: false", "allowOwnDecisions: true"));
    request(ADA);
    send(ADA, SlackIds.APPROVE);
    String updated =
        Eventually.value(
            "the approval message showing the decision",
            () ->
                h.slack.messages(SUPPORT).stream()
                    .map(m -> m.toString())
                    .filter(t -> t.contains("Approved by"))
                    .findFirst()
                    .orElse(null));
    assertThat(updated)
        .contains("Decided by <@U0ADALOVE>, who made the request")
        .contains("Décision de <@U0ADALOVE>, qui a fait la demande");
    AuditEntry row =
        Eventually.value(
            "the audit row of the approval",
            () ->
                audit().stream()
                    .filter(e -> e.action().equals("request.approve") && e.outcome().equals("ok"))
                    .findFirst()
                    .orElse(null));
    assertThat(row.actor()).isEqualTo(ADA);
    assertThat(row.detail()).contains("own decision allowed: own_request");
  }

  /** The example configuration with one setting changed (failing if the setting is not there). */
  static String replaced(String yaml, String from, String to) {
    assertThat(yaml).contains(from);
    return yaml.replace(from, to);
  }

  /** Request 1's run failed (the state only: what retry looks at). */
  private void failRequestOne() throws SQLException {
    try (var c = h.bot.database().dataSource().getConnection();
        var s =
            c.prepareStatement(
                "UPDATE migration_request SET state = 'FAILED', active_workspace = NULL WHERE id = 1")) {
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }
}
