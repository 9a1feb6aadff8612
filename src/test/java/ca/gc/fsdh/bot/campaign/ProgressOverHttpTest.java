package ca.gc.fsdh.bot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.testing.BotHarness;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /fsdh progress} over real signed HTTP into the bot wired as in production: the sandbox's
 * three workspaces, one migrated, one waiting for approval, one (offboard only) not started.
 */
class ProgressOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static BotHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = BotHarness.start();
    var rows = new CampaignRows(h.bot.database().dataSource());
    Instant now = Instant.now();
    rows.request(
        "MIGRATE",
        "OCEAN",
        "U0ADALOVE",
        "SUCCEEDED",
        now.minus(Duration.ofDays(3)),
        now.minus(Duration.ofDays(2)),
        "U0SUPPORT1",
        null);
    rows.request("MIGRATE", "FORET", "U0MARIECU", "PENDING_APPROVAL", now, now, null, null);
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String say(String user, String text) throws Exception {
    var reply = h.sender.slashCommand(user, "C0FSDHSUPPORT", text, h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    return JSON.readTree(reply.body()).path("text").asText();
  }

  @Test
  void supportSeesCountsByStageDaysLeftAndTheWorkspacesAtRiskInBothLanguages() throws Exception {
    String text = say("U0SUPPORT1", "progress");
    assertThat(text)
        .contains(
            "*Campaign progress*: 3 workspaces",
            "• Done: 1",
            "• Under way: 0",
            "• Waiting for approval: 1",
            "• Rejected or failed: 0",
            "• Not started: 1",
            "Offboard only (no PROD workspace): 1",
            "*Final date to migrate or offboard* (`final-date`): Sunday, November 30, 2025 — passed",
            "*At risk* (1)",
            "• `ARCTIC` Arctic Ice Survey — not started",
            "*Avancement de la campagne* : 3 espaces de travail",
            "• Terminés : 1",
            "• `ARCTIC` Relevé des glaces arctiques — pas commencé");
    assertThat(text).doesNotContain("`OCEAN`", "`FORET`");
    assertThat(text.indexOf("Campaign progress"))
        .isLessThan(text.indexOf("Avancement de la campagne"));
  }

  @Test
  void aFrenchSpeakingLeadIsRefusedInFrenchFirstAndTheRefusalIsAudited() throws Exception {
    String text = say("U0MARIECU", "progress");
    assertThat(text.indexOf("Seuls les membres de l’équipe de soutien"))
        .isGreaterThanOrEqualTo(0)
        .isLessThan(text.indexOf("Only members of the FSDH support team"));
    assertThat(text).doesNotContain("Campaign progress");
    assertThat(new JdbcAuditLog(h.bot.database().dataSource()).recent(20))
        .anySatisfy(e -> {
          assertThat(e.actor()).isEqualTo("U0MARIECU");
          assertThat(e.action()).isEqualTo("campaign.progress");
          assertThat(e.outcome()).isEqualTo("refused");
        });
  }
}
