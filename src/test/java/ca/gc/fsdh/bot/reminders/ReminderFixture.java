package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.tools.sandbox.AdjustableClock;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared set-up of the reminder tests: deadlines, a directory, the workspaces' standings,
 * instances.
 */
final class ReminderFixture {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final LocalDate FINAL = LocalDate.of(2025, 11, 28); // a Friday

  private ReminderFixture() {}

  static Deadlines deadlines(LocalDate finalDate, double rate) {
    return new Deadlines(
        TORONTO,
        LocalTime.of(9, 30),
        List.of(30, 14, 7, 3, 1, 0),
        Set.of(LocalDate.of(2025, 11, 11), LocalDate.of(2025, 12, 25)),
        List.of(
            new Milestone(
                "final-date",
                finalDate,
                "Final date to migrate or offboard",
                "Date limite de migration ou de retrait")),
        rate);
  }

  static Workspace workspace(String acronym, Language language, boolean offboardOnly) {
    return new Workspace(
        acronym,
        acronym + " science",
        "Science " + acronym,
        "U0LEAD" + acronym,
        List.of(),
        "C0" + acronym,
        language,
        "https://adb-1.azuredatabricks.net",
        offboardOnly ? Optional.empty() : Optional.of("https://adb-2.azuredatabricks.net"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static WorkspaceDirectory directory(int count) {
    List<Workspace> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(workspace("W" + i, i % 2 == 0 ? Language.EN : Language.FR, i % 3 == 0));
    }
    return new WorkspaceDirectory(all);
  }

  /** Standing a test can change while reminders run. */
  static final class Standings implements WorkspaceStanding {
    final Map<String, Standing> byAcronym = new ConcurrentHashMap<>();

    @Override
    public Standing standingOf(String acronym, String milestoneId) {
      return byAcronym.getOrDefault(acronym, Standing.NONE);
    }
  }

  /** One bot instance's reminders on its own connection pool. */
  static Reminders instance(
      DatabaseSettings db,
      Database pool,
      Deadlines deadlines,
      WorkspaceDirectory directory,
      WorkspaceStanding standings,
      FakeSlackApi slack,
      AdjustableClock clock)
      throws Exception {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    var methods = Slack.getInstance(config).methods(SandboxConfig.BOT_TOKEN);
    return Reminders.create(
        pool.dataSource(),
        db.isPostgres(),
        deadlines,
        directory,
        standings,
        new Messages(),
        methods,
        clock,
        Duration.ofSeconds(1));
  }
}
