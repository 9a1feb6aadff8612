package ca.gc.fsdh.bot.requests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/**
 * A {@link StoredResult} as the request tables keep it ({@code migration_request.result} and the
 * report messages' {@code request_outbox.payload}): {@code {"report": …, "error": …}}. The one
 * place that writes and reads that JSON.
 */
final class StoredResultJson {
  private StoredResultJson() {}

  static String write(StoredResult result) {
    try {
      var node = RequestTable.JSON.createObjectNode();
      result.report().ifPresent(r -> node.set("report", RequestTable.JSON.valueToTree(r)));
      result.error().ifPresent(e -> node.put("error", e));
      return RequestTable.JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static StoredResult read(String json) {
    try {
      JsonNode node = RequestTable.JSON.readTree(json);
      Optional<RunReport> report =
          node.hasNonNull("report")
              ? Optional.of(RequestTable.JSON.treeToValue(node.get("report"), RunReport.class))
              : Optional.empty();
      return new StoredResult(report, Optional.ofNullable(node.path("error").textValue()));
    } catch (IOException e) {
      throw new IllegalStateException("the stored result cannot be read", e);
    }
  }
}
