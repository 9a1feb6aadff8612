package ca.gc.fsdh.bot.migration.manual;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code manual/}: one JSON file per kind with the configuration to recreate by hand, and a
 * {@code README.txt} a person reads first. Rewritten whole on every run (a few list calls).
 */
public final class ManualWriter {
  public void write(ManualInventory.Inventory inv, BundleWriter bundle) throws IOException {
    bundle.writeJson("manual/clusters.json", inv.clusters());
    bundle.writeJson("manual/instance-pools.json", inv.pools());
    bundle.writeJson("manual/cluster-policies.json", inv.policies());
    bundle.writeJson("manual/global-init-scripts.json", inv.initScripts());
    bundle.writeJson("manual/jobs-on-all-purpose-clusters.json", inv.jobsOnAllPurposeClusters());
    if (inv.mounts().isPresent()) bundle.writeJson("manual/mounts.json", inv.mounts().get());
    bundle.write("manual/README.txt", readme(inv).getBytes(StandardCharsets.UTF_8));
  }

  public static String readme(ManualInventory.Inventory inv) {
    var sb = new StringBuilder();
    sb.append("To recreate by hand in the new workspace / À recréer à la main dans le nouvel espace\n\n");
    for (var c : inv.clusters()) {
      sb.append("cluster  ").append(c.cluster().getClusterName()).append(" (").append(c.cluster().getClusterId())
          .append("): ").append(String.join("; ", c.why())).append('\n');
    }
    inv.pools().forEach(p -> sb.append("pool     ").append(p.getInstancePoolName()).append(" (").append(p.getInstancePoolId()).append(")\n"));
    inv.policies().forEach(p -> sb.append("policy   ").append(p.getName()).append(" (").append(p.getPolicyId()).append(")\n"));
    inv.initScripts().forEach(s -> sb.append("init     ").append(s.getName()).append(" (global init script)\n"));
    inv.mounts().ifPresent(ms -> ms.forEach(m -> sb.append("mount    ").append(m.mountPoint()).append(" -> ").append(m.source()).append('\n')));
    inv.jobsOnAllPurposeClusters().forEach(j -> sb.append("job      ").append(j.name()).append(" (").append(j.jobId())
        .append(") runs on all-purpose cluster(s) ").append(j.existingClusterIds()).append(": give it a job cluster or a PROD cluster\n"));
    if (!inv.problems().isEmpty()) {
      sb.append("\nNot read / Non lus:\n");
      inv.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
    }
    sb.append("\nConfigurations: see the JSON files in this folder / voir les fichiers JSON de ce dossier.\n");
    return sb.toString();
  }
}
