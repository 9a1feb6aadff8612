package ca.gc.fsdh.bot.requests;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The six kinds of Databricks resources that can be moved out of POC. */
public enum ResourceType {
  NOTEBOOKS, REPOS, JOBS, SECRETS, TABLE_ACLS, MODELS;

  public static final Set<ResourceType> ALL = EnumSet.allOf(ResourceType.class);

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String messageKey() {
    return "resource." + id();
  }

  public static ResourceType fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static String join(Set<ResourceType> types) {
    return types.stream().sorted().map(ResourceType::id).collect(Collectors.joining(","));
  }

  static Set<ResourceType> split(String text) {
    Set<ResourceType> out = EnumSet.noneOf(ResourceType.class);
    for (String id : text.split(",")) {
      if (!id.isBlank()) {
        out.add(fromId(id));
      }
    }
    return out;
  }
}
