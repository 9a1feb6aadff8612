package ca.gc.fsdh.bot.tools.demo;

import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's campaign scene: support asks {@code /fsdh progress}, then opens App Home, whose
 * support view shows the burn-down chart the bot uploaded; the chart is saved where the person
 * running the demo can open it.
 */
final class CampaignDemo {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private final Transcript transcript;
  private final FakeSlackApi slack;
  private final SlackSender sender;

  CampaignDemo(Transcript transcript, FakeSlackApi slack, SlackSender sender) {
    this.transcript = transcript;
    this.slack = slack;
    this.sender = sender;
  }

  void run() throws Exception {
    transcript.heading("The campaign at a glance");
    transcript.action("Sam Support, of the FSDH support team", "/fsdh progress");
    var reply = sender.slashCommand("U0SUPPORT1", "C0FSDHSUPPORT", "progress", slack.responseUrl());
    transcript.slackMessage("only Sam sees this, HTTP " + reply.status(), reply.body());

    transcript.action("Sam Support", "opens the bot's App Home");
    slack.clearCalls();
    sender.event(
        JSON.createObjectNode()
            .put("type", "app_home_opened")
            .put("user", "U0SUPPORT1")
            .put("channel", "DU0SUPPORT1")
            .put("tab", "home")
            .put("event_ts", "1700000000.000100"),
        "EvDemoHome");
    long deadline = System.nanoTime() + LIMIT.toNanos();
    String fileId = null;
    while (fileId == null && System.nanoTime() < deadline) {
      JsonNode home = slack.calls("views.publish").isEmpty() ? null : slack.homeTab("U0SUPPORT1");
      if (home != null) {
        for (JsonNode b : home.path("blocks")) {
          if (b.path("type").asText().equals("image")) {
            fileId = b.path("slack_file").path("id").asText();
            transcript.say(
                "  [image block: file "
                    + fileId
                    + "; alt text: "
                    + b.path("alt_text").asText()
                    + "]");
          }
        }
        if (fileId == null) {
          transcript.say("  [App Home published without a chart]");
          return;
        }
      }
      Thread.sleep(100);
    }
    if (fileId == null) {
      throw new IllegalStateException("the demo waited " + LIMIT.toSeconds() + " s for App Home");
    }
    var file = slack.files().get(fileId);
    Path png = Path.of(System.getProperty("java.io.tmpdir"), "fsdh-demo-burndown.png");
    Files.write(png, file.bytes());
    transcript.say(
        "  The burn-down chart (uploaded with files.uploadV2 into the support channel) is saved"
            + " at: "
            + png.toAbsolutePath());
  }
}
