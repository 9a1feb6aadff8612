package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What a route answers: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json";

  static Reply json(JsonNode node) {
    return new Reply(200, JSON, Json.bytes(node), Map.of());
  }

  /** The empty JSON object the real service returns for most writes. */
  static Reply ok() {
    return json(Json.object());
  }

  static Reply bytes(byte[] body, String contentType, Map<String, String> headers) {
    return new Reply(200, contentType, body, headers);
  }

  static Reply error(int status, String errorCode, String message) {
    return new Reply(
        status,
        JSON,
        Json.bytes(Json.object().put("error_code", errorCode).put("message", message)),
        Map.of());
  }
}
