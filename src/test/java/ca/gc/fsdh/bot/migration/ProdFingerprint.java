package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceState;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a migration puts in a workspace, as sorted lines, minus ids the service assigns: two
 * equal fingerprints mean the same PROD state.
 */
final class ProdFingerprint {
  private ProdFingerprint() {}

  static List<String> of(WorkspaceState s) {
    var lines = new ArrayList<String>();
    s.workspace()
        .all()
        .forEach(o ->
            lines.add(
                "ws "
                    + o.path()
                    + " "
                    + o.type()
                    + " "
                    + o.language()
                    + " "
                    + (o.content() == null ? "" : Arrays.hashCode(o.content().bytes()))));
    s.repos().all().forEach(r -> lines.add("repo " + r.path() + " " + r.url() + " " + r.branch()));
    s.jobs()
        .all()
        .forEach(j -> {
          var settings = j.settings().deepCopy();
          lines.add(
              "job "
                  + new TreeMap<>(
                      BundleJson.MAPPER.convertValue(
                          settings, new TypeReference<Map<String, Object>>() {})));
        });
    for (var scope : s.secrets().scopes()) {
      var values = new TreeMap<String, Integer>();
      s.secrets()
          .secrets(scope.name())
          .forEach((k, v) -> values.put(k, Arrays.hashCode(v.value())));
      lines.add(
          "scope " + scope + " " + values + " " + new TreeMap<>(s.secrets().acls(scope.name())));
    }
    s.tables().all().forEach(g -> lines.add("grant " + g));
    for (var m : s.models().models()) {
      lines.add("model " + m.name() + " " + m.description() + " " + new TreeMap<>(m.tags()));
      for (var v : s.models().versions(m.name()))
        lines.add(
            "version "
                + m.name()
                + " "
                + v.version()
                + " "
                + v.stage()
                + " "
                + v.source()
                + " "
                + new TreeMap<>(v.tags()));
    }
    lines.sort(null);
    return lines;
  }
}
