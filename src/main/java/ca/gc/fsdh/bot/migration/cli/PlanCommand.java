package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.plan.PlanRenderer;
import ca.gc.fsdh.bot.migration.plan.Planner;
import ca.gc.fsdh.bot.migration.plan.TableAclPlanner;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plan}: the inventory of a workspace before anything moves. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "List what would be exported, what cannot be, what must be recreated by hand, and how long it takes.")
public final class PlanCommand implements Callable<Integer> {
  @Mixin WorkspaceConnection connection = new WorkspaceConnection();

  @Option(
      names = "--types",
      description =
          "Comma-separated: notebooks,repos,jobs,secrets,tableacls,models (default: all).")
  String types;

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  /** PROD, when given: the plan then says where table ACLs land and what will not carry over. */
  @ArgGroup(exclusive = false, heading = "PROD (optional: where table ACLs land)%n")
  TargetConnection target;

  @Option(
      names = "--sql-warehouse",
      description = "POC SQL warehouse that reads the grants (with --target-host).")
  String sqlWarehouse;

  @Option(names = "--mapping", description = "Mapping file: principal renames and databases:.")
  Path mapping;

  @Option(
      names = "--table-acl-target",
      defaultValue = "auto",
      converter = TableAclTargetConverter.class,
      description =
          "auto (Unity Catalog when PROD has a metastore), hive-metastore or unity-catalog (default: ${DEFAULT-VALUE}).")
  TableAclTarget tableAclTarget = TableAclTarget.AUTO;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    int refused =
        Preflight.check(
            spec.commandLine().getErr(), connection.preflight(spec.commandLine(), "source"));
    if (refused != 0) return refused;
    var paced = connection.connect(spec.commandLine());
    var typeSet = ResourceType.parseList(types);
    var plan =
        new Planner(paced.workspace(), connection.limits())
            .plan(connection.hostName(paced), typeSet);
    if (target != null && typeSet.contains(ResourceType.TABLE_ACLS)) {
      refused = Preflight.check(spec.commandLine().getErr(), target.preflight(spec.commandLine()));
      if (refused != 0) return refused;
      var prod = target.connect(spec.commandLine(), connection.limits());
      plan =
          plan.withTableAcls(
              new TableAclPlanner(paced.workspace(), prod.workspace())
                  .plan(
                      tableAclTarget,
                      Optional.ofNullable(sqlWarehouse),
                      mapping == null ? MappingFile.empty() : MappingFile.read(mapping)));
    }
    var out = spec.commandLine().getOut();
    out.println(json ? BundleJson.PRETTY.writeValueAsString(plan) : PlanRenderer.text(plan));
    out.flush();
    return plan.unread().isEmpty() ? 0 : 1; // an incomplete inventory must not pass for a whole one
  }
}
