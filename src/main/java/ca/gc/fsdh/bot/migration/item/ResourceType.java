package ca.gc.fsdh.bot.migration.item;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The six kinds of Databricks resources that can leave POC; each has one folder in a bundle. */
public enum ResourceType {
  NOTEBOOKS("notebooks"),
  REPOS("repos"),
  JOBS("jobs"),
  SECRETS("secrets"),
  TABLE_ACLS("tableacls"),
  MODELS("models");

  /** Every type: what a request moves unless told otherwise. */
  public static final Set<ResourceType> ALL =
      Collections.unmodifiableSet(EnumSet.allOf(ResourceType.class));

  private final String folder;

  ResourceType(String folder) {
    this.folder = folder;
  }

  /** The bundle folder, also the name used on the command line ({@code --types}). */
  public String folder() {
    return folder;
  }

  /** The key of this type's name in the message bundles. */
  public String messageKey() {
    return "resource." + folder;
  }

  public static ResourceType ofName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return Arrays.stream(values())
        .filter(t -> t.folder.equals(n))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "unknown resource type '"
                    + name
                    + "'; expected one of "
                    + Arrays.stream(values()).map(ResourceType::folder).toList()));
  }

  /** Parses {@code notebooks,jobs}; an empty or null list means every type. */
  public static Set<ResourceType> parseList(String list) {
    if (list == null || list.isBlank() || list.equalsIgnoreCase("all")) {
      return EnumSet.allOf(ResourceType.class);
    }
    return Arrays.stream(list.split(","))
        .map(ResourceType::ofName)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResourceType.class)));
  }
}
