package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.client.RetryPolicy;
import ca.gc.fsdh.bot.migration.client.Ticker;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import ca.gc.fsdh.bot.migration.verify.VerifyReport;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.http.HttpClient;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verification that could compare nothing says so and is not clean; one that could compare only
 * part says how many items it could not compare. Never "everything is equal" for what was not read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyComparedNothingTest {
  PocAndProd env;
  Path bundle;

  @BeforeAll
  void migrate(@TempDir Path dir) throws Exception {
    env = new PocAndProd(FakeDatabricksOptions.builder().noRateLimits());
    bundle = dir.resolve("bundle");
    var export =
        ExportOptions.allTypes()
            .withTypes(EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.REPOS, ResourceType.JOBS))
            .withWorkers(4);
    new WorkspaceExport(env.poc.client, env.poc.server.host())
        .run(bundle, export, ProgressListener.NONE);
    try (var reader = BundleReader.open(bundle)) {
      new WorkspaceImport(env.prod.client, env.prod.server.host())
          .run(
              reader,
              env.mapping(),
              ImportOptions.defaults(dir.resolve("state")).withWorkers(4).withTypes(export.types()),
              ProgressListener.NONE);
    }
  }

  @AfterAll
  void stop() {
    env.close();
  }

  VerifyReport verifyWith(WorkspaceClient target) throws Exception {
    try (var reader = BundleReader.open(bundle)) {
      return new Verifier(target, env.prod.server.host())
          .verify(
              reader,
              env.mapping(),
              VerifyOptions.defaults()
                  .withWorkers(4)
                  .withTypes(
                      EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.REPOS, ResourceType.JOBS)));
    }
  }

  /** A client of the PROD stand-in through {@code wire} (the transport under the paced client). */
  WorkspaceClient prodClient(String token, UnaryOperator<HttpClient> wire) {
    var config = FakeDatabricksConfig.pat(env.prod.server, token);
    var fast =
        new RetryPolicy(
            2, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5), List.of());
    return DatabricksClients.create(
            config,
            wire.apply(DatabricksClients.transport(config)),
            RateLimits.defaults(),
            fast,
            Ticker.SYSTEM)
        .workspace();
  }

  @Test
  void aTargetThatCanBeReadComparesEverything() throws Exception {
    var report = verifyWith(env.prod.client);
    assertThat(report.clean()).as(report.text()).isTrue();
    assertThat(report.compared()).isEqualTo(report.items().size()).isPositive();
    assertThat(report.text()).contains("everything in the bundle is in the target, equal");
  }

  @Test
  void whenNoItemCanBeReadItSaysNothingCouldBeComparedAndIsNotClean() throws Exception {
    var report = verifyWith(prodClient("dapi-revoked", w -> w));
    assertThat(report.clean()).isFalse();
    assertThat(report.compared()).isZero();
    assertThat(report.items()).isNotEmpty().allMatch(i -> i.status() == ItemCheck.Status.UNREAD);
    assertThat(report.text())
        .contains("Result: nothing could be compared: no item could be read from the target")
        .contains("Invalid access token")
        .contains("rien n’a pu être comparé")
        .doesNotContain("everything in the bundle is in the target");
  }

  @Test
  void whenSomeItemsCannotBeReadItSaysHowMany() throws Exception {
    // the notebooks' contents cannot be read; the repos and jobs can
    var report =
        verifyWith(
            prodClient(
                env.prod.server.token(),
                wire ->
                    request -> {
                      if (request.getUrl().contains("/api/2.0/workspace/export"))
                        throw new SocketTimeoutException("Read timed out");
                      return wire.execute(request);
                    }));
    long unread =
        report.items().stream().filter(i -> i.status() == ItemCheck.Status.UNREAD).count();
    assertThat(unread).isPositive();
    assertThat(report.compared()).isPositive().isEqualTo(report.items().size() - unread);
    assertThat(report.clean()).isFalse();
    assertThat(report.text())
        .contains(unread + " item(s) could not be compared")
        .contains("Read timed out")
        .doesNotContain("everything in the bundle is in the target");
  }
}
