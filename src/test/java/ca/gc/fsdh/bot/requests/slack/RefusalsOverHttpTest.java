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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal over signed HTTP gets a message in both languages (an ephemeral answer, or the
 * form's errors) and an audit row, and changes nothing: on H2 and on PostgreSQL. Clicks and forms
 * carry what a forger would put in them.
 */
class RefusalsOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPORT = SandboxConfig.SUPPORT_CHANNEL;

  /** Request ids that are not numbers the bot wrote: each must be refused, told and audited. */
  private static final List<String> FORGED_IDS =
      List.of(
          "1 OR 1=1",
          "99999999999999999999",
          "1e3",
          "''",
          "",
          "-1",
          "<!channel>",
          "9".repeat(5000));

  private static final Map<TestDatabases.Kind, BotHarness> BOTS =
      new EnumMap<>(TestDatabases.Kind.class);

  /** One bot per database, with request #1 of OCEAN waiting for approval. */
  private static synchronized BotHarness bot(TestDatabases.Kind kind) throws Exception {
    BotHarness h = BOTS.get(kind);
    if (h == null) {
      h = BotHarness.start(kind);
      BOTS.put(kind, h);
      assertThat(
              h.sender
                  .slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl())
                  .body())
          .contains("Request #1");
      BotHarness started = h;
      Eventually.await("the approval message", () -> !started.slack.messages(SUPPORT).isEmpty());
    }
    return h;
  }

  @AfterAll
  static void stop() throws Exception {
    for (BotHarness h : BOTS.values()) {
      h.close();
    }
  }

  static Stream<Arguments> forgedIds() {
    return TestDatabases.both()
        .flatMap(kind -> FORGED_IDS.stream().map(id -> Arguments.of(kind, id)));
  }

  /** Refused entries written since {@code before} (a count of rows), oldest first. */
  private static List<AuditEntry> refusalsSince(BotHarness h, int before) {
    List<AuditEntry> all = new JdbcAuditLog(h.bot.database().dataSource()).recent(10_000);
    return all.subList(0, all.size() - before).reversed().stream()
        .filter(e -> e.outcome().equals("refused"))
        .toList();
  }

  private static int auditRows(BotHarness h) {
    return new JdbcAuditLog(h.bot.database().dataSource()).recent(10_000).size();
  }

  /** Clicks a button of the approval message; returns the ephemeral answer, once it arrived. */
  private static String click(BotHarness h, String user, String actionId, String value) {
    String responseUrl = h.slack.responseUrl();
    String path = responseUrl.substring(responseUrl.indexOf("/response/"));
    var reply = h.sender.blockAction(user, actionId, value, SUPPORT, "1.000001", responseUrl);
    assertThat(reply.status()).isEqualTo(200);
    return Eventually.value(
        "the ephemeral answer",
        () ->
            h
                .slack
                .calls(c -> c.method().equals("response_url") && c.param("url").equals(path))
                .stream()
                .map(c -> c.param("json"))
                .findFirst()
                .orElse(null));
  }

  private static String command(BotHarness h, String user, String text) throws Exception {
    var reply = h.sender.slashCommand(user, "C0OCEANLEAD", text, h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    return JSON.readTree(reply.body()).path("text").asText();
  }

  private static void assertNothingChanged(BotHarness h) {
    assertThat(new JdbcRequestStore(h.bot.database().dataSource()).find(1).orElseThrow().state())
        .isEqualTo(RequestState.PENDING_APPROVAL);
    // the approval message is updated once its plan is ready, never with a decision
    assertThat(h.slack.calls("chat.update").toString())
        .doesNotContain("Approved by", "Rejected by");
    assertThat(h.slack.calls("views.open")).isEmpty();
  }

  private static void assertForgedIdAudited(AuditEntry e, String actor, String action) {
    assertThat(e.actor()).isEqualTo(actor);
    assertThat(e.action()).isEqualTo(action);
    assertThat(e.requestId()).isEmpty();
    assertThat(e.detail().orElseThrow()).startsWith("unreadable target '").hasSizeLessThan(70);
  }

  @ParameterizedTest(name = "{0}: Approve with id [{1}]")
  @MethodSource("forgedIds")
  void anApproveClickWithAForgedIdIsToldAndAudited(TestDatabases.Kind kind, String forged)
      throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    String answer = click(h, "U0SUPPORT1", SlackIds.APPROVE, forged);
    assertThat(answer)
        .contains("\"ephemeral\"", "There is no request", "Il n’y a pas de demande")
        .doesNotContain("<!channel>", "9".repeat(100));
    List<AuditEntry> refused =
        Eventually.value(
            "the audit row",
            () -> {
              var rows = refusalsSince(h, before);
              return rows.isEmpty() ? null : rows;
            });
    assertThat(refused).hasSize(1);
    assertForgedIdAudited(refused.get(0), "U0SUPPORT1", "request.approve");
    assertNothingChanged(h);
  }

  @ParameterizedTest(name = "{0}: Reject with id [{1}]")
  @MethodSource("forgedIds")
  void aRejectClickWithAForgedIdIsToldAndAudited(TestDatabases.Kind kind, String forged)
      throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    String answer = click(h, "U0SUPPORT2", SlackIds.REJECT, forged);
    assertThat(answer)
        .contains("There is no request", "Il n’y a pas de demande")
        .doesNotContain("<!channel>");
    List<AuditEntry> refused = refusalsSince(h, before);
    assertThat(refused).hasSize(1);
    assertForgedIdAudited(refused.get(0), "U0SUPPORT2", "request.reject");
    assertNothingChanged(h);
  }

  @ParameterizedTest(name = "{0}: rejection form for [{1}]")
  @MethodSource("forgedIds")
  void aRejectionFormWithAForgedIdShowsTheRefusalAndIsAudited(
      TestDatabases.Kind kind, String forged) throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    ObjectNode reason = JSON.createObjectNode().put("type", "plain_text_input").put("value", "no");
    var reply =
        h.sender.viewSubmission(
            "U0SUPPORT1",
            SlackIds.REJECT_MODAL,
            forged,
            Map.of(SlackIds.REASON_BLOCK, Map.of(SlackIds.REASON_INPUT, reason)));
    assertThat(reply.status()).isEqualTo(200);
    var errors = JSON.readTree(reply.body());
    assertThat(errors.path("response_action").asText()).isEqualTo("errors");
    assertThat(errors.path("errors").path(SlackIds.REASON_BLOCK).asText())
        .contains("There is no request", "Il n’y a pas de demande")
        .doesNotContain("<!channel>");
    List<AuditEntry> refused = refusalsSince(h, before);
    assertThat(refused).hasSize(1);
    assertForgedIdAudited(refused.get(0), "U0SUPPORT1", "request.reject");
    assertNothingChanged(h);
  }

  @ParameterizedTest(name = "{0}: View plan with id [{1}]")
  @MethodSource("forgedIds")
  void aViewPlanClickWithAForgedIdIsToldAndAudited(TestDatabases.Kind kind, String forged)
      throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    assertThat(click(h, "U0SUPPORT1", SlackIds.VIEW_PLAN, forged))
        .contains("There is no request", "Il n’y a pas");
    List<AuditEntry> refused = refusalsSince(h, before);
    assertThat(refused).hasSize(1);
    assertForgedIdAudited(refused.get(0), "U0SUPPORT1", "request.view-plan");
    assertNothingChanged(h);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void viewPlanByANonMemberIsToldAndAudited(TestDatabases.Kind kind) throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    assertThat(click(h, "U0ADALOVE", SlackIds.VIEW_PLAN, "1"))
        .contains(
            "Only members of the FSDH support team", "Seuls les membres de l’équipe de soutien");
    List<AuditEntry> refused = refusalsSince(h, before);
    assertThat(refused)
        .extracting(e ->
            e.actor()
                + " "
                + e.action()
                + " "
                + e.requestId().orElse(0L)
                + " "
                + e.workspace().orElse("")
                + " "
                + e.detail().orElse(""))
        .containsExactly("U0ADALOVE request.view-plan 1 OCEAN not_allowed");
    assertNothingChanged(h);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void viewPlanOfARequestThatDoesNotExistIsToldAndAudited(TestDatabases.Kind kind)
      throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    assertThat(click(h, "U0SUPPORT1", SlackIds.VIEW_PLAN, "4242"))
        .contains("There is no request `4242`");
    assertThat(refusalsSince(h, before))
        .extracting(e -> e.action() + " " + e.requestId().orElse(0L) + " " + e.detail().orElse(""))
        .containsExactly("request.view-plan 4242 not_found");
    assertNothingChanged(h);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void remindersByANonMemberIsToldAndAudited(TestDatabases.Kind kind) throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    assertThat(command(h, "U0MARIECU", "reminders"))
        .contains(
            "Only members of the FSDH support team can preview",
            "Seuls les membres de l’équipe de soutien de la PFDS peuvent voir l’aperçu");
    assertThat(refusalsSince(h, before))
        .extracting(e -> e.actor() + " " + e.action())
        .containsExactly("U0MARIECU reminders.show");
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void movingADeadlineByANonMemberIsToldAndAudited(TestDatabases.Kind kind) throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    assertThat(command(h, "U0ADALOVE", "deadlines set final-date 2026-01-15 confirm"))
        .contains(
            "Only members of the FSDH support team can change a deadline",
            "peuvent modifier une date limite");
    assertThat(refusalsSince(h, before))
        .extracting(e -> e.actor() + " " + e.action())
        .containsExactly("U0ADALOVE deadline.set");
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void statusCancelAndRetryOfUnknownOrUnreadableRequestsAreToldAndAudited(TestDatabases.Kind kind)
      throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    assertThat(command(h, "U0ADALOVE", "status 4242"))
        .contains("There is no request `4242`", "Il n’y a pas de demande");
    assertThat(command(h, "U0ADALOVE", "status 1 OR 1=1"))
        .contains("Please give one request number", "Veuillez indiquer un numéro de demande");
    assertThat(command(h, "U0ADALOVE", "cancel 99999999999999999999"))
        .contains("Please give one request number");
    assertThat(command(h, "U0SUPPORT1", "retry 4242")).contains("There is no request `4242`");
    assertThat(refusalsSince(h, before))
        .extracting(e -> e.actor() + " " + e.action() + " " + e.detail().orElse(""))
        .containsExactly(
            "U0ADALOVE request.status not_found",
            "U0ADALOVE request.status unreadable target '1 OR 1=1'",
            "U0ADALOVE request.cancel unreadable target '99999999999999999999'",
            "U0SUPPORT1 request.retry not_found");
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void retryAndCancelByOthersAreToldAndAudited(TestDatabases.Kind kind) throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    assertThat(command(h, "U0ADALOVE", "retry 1"))
        .contains("Only members of the FSDH support team", "Seuls les membres");
    assertThat(command(h, "U0MARIECU", "cancel 1"))
        .contains(
            "it belongs to another workspace", "elle appartient à un autre espace de travail");
    assertThat(refusalsSince(h, before))
        .extracting(e -> e.actor() + " " + e.action() + " " + e.detail().orElse(""))
        .containsExactly(
            "U0ADALOVE request.retry not_allowed", "U0MARIECU request.cancel not_allowed");
    assertNothingChanged(h);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aRequestFormOfAnUnknownKindIsToldAndAudited(TestDatabases.Kind kind) throws Exception {
    BotHarness h = bot(kind);
    int before = auditRows(h);
    var reply =
        h.sender.viewSubmission("U0ADALOVE", SlackIds.REQUEST_MODAL, "DELETE_EVERYTHING", Map.of());
    assertThat(reply.body())
        .contains(
            "\"response_action\":\"errors\"",
            "This form is out of date",
            "Ce formulaire n’est plus à jour");
    assertThat(refusalsSince(h, before))
        .extracting(e -> e.actor() + " " + e.action() + " " + e.detail().orElse(""))
        .containsExactly("U0ADALOVE request.form unreadable target 'DELETE_EVERYTHING'");
  }
}
