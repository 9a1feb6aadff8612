package ca.gc.fsdh.bot.migration.plan;

import java.util.Locale;

/** The plan as text for a terminal (JSON is the record itself, through Jackson). */
public final class PlanRenderer {
  private PlanRenderer() {}

  private static void tableAcls(StringBuilder sb, TableAclLanding t) {
    sb.append("\nTable ACLs land in PROD: ")
        .append(
            t.target().equals("unity-catalog")
                ? "Unity Catalog, catalog " + t.catalog()
                : "hive_metastore (legacy table ACLs)")
        .append(t.hiveMetastore() ? "" : " (PROD has no hive_metastore)")
        .append('\n');
    if (t.problem() != null) sb.append("  ").append(t.problem()).append('\n');
    if (!t.notCarried().isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Will not carry over (%d of %d grants):%n",
              t.notCarried().size(),
              t.grants()));
      t.notCarried().forEach(n -> sb.append("  ").append(n.text()).append('\n'));
    }
  }

  public static String text(MigrationPlan p) {
    var sb = new StringBuilder();
    sb.append("Migration plan for ").append(p.host()).append("\n\nWill be exported:\n");
    p.counts().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-16s %,d%n", k, v)));
    sb.append(String.format(Locale.ROOT, "  %-16s %,.1f MB%n", "size", p.bytes() / 1048576.0));
    if (!p.cannotExport().isEmpty()) {
      sb.append("\nCannot be exported as is, or needs attention:\n");
      p.cannotExport()
          .forEach(i ->
              sb.append("  [")
                  .append(i.type())
                  .append("] ")
                  .append(i.item())
                  .append(": ")
                  .append(i.reason())
                  .append('\n'));
    }
    if (p.tableAcls() != null) tableAcls(sb, p.tableAcls());
    if (!p.unread().isEmpty()) {
      sb.append("\nCould not be read (the counts above leave it out):\n");
      p.unread().forEach(u -> sb.append("  ").append(u).append('\n'));
    }
    if (!p.manual().isEmpty()) {
      sb.append("\nMust be recreated by hand (configuration in the bundle's manual/):\n");
      p.manual().forEach(m -> sb.append("  ").append(m).append('\n'));
    }
    if (!p.notes().isEmpty()) {
      sb.append("\nNotes:\n");
      p.notes().forEach(n -> sb.append("  ").append(n).append('\n'));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nEstimated export time (rate-limit bound): %.0f s%n",
            p.estimatedSeconds()));
    p.calls().forEach((g, n) -> sb.append(String.format(Locale.ROOT, "  %-18s %,d calls%n", g, n)));
    return sb.toString();
  }
}
