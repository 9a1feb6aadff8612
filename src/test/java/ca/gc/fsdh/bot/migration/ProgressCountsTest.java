package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress the core reports never shows more items done than found, and counts each item once,
 * in a fresh run and in a resumed one, for the export and for the import.
 */
class ProgressCountsTest {
  @TempDir Path dir;

  /** Checks every call as it comes: done per type never above found, and no item done twice. */
  static final class Recorder implements ProgressListener {
    final Map<ResourceType, Long> found = new EnumMap<>(ResourceType.class);
    final Map<ResourceType, Long> done = new EnumMap<>(ResourceType.class);
    final Set<String> seen = new HashSet<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public synchronized void discovered(ResourceType type, long total) {
      found.merge(type, total, Math::max);
    }

    @Override
    public synchronized void itemDone(
        ResourceType type, String id, ItemStatus status, boolean resumed) {
      long d = done.merge(type, 1L, Long::sum);
      if (d > found.getOrDefault(type, 0L))
        problems.add(type.folder() + " " + d + "/" + found.getOrDefault(type, 0L) + " at " + id);
      if (!seen.add(type.folder() + ":" + id))
        problems.add(type.folder() + " " + id + " done twice");
    }

    long total(Map<ResourceType, Long> m) {
      return m.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  @Test
  void doneNeverExceedsFoundAndEachItemCountsOnceInFreshAndResumedRuns() throws Exception {
    try (var env = new PocAndProd(FakeDatabricksOptions.builder().noRateLimits())) {
      var options =
          ExportOptions.allTypes().withWorkers(4).withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID);
      Path bundle = dir.resolve("bundle");
      for (String run : List.of("export", "resumed export")) {
        var r = new Recorder();
        new WorkspaceExport(env.poc.client, env.poc.server.host()).run(bundle, options, r);
        assertThat(r.problems).as(run).isEmpty();
        assertThat(r.total(r.done)).as(run).isEqualTo(r.total(r.found)).isPositive();
      }
      var imports =
          ImportOptions.defaults(dir.resolve("state"))
              .withWorkers(4)
              .withSqlWarehouse(PocAndProd.PROD_WAREHOUSE);
      for (String run : List.of("import", "resumed import")) {
        var r = new Recorder();
        try (var reader = BundleReader.open(bundle)) {
          new WorkspaceImport(env.prod.client, env.prod.server.host())
              .run(reader, env.mapping(), imports, r);
        }
        assertThat(r.problems).as(run).isEmpty();
        assertThat(r.total(r.done)).as(run).isEqualTo(r.total(r.found)).isPositive();
      }
    }
  }
}
