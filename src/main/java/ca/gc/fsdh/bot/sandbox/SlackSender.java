package ca.gc.fsdh.bot.sandbox;

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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends what Slack sends to the bot, over real HTTP with real signatures: slash commands, block
 * actions, view submissions and events. {@link Signing} makes bad, missing, stale and future
 * signatures for the negative cases.
 */
public final class SlackSender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI eventsUrl;
  private final String signingSecret;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public enum Signing { VALID, NONE, WRONG_SECRET, STALE, FUTURE }

  /** The HTTP answer to one request, and how long it took to arrive. */
  public record Reply(int status, String body, Duration latency) {}

  public SlackSender(URI eventsUrl, String signingSecret, Clock clock) {
    this.eventsUrl = eventsUrl;
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  public Reply slashCommand(String userId, String channelId, String text, String responseUrl) {
    return slashCommand(userId, channelId, text, responseUrl, Signing.VALID);
  }

  public Reply slashCommand(String userId, String channelId, String text, String responseUrl, Signing signing) {
    return send(slashCommandBody(userId, channelId, text, responseUrl, "trigger." + System.nanoTime()),
        "application/x-www-form-urlencoded", signing);
  }

  /** The form body Slack posts for a slash command; send it twice to replay it. */
  public String slashCommandBody(String userId, String channelId, String text, String responseUrl, String triggerId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-verification-token-unused");
    form.put("team_id", FakeSlackApi.TEAM_ID);
    form.put("team_domain", "fsdh-sandbox");
    form.put("channel_id", channelId);
    form.put("channel_name", "sandbox");
    form.put("user_id", userId);
    form.put("user_name", userId.toLowerCase());
    form.put("command", "/fsdh");
    form.put("text", text);
    form.put("api_app_id", "A0FSDHBOT");
    form.put("response_url", responseUrl);
    form.put("trigger_id", triggerId);
    return formEncode(form);
  }

  /** A click on a button: {@code block_actions} with one action. */
  public Reply blockAction(String userId, String actionId, String value, String channelId, String messageTs,
      String responseUrl) {
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions")
        .put("trigger_id", "trigger." + System.nanoTime()).put("api_app_id", "A0FSDHBOT")
        .put("response_url", responseUrl);
    payload.putObject("team").put("id", FakeSlackApi.TEAM_ID).put("domain", "fsdh-sandbox");
    payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("team_id", FakeSlackApi.TEAM_ID);
    payload.putObject("channel").put("id", channelId).put("name", "sandbox");
    payload.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channelId);
    payload.putObject("message").put("type", "message").put("ts", messageTs).put("text", "");
    payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
        .put("block_id", "actions").put("value", value).put("action_ts", clock.instant().getEpochSecond() + ".000001");
    return interaction(payload);
  }

  /** A modal's submit button: {@code view_submission} with {@code state.values[block][action]}. */
  public Reply viewSubmission(String userId, String callbackId, String privateMetadata,
      Map<String, Map<String, ObjectNode>> values) {
    ObjectNode payload = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A0FSDHBOT");
    payload.putObject("team").put("id", FakeSlackApi.TEAM_ID).put("domain", "fsdh-sandbox");
    payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("team_id", FakeSlackApi.TEAM_ID);
    ObjectNode view = payload.putObject("view").put("id", "V" + System.nanoTime()).put("type", "modal")
        .put("callback_id", callbackId).put("private_metadata", privateMetadata).put("team_id", FakeSlackApi.TEAM_ID);
    ObjectNode state = view.putObject("state").putObject("values");
    values.forEach((block, actions) -> {
      ObjectNode b = state.putObject(block);
      actions.forEach(b::set);
    });
    return interaction(payload);
  }

  /** A modal's submit button, with the state values already shaped as {@code state.values}. */
  public Reply viewSubmission(String userId, String callbackId, String privateMetadata, ObjectNode values) {
    Map<String, Map<String, ObjectNode>> byBlock = new LinkedHashMap<>();
    values.fields().forEachRemaining(block -> {
      Map<String, ObjectNode> actions = new LinkedHashMap<>();
      block.getValue().fields().forEachRemaining(a -> actions.put(a.getKey(), (ObjectNode) a.getValue()));
      byBlock.put(block.getKey(), actions);
    });
    return viewSubmission(userId, callbackId, privateMetadata, byBlock);
  }

  /** Any interactivity payload, sent as Slack does: a form with one {@code payload} field. */
  public Reply interaction(ObjectNode payload) {
    return send(formEncode(Map.of("payload", payload.toString())), "application/x-www-form-urlencoded", Signing.VALID);
  }

  /** An Events API callback wrapping {@code event}. */
  public Reply event(ObjectNode event, String eventId) {
    ObjectNode body = JSON.createObjectNode().put("token", "unused").put("team_id", FakeSlackApi.TEAM_ID)
        .put("api_app_id", "A0FSDHBOT").put("type", "event_callback").put("event_id", eventId)
        .put("event_time", clock.instant().getEpochSecond());
    body.set("event", event);
    return send(body.toString(), "application/json", Signing.VALID);
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
    long timestamp = switch (signing) {
      case STALE -> now - 6 * 60;
      case FUTURE -> now + 6 * 60;
      default -> now;
    };
    var request = HttpRequest.newBuilder(eventsUrl).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signing != Signing.NONE) {
      String secret = signing == Signing.WRONG_SECRET ? signingSecret + "-wrong" : signingSecret;
      String ts = Long.toString(timestamp);
      request.header("X-Slack-Request-Timestamp", ts)
          .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, signedBody));
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the bot at " + eventsUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
