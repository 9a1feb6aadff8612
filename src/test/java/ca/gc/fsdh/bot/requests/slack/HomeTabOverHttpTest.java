package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HomeTabOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private BotHarness h;

  @BeforeEach
  void start() throws Exception {
    h = BotHarness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private JsonNode openHome(String user) {
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
        () ->
            h.slack.homeTab(user) != null && !h.slack.calls("views.publish").isEmpty()
                ? h.slack.homeTab(user)
                : null);
  }

  @Test
  void aLeadSeesDeadlinesTheirWorkspacesRequestsAndStartButtons() throws Exception {
    h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
    String home = openHome("U0ADALOVE").toString();
    assertThat(home)
        .contains(
            "Final date to migrate or offboard: 2025-11-30 (passed)",
            "Date limite de migration ou de retrait : 2025-11-30 (passée)",
            "*OCEAN* — Ocean Acoustics",
            "#1 · migration of *OCEAN* · waiting for approval",
            SlackIds.HOME_MIGRATE,
            SlackIds.HOME_OFFBOARD);
    assertThat(home).doesNotContain("Waiting for a decision");
  }

  @Test
  void anOffboardOnlyLeadHasNoMigrateButtonAndSupportSeesTheQueue() throws Exception {
    String alan = openHome("U0ALANTUR").toString();
    assertThat(alan)
        .contains("ARCTIC", SlackIds.HOME_OFFBOARD)
        .doesNotContain(SlackIds.HOME_MIGRATE);
    h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", h.slack.responseUrl());
    String support = openHome("U0SUPPORT1").toString();
    assertThat(support)
        .contains(
            "*Waiting for a decision*: 1",
            "#1 · migration of *OCEAN*",
            "You do not lead or administer a POC workspace");
  }

  @Test
  void theStartButtonOpensTheRequestFormForThatWorkspace() throws Exception {
    var reply =
        h.sender.blockAction(
            "U0MARIECU", SlackIds.HOME_OFFBOARD, "FORET", "DU0MARIECU", "0", h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    var opened =
        Eventually.value(
            "the form", () -> h.slack.calls("views.open").stream().findFirst().orElse(null));
    assertThat(opened.param("view"))
        .contains(SlackIds.REQUEST_MODAL, "\"value\":\"FORET\"", "Retirer / Offboard");
  }
}
