package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.plan.PlanRenderer;
import ca.gc.fsdh.bot.migration.plan.Planner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin JsonOption json = new JsonOption();

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
    var out = spec.commandLine().getOut();
    out.println(json.on() ? BundleJson.PRETTY.writeValueAsString(plan) : PlanRenderer.text(plan));
    out.flush();
    return plan.unread().isEmpty() ? 0 : 1; // an incomplete inventory must not pass for a whole one
  }
}
