package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an import (or a dry run): counts per type and outcome, every failure with its
 * reason, and every piece of work left to a person (never silently dropped).
 *
 * @param resumed items an earlier run had finished (not touched again)
 * @param report {@code import-report.json} in the state directory (null for a dry run)
 */
public record ImportResult(
    String target,
    boolean dryRun,
    Map<String, Map<ImportOutcome, Long>> counts,
    List<Line> failed,
    List<Line> manual,
    int pausedJobs,
    int resumed,
    Path report,
    Path reportText) {

  /** One report line about one item. */
  public record Line(String type, String id, String text) {}

  public boolean anyFailed() {
    return !failed.isEmpty();
  }

  public long total(ImportOutcome outcome) {
    return counts.values().stream().mapToLong(m -> m.getOrDefault(outcome, 0L)).sum();
  }
}
