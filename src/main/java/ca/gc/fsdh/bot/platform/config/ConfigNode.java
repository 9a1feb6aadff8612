package ca.gc.fsdh.bot.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A YAML node with its path, that records a problem instead of throwing, so that one run reports
 * every mistake in the file. Missing optional keys give empty results; problems name the full key.
 */
final class ConfigNode {
  private final JsonNode node;
  private final String path;
  private final List<String> problems;

  ConfigNode(JsonNode node, String path, List<String> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  boolean isMissing() {
    return node == null || node.isMissingNode() || node.isNull();
  }

  void problem(String key, String what) {
    problems.add(key(key) + ": " + what);
  }

  String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A child object; a missing one is an empty object (its own required keys then report). */
  ConfigNode object(String key) {
    JsonNode child = isMissing() ? null : node.get(key);
    if (child != null && !child.isNull() && !child.isObject()) {
      problem(key, "must be a mapping of keys to values");
      child = null;
    }
    return new ConfigNode(child, key(key), problems);
  }

  List<ConfigNode> list(String key) {
    JsonNode child = isMissing() ? null : node.get(key);
    if (child == null || child.isNull()) {
      return List.of();
    }
    if (!child.isArray()) {
      problem(key, "must be a list");
      return List.of();
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < child.size(); i++) {
      items.add(new ConfigNode(child.get(i), key(key) + "[" + i + "]", problems));
    }
    return items;
  }

  Optional<String> optionalText(String key) {
    JsonNode child = isMissing() ? null : node.get(key);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    if (!child.isValueNode()) {
      problem(key, "must be a single value");
      return Optional.empty();
    }
    String text = child.asText().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  String text(String key, String example) {
    Optional<String> value = optionalText(key);
    if (value.isEmpty()) {
      problem(key, "is required (for example: " + example + ")");
    }
    return value.orElse("");
  }

  /** Parses a value; a parse failure is a problem naming the key and the bad value. */
  <T> Optional<T> parsed(String key, Function<String, T> parser, String expected) {
    return optionalText(key)
        .flatMap(text -> {
          try {
            return Optional.of(parser.apply(text));
          } catch (RuntimeException e) {
            problem(key, "'" + text + "' is not " + expected);
            return Optional.empty();
          }
        });
  }

  /** A mapping of names to single values (empty when absent); each bad entry is a problem. */
  java.util.Map<String, String> textMap(String key) {
    var out = new java.util.LinkedHashMap<String, String>();
    ConfigNode child = object(key);
    if (child.isMissing()) return out;
    child
        .node
        .properties()
        .forEach(e -> {
          if (e.getValue().isValueNode() && !e.getValue().asText().isBlank()) {
            out.put(e.getKey(), e.getValue().asText().trim());
          } else {
            problems.add(child.key(e.getKey()) + ": must be a non-empty value");
          }
        });
    return out;
  }

  List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      if (item.node.isValueNode() && !item.node.asText().isBlank()) {
        out.add(item.node.asText().trim());
      } else {
        problems.add(item.path + ": must be a non-empty value");
      }
    }
    return out;
  }

  /** Reports keys this object does not know, which are usually typos. */
  void allowOnly(Set<String> known) {
    if (isMissing() || !node.isObject()) {
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(
            name,
            "unknown key (known here: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }
}
