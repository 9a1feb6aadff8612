package ca.gc.fsdh.bot.tools.sandbox.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends what Slack sends to the bot ({@link SlackPayloads}), over real HTTP with real signatures:
 * slash commands, block actions, view submissions and events. {@link Signing} makes bad, missing,
 * stale and future signatures for the negative cases.
 *
 * <p>Like Slack, it reads the bot's answer: blocks in a slash command's answer, or a view pushed or
 * updated by a form's answer, must keep to Block Kit's limits ({@link BlockKitLimits}). Slack shows
 * the person an error instead of such an answer; here it is an {@link IllegalStateException}, so
 * that the test fails.
 */
public final class SlackSender {
  private final URI eventsUrl;
  private final String signingSecret;
  private final Clock clock;
  private final SlackPayloads payloads;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public enum Signing {
    VALID,
    NONE,
    WRONG_SECRET,
    STALE,
    FUTURE
  }

  /** The HTTP answer to one request, and how long it took to arrive. */
  public record Reply(int status, String body, Duration latency) {}

  public SlackSender(URI eventsUrl, String signingSecret, Clock clock) {
    this.eventsUrl = eventsUrl;
    this.signingSecret = signingSecret;
    this.clock = clock;
    this.payloads = new SlackPayloads(clock);
  }

  public Reply slashCommand(String userId, String channelId, String text, String responseUrl) {
    return slashCommand(userId, channelId, text, responseUrl, Signing.VALID);
  }

  public Reply slashCommand(
      String userId, String channelId, String text, String responseUrl, Signing signing) {
    return send(
        slashCommandBody(userId, channelId, text, responseUrl, "trigger." + System.nanoTime()),
        "application/x-www-form-urlencoded",
        signing);
  }

  /** The form body Slack posts for a slash command; send it twice to replay it. */
  public String slashCommandBody(
      String userId, String channelId, String text, String responseUrl, String triggerId) {
    return formEncode(payloads.slashCommand(userId, channelId, text, responseUrl, triggerId));
  }

  /** A click on a button: {@code block_actions} with one action. */
  public Reply blockAction(
      String userId,
      String actionId,
      String value,
      String channelId,
      String messageTs,
      String responseUrl) {
    return interaction(
        payloads.blockAction(userId, actionId, value, channelId, messageTs, responseUrl));
  }

  /** A modal's submit button: {@code view_submission} with {@code state.values[block][action]}. */
  public Reply viewSubmission(
      String userId,
      String callbackId,
      String privateMetadata,
      Map<String, Map<String, ObjectNode>> values) {
    return interaction(payloads.viewSubmission(userId, callbackId, privateMetadata, values));
  }

  /** A modal's submit button, with the state values already shaped as {@code state.values}. */
  public Reply viewSubmission(
      String userId, String callbackId, String privateMetadata, ObjectNode values) {
    Map<String, Map<String, ObjectNode>> byBlock = new LinkedHashMap<>();
    values
        .properties()
        .forEach(block -> {
          Map<String, ObjectNode> actions = new LinkedHashMap<>();
          block
              .getValue()
              .properties()
              .forEach(a -> actions.put(a.getKey(), (ObjectNode) a.getValue()));
          byBlock.put(block.getKey(), actions);
        });
    return viewSubmission(userId, callbackId, privateMetadata, byBlock);
  }

  /** Any interactivity payload, sent as Slack does: a form with one {@code payload} field. */
  public Reply interaction(ObjectNode payload) {
    return send(
        formEncode(Map.of("payload", payload.toString())),
        "application/x-www-form-urlencoded",
        Signing.VALID);
  }

  /** An Events API callback wrapping {@code event}. */
  public Reply event(ObjectNode event, String eventId) {
    return send(
        payloads.eventCallback(event, eventId).toString(), "application/json", Signing.VALID);
  }

  /** Sends a raw body with the chosen signature. */
  public Reply send(String body, String contentType, Signing signing) {
    return send(body, body, contentType, signing);
  }

  /** Sends {@code actualBody} under the signature of {@code signedBody}: a tampered request. */
  public Reply sendSignedAs(String signedBody, String actualBody) {
    return send(signedBody, actualBody, "application/x-www-form-urlencoded", Signing.VALID);
  }

  private Reply send(String signedBody, String body, String contentType, Signing signing) {
    long now = clock.instant().getEpochSecond();
    long timestamp =
        switch (signing) {
          case STALE -> now - 6 * 60;
          case FUTURE -> now + 6 * 60;
          default -> now;
        };
    var request =
        HttpRequest.newBuilder(eventsUrl)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signing != Signing.NONE) {
      String secret = signing == Signing.WRONG_SECRET ? signingSecret + "-wrong" : signingSecret;
      String ts = Long.toString(timestamp);
      request
          .header("X-Slack-Request-Timestamp", ts)
          .header(
              "X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, signedBody));
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Reply reply =
          new Reply(
              response.statusCode(),
              response.body(),
              Duration.ofNanos(System.nanoTime() - started));
      checkAnswer(reply);
      return reply;
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the bot at " + eventsUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The blocks of an answer, or the view a form's answer pushes or updates, as Slack checks them.
   */
  private static void checkAnswer(Reply reply) {
    String body = reply.body();
    if (reply.status() != 200
        || body == null
        || !body.startsWith("{")
        || !body.contains("\"blocks\"") && !body.contains("\"view\"")) {
      return;
    }
    List<BlockKitLimits.Violation> problems;
    try {
      var answer = JSON.readTree(body);
      problems =
          answer.has("view")
              ? BlockKitLimits.view(answer.get("view"))
              : answer.path("blocks").isArray()
                  ? BlockKitLimits.message(answer.get("blocks"))
                  : List.of(new BlockKitLimits.Violation("/blocks", "must be an array"));
    } catch (IOException e) {
      throw new IllegalStateException("Slack cannot read the bot's answer: " + body, e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Slack refuses the bot's answer: "
              + problems.stream().map(BlockKitLimits.Violation::slackMessage).toList());
    }
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e ->
            URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
