package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import java.util.List;

/** The import report as plain text a support person can read and forward. */
public final class ImportReportText {
  private ImportReportText() {}

  public static String render(ImportResult r) {
    var sb = new StringBuilder();
    sb.append(r.dryRun() ? "Dry run (nothing was written) - import into " : "Import into ")
        .append(r.target())
        .append('\n');
    r.counts()
        .forEach((type, c) -> {
          sb.append(String.format("  %-10s", type));
          if (r.dryRun()) {
            sb.append(" would create ")
                .append(c.getOrDefault(ImportOutcome.CREATED, 0L))
                .append(", overwrite ")
                .append(c.getOrDefault(ImportOutcome.OVERWRITTEN, 0L))
                .append(", skip ")
                .append(c.getOrDefault(ImportOutcome.SKIPPED, 0L))
                .append(", fail ")
                .append(c.getOrDefault(ImportOutcome.FAILED, 0L));
          } else {
            sb.append(" created ")
                .append(c.getOrDefault(ImportOutcome.CREATED, 0L))
                .append(", overwritten ")
                .append(c.getOrDefault(ImportOutcome.OVERWRITTEN, 0L))
                .append(", skipped (already there) ")
                .append(c.getOrDefault(ImportOutcome.SKIPPED, 0L))
                .append(", failed ")
                .append(c.getOrDefault(ImportOutcome.FAILED, 0L));
          }
          sb.append('\n');
        });
    if (r.resumed() > 0)
      sb.append("  ").append(r.resumed()).append(" item(s) were finished by an earlier run\n");
    section(sb, "Failed (run the same command again after fixing the cause):", r.failed());
    section(sb, "To do by hand:", r.manual());
    return sb.toString();
  }

  /** A titled list of report lines, {@code [type] id: text}; nothing when there is none. */
  private static void section(StringBuilder sb, String title, List<ImportResult.Line> lines) {
    if (lines.isEmpty()) return;
    sb.append('\n').append(title).append('\n');
    lines.forEach(l ->
        sb.append("  [")
            .append(l.type())
            .append("] ")
            .append(l.id())
            .append(": ")
            .append(l.text())
            .append('\n'));
  }
}
