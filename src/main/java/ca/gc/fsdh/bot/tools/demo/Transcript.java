package ca.gc.fsdh.bot.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;

/** Prints, for a person at a terminal, what someone in Slack would read. */
final class Transcript {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintWriter out;

  Transcript(PrintWriter out) {
    this.out = out;
  }

  void heading(String text) {
    out.println();
    out.println("=== " + text + " ===");
  }

  void say(String text) {
    out.println(text);
  }

  /** Who did what, as a line of the script. */
  void action(String who, String what) {
    out.println();
    out.println("> " + who + ": " + what);
  }

  /** A Slack message or ack body (JSON with {@code blocks} or {@code text}), indented. */
  void slackMessage(String label, String json) {
    out.println("  [" + label + "]");
    try {
      JsonNode message = JSON.readTree(json);
      JsonNode blocks = message.path("blocks");
      if (blocks.isArray() && !blocks.isEmpty()) {
        for (JsonNode block : blocks) {
          switch (block.path("type").asText()) {
            case "divider" -> out.println("  ----------------------------------------");
            case "section", "header", "context" -> printText(block);
            default -> {}
          }
        }
      } else {
        indent(message.path("text").asText(json));
      }
    } catch (IOException e) {
      indent(json);
    }
    out.flush();
  }

  private void printText(JsonNode block) {
    if (block.has("text")) {
      indent(block.path("text").path("text").asText());
    }
    for (JsonNode element : block.path("elements")) {
      indent(element.path("text").asText());
    }
  }

  private void indent(String text) {
    for (String line : text.split("\n", -1)) {
      out.println("  | " + line);
    }
  }
}
