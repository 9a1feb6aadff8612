package ca.gc.fsdh.bot.slackkit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender.Signing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /fsdh} over real signed HTTP into the real Bolt app, as Slack sends it. */
class FsdhCommandOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static BotHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = BotHarness.start();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static JsonNode command(String user, String text) throws Exception {
    var reply = h.sender.slashCommand(user, "C0OCEANLEAD", text, h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  @Nested
  class Help {
    @Test
    void helpAnswersEphemerallyInBothLanguagesEnglishFirstForAnEnglishLead() throws Exception {
      JsonNode ack = command("U0ADALOVE", "help");
      assertThat(ack.path("response_type").asText()).isEqualTo("ephemeral");
      JsonNode blocks = ack.path("blocks");
      assertThat(blocks).hasSize(3);
      assertThat(blocks.get(0).path("text").path("text").asText())
          .contains("commands", "`/fsdh help`");
      assertThat(blocks.get(1).path("type").asText()).isEqualTo("divider");
      assertThat(blocks.get(2).path("text").path("text").asText()).contains("commandes", "carnets");
    }

    @Test
    void aFrenchLeadReadsFrenchFirst() throws Exception {
      JsonNode blocks = command("U0MARIECU", "help").path("blocks");
      assertThat(blocks.get(0).path("text").path("text").asText()).contains("commandes");
      assertThat(blocks.get(2).path("text").path("text").asText()).contains("commands");
    }

    @Test
    void anEmptyCommandShowsTheHelp() throws Exception {
      assertThat(command("U0ADALOVE", "   ").path("text").asText())
          .isEqualTo(command("U0ADALOVE", "help").path("text").asText());
    }
  }

  @Nested
  class UnknownSubcommand {
    @Test
    void getsABilingualErrorAndTheHelp() throws Exception {
      String text = command("U0ADALOVE", "nonsense").path("text").asText();
      assertThat(text)
          .contains(
              "I don’t know the command `/fsdh nonsense`",
              "`/fsdh help`",
              "Je ne connais pas la commande `/fsdh nonsense`");
    }

    @Test
    void mentionsAndLinksInTheEchoAreEscaped() throws Exception {
      String text =
          command("U0ADALOVE", "<!channel> <https://evil.example|bank>").path("text").asText();
      assertThat(text)
          .doesNotContain("<!channel>")
          .doesNotContain("<https://")
          .contains("&lt;!channel&gt;");
    }

    @Test
    void aVeryLongTextIsAnsweredShortlyAndNeverWithA500() throws Exception {
      var reply =
          h.sender.slashCommand(
              "U0ADALOVE", "C0OCEANLEAD", "x".repeat(3000), h.slack.responseUrl());
      assertThat(reply.status()).isEqualTo(200);
      assertThat(JSON.readTree(reply.body()).path("text").asText())
          .contains("x".repeat(40) + "…")
          .doesNotContain("x".repeat(41));
    }
  }

  @Nested
  class Signatures {
    @ParameterizedTest
    @EnumSource(
        value = Signing.class,
        names = {"NONE", "WRONG_SECRET", "STALE", "FUTURE"})
    void badMissingStaleOrFutureSignaturesAre401(Signing signing) {
      var reply =
          h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "help", h.slack.responseUrl(), signing);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.body()).doesNotContain("commands");
    }

    @Test
    void aTamperedBodyIs401() {
      var reply =
          h.sender.send(
              "command=%2Ffsdh&text=help&user_id=U0ADALOVE",
              "application/x-www-form-urlencoded", Signing.VALID);
      assertThat(reply.status()).isEqualTo(200); // the signed body itself is accepted...
      String signedFor = "command=%2Ffsdh&text=help&user_id=U0ADALOVE";
      var tampered = h.sender.sendSignedAs(signedFor, signedFor.replace("help", "nonsense"));
      assertThat(tampered.status()).isEqualTo(401); // ...but not another body under its signature
    }
  }
}
