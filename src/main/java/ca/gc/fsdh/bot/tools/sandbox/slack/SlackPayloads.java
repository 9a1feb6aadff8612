package ca.gc.fsdh.bot.tools.sandbox.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Slack sends to the bot, built once for both transports: {@link SlackSender} posts it over
 * signed HTTP, a Socket Mode stand-in wraps it in an envelope ({@code payload}).
 */
public final class SlackPayloads {
  public static final String APP_ID = "A0FSDHBOT";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;

  public SlackPayloads(Clock clock) {
    this.clock = clock;
  }

  /**
   * The fields of a {@code /fsdh} slash command: a form over HTTP, a JSON object in Socket Mode.
   */
  public Map<String, String> slashCommand(
      String userId, String channelId, String text, String responseUrl, String triggerId) {
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
    form.put("api_app_id", APP_ID);
    form.put("response_url", responseUrl);
    form.put("trigger_id", triggerId);
    return form;
  }

  /** A click on a button: {@code block_actions} with one action. */
  public ObjectNode blockAction(
      String userId,
      String actionId,
      String value,
      String channelId,
      String messageTs,
      String responseUrl) {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "block_actions")
            .put("trigger_id", "trigger." + System.nanoTime())
            .put("api_app_id", APP_ID)
            .put("response_url", responseUrl);
    teamAndUser(payload, userId);
    payload.putObject("channel").put("id", channelId).put("name", "sandbox");
    payload
        .putObject("container")
        .put("type", "message")
        .put("message_ts", messageTs)
        .put("channel_id", channelId);
    payload.putObject("message").put("type", "message").put("ts", messageTs).put("text", "");
    payload
        .putArray("actions")
        .addObject()
        .put("type", "button")
        .put("action_id", actionId)
        .put("block_id", "actions")
        .put("value", value)
        .put("action_ts", clock.instant().getEpochSecond() + ".000001");
    return payload;
  }

  /** A modal's submit button: {@code view_submission} with {@code state.values[block][action]}. */
  public ObjectNode viewSubmission(
      String userId,
      String callbackId,
      String privateMetadata,
      Map<String, Map<String, ObjectNode>> values) {
    ObjectNode payload =
        JSON.createObjectNode().put("type", "view_submission").put("api_app_id", APP_ID);
    teamAndUser(payload, userId);
    ObjectNode view =
        payload
            .putObject("view")
            .put("id", "V" + System.nanoTime())
            .put("type", "modal")
            .put("callback_id", callbackId)
            .put("private_metadata", privateMetadata)
            .put("team_id", FakeSlackApi.TEAM_ID);
    ObjectNode state = view.putObject("state").putObject("values");
    values.forEach((block, actions) -> {
      ObjectNode b = state.putObject(block);
      actions.forEach(b::set);
    });
    return payload;
  }

  /** An Events API callback wrapping {@code event}. */
  public ObjectNode eventCallback(ObjectNode event, String eventId) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("token", "unused")
            .put("team_id", FakeSlackApi.TEAM_ID)
            .put("api_app_id", APP_ID)
            .put("type", "event_callback")
            .put("event_id", eventId)
            .put("event_time", clock.instant().getEpochSecond());
    body.set("event", event);
    return body;
  }

  /** The {@code team} and {@code user} objects every interaction payload carries. */
  private static void teamAndUser(ObjectNode payload, String userId) {
    payload.putObject("team").put("id", FakeSlackApi.TEAM_ID).put("domain", "fsdh-sandbox");
    payload
        .putObject("user")
        .put("id", userId)
        .put("username", userId.toLowerCase())
        .put("team_id", FakeSlackApi.TEAM_ID);
  }
}
