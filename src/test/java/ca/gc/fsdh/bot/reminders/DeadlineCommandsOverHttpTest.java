package ca.gc.fsdh.bot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /fsdh deadlines}, {@code /fsdh deadlines set} and {@code /fsdh reminders} over real signed
 * HTTP into the bot wired as in production; support membership asked of the Slack stand-in.
 */
class DeadlineCommandsOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPORT = "U0SUPPORT1";
  private static final LocalDate NEW_DATE =
      LocalDate.now(ZoneId.of("America/Toronto")).plusYears(1).withDayOfMonth(15);
  private static Path dataDir;
  private static BotHarness h;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("fsdh-deadlines-");
    h = BotHarness.start(env -> env.put("FSDH_DB_URL", SandboxConfig.h2Url(dataDir)));
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String say(BotHarness bot, String user, String text) throws Exception {
    var reply = bot.sender.slashCommand(user, "C0OCEANLEAD", text, bot.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    return JSON.readTree(reply.body()).path("text").asText();
  }

  @Test
  void everyoneSeesTheDatesInBothLanguagesWithTheCountdown() throws Exception {
    String text = say(h, "U0MARIECU", "deadlines");
    assertThat(text.indexOf("Dates limites")).isLessThan(text.indexOf("FSDH deadlines"));
    assertThat(text)
        .contains(
            "*Date limite de migration ou de retrait* (`final-date`) : dimanche 30 novembre 2025",
            "*Final date to migrate or offboard* (`final-date`): Sunday, November 30, 2025 — passed");
  }

  @Test
  void onlySupportMayChangeADateAndTheRefusalIsAudited() throws Exception {
    String text = say(h, "U0ADALOVE", "deadlines set poc-disabled " + NEW_DATE + " confirm");
    assertThat(text).contains("Only members of the FSDH support team can change a deadline");
    assertThat(say(h, "U0ADALOVE", "deadlines")).contains("Monday, December 1, 2025");
    assertThat(new JdbcAuditLog(h.bot.database().dataSource()).recent(20))
        .anySatisfy(e -> {
          assertThat(e.actor()).isEqualTo("U0ADALOVE");
          assertThat(e.action()).isEqualTo("deadline.set");
          assertThat(e.outcome()).isEqualTo("refused");
        });
  }

  @Test
  void badInputGetsAnExplanation() throws Exception {
    assertThat(say(h, SUPPORT, "deadlines set")).contains("Usage: `/fsdh deadlines set");
    assertThat(say(h, SUPPORT, "deadlines set no-such " + NEW_DATE))
        .contains("There is no milestone `no-such`", "`final-date`");
    assertThat(say(h, SUPPORT, "deadlines set final-date 30/11/2025"))
        .contains("is not a date written as YYYY-MM-DD");
  }

  @Test
  void supportConfirmsAChangeWhichIsAuditedReplannedPreviewedAndKeptAcrossARestart()
      throws Exception {
    String ask = say(h, SUPPORT, "deadlines set final-date " + NEW_DATE);
    assertThat(ask)
        .contains(
            "Move *Final date to migrate or offboard* from Sunday, November 30, 2025 to",
            "`/fsdh deadlines set final-date " + NEW_DATE + " confirm`");
    assertThat(h.bot.reminders().scheduler.upcoming())
        .noneMatch(s -> s.milestoneId().equals("final-date"));

    String done = say(h, SUPPORT, "deadlines set final-date " + NEW_DATE + " confirm");
    assertThat(done)
        .contains(
            "moved from Sunday, November 30, 2025 to", "by <@" + SUPPORT + ">", "6 still to come");
    assertThat(h.bot.reminders().scheduler.upcoming())
        .filteredOn(s -> s.milestoneId().equals("final-date"))
        .hasSize(6)
        .allMatch(s -> s.milestoneDate().equals(NEW_DATE));
    AuditEntry entry = new JdbcAuditLog(h.bot.database().dataSource()).recent(1).getFirst();
    assertThat(entry.outcome()).isEqualTo("ok");
    assertThat(entry.detail()).hasValue("final-date: 2025-11-30 -> " + NEW_DATE);

    String preview = say(h, SUPPORT, "reminders");
    assertThat(preview)
        .contains(
            "*Next reminders*",
            "30 days before",
            "<#C0OCEANLEAD>",
            "<#C0FORETLEAD>",
            "<#C0ARCTICLEAD>",
            "*Prochains rappels*");
    assertThat(say(h, "U0ADALOVE", "reminders")).contains("Only members of the FSDH support team");

    h.bot.close();
    h.slack.close();
    h = BotHarness.start(env -> env.put("FSDH_DB_URL", SandboxConfig.h2Url(dataDir)));
    assertThat(say(h, "U0ADALOVE", "deadlines"))
        .contains(
            DateWords.day(NEW_DATE, Language.EN) + " — in ", "(date changed by the support team)");
    assertThat(h.bot.reminders().scheduler.upcoming())
        .filteredOn(s -> s.milestoneId().equals("final-date"))
        .hasSize(6);
  }
}
