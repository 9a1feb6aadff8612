package ca.gc.fsdh.bot.requests.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request form's state values as Slack submits them ({@code state.values[block][action]}). */
final class RequestFormValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestFormValues() {}

  /** A workspace chosen and resource types ticked; callers add the other blocks they fill. */
  static Map<String, Map<String, ObjectNode>> of(String workspace, String... types) {
    ObjectNode chosen = JSON.createObjectNode().put("type", "static_select");
    chosen.putObject("selected_option").put("value", workspace);
    ObjectNode ticked = JSON.createObjectNode().put("type", "checkboxes");
    var options = ticked.putArray("selected_options");
    for (String type : types) {
      options.addObject().put("value", type);
    }
    Map<String, Map<String, ObjectNode>> values = new LinkedHashMap<>();
    values.put(SlackIds.WORKSPACE_BLOCK, Map.of(SlackIds.WORKSPACE_INPUT, chosen));
    values.put(SlackIds.TYPES_BLOCK, Map.of(SlackIds.TYPES_INPUT, ticked));
    return values;
  }

  /** A radio button chosen (the notebook format). */
  static ObjectNode chosen(String value) {
    ObjectNode node = JSON.createObjectNode().put("type", "radio_buttons");
    node.putObject("selected_option").put("value", value);
    return node;
  }
}
