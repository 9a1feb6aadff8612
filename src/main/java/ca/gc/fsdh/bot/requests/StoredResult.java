package ca.gc.fsdh.bot.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.util.Optional;

/** What a finished run stored with its request: its report, or the error that ended it. */
public record StoredResult(Optional<RunReport> report, Optional<String> error) {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  public String toJson() {
    try {
      var node = JSON.createObjectNode();
      report.ifPresent(r -> node.set("report", JSON.valueToTree(r)));
      error.ifPresent(e -> node.put("error", e));
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static StoredResult parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      Optional<RunReport> report =
          node.hasNonNull("report")
              ? Optional.of(JSON.treeToValue(node.get("report"), RunReport.class))
              : Optional.empty();
      return new StoredResult(report, Optional.ofNullable(node.path("error").textValue()));
    } catch (IOException e) {
      throw new IllegalStateException("the stored result cannot be read", e);
    }
  }
}
