package ca.gc.fsdh.bot.campaign;

import ca.gc.fsdh.bot.platform.config.CampaignSettings;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.reminders.CurrentDeadlines;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the campaign's snapshot from the directory, the current deadlines (support may have
 * moved them) and the requests as stored. Reads only; cheap enough to run for each command or view.
 */
public final class Campaign {
  /** Weeks shown before the final date when no request came before it. */
  static final int LEAD_WEEKS = 4;

  private static final List<String> DONE_STATES = List.of("SUCCEEDED", "PARTLY_SUCCEEDED");

  private final WorkspaceDirectory directory;
  private final CurrentDeadlines deadlines;
  private final RequestHistory history;
  private final CampaignSettings settings;
  private final Clock clock;

  public Campaign(
      WorkspaceDirectory directory,
      CurrentDeadlines deadlines,
      RequestHistory history,
      CampaignSettings settings,
      Clock clock) {
    this.directory = directory;
    this.deadlines = deadlines;
    this.history = history;
    this.settings = settings;
    this.clock = clock;
  }

  public CampaignSnapshot snapshot() {
    Deadlines d = deadlines.get();
    ZoneId zone = d.timeZone();
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    List<RequestHistory.Row> rows = history.all();

    Map<String, RequestHistory.Row> newest = new HashMap<>();
    Map<String, LocalDate> doneOn = new HashMap<>();
    for (RequestHistory.Row r : rows) {
      newest.put(r.workspace(), r); // oldest first: the last one wins
      if (DONE_STATES.contains(r.state())) {
        doneOn.putIfAbsent(r.workspace(), r.updatedAt().atZone(zone).toLocalDate());
      }
    }
    Map<Workspace, Stage> stages = new LinkedHashMap<>();
    for (Workspace w : directory.all()) {
      Stage stage =
          doneOn.containsKey(w.acronym())
              ? Stage.DONE
              : Optional.ofNullable(newest.get(w.acronym()))
                  .map(r -> Stage.ofRequestState(r.state()))
                  .orElse(Stage.NOT_STARTED);
      stages.put(w, stage);
    }

    Optional<Milestone> target = finalMilestone(d);
    LocalDate start =
        settings
            .start()
            .or(() ->
                rows.stream()
                    .map(r -> r.createdAt().atZone(zone).toLocalDate())
                    .min(Comparator.naturalOrder()))
            .orElse(today);
    if (start.isAfter(today)) {
      start = today;
    }
    // A campaign starts before its final date: if the first request came after it, the chart
    // still shows the last weeks before the date and the overrun since.
    LocalDate finalDate = target.map(Milestone::date).orElse(today);
    if (settings.start().isEmpty() && !start.isBefore(finalDate)) {
      start = finalDate.minusWeeks(LEAD_WEEKS);
    }
    List<LocalDate> days = new ArrayList<>();
    List<Integer> remaining = new ArrayList<>();
    for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
      LocalDate end = day;
      long done =
          stages.entrySet().stream()
              .filter(e -> e.getValue() == Stage.DONE)
              .filter(e -> !doneOn.get(e.getKey().acronym()).isAfter(end))
              .count();
      days.add(day);
      remaining.add(stages.size() - (int) done);
    }
    BurnDown burnDown = new BurnDown(start, finalDate, stages.size(), days, remaining);
    return new CampaignSnapshot(today, stages, d.milestones(), target, burnDown);
  }

  /** The configured final milestone, else the latest one. */
  private Optional<Milestone> finalMilestone(Deadlines d) {
    return settings
        .finalMilestone()
        .flatMap(id -> d.milestones().stream().filter(m -> m.id().equals(id)).findFirst())
        .or(() -> d.milestones().stream().max(Comparator.comparing(Milestone::date)));
  }
}
