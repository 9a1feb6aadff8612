package ca.gc.fsdh.bot.campaign;

import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaign on one day: every workspace of the directory with its stage, the milestones, the one
 * the burn-down aims at, and the burn-down itself.
 *
 * @param stages every workspace of the directory, in directory order, with its stage
 */
public record CampaignSnapshot(
    LocalDate today,
    Map<Workspace, Stage> stages,
    List<Milestone> milestones,
    Optional<Milestone> finalMilestone,
    BurnDown burnDown) {

  public CampaignSnapshot {
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    milestones = List.copyOf(milestones);
  }

  /** How many workspaces are at each stage (every stage present, zero included). */
  public Map<Stage, Integer> counts() {
    Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) {
      counts.put(s, 0);
    }
    stages.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }

  public int total() {
    return stages.size();
  }

  /** Workspaces with no PROD workspace: they can only be offboarded. */
  public long offboardOnly() {
    return stages.keySet().stream().filter(Workspace::offboardOnly).count();
  }

  /** Days from today to the final milestone (negative once passed); empty without milestones. */
  public Optional<Long> daysLeft() {
    return finalMilestone.map(m -> ChronoUnit.DAYS.between(today, m.date()));
  }

  /**
   * The workspaces at risk, most urgent first: those not started (nothing asked yet), then those
   * rejected or failed; within each, in directory order. Every workspace shares the final date, so
   * the days left are the same for all and the stage is what orders them.
   */
  public List<Workspace> atRisk() {
    return stages.entrySet().stream()
        .filter(e -> e.getValue() == Stage.NOT_STARTED || e.getValue() == Stage.REJECTED_OR_FAILED)
        .sorted(Comparator.comparing(e -> e.getValue() == Stage.NOT_STARTED ? 0 : 1))
        .map(Map.Entry::getKey)
        .toList();
  }
}
