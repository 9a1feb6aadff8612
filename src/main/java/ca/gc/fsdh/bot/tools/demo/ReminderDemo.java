package ca.gc.fsdh.bot.tools.demo;

import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.reminders.ReminderPlanner;
import ca.gc.fsdh.bot.reminders.ReminderSlot;
import ca.gc.fsdh.bot.reminders.Reminders;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding.Standing;
import ca.gc.fsdh.bot.tools.sandbox.AdjustableClock;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reminders part of the demo, time-compressed: the clock jumps to just before three reminders
 * of the final date (30, 7 and 0 days before), the real Quartz scheduler fires each one, and the
 * lead channels receive what their workspace's state calls for while the workspaces move along.
 */
final class ReminderDemo {
  private final Transcript transcript;
  private final FakeSlackApi slack;
  private final Config config;
  private final Path dataDir;

  ReminderDemo(Transcript transcript, FakeSlackApi slack, Config config, Path dataDir) {
    this.transcript = transcript;
    this.slack = slack;
    this.config = config;
    this.dataDir = dataDir;
  }

  void run() throws Exception {
    transcript.heading("deadline reminders (time-compressed)");
    Deadlines all = config.deadlines();
    Milestone finalDate =
        all.milestones().stream()
            .filter(m -> m.id().equals("final-date"))
            .findFirst()
            .orElseThrow();
    var deadlines =
        new Deadlines(
            all.timeZone(),
            all.reminderTime(),
            all.reminderOffsetsDays(),
            all.holidays(),
            List.of(finalDate),
            all.reminderRatePerSecond());
    Map<String, Standing> states = new ConcurrentHashMap<>(Map.of("OCEAN", Standing.PENDING));
    var clock = new AdjustableClock();
    var slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
    var settings =
        new DatabaseSettings(
            SandboxConfig.h2Url(dataDir.resolve("reminders")), Optional.empty(), Optional.empty());
    try (Database db = Database.open(settings);
        Reminders reminders =
            Reminders.create(
                db.dataSource(),
                false,
                deadlines,
                config.directory(),
                (acronym, milestone) -> states.getOrDefault(acronym, Standing.NONE),
                new Messages(),
                Slack.getInstance(slackConfig).methods(SandboxConfig.BOT_TOKEN),
                clock,
                Reminders.SWEEP_EVERY)) {
      List<ReminderSlot> slots = ReminderPlanner.slots(deadlines);
      clock.set(slots.getFirst().dueAt().minusSeconds(60));
      reminders.start();
      transcript.say(
          "Final date: "
              + finalDate.date()
              + " ("
              + all.timeZone()
              + "), reminders at "
              + all.reminderTime()
              + " on business days; OCEAN has a request pending approval, FORET has none, ARCTIC is offboard-only.");
      step(reminders, clock, slot(slots, 30), 3);
      states.put("OCEAN", Standing.RUNNING);
      states.put("FORET", Standing.REJECTED);
      transcript.say("");
      transcript.say(
          "Meanwhile: OCEAN's migration was approved and is running; FORET's request was rejected.");
      step(reminders, clock, slot(slots, 7), 3);
      states.put("OCEAN", Standing.DONE);
      transcript.say("");
      transcript.say("Meanwhile: OCEAN's migration is done, so OCEAN gets no more reminders.");
      step(reminders, clock, slot(slots, 0), 2);
    }
  }

  private static ReminderSlot slot(List<ReminderSlot> slots, int offset) {
    return slots.stream().filter(s -> s.offsetDays() == offset).findFirst().orElseThrow();
  }

  private void step(Reminders reminders, AdjustableClock clock, ReminderSlot slot, int expected)
      throws Exception {
    int before = slack.calls("chat.postMessage").size();
    clock.set(slot.dueAt().minusSeconds(1));
    transcript.action(
        "The clock",
        "jumps to 1 second before "
            + slot.dueAt().atZone(config.deadlines().timeZone())
            + " ("
            + slot.offsetDays()
            + " days before the final date, moved off weekends and holidays)");
    reminders.scheduler.plan();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (slack.calls("chat.postMessage").size() < before + expected && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    var posts = slack.calls("chat.postMessage");
    for (var call : posts.subList(before, posts.size())) {
      String channel = call.param("channel");
      String name =
          config.directory().all().stream()
              .filter(w -> w.leadChannel().equals(channel))
              .map(Workspace::acronym)
              .findFirst()
              .orElse(channel);
      var message = slack.messages(channel).getLast();
      transcript.slackMessage(
          "posted in " + name + "'s lead channel " + channel, message.toString());
    }
  }
}
