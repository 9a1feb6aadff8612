package ca.gc.fsdh.bot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The workspaces the bot knows, by acronym (case-insensitive on lookup). */
public final class WorkspaceDirectory {
  private final Map<String, Workspace> byAcronym = new LinkedHashMap<>();

  public WorkspaceDirectory(List<Workspace> workspaces) {
    for (Workspace w : workspaces) {
      if (byAcronym.putIfAbsent(w.acronym(), w) != null) {
        throw new IllegalArgumentException("duplicate workspace acronym " + w.acronym());
      }
    }
  }

  public Optional<Workspace> find(String acronym) {
    return Optional.ofNullable(byAcronym.get(acronym.trim().toUpperCase(Locale.ROOT)));
  }

  public List<Workspace> all() {
    return List.copyOf(byAcronym.values());
  }

  /** Workspaces this person leads or administers, in directory order. */
  public List<Workspace> managedBy(String slackUserId) {
    return byAcronym.values().stream().filter(w -> w.isManagedBy(slackUserId)).toList();
  }

  /** The language a person reads first: that of the first workspace they manage, else the default. */
  public Language languageOf(String slackUserId, Language fallback) {
    return managedBy(slackUserId).stream().map(Workspace::language).findFirst().orElse(fallback);
  }
}
