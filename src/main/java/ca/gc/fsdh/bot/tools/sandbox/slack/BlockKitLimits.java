package ca.gc.fsdh.bot.tools.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Block Kit's published limits, checked the way Slack checks a message's {@code blocks} or a {@code
 * view} before it takes them: counts of blocks, elements and options, text lengths, ids, and the
 * fields each type may have. Each problem names its JSON pointer, as Slack's own answers do ({@code
 * must be less than 3001 characters [json-pointer:/blocks/1/text/text]}).
 *
 * <p>Used by {@link FakeSlackApi} on every call that carries blocks or a view, and by the test that
 * builds every payload the bot can send. Unknown block, element and text types are refused: Slack
 * answers them with {@code failed to match all allowed schemas}.
 *
 * <p>Sources (docs.slack.dev, Block Kit reference): "Blocks" (50 blocks per message, 100 per modal
 * or Home tab), "Section block", "Header block", "Context block", "Actions block", "Input block",
 * "Button element", "Select menu element", "Checkboxes element", "Radio button group element",
 * "Plain-text input element", "File input element", "Option object", "Text object", "Modal views",
 * "Home tab views". The refusal wording is Slack's, as quoted in public issue threads
 * (slackapi/java-slack-sdk#302, rtCamp/frappe-slack-connector#54, metabase/metabase#74943,
 * nicklambourne/slackblocks#36).
 */
public final class BlockKitLimits {
  /** Where blocks go: each surface has its own block count and its own block types. */
  public enum Surface {
    MESSAGE,
    MODAL,
    HOME
  }

  /** One refusal: where it is, and what Slack says about it. */
  public record Violation(String pointer, String problem) {
    /** As in {@code response_metadata.messages}. */
    public String slackMessage() {
      return "[ERROR] " + problem + " [json-pointer:" + pointer + "]";
    }

    /** As in the {@code errors} array of {@code chat.postMessage}. */
    public String shortMessage() {
      return problem + " [json-pointer:" + pointer + "]";
    }
  }

  // "Blocks": "You can include up to 50 blocks in each message, and 100 blocks in modals or Home
  // tabs."
  public static final int MESSAGE_BLOCKS = 50;
  public static final int VIEW_BLOCKS = 100;
  // Text object: "minimum 1 and maximum 3000 characters"; Section block: text 3,000, fields 10 of
  // 2,000.
  public static final int TEXT = 3000;
  public static final int SECTION_FIELDS = 10;
  public static final int FIELD_TEXT = 2000;
  public static final int HEADER_TEXT = 150;
  public static final int CONTEXT_ELEMENTS = 10;
  public static final int ACTIONS_ELEMENTS = 25;
  // Input block: label and hint 2,000.
  public static final int LABEL = 2000;
  // Every block_id and action_id: 255.
  public static final int ID = 255;
  // Button element: text 75, value 2,000, url 3,000.
  public static final int BUTTON_TEXT = 75;
  public static final int BUTTON_VALUE = 2000;
  public static final int URL = 3000;

  /** An image block's alt text and title. */
  public static final int IMAGE_TEXT = 2000;

  private static final Pattern SLACK_FILE_ID = Pattern.compile("^F[A-Z0-9]{8,}$");
  // Placeholders of inputs and menus: 150.
  public static final int PLACEHOLDER = 150;
  // Option object: text 75, value 150, description 75. Static select: 100 options; checkboxes and
  // radio buttons: 10.
  public static final int OPTION_TEXT = 75;
  public static final int OPTION_VALUE = 150;
  public static final int SELECT_OPTIONS = 100;
  public static final int CHOICE_OPTIONS = 10;
  // Plain-text input element: min_length 0..3000, max_length 1..3000.
  public static final int INPUT_LENGTH = 3000;
  // File input element: max_files 1..10.
  public static final int MAX_FILES = 10;
  // Modal views: title, submit and close 24; private_metadata 3,000; callback_id and external_id
  // 255.
  public static final int VIEW_TITLE = 24;
  public static final int PRIVATE_METADATA = 3000;

  /**
   * Not in the reference: Slack refuses a message whose blocks hold more text than about 13,200
   * characters in all with {@code msg_blocks_too_long} (measured against the live API in
   * slackapi/bolt-js#2509 and metabase/metabase#79908: 13,172 to 13,297, depending on the blocks).
   * Checked with a little margin.
   */
  public static final int MESSAGE_BLOCKS_TEXT = 13_000;

  /**
   * chat.postMessage: "Slack will truncate messages containing more than 40,000 characters" (its
   * text).
   */
  public static final int MESSAGE_TEXT = 40_000;

  private static final Map<String, Set<String>> FIELDS =
      Map.ofEntries(
          Map.entry("section", Set.of("type", "block_id", "text", "fields", "accessory", "expand")),
          Map.entry("divider", Set.of("type", "block_id")),
          Map.entry("header", Set.of("type", "block_id", "text")),
          Map.entry("context", Set.of("type", "block_id", "elements")),
          Map.entry("actions", Set.of("type", "block_id", "elements")),
          Map.entry(
              "input",
              Set.of(
                  "type", "block_id", "label", "element", "hint", "optional", "dispatch_action")),
          Map.entry("plain_text", Set.of("type", "text", "emoji")),
          Map.entry("mrkdwn", Set.of("type", "text", "verbatim")),
          Map.entry(
              "button",
              Set.of(
                  "type",
                  "action_id",
                  "text",
                  "value",
                  "url",
                  "style",
                  "confirm",
                  "accessibility_label")),
          Map.entry(
              "static_select",
              Set.of(
                  "type",
                  "action_id",
                  "options",
                  "option_groups",
                  "initial_option",
                  "placeholder",
                  "confirm",
                  "focus_on_load")),
          Map.entry(
              "checkboxes",
              Set.of(
                  "type", "action_id", "options", "initial_options", "confirm", "focus_on_load")),
          Map.entry(
              "radio_buttons",
              Set.of("type", "action_id", "options", "initial_option", "confirm", "focus_on_load")),
          Map.entry(
              "plain_text_input",
              Set.of(
                  "type",
                  "action_id",
                  "initial_value",
                  "multiline",
                  "min_length",
                  "max_length",
                  "placeholder",
                  "dispatch_action_config",
                  "focus_on_load")),
          Map.entry("file_input", Set.of("type", "action_id", "filetypes", "max_files")),
          Map.entry("image", Set.of("type", "image_url", "alt_text", "slack_file")),
          // Image block: docs.slack.dev reference/block-kit/blocks/image-block.
          Map.entry(
              "image block",
              Set.of("type", "image_url", "slack_file", "alt_text", "title", "block_id")),
          Map.entry("slack_file", Set.of("id", "url")),
          Map.entry("option", Set.of("text", "value", "description")),
          Map.entry(
              "modal",
              Set.of(
                  "type",
                  "title",
                  "blocks",
                  "close",
                  "submit",
                  "private_metadata",
                  "callback_id",
                  "clear_on_close",
                  "notify_on_close",
                  "external_id",
                  "submit_disabled")),
          Map.entry(
              "home", Set.of("type", "blocks", "private_metadata", "callback_id", "external_id")));

  private final List<Violation> found = new ArrayList<>();
  private final Surface surface;

  private BlockKitLimits(Surface surface) {
    this.surface = surface;
  }

  /**
   * The blocks of a message ({@code chat.postMessage}, {@code chat.update}, a {@code response_url}
   * post).
   */
  public static List<Violation> message(JsonNode blocks) {
    BlockKitLimits check = new BlockKitLimits(Surface.MESSAGE);
    check.blocks(blocks, "/blocks", MESSAGE_BLOCKS);
    return List.copyOf(check.found);
  }

  /**
   * A modal or Home tab ({@code views.open}, {@code views.push}, {@code views.update}, {@code
   * views.publish}).
   */
  public static List<Violation> view(JsonNode view) {
    String type = view.path("type").asText();
    if (!type.equals("modal") && !type.equals("home")) {
      return List.of(new Violation("/view", "failed to match all allowed schemas"));
    }
    BlockKitLimits check = new BlockKitLimits(type.equals("modal") ? Surface.MODAL : Surface.HOME);
    check.view(view, type);
    return List.copyOf(check.found);
  }

  /** How many characters of text the blocks of one message hold ({@link #MESSAGE_BLOCKS_TEXT}). */
  public static int textLength(JsonNode node) {
    int n = 0;
    if (node.isObject() && node.path("text").isTextual()) {
      n += node.path("text").asText().length();
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        n += textLength(child);
      }
    }
    return n;
  }

  private void view(JsonNode view, String type) {
    fields(view, "/view", type);
    if (surface == Surface.MODAL) {
      plainText(view.get("title"), "/view/title", VIEW_TITLE, true);
      plainText(view.get("submit"), "/view/submit", VIEW_TITLE, false);
      plainText(view.get("close"), "/view/close", VIEW_TITLE, false);
      boolean hasInput = false;
      for (JsonNode block : view.path("blocks")) {
        hasInput |= block.path("type").asText().equals("input");
      }
      // Modal views: "submit is required when an input block is within the blocks array".
      if (hasInput && !view.has("submit")) {
        refuse("/view", "missing required field: submit");
      }
    }
    length(view, "private_metadata", "/view", PRIVATE_METADATA);
    length(view, "callback_id", "/view", ID);
    length(view, "external_id", "/view", ID);
    blocks(view.get("blocks"), "/view/blocks", VIEW_BLOCKS);
  }

  private void blocks(JsonNode blocks, String at, int max) {
    if (blocks == null || !blocks.isArray()) {
      refuse(parent(at), "missing required field: blocks");
      return;
    }
    if (blocks.size() > max) {
      refuse(at, "no more than " + max + " items allowed");
    }
    for (int i = 0; i < blocks.size(); i++) {
      block(blocks.get(i), at + "/" + i);
    }
  }

  private void block(JsonNode block, String at) {
    String type = block.path("type").asText();
    if (!fields(block, at, type.equals("image") ? "image block" : type)) {
      return;
    }
    length(block, "block_id", at, ID);
    switch (type) {
      case "image" -> image(block, at);
      case "section" -> {
        if (!block.has("text") && !block.has("fields")) {
          refuse(at, "must define either `text` or `fields`");
        }
        text(block.get("text"), at + "/text", TEXT, false);
        JsonNode fields = block.path("fields");
        if (fields.size() > SECTION_FIELDS) {
          refuse(at + "/fields", "no more than " + SECTION_FIELDS + " items allowed");
        }
        for (int i = 0; i < fields.size(); i++) {
          text(fields.get(i), at + "/fields/" + i, FIELD_TEXT, true);
        }
        if (block.has("accessory")) {
          element(
              block.get("accessory"),
              at + "/accessory",
              Set.of("button", "static_select", "checkboxes", "radio_buttons"));
        }
      }
      case "header" -> plainText(block.get("text"), at + "/text", HEADER_TEXT, true);
      case "context" -> {
        JsonNode elements = block.path("elements");
        count(elements, at + "/elements", 1, CONTEXT_ELEMENTS);
        for (int i = 0; i < elements.size(); i++) {
          if (elements.get(i).path("type").asText().equals("image")) {
            fields(elements.get(i), at + "/elements/" + i, "image");
          } else {
            text(elements.get(i), at + "/elements/" + i, TEXT, true);
          }
        }
      }
      case "actions" -> {
        JsonNode elements = block.path("elements");
        count(elements, at + "/elements", 1, ACTIONS_ELEMENTS);
        for (int i = 0; i < elements.size(); i++) {
          element(
              elements.get(i),
              at + "/elements/" + i,
              Set.of("button", "static_select", "checkboxes", "radio_buttons"));
        }
      }
      case "input" -> {
        plainText(block.get("label"), at + "/label", LABEL, true);
        plainText(block.get("hint"), at + "/hint", LABEL, false);
        if (!block.has("element")) {
          refuse(at, "missing required field: element");
        } else {
          element(
              block.get("element"),
              at + "/element",
              surface == Surface.MODAL
                  ? Set.of(
                      "static_select",
                      "checkboxes",
                      "radio_buttons",
                      "plain_text_input",
                      "file_input")
                  // File input element: "modals only".
                  : Set.of("static_select", "checkboxes", "radio_buttons", "plain_text_input"));
        }
        if (block.path("dispatch_action").asBoolean(false)
            && block.path("element").path("type").asText().equals("file_input")) {
          refuse(at + "/dispatch_action", "unsupported type");
        }
      }
      default -> {} // divider: nothing but its id
    }
  }

  /**
   * An image block (docs.slack.dev reference/block-kit/blocks/image-block): exactly one of {@code
   * image_url} (at most 3,000) and {@code slack_file}; {@code alt_text} required, at most 2,000;
   * {@code title} plain text, at most 2,000. A Slack file object has exactly one of {@code id} and
   * {@code url} (composition-objects/slack-file-object); an id must match {@code ^F[A-Z0-9]{8,}$}
   * (Slack's own error, quoted in python-slack-sdk issue 1521).
   */
  private void image(JsonNode block, String at) {
    if (block.has("image_url") == block.has("slack_file")) {
      refuse(at, "must provide exactly one of image_url or slack_file");
    }
    length(block, "image_url", at, URL);
    if (!block.hasNonNull("alt_text") || block.get("alt_text").asText().isEmpty()) {
      refuse(at, "missing required field: alt_text");
    }
    length(block, "alt_text", at, IMAGE_TEXT);
    plainText(block.get("title"), at + "/title", IMAGE_TEXT, false);
    JsonNode file = block.get("slack_file");
    if (file != null && fields(file, at + "/slack_file", "slack_file")) {
      if (file.has("id") == file.has("url")) {
        refuse(at + "/slack_file", "must provide exactly one of id or url");
      }
      if (file.has("id") && !SLACK_FILE_ID.matcher(file.get("id").asText()).matches()) {
        refuse(at + "/slack_file/id", "does not match pattern ^[F][A-Z0-9]{8,}$");
      }
    }
  }

  private void element(JsonNode element, String at, Set<String> allowed) {
    String type = element.path("type").asText();
    if (!allowed.contains(type)) {
      refuse(at, "failed to match all allowed schemas");
      return;
    }
    if (!fields(element, at, type)) {
      return;
    }
    length(element, "action_id", at, ID);
    plainText(element.get("placeholder"), at + "/placeholder", PLACEHOLDER, false);
    switch (type) {
      case "button" -> {
        plainText(element.get("text"), at + "/text", BUTTON_TEXT, true);
        length(element, "value", at, BUTTON_VALUE);
        length(element, "url", at, URL);
        if (element.has("style")
            && !Set.of("primary", "danger").contains(element.path("style").asText())) {
          refuse(at + "/style", "must be one of primary, danger");
        }
      }
      case "static_select" -> options(element, at, SELECT_OPTIONS);
      case "checkboxes", "radio_buttons" -> options(element, at, CHOICE_OPTIONS);
      case "plain_text_input" -> {
        range(element, "max_length", at, 1, INPUT_LENGTH);
        range(element, "min_length", at, 0, INPUT_LENGTH);
      }
      case "file_input" -> range(element, "max_files", at, 1, MAX_FILES);
      default -> throw new IllegalStateException(type);
    }
  }

  private void options(JsonNode element, String at, int max) {
    JsonNode options = element.path("options");
    count(options, at + "/options", 1, max);
    for (int i = 0; i < options.size(); i++) {
      option(options.get(i), at + "/options/" + i);
    }
    if (element.has("initial_option")) {
      option(element.get("initial_option"), at + "/initial_option");
    }
    JsonNode initial = element.path("initial_options");
    for (int i = 0; i < initial.size(); i++) {
      option(initial.get(i), at + "/initial_options/" + i);
    }
  }

  private void option(JsonNode option, String at) {
    if (!fields(option, at, "option")) {
      return;
    }
    text(option.get("text"), at + "/text", OPTION_TEXT, true);
    text(option.get("description"), at + "/description", OPTION_TEXT, false);
    if (!option.has("value")) {
      refuse(at, "missing required field: value");
    }
    length(option, "value", at, OPTION_VALUE);
  }

  /** A text object of either type. */
  private void text(JsonNode text, String at, int max, boolean required) {
    if (text == null) {
      if (required) {
        refuse(parent(at), "missing required field: " + at.substring(at.lastIndexOf('/') + 1));
      }
      return;
    }
    String type = text.path("type").asText();
    if (!type.equals("plain_text") && !type.equals("mrkdwn")) {
      refuse(at, "failed to match all allowed schemas");
      return;
    }
    textObject(text, at, type, max);
  }

  /**
   * A text object that must be {@code plain_text} (titles, labels, buttons, placeholders, headers).
   */
  private void plainText(JsonNode text, String at, int max, boolean required) {
    if (text == null) {
      if (required) {
        refuse(parent(at), "missing required field: " + at.substring(at.lastIndexOf('/') + 1));
      }
      return;
    }
    if (!text.path("type").asText().equals("plain_text")) {
      refuse(at, "failed to match all allowed schemas");
      return;
    }
    textObject(text, at, "plain_text", max);
  }

  private void textObject(JsonNode text, String at, String type, int max) {
    if (!fields(text, at, type)) {
      return;
    }
    String value = text.path("text").asText("");
    if (value.isEmpty()) {
      refuse(at + "/text", "must be more than 0 characters");
    }
    if (value.length() > max) {
      refuse(at + "/text", "must be less than " + (max + 1) + " characters");
    }
  }

  /** Refuses fields the type does not have; false if the type itself is unknown. */
  private boolean fields(JsonNode node, String at, String type) {
    Set<String> known = FIELDS.get(type);
    if (known == null || !node.isObject()) {
      refuse(at, "failed to match all allowed schemas");
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        refuse(at, "invalid additional property: " + name);
      }
    }
    return true;
  }

  private void length(JsonNode node, String field, String at, int max) {
    if (node.has(field) && node.get(field).asText().length() > max) {
      refuse(at + "/" + field, "must be less than " + (max + 1) + " characters");
    }
  }

  private void range(JsonNode node, String field, String at, int min, int max) {
    if (!node.has(field)) {
      return;
    }
    long value = node.get(field).asLong();
    if (value > max) {
      refuse(at + "/" + field, "must be less than " + (max + 1) + " characters");
    } else if (value < min) {
      refuse(at + "/" + field, "must be at least " + min);
    }
  }

  private void count(JsonNode array, String at, int min, int max) {
    if (array.size() > max) {
      refuse(at, "no more than " + max + " items allowed");
    } else if (array.size() < min) {
      refuse(at, "must provide at least " + min + " items");
    }
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "/" : pointer.substring(0, slash);
  }

  private void refuse(String pointer, String problem) {
    found.add(new Violation(pointer, problem));
  }
}
