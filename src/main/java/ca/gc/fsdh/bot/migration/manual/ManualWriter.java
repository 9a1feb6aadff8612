package ca.gc.fsdh.bot.migration.manual;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.notebooks.WorkspaceLayout;
import com.databricks.sdk.service.compute.GlobalInitScriptDetailsWithContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code manual/}: one JSON file per kind with the configuration to recreate by hand, each
 * global init script's content as a file of its own, and a {@code README.txt} a person reads first.
 * Rewritten whole on every run (a few list calls).
 */
public final class ManualWriter {
  static final String INIT_SCRIPTS_DIR = "manual/global-init-scripts/";

  /** A legacy workspace library found in the tree: the workspace API cannot export it. */
  public record WorkspaceLibrary(String path, Long objectId, String note) {
    public WorkspaceLibrary(String path, Long objectId) {
      this(
          path,
          objectId,
          "workspace library: its definition (JAR, wheel, PyPI or Maven coordinates) cannot be exported;"
              + " open it in the POC workspace and reinstall it in PROD (a workspace file or a cluster library)");
    }
  }

  public void write(
      ManualInventory.Inventory inv, List<WorkspaceLibrary> libraries, BundleWriter bundle)
      throws IOException {
    bundle.writeJson("manual/clusters.json", inv.clusters());
    bundle.writeJson("manual/instance-pools.json", inv.pools());
    bundle.writeJson("manual/cluster-policies.json", inv.policies());
    bundle.writeJson("manual/global-init-scripts.json", inv.initScripts());
    for (var s : inv.initScripts()) {
      if (s.getScript() != null)
        bundle.write(scriptFile(s), Base64.getMimeDecoder().decode(s.getScript()));
    }
    bundle.writeJson("manual/jobs-on-all-purpose-clusters.json", inv.jobsOnAllPurposeClusters());
    if (inv.mounts().isPresent()) bundle.writeJson("manual/mounts.json", inv.mounts().get());
    bundle.writeJson(WorkspaceLayout.WORKSPACE_LIBRARIES, libraries);
    bundle.write("manual/README.txt", readme(inv, libraries).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code manual/global-init-scripts/00-Proxy ministériel.sh}: position first, so they list in run
   * order.
   */
  static String scriptFile(GlobalInitScriptDetailsWithContent s) {
    long position = s.getPosition() == null ? 0 : s.getPosition();
    return INIT_SCRIPTS_DIR
        + String.format(Locale.ROOT, "%02d", position)
        + "-"
        + WorkspaceLayout.safeName(s.getName())
        + ".sh";
  }

  public static String readme(ManualInventory.Inventory inv, List<WorkspaceLibrary> libraries) {
    var sb = new StringBuilder();
    sb.append(
        "To recreate by hand in the new workspace / À recréer à la main dans le nouvel espace\n\n");
    for (var c : inv.clusters()) {
      sb.append("cluster  ")
          .append(c.cluster().getClusterName())
          .append(" (")
          .append(c.cluster().getClusterId())
          .append("): ")
          .append(String.join("; ", c.why()))
          .append('\n');
    }
    inv.pools()
        .forEach(p ->
            sb.append("pool     ")
                .append(p.getInstancePoolName())
                .append(" (")
                .append(p.getInstancePoolId())
                .append(")\n"));
    inv.policies()
        .forEach(p ->
            sb.append("policy   ")
                .append(p.getName())
                .append(" (")
                .append(p.getPolicyId())
                .append(")\n"));
    inv.initScripts()
        .forEach(s ->
            sb.append("init     ")
                .append(s.getName())
                .append(" (global init script, position ")
                .append(s.getPosition())
                .append(Boolean.FALSE.equals(s.getEnabled()) ? ", disabled" : "")
                .append("): ")
                .append(s.getScript() == null ? "content not read (see below)" : scriptFile(s))
                .append('\n'));
    libraries.forEach(l ->
        sb.append("library  ")
            .append(l.path())
            .append(" (workspace library): reinstall it by hand\n"));
    inv.mounts()
        .ifPresent(ms ->
            ms.forEach(m ->
                sb.append("mount    ")
                    .append(m.mountPoint())
                    .append(" -> ")
                    .append(m.source())
                    .append('\n')));
    inv.jobsOnAllPurposeClusters()
        .forEach(j ->
            sb.append("job      ")
                .append(j.name())
                .append(" (")
                .append(j.jobId())
                .append(") runs on all-purpose cluster(s) ")
                .append(j.existingClusterIds())
                .append(": give it a job cluster or a PROD cluster\n"));
    if (!inv.problems().isEmpty()) {
      sb.append("\nNot read / Non lus:\n");
      inv.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
    }
    sb.append(
        "\nConfigurations: see the JSON files in this folder / voir les fichiers JSON de ce dossier.\n");
    return sb.toString();
  }
}
