package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What verification found, item by item, with counts per type. {@link #text()} is written for a
 * support person to forward to the workspace lead: what matches, then each difference in words.
 *
 * <p>A verification is clean only when it compared something and found no difference: one that
 * could compare nothing (an empty bundle, or a target none of whose items could be read) says so in
 * {@code nothingCompared}, and one that could compare only part counts the rest as UNREAD.
 *
 * @param compared items compared (fully or partly): all but the UNREAD ones
 * @param nothingCompared why nothing could be compared, or null when something was
 */
public record VerifyReport(
    String sourceHost,
    String target,
    Map<String, Map<ItemCheck.Status, Long>> counts,
    List<ItemCheck> items,
    long compared,
    String nothingCompared) {

  /**
   * @param whyEmpty what to say when there is no item at all (the bundle held none of the types
   *     verified)
   */
  public static VerifyReport of(
      String sourceHost, String target, List<ItemCheck> items, String whyEmpty) {
    var counts = new TreeMap<String, Map<ItemCheck.Status, Long>>();
    for (var i : items)
      counts
          .computeIfAbsent(i.type(), k -> new EnumMap<>(ItemCheck.Status.class))
          .merge(i.status(), 1L, Long::sum);
    var sorted =
        items.stream()
            .sorted(Comparator.comparing(ItemCheck::type).thenComparing(ItemCheck::id))
            .toList();
    long compared = items.stream().filter(i -> i.status() != ItemCheck.Status.UNREAD).count();
    String nothing = null;
    if (items.isEmpty()) {
      nothing = whyEmpty;
    } else if (compared == 0) {
      String first =
          sorted.getFirst().differences().isEmpty()
              ? ""
              : sorted.getFirst().differences().getFirst();
      nothing =
          "no item could be read from the target (first: "
              + first.replaceFirst("^could not be compared: ", "")
              + ")";
    }
    return new VerifyReport(sourceHost, target, counts, sorted, compared, nothing);
  }

  /**
   * True when something was compared and every item compared is in the target, equal (or partly
   * checked).
   */
  public boolean clean() {
    return nothingCompared == null && items.stream().noneMatch(ItemCheck::bad);
  }

  /** Items that differ, are missing or could not be compared. */
  public long problems() {
    return items.stream().filter(ItemCheck::bad).count();
  }

  /** Items that could not be compared. */
  public long unread() {
    return items.size() - compared;
  }

  public String text() {
    var sb = new StringBuilder();
    sb.append("Verification of ")
        .append(target)
        .append(" against the bundle exported from ")
        .append(sourceHost)
        .append('\n');
    sb.append("Vérification de ")
        .append(target)
        .append(" par rapport à l’export de ")
        .append(sourceHost)
        .append('\n');
    counts.forEach((t, c) ->
        sb.append(
            String.format(
                "  %-10s %d match, %d differ, %d missing, %d partly checked, %d not compared%n",
                t,
                c.getOrDefault(ItemCheck.Status.MATCH, 0L),
                c.getOrDefault(ItemCheck.Status.MISMATCH, 0L),
                c.getOrDefault(ItemCheck.Status.MISSING, 0L),
                c.getOrDefault(ItemCheck.Status.PARTLY_CHECKED, 0L),
                c.getOrDefault(ItemCheck.Status.UNREAD, 0L))));
    long differ = problems() - unread();
    if (nothingCompared != null) {
      sb.append("\nResult: nothing could be compared: ")
          .append(nothingCompared)
          .append(". / Résultat : rien n’a pu être comparé : ")
          .append(nothingCompared)
          .append(".\n");
    } else if (clean()) {
      sb.append(
          "\nResult: everything in the bundle is in the target, equal. / Résultat : tout est présent et identique.\n");
    } else if (unread() == 0) {
      sb.append("\nResult: ")
          .append(differ)
          .append(" item(s) differ or are missing. / Résultat : ")
          .append(differ)
          .append(" élément(s) diffèrent ou manquent.\n");
    } else {
      sb.append("\nResult: ")
          .append(differ)
          .append(" item(s) differ or are missing; ")
          .append(unread())
          .append(" item(s) could not be compared. / Résultat : ")
          .append(differ)
          .append(" élément(s) diffèrent ou manquent ; ")
          .append(unread())
          .append(" élément(s) n’ont pas pu être comparés.\n");
    }
    for (var i : items) {
      if (i.status() == ItemCheck.Status.MATCH) continue;
      sb.append("\n[")
          .append(i.type())
          .append("] ")
          .append(i.id())
          .append(" -> ")
          .append(i.target())
          .append(": ")
          .append(i.status())
          .append('\n');
      i.differences().forEach(d -> sb.append("    - ").append(d).append('\n'));
    }
    return sb.toString();
  }

  /** Writes {@code verify-report.json} and {@code verify-report.txt}; returns the JSON path. */
  public Path write(Path dir) throws IOException {
    OwnerOnlyFiles.createDirectories(dir);
    Path json = dir.resolve("verify-report.json");
    OwnerOnlyFiles.writeJson(json, BundleJson.PRETTY, this);
    OwnerOnlyFiles.writeString(dir.resolve("verify-report.txt"), text());
    return json;
  }
}
