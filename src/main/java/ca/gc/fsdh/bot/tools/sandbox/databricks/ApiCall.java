package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as route code sees it: method, decoded path, query parameters and body. Accessors
 * throw {@link ApiError} 400 for missing or malformed parameters, in the words the real service
 * uses.
 */
final class ApiCall {
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final byte[] body;
  private JsonNode json;

  ApiCall(String method, String path, Map<String, String> query, byte[] body) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.body = body;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  Map<String, String> query() {
    return query;
  }

  byte[] body() {
    return body;
  }

  static ApiCall of(String method, String rawPath, String rawQuery, byte[] body) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        query.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new ApiCall(method, decode(rawPath.replace("+", "%2B")), Map.copyOf(query), body);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The JSON body, or an empty object when there is none. */
  JsonNode json() {
    if (json == null) {
      json = Json.parse(body);
    }
    return json;
  }

  /** A parameter from the query string, else from the JSON body; null when absent. */
  String param(String name) {
    if (query.containsKey(name)) {
      return query.get(name);
    }
    if (body.length > 0 && !method.equals("GET")) {
      JsonNode v = json().get(name);
      if (v != null && !v.isNull()) {
        return v.isValueNode() ? v.asText() : v.toString();
      }
    }
    return null;
  }

  String required(String name) {
    String v = param(name);
    if (v == null || v.isEmpty()) {
      throw ApiError.invalid("Missing required field: " + name);
    }
    return v;
  }

  long requiredLong(String name) {
    String v = required(name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid value for " + name + ": " + v);
    }
  }

  int intParam(String name, int fallback) {
    String v = param(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid value for " + name + ": " + v);
    }
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(param(name));
  }
}
