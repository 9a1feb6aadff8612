package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.OwnerOnlyFiles;
import ca.gc.fsdh.bot.migration.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What verification found, item by item, with counts per type. {@link #text()} is written for a
 * support person to forward to the workspace lead: what matches, then each difference in words.
 */
public record VerifyReport(String sourceHost, String target, Map<String, Map<ItemCheck.Status, Long>> counts,
    List<ItemCheck> items) {

  public static VerifyReport of(String sourceHost, String target, List<ItemCheck> items) {
    var counts = new TreeMap<String, Map<ItemCheck.Status, Long>>();
    for (var i : items) counts.computeIfAbsent(i.type(), k -> new EnumMap<>(ItemCheck.Status.class)).merge(i.status(), 1L, Long::sum);
    var sorted = items.stream().sorted(java.util.Comparator.comparing(ItemCheck::type).thenComparing(ItemCheck::id)).toList();
    return new VerifyReport(sourceHost, target, counts, sorted);
  }

  public boolean clean() {
    return items.stream().noneMatch(ItemCheck::bad);
  }

  public long problems() {
    return items.stream().filter(ItemCheck::bad).count();
  }

  public String text() {
    var sb = new StringBuilder();
    sb.append("Verification of ").append(target).append(" against the bundle exported from ").append(sourceHost).append('\n');
    sb.append("Vérification de ").append(target).append(" par rapport à l'export de ").append(sourceHost).append('\n');
    counts.forEach((t, c) -> sb.append(String.format("  %-10s %d match, %d differ, %d missing, %d partly checked%n", t,
        c.getOrDefault(ItemCheck.Status.MATCH, 0L), c.getOrDefault(ItemCheck.Status.MISMATCH, 0L),
        c.getOrDefault(ItemCheck.Status.MISSING, 0L), c.getOrDefault(ItemCheck.Status.PARTLY_CHECKED, 0L))));
    sb.append(clean() ? "\nResult: everything in the bundle is in the target, equal. / Résultat : tout est présent et identique.\n"
        : "\nResult: " + problems() + " item(s) differ or are missing. / Résultat : " + problems()
            + " élément(s) diffèrent ou manquent.\n");
    for (var i : items) {
      if (i.status() == ItemCheck.Status.MATCH) continue;
      sb.append("\n[").append(i.type()).append("] ").append(i.id()).append(" -> ").append(i.target()).append(": ").append(i.status()).append('\n');
      i.differences().forEach(d -> sb.append("    - ").append(d).append('\n'));
    }
    return sb.toString();
  }

  /** Writes {@code verify-report.json} and {@code verify-report.txt}; returns the JSON path. */
  public Path write(Path dir) throws IOException {
    OwnerOnlyFiles.createDirectories(dir);
    Path json = dir.resolve("verify-report.json");
    OwnerOnlyFiles.writeJson(json, Json.PRETTY, this);
    OwnerOnlyFiles.writeString(dir.resolve("verify-report.txt"), text());
    return json;
  }
}
