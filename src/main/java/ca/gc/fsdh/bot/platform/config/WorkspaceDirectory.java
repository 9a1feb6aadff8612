package ca.gc.fsdh.bot.platform.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The workspaces the bot knows, by acronym (case-insensitive on lookup), and by the people who
 * manage them: every slash command asks who its sender manages, so that is an index, not a scan.
 */
public final class WorkspaceDirectory {
  private final Map<String, Workspace> byAcronym = new LinkedHashMap<>();
  private final Map<String, List<Workspace>> byManager = new HashMap<>();

  public WorkspaceDirectory(List<Workspace> workspaces) {
    for (Workspace w : workspaces) {
      if (byAcronym.putIfAbsent(w.acronym(), w) != null) {
        throw new IllegalArgumentException("duplicate workspace acronym " + w.acronym());
      }
      byManager.computeIfAbsent(w.lead(), k -> new ArrayList<>()).add(w);
      for (String admin : w.admins()) {
        if (!admin.equals(w.lead())) {
          byManager.computeIfAbsent(admin, k -> new ArrayList<>()).add(w);
        }
      }
    }
    byManager.replaceAll((k, v) -> List.copyOf(v));
  }

  public Optional<Workspace> find(String acronym) {
    return Optional.ofNullable(byAcronym.get(acronym.trim().toUpperCase(Locale.ROOT)));
  }

  public List<Workspace> all() {
    return List.copyOf(byAcronym.values());
  }

  /** Workspaces this person leads or administers, in directory order. */
  public List<Workspace> managedBy(String slackUserId) {
    return byManager.getOrDefault(slackUserId, List.of());
  }

  /**
   * The language a person reads first: that of the first workspace they manage, else the default.
   */
  public Language languageOf(String slackUserId, Language fallback) {
    List<Workspace> managed = managedBy(slackUserId);
    return managed.isEmpty() ? fallback : managed.get(0).language();
  }
}
