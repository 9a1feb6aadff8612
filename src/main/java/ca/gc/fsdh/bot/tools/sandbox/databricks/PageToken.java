package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page tokens: a base64url value the client must send back unchanged. */
final class PageToken {
  private PageToken() {}

  static String encode(String value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** The value of a token, or {@code fallback} when there is none; a forged token is a 400. */
  static String decode(String token, String fallback) {
    if (token == null || token.isEmpty()) {
      return fallback;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("Invalid page token: " + token);
    }
  }

  static long decodeLong(String token, long fallback) {
    String v = decode(token, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid page token: " + token);
    }
  }
}
