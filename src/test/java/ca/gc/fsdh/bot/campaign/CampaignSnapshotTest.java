package ca.gc.fsdh.bot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.CampaignSettings;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.reminders.CurrentDeadlines;
import ca.gc.fsdh.bot.reminders.MilestoneOverrides;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stages from stored requests and the burn-down's counts per day, on H2 with the real schema. */
class CampaignSnapshotTest {
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  private Database database;
  private Config config;
  private CampaignRows rows;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(TestDatabases.h2());
    config =
        SandboxConfig.load(
            SandboxConfig.environment(
                "http://127.0.0.1:9/api/", Files.createTempDirectory("fsdh-campaign-")));
    rows = new CampaignRows(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static Instant at(int month, int day) {
    return LocalDateTime.of(2025, month, day, 12, 0).atZone(TORONTO).toInstant();
  }

  private CampaignSnapshot snapshot(Instant now, CampaignSettings settings) {
    return new Campaign(
            config.directory(),
            new CurrentDeadlines(config.deadlines(), new MilestoneOverrides(database.dataSource())),
            new RequestHistory(database.dataSource()),
            settings,
            Clock.fixed(now, TORONTO))
        .snapshot();
  }

  @Test
  void theNewestRequestDecidesButADoneWorkspaceStaysDone() throws Exception {
    rows.request("MIGRATE", "OCEAN", "U0ADALOVE", "SUCCEEDED", at(10, 1), at(10, 5), "U0S", null);
    rows.request("MIGRATE", "OCEAN", "U0ADALOVE", "CANCELLED", at(10, 6), at(10, 6), null, null);
    rows.request("MIGRATE", "FORET", "U0MARIECU", "FAILED", at(10, 2), at(10, 3), "U0S", null);
    rows.request("MIGRATE", "FORET", "U0MARIECU", "APPROVED", at(10, 4), at(10, 4), "U0S", null);
    rows.request("OFFBOARD", "ARCTIC", "U0ALANTUR", "CANCELLED", at(10, 2), at(10, 2), null, null);

    CampaignSnapshot s = snapshot(at(10, 10), config.campaign());
    assertThat(s.counts())
        .containsEntry(Stage.DONE, 1)
        .containsEntry(Stage.UNDER_WAY, 1)
        .containsEntry(Stage.NOT_STARTED, 1)
        .containsEntry(Stage.WAITING, 0)
        .containsEntry(Stage.REJECTED_OR_FAILED, 0);
    assertThat(s.atRisk()).extracting(w -> w.acronym()).containsExactly("ARCTIC");
  }

  @Test
  void theBurnDownCountsWorkspacesNotYetDoneAtTheEndOfEachDay() throws Exception {
    rows.request("MIGRATE", "OCEAN", "U0ADALOVE", "SUCCEEDED", at(10, 1), at(10, 3), "U0S", null);
    rows.request(
        "OFFBOARD", "ARCTIC", "U0ALANTUR", "PARTLY_SUCCEEDED", at(10, 2), at(10, 5), "U0S", null);
    rows.request(
        "MIGRATE", "FORET", "U0MARIECU", "PENDING_APPROVAL", at(10, 4), at(10, 4), null, null);

    BurnDown d = snapshot(at(10, 6), config.campaign()).burnDown();
    assertThat(d.start()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(d.finalDate())
        .isEqualTo(LocalDate.of(2025, 11, 30)); // the example's campaign.finalMilestone
    assertThat(d.days()).hasSize(6).startsWith(LocalDate.of(2025, 10, 1));
    assertThat(d.remaining()).containsExactly(3, 3, 2, 2, 1, 1);
  }

  @Test
  void withNoRequestBeforeTheFinalDateTheChartStartsFourWeeksBeforeIt() {
    BurnDown d = snapshot(at(12, 15), config.campaign()).burnDown();
    assertThat(d.start()).isEqualTo(LocalDate.of(2025, 11, 2));
    assertThat(d.remaining()).allMatch(n -> n == 3);

    var configured =
        new CampaignSettings(
            Optional.of("poc-disabled"),
            Optional.of(LocalDate.of(2025, 12, 10)),
            CampaignSettings.DEFAULT.digestDay(),
            CampaignSettings.DEFAULT.digestTime(),
            true);
    BurnDown set = snapshot(at(12, 15), configured).burnDown();
    assertThat(set.start()).isEqualTo(LocalDate.of(2025, 12, 10));
    assertThat(set.finalDate()).isEqualTo(LocalDate.of(2025, 12, 1));

    // Without campaign.finalMilestone, the latest milestone is the final date.
    assertThat(snapshot(at(12, 15), CampaignSettings.DEFAULT).burnDown().finalDate())
        .isEqualTo(LocalDate.of(2025, 12, 1));
  }
}
