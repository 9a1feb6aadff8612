package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How a request's resource types are stored: their folder names, comma-separated. */
final class ResourceTypes {
  private ResourceTypes() {}

  static String join(Set<ResourceType> types) {
    return types.stream().sorted().map(ResourceType::folder).collect(Collectors.joining(","));
  }

  static Set<ResourceType> split(String text) {
    Set<ResourceType> out = EnumSet.noneOf(ResourceType.class);
    for (String name : text.split(",")) {
      if (!name.isBlank()) {
        out.add(ResourceType.ofName(name));
      }
    }
    return out;
  }
}
