package ca.gc.fsdh.bot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * App Home's support view over real signed HTTP: the campaign's text and its burn-down chart,
 * uploaded through the SDK's files.uploadV2 into the support channel and shown as an image block
 * naming the file; a lead sees neither.
 */
class HomeChartOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static BotHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = BotHarness.start();
    Instant now = Instant.now();
    new CampaignRows(h.bot.database().dataSource())
        .request(
            "OFFBOARD",
            "ARCTIC",
            "U0ALANTUR",
            "SUCCEEDED",
            now.minus(Duration.ofDays(6)),
            now.minus(Duration.ofDays(4)),
            "U0SUPPORT2",
            null);
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static JsonNode openHome(String user) throws Exception {
    h.slack.clearCalls();
    var event =
        JSON.createObjectNode()
            .put("type", "app_home_opened")
            .put("user", user)
            .put("channel", "D" + user)
            .put("tab", "home")
            .put("event_ts", "1700000000.000100");
    assertThat(h.sender.event(event, "Ev" + System.nanoTime()).status()).isEqualTo(200);
    return Eventually.value(
        "the home tab of " + user,
        () -> h.slack.calls("views.publish").isEmpty() ? null : h.slack.homeTab(user));
  }

  @Test
  void supportSeesTheCampaignAndItsChartAsAnImageOfAFileSharedInTheSupportChannel()
      throws Exception {
    JsonNode home = openHome("U0SUPPORT1");
    assertThat(home.toString())
        .contains(
            "Campaign / Campagne",
            "• Done: 1",
            "• Not started: 2",
            "• Terminés : 1",
            "• `OCEAN` Ocean Acoustics — not started");
    JsonNode image = null;
    for (JsonNode b : home.path("blocks")) {
      if (b.path("type").asText().equals("image")) {
        image = b;
      }
    }
    assertThat(image).as("an image block in %s", home).isNotNull();
    String fileId = image.path("slack_file").path("id").asText();
    assertThat(fileId).matches("^F[A-Z0-9]{8,}$");
    assertThat(image.path("alt_text").asText())
        .startsWith("Burn-down chart: 2 of 3 workspaces remain today.");

    var file = h.slack.files().get(fileId);
    assertThat(file.channel()).isEqualTo(SandboxConfig.SUPPORT_CHANNEL);
    assertThat(file.altText()).isEqualTo(image.path("alt_text").asText());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(file.bytes()));
    assertThat(png.getWidth()).isEqualTo(BurnDownChart.WIDTH);
    assertThat(png.getHeight()).isEqualTo(BurnDownChart.HEIGHT);
    SlackCall announce = h.slack.calls("files.getUploadURLExternal").getFirst();
    assertThat(announce.params())
        .containsEntry("length", Integer.toString(file.bytes().length))
        .containsKey("filename");

    // Opened again on an unchanged campaign: the same file, no second upload.
    JsonNode again = openHome("U0SUPPORT2");
    assertThat(again.toString()).contains(fileId);
    assertThat(h.slack.calls("files.getUploadURLExternal")).isEmpty();
  }

  @Test
  void theSandboxPostsNoDigestOfItsOwnSoThatNoTestFindsAnExtraFileOnAMonday() {
    assertThat(h.config.campaign().digest()).isFalse();
    assertThat(
            SandboxConfig.load(SandboxConfig.environment(h.slack.apiUrl(), h.dataDir()))
                .campaign()
                .digest())
        .as("the example configuration itself keeps the digest on")
        .isTrue();
  }

  @Test
  void aLeadSeesNoCampaignAndNoChart() throws Exception {
    JsonNode home = openHome("U0ADALOVE");
    assertThat(home.toString()).doesNotContain("Campaign / Campagne", "\"image\"");
  }
}
