package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackFault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bot as wired for production, over signed HTTP: messages Slack did not take follow once it
 * takes them again, once each.
 */
class OutboxOverHttpTest {
  @Test
  void messagesSlackFailedToTakeArePostedOnceItTakesThemAgainAndOnlyOnce() throws Exception {
    try (BotHarness h = BotHarness.start()) {
      h.slack.inject(
          SlackFault.serverError("chat.postMessage", 503, 4)); // each message fails twice
      var ack =
          h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
      assertThat(ack.status()).isEqualTo(200);
      assertThat(ack.body()).contains("Request #1");
      Eventually.await("the bot trying Slack", () -> h.slack.calls("chat.postMessage").size() >= 1);
      assertThat(h.slack.messages(SandboxConfig.SUPPORT_CHANNEL)).isEmpty();

      Eventually.await(
          Duration.ofSeconds(20),
          "the approval message and the requester's message",
          () ->
              h.slack.messages(SandboxConfig.SUPPORT_CHANNEL).size() == 1
                  && h.slack.messages("DU0ADALOVE").size() == 1);
      Thread.sleep(500); // nothing more may come
      assertThat(h.slack.calls("chat.postMessage")).hasSize(6);
      assertThat(h.slack.messages(SandboxConfig.SUPPORT_CHANNEL))
          .singleElement()
          .satisfies(m -> assertThat(m.path("blocks").toString()).contains(SlackIds.APPROVE));
      assertThat(h.slack.messages("DU0ADALOVE"))
          .singleElement()
          .satisfies(m ->
              assertThat(m.path("text").asText())
                  .startsWith(
                      "Your request #1 (migration of *OCEAN*) is now"
                          + " *waiting for approval*."));
    }
  }
}
