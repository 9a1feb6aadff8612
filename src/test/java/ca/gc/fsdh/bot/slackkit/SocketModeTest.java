package ca.gc.fsdh.bot.slackkit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.slack.SlackIds;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.FakeSocketMode;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode over a real WebSocket: the bot, wired as in production with an app token and no
 * signing secret, asks the Web API stand-in for its URL, connects to the Socket Mode stand-in, and
 * answers envelopes with the same handlers, acks and Slack calls as over HTTP.
 */
class SocketModeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP_TOKEN = "xapp-1-A0FSDHBOT-sandbox-app-token";
  private static final String SUPPORT = SandboxConfig.SUPPORT_CHANNEL;
  private static final String LEAD = "U0ADALOVE";
  private static final String LEAD_CHANNEL = "C0OCEANLEAD";
  private final SlackPayloads payloads = new SlackPayloads(Clock.systemUTC());
  private FakeSocketMode socket;
  private BotHarness h;

  @BeforeEach
  void start() throws Exception {
    socket = new FakeSocketMode();
    String url = socket.url();
    h =
        BotHarness.start(
            env -> {
              env.put("SLACK_APP_TOKEN", APP_TOKEN);
              env.remove(
                  "SLACK_SIGNING_SECRET"); // Socket Mode needs none: Slack never calls us over HTTP
            },
            slack -> slack.socketMode(APP_TOKEN, url));
    Eventually.await("the bot connected", () -> socket.openConnections() == 1);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (h != null) {
        h.close();
      }
    } finally {
      socket.close();
    }
  }

  /** Sends {@code /fsdh text} as a {@code slash_commands} envelope; returns the ack. */
  private JsonNode command(String user, String text) {
    var fields =
        payloads.slashCommand(
            user, LEAD_CHANNEL, text, h.slack.responseUrl(), "trigger." + System.nanoTime());
    return socket.ack(socket.send("slash_commands", JSON.valueToTree(fields)));
  }

  private JsonNode approvalMessage() {
    return Eventually.value(
        "the approval message", () -> h.slack.messages(SUPPORT).stream().findFirst().orElse(null));
  }

  @Test
  void theBotAsksForItsUrlWithTheAppTokenAndConnects() {
    var opened = h.slack.calls("apps.connections.open");
    assertThat(opened).isNotEmpty().allSatisfy(c -> assertThat(c.token()).isEqualTo(APP_TOKEN));
    assertThat(socket.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void helpIsAckedWithTheBilingualHelpAsOverHttp() {
    JsonNode ack = command(LEAD, "help");
    JsonNode payload = ack.path("payload");
    assertThat(payload.path("response_type").asText()).isEqualTo("ephemeral");
    JsonNode blocks = payload.path("blocks");
    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0).path("text").path("text").asText())
        .contains("commands", "`/fsdh help`");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("divider");
    assertThat(blocks.get(2).path("text").path("text").asText()).contains("commandes", "carnets");
    assertThat(socket.unexpected()).isEmpty();
  }

  @Test
  void aLeadsMigrateRequestIsSavedAckedAndPostedForApprovalAsOverHttp() {
    String ack = command(LEAD, "migrate OCEAN").path("payload").path("text").asText();
    assertThat(ack)
        .contains(
            "Request #1 (migration of *OCEAN*) was sent to the support team",
            "La demande nº 1 (migration de *OCEAN*)");

    MigrationRequest saved =
        new JdbcRequestStore(h.bot.database().dataSource()).find(1).orElseThrow();
    assertThat(saved.kind()).isEqualTo(RequestKind.MIGRATE);
    assertThat(saved.workspace()).isEqualTo("OCEAN");
    assertThat(saved.requester()).isEqualTo(LEAD);

    JsonNode posted = approvalMessage();
    assertThat(posted.path("text").asText()).contains("New migration request #1 for *OCEAN*");
    JsonNode actions = posted.path("blocks").get(posted.path("blocks").size() - 1);
    assertThat(actions.path("elements"))
        .extracting(e -> e.path("action_id").asText())
        .contains(SlackIds.APPROVE, SlackIds.REJECT);
    assertThat(h.slack.calls("chat.postMessage"))
        .anySatisfy(c -> {
          assertThat(c.param("channel")).isEqualTo(SUPPORT);
          assertThat(c.token()).isEqualTo(SandboxConfig.BOT_TOKEN);
        });
  }

  @Test
  void anApproveClickByALeadIsAckedThenRefusedAndDecidesNothing() {
    command(LEAD, "migrate OCEAN");
    String responseUrl = h.slack.responseUrl();
    var click =
        payloads.blockAction(
            LEAD,
            SlackIds.APPROVE,
            "1",
            SUPPORT,
            approvalMessage().path("ts").asText(),
            responseUrl);

    JsonNode ack = socket.ack(socket.send("interactive", click));
    assertThat(ack.has("payload")).isFalse(); // a bare ack: the answer goes to the response_url

    String path = URI.create(responseUrl).getPath();
    String refusal =
        Eventually.value(
            "the refusal",
            () ->
                h
                    .slack
                    .calls(c -> c.method().equals("response_url") && c.param("url").equals(path))
                    .stream()
                    .map(c -> c.param("json"))
                    .findFirst()
                    .orElse(null));
    assertThat(refusal).contains("Only members of the FSDH support team", "\"ephemeral\"");
    MigrationRequest request =
        new JdbcRequestStore(h.bot.database().dataSource()).find(1).orElseThrow();
    assertThat(request.state()).isEqualTo(RequestState.PENDING_APPROVAL);
    assertThat(request.decision()).isEmpty();
  }

  @Test
  void anAppHomeOpenedEventPublishesTheHomeTab() {
    var event =
        JSON.createObjectNode()
            .put("type", "app_home_opened")
            .put("user", LEAD)
            .put("channel", "D" + LEAD)
            .put("tab", "home")
            .put("event_ts", "1700000000.000100");
    JsonNode ack =
        socket.ack(
            socket.send("events_api", payloads.eventCallback(event, "Ev" + System.nanoTime())));
    assertThat(ack.path("envelope_id").asText()).isNotEmpty();
    JsonNode home = Eventually.value("the home tab", () -> h.slack.homeTab(LEAD));
    assertThat(home.toString()).contains("OCEAN");
  }

  @Test
  void theHttpServerServesHealthAndReadinessWithTheSocketButNoSlackEndpoint() throws Exception {
    var post =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(h.url("/slack/events")))
                    .POST(HttpRequest.BodyPublishers.ofString("command=%2Ffsdh&text=help"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
    var ready = h.get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"slack_socket_mode\":\"ok\"");
  }

  @Test
  void readinessFollowsTheConnectionAndTheBotReconnectsByItself() throws Exception {
    socket.dropAndRefuse();
    Eventually.await("not ready while the socket is down", () -> readyz().statusCode() == 503);
    assertThat(readyz().body()).contains("\"slack_socket_mode\":\"failing\"", "\"slack\":\"ok\"");

    socket.accept();
    // The client's session monitor looks every 5 s; a generous wait, nothing is timed.
    Eventually.await(Duration.ofSeconds(60), "ready again", () -> readyz().statusCode() == 200);
    assertThat(socket.connectionsOpened()).isGreaterThanOrEqualTo(2);
    assertThat(command(LEAD, "help").path("payload").path("blocks")).hasSize(3);
  }

  private HttpResponse<String> readyz() {
    try {
      return h.get("/readyz");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void closingTheBotClosesTheConnectionAndStopsTheSocketModeClient() throws Exception {
    h.close();
    h = null;
    Eventually.await("the connection closed", () -> socket.openConnections() == 0);
    // The client's own threads (message polling, session monitor) would otherwise live on and
    // reconnect.
    Eventually.await("no Socket Mode client thread left", () -> socketModeThreads().isEmpty());
  }

  private static List<String> socketModeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("socket-mode-"))
        .toList();
  }
}
