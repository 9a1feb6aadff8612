package ca.gc.fsdh.bot.migration.plan;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.client.RateLimitGroup;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import com.databricks.sdk.service.workspace.ObjectType;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PlannerTest {
  @Test
  void countsWhatMovesAndListsWhatCannotAndWhatIsManual() throws Exception {
    try (var server =
        FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(server.state(), SampleSpec.small());
      var client = FakeDatabricksConfig.pacedClient(server);

      var plan =
          new Planner(client, RateLimits.defaults())
              .plan(
                  server.host(),
                  EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.REPOS, ResourceType.JOBS));

      var tree = server.state().workspace();
      // notebook sizes are not in list answers, so the over-10 MB one is counted and flagged at
      // export
      long notebooks =
          tree.all()
              .filter(o ->
                  o.type() == ObjectType.NOTEBOOK
                      && !o.path().contains("/Trash/")
                      && !o.path().startsWith("/Repos/"))
              .count();
      assertThat(plan.counts().get("notebooks")).isEqualTo(notebooks);
      assertThat(plan.counts().get("repos")).isEqualTo(server.state().repos().size());
      assertThat(plan.counts().get("jobs")).isEqualTo(server.state().jobs().size());
      assertThat(plan.cannotExport())
          .anySatisfy(i -> assertThat(i.reason()).contains("Git credentials"));
      assertThat(plan.notes()).anyMatch(n -> n.contains("over 10 MB"));
      assertThat(plan.unread()).isEmpty();
      assertThat(plan.manual())
          .anyMatch(m -> m.contains(SampleWorkspace.CONDA_CLUSTER_ID) && m.contains("conda"))
          .anyMatch(m -> m.contains(SampleWorkspace.POOL_ID))
          .anyMatch(m -> m.contains(SampleWorkspace.SHARED_CLUSTER_ID) && m.startsWith("job "));
      assertThat(plan.calls().get(RateLimitGroup.WORKSPACE_EXPORT))
          .isEqualTo(notebooks + plan.counts().getOrDefault("files", 0L));
      assertThat(plan.estimatedSeconds())
          .isEqualTo(
              plan.calls().entrySet().stream()
                  .mapToDouble(e -> e.getValue() / RateLimits.defaults().of(e.getKey()))
                  .max()
                  .orElseThrow());
      assertThat(PlanRenderer.text(plan))
          .contains("Must be recreated by hand")
          .contains("Estimated export time");
    }
  }
}
