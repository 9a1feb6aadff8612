package ca.gc.fsdh.bot.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.slackkit.SlackEndpoint;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackFault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpFrontTest {
  private static BotHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = BotHarness.start();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @Test
  void healthzAnswers200() throws Exception {
    var r = h.get("/healthz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok\n");
  }

  @Test
  void readyzChecksTheDatabaseAndSlackAuthTest() throws Exception {
    var r = h.get("/readyz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"ready\":true", "\"database\":\"ok\"", "\"slack\":\"ok\"");
    assertThat(h.slack.calls("auth.test")).isNotEmpty();
  }

  @Test
  void metricsCountSlackRequestsAndAckLatencyInPrometheusFormat() throws Exception {
    h.sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "help", h.slack.responseUrl());
    var r = h.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains("fsdh_slack_requests_total{kind=\"Command\",status=\"200\"}")
        .contains("fsdh_slack_ack_seconds_bucket{kind=\"Command\",le=\"0.05\"}")
        .contains("fsdh_slack_ack_seconds_count{kind=\"Command\"}");
  }

  @Test
  void unknownPathsAre404AndWrongMethodsAre405() throws Exception {
    assertThat(h.get("/nope").statusCode()).isEqualTo(404);
    assertThat(h.get("/slack/events").statusCode()).isEqualTo(405);
    var post =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(h.url("/healthz")))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void anOversizedBodyIs413() throws Exception {
    var r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(h.url("/slack/events")))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "x".repeat(SlackEndpoint.MAX_BODY_BYTES + 1)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void readyzIs503WhenSlackRefusesTheToken() throws Exception {
    try (BotHarness other = BotHarness.start()) {
      other.slack.inject(SlackFault.serverError("auth.test", 503, 10));
      var r = other.get("/readyz");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("\"slack\":\"failing\"", "\"database\":\"ok\"");
    }
  }
}
