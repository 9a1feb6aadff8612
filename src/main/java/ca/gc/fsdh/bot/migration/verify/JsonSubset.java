package ca.gc.fsdh.bot.migration.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Compares what was sent with what the service returns: every field of {@code expected} must be in
 * {@code actual} with the same value, but {@code actual} may hold more (the service fills in
 * defaults such as {@code max_concurrent_runs} or {@code format}). Tasks and job clusters are
 * matched by key, not position.
 */
final class JsonSubset {
  private JsonSubset() {}

  static void compare(JsonNode expected, JsonNode actual, String path, List<String> diffs) {
    if (diffs.size() >= 20) return; // enough to act on; the report stays readable
    if (expected == null || expected.isNull() || expected.isMissingNode()) return;
    if ((expected.isObject() || expected.isArray()) && expected.isEmpty()) return;
    if (actual == null || actual.isNull() || actual.isMissingNode()) {
      diffs.add(path + ": missing in the target (expected " + abbreviate(expected) + ")");
      return;
    }
    if (expected.isObject()) {
      expected
          .properties()
          .forEach(
              f -> compare(f.getValue(), actual.get(f.getKey()), path + "." + f.getKey(), diffs));
    } else if (expected.isArray()) {
      String key = keyField(expected);
      if (key != null) {
        for (JsonNode e : expected) {
          JsonNode match = null;
          for (JsonNode a : actual) if (a.path(key).equals(e.path(key))) match = a;
          compare(e, match, path + "[" + e.path(key).asText() + "]", diffs);
        }
      } else if (expected.size() != actual.size()) {
        diffs.add(
            path + ": " + expected.size() + " element(s) expected, target has " + actual.size());
      } else {
        for (int i = 0; i < expected.size(); i++)
          compare(expected.get(i), actual.get(i), path + "[" + i + "]", diffs);
      }
    } else if (!expected.asText().equals(actual.asText())) {
      diffs.add(path + ": expected " + abbreviate(expected) + ", target has " + abbreviate(actual));
    }
  }

  private static String keyField(JsonNode array) {
    for (String k : List.of("task_key", "job_cluster_key", "environment_key")) {
      if (array.size() > 0 && array.get(0).has(k)) return k;
    }
    return null;
  }

  private static String abbreviate(JsonNode n) {
    String s = n.isValueNode() ? n.asText() : n.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
