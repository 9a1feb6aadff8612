package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.ImportResult;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request's report, from what the core returned. Item names are kept; contents never are. */
final class CoreReports {
  /**
   * At most this many lines of each list are stored with the request; the full report is in the
   * bundle.
   */
  static final int KEEP = 200;

  private CoreReports() {}

  static RunReport of(MigrationRequest request, CoreMigration.Result result) throws IOException {
    Map<ResourceType, TypeProgress> counts = new EnumMap<>(ResourceType.class);
    for (ResourceType type : request.resourceTypes()) {
      var exported = result.bundle().counts().get(type.folder());
      long exportFailed = exported == null ? 0 : exported.failed();
      long total;
      long failed;
      if (result.imported() != null) {
        Map<ImportOutcome, Long> imported =
            result.imported().counts().getOrDefault(type.folder(), Map.of());
        total = imported.values().stream().mapToLong(Long::longValue).sum() + exportFailed;
        failed = imported.getOrDefault(ImportOutcome.FAILED, 0L) + exportFailed;
      } else {
        total = exported == null ? 0 : exported.exported() + exported.skipped() + exported.failed();
        failed = exportFailed;
      }
      counts.put(type, new TypeProgress(total, total, failed));
    }
    List<String> failures = result.failures().stream().map(CoreReports::line).limit(KEEP).toList();
    // What the lead must recreate: the bundle's manual/ list (the bundle itself stays on the bot's
    // disk),
    // then what the import left to do by hand; Trash was left out on purpose and is nothing to
    // recreate.
    List<String> manual = new ArrayList<>(manualReadme(result.bundle().dir()));
    if (result.imported() != null) {
      result.imported().manual().stream()
          .filter(l -> !l.id().endsWith("/Trash") && !l.type().equals("manual"))
          .map(CoreReports::line)
          .forEach(manual::add);
    }
    boolean verified = result.verification() != null && result.verification().clean();
    List<String> mismatches = new ArrayList<>();
    if (result.verification() != null && result.verification().nothingCompared() != null) {
      mismatches.add("nothing could be compared: " + result.verification().nothingCompared());
    }
    if (result.verification() != null) {
      result.verification().items().stream()
          .filter(ItemCheck::bad) // differs, missing, or could not be compared
          .map(i ->
              i.type()
                  + " "
                  + i.id()
                  + ": "
                  + (i.differences().isEmpty()
                      ? i.status().name().toLowerCase()
                      : String.join("; ", i.differences())))
          .limit(KEEP)
          .forEach(mismatches::add);
    }
    Optional<Path> zip = Optional.ofNullable(result.zip());
    return new RunReport(
        counts,
        failures,
        manual.stream().limit(KEEP).toList(),
        verified,
        mismatches,
        zip.map(Path::toString),
        zip.isPresent() ? Optional.of(Files.size(zip.get())) : Optional.empty());
  }

  private static String line(ImportResult.Line l) {
    return l.type() + " " + l.id() + ": " + l.text();
  }

  /**
   * The lines of {@code manual/README.txt} that name an item (between its title and its footer).
   */
  private static List<String> manualReadme(Path bundle) throws IOException {
    Path readme = bundle.resolve("manual").resolve("README.txt");
    if (!Files.isRegularFile(readme)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    return lines.stream()
        .skip(1)
        .filter(l -> !l.isBlank() && !l.startsWith("Configurations:"))
        .map(String::strip)
        .limit(KEEP)
        .toList();
  }
}
