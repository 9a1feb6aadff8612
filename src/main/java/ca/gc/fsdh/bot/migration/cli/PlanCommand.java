package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.plan.PlanRenderer;
import ca.gc.fsdh.bot.migration.plan.Planner;
import ca.gc.fsdh.bot.migration.plan.TableAclPlanner;
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

  @Mixin TypesOption types = new TypesOption();

  @Mixin TableAclTargetOption tableAclTarget = new TableAclTargetOption();

  @Mixin JsonOption json = new JsonOption();

  /** PROD, when given: the plan then says where table ACLs land and what will not carry over. */
  @ArgGroup(exclusive = false, heading = "PROD (optional: where table ACLs land)%n")
  TargetConnection target;

  @Option(
      names = "--sql-warehouse",
      description = "POC SQL warehouse that reads the grants (with --target-host).")
  String sqlWarehouse;

  @Mixin MappingOption mapping = new MappingOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    int refused =
        Preflight.check(
            spec.commandLine().getErr(), connection.preflight(spec.commandLine(), "source"));
    if (refused != 0) return refused;
    var paced = connection.connect(spec.commandLine());
    var plan =
        new Planner(paced.workspace(), connection.limits())
            .plan(connection.hostName(paced), types.set());
    if (target != null && types.set().contains(ResourceType.TABLE_ACLS)) {
      refused = Preflight.check(spec.commandLine().getErr(), target.preflight(spec.commandLine()));
      if (refused != 0) return refused;
      var prod = target.connect(spec.commandLine(), connection.limits());
      plan =
          plan.withTableAcls(
              new TableAclPlanner(paced.workspace(), prod.workspace())
                  .plan(tableAclTarget.get(), Optional.ofNullable(sqlWarehouse), mapping.read()));
    }
    var out = spec.commandLine().getOut();
    out.println(json.on() ? BundleJson.PRETTY.writeValueAsString(plan) : PlanRenderer.text(plan));
    out.flush();
    return plan.unread().isEmpty() ? 0 : 1; // an incomplete inventory must not pass for a whole one
  }
}
