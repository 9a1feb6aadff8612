package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.BusinessDays;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.JumpingClock;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request left waiting, over signed HTTP into the real bot (its Quartz sweep, its Slack calls to
 * the stand-in), with a clock the test moves a business day at a time: nudged in its approval
 * thread with the days waited and left, then escalated to the support group (or a channel), and
 * {@code /fsdh status} says how long it has waited.
 */
class NudgesOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPORT = SandboxConfig.SUPPORT_CHANNEL;
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  private static final Duration SWEEPS = Duration.ofSeconds(40);
  private final JumpingClock clock = new JumpingClock();
  private final BusinessDays businessDays = new BusinessDays(Set.of());
  private BotHarness h;
  private LocalDate finalDate;

  /** The final date 40 days from now, so that the days left are known. */
  private void start(UnaryOperator<String> approvals) throws Exception {
    finalDate = LocalDate.now(TORONTO).plusDays(40);
    UnaryOperator<String> yaml =
        y ->
            y.replace("date: 2025-11-30", "date: " + finalDate)
                .replaceAll("holidays: \\[[^]]*\\]", "holidays: []");
    h = BotHarness.start(TestDatabases.Kind.H2, slack -> {}, yaml.andThen(approvals)::apply, clock);
  }

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  /** Moves the clock just past {@code days} business days after the request was made. */
  private void jumpPast(ZonedDateTime made, int days) {
    ZonedDateTime due = businessDays.plus(made, days).plusMinutes(1);
    Duration ahead = Duration.between(clock.instant(), due.toInstant());
    if (!ahead.isNegative()) {
      clock.jump(ahead);
    }
  }

  private JsonNode approvalMessage() {
    return Eventually.value(
        "the approval message", () -> h.slack.messages(SUPPORT).stream().findFirst().orElse(null));
  }

  private List<JsonNode> replies(String threadTs) {
    return h.slack.messages(SUPPORT).stream()
        .filter(m -> m.path("thread_ts").asText().equals(threadTs))
        .toList();
  }

  private String status() throws Exception {
    var reply =
        h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "status 1", h.slack.responseUrl());
    return JSON.readTree(reply.body()).path("text").asText();
  }

  @Test
  void aWaitingRequestIsNudgedInItsThreadThenEscalatedToTheSupportGroup() throws Exception {
    start(UnaryOperator.identity());
    ZonedDateTime made = clock.instant().atZone(TORONTO);
    h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
    String ts = approvalMessage().path("ts").asText();
    assertThat(status())
        .contains("Waiting for a decision for 0 business days")
        .contains("En attente d’une décision depuis 0 jours ouvrables");

    jumpPast(made, 1);
    JsonNode nudge =
        Eventually.value(
            SWEEPS, "the nudge in the thread", () -> replies(ts).stream().findFirst().orElse(null));
    long left = ChronoUnit.DAYS.between(clock.instant().atZone(TORONTO).toLocalDate(), finalDate);
    assertThat(nudge.path("text").asText())
        .contains("Request #1 (migration of *OCEAN*) has waited 1 business day for a decision")
        .contains(left + " days are left before the final date (" + finalDate + ")")
        .contains(
            "La demande nº 1 (migration de *OCEAN*) attend une décision depuis 1 jour ouvrable")
        .contains("Il reste " + left + " jours avant la date limite");
    assertThat(status()).contains("Waiting for a decision for 1 business day (made ");

    jumpPast(made, 2);
    JsonNode escalation =
        Eventually.value(
            SWEEPS,
            "the escalation",
            () ->
                h.slack.messages(SUPPORT).stream()
                    .filter(m -> m.path("text").asText().contains("subteam"))
                    .findFirst()
                    .orElse(null));
    assertThat(escalation.has("thread_ts")).as("a message of its own, not in the thread").isFalse();
    assertThat(escalation.path("text").asText())
        .startsWith("<!subteam^" + SandboxConfig.SUPPORT_GROUP + "> :rotating_light:")
        .containsOnlyOnce("<!subteam^")
        .contains("has waited 2 business days")
        .contains("Nobody has decided it yet: please decide it in its thread in <#" + SUPPORT + ">")
        .contains("Personne ne l’a encore tranchée");
    assertThat(replies(ts)).as("one nudge in the thread, whatever the sweeps").hasSize(1);
    assertThat(status()).contains("Waiting for a decision for 2 business days");
  }

  @Test
  void anEscalationGoesToTheConfiguredChannel() throws Exception {
    start(yaml ->
        SeparationOfDutiesOverHttpTest.replaced(
            SeparationOfDutiesOverHttpTest.replaced(
                yaml, "nudgeAfterBusinessDays: 1", "nudgeAfterBusinessDays: 2"),
            "escalateTo: S0FSDHSUPPORT",
            "escalateTo: C0ESCALATE"));
    ZonedDateTime made = clock.instant().atZone(TORONTO);
    h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
    String ts = approvalMessage().path("ts").asText();

    jumpPast(made, 2);
    Eventually.await(SWEEPS, "the nudge after two business days", () -> !replies(ts).isEmpty());
    assertThat(replies(ts).get(0).path("text").asText()).contains("has waited 2 business days");

    jumpPast(made, 3);
    JsonNode escalation =
        Eventually.value(
            SWEEPS,
            "the escalation in C0ESCALATE",
            () -> h.slack.messages("C0ESCALATE").stream().findFirst().orElse(null));
    assertThat(escalation.path("text").asText())
        .startsWith(":rotating_light: Request #1")
        .contains("has waited 3 business days")
        .doesNotContain("subteam");
  }
}
