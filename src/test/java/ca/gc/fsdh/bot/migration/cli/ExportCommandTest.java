package ca.gc.fsdh.bot.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.secrets.LeadKey;
import ca.gc.fsdh.bot.testing.CommandLineRun;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
  @TempDir Path out;

  @Test
  void exitsNonZeroWithTheReportPathWhenItemsFailAndNeverPrintsTheToken() throws Exception {
    try (var server =
        FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(server.state(), SampleSpec.small());
      // table ACLs without --sql-warehouse: that item fails, the repos are exported
      var run =
          export(
              server,
              "--out",
              out.toString(),
              "--types",
              "repos,tableacls",
              "--no-permissions",
              "--json");

      assertThat(run.exitCode()).isEqualTo(ExportCommand.ITEMS_FAILED);
      assertThat(run.err())
          .contains("1 item(s) failed")
          .contains(out.resolve("report.jsonl").toString());
      assertThat(run.out()).contains("\"repos\"").contains("--sql-warehouse");
      assertThat(run.out() + run.err()).doesNotContain(server.token());
    }
  }

  @Test
  void aWrongClusterOrWarehouseIsOneLineNamingTheOptionAndItsItemsFailWhileOtherTypesAreExported()
      throws Exception {
    try (var server =
        FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(server.state(), SampleSpec.small());
      Path key = new LeadKey().writePublic(out.resolveSibling(out.getFileName() + "-lead.asc"));
      var run =
          export(
              server,
              "--out",
              out.toString(),
              "--types",
              "repos,secrets,tableacls",
              "--secrets-cluster",
              "0000-nope",
              "--gpg-key",
              key.toString(),
              "--sql-warehouse",
              "nope-warehouse");

      assertThat(run.exitCode()).isEqualTo(ExportCommand.ITEMS_FAILED);
      String err = run.err();
      assertThat(err.lines().filter(l -> l.startsWith("error: --sql-warehouse nope-warehouse")))
          .hasSize(1);
      assertThat(err.lines().filter(l -> l.startsWith("error: --secrets-cluster 0000-nope")))
          .hasSize(1);
      assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
      var report = Files.readAllLines(out.resolve("report.jsonl"));
      assertThat(report)
          .filteredOn(l -> l.contains("\"tableacls\""))
          .singleElement()
          .asString()
          .contains("FAILED")
          .contains("--sql-warehouse nope-warehouse");
      long databricksScopes =
          server.state().secrets().scopes().stream().filter(s -> !s.keyVaultBacked()).count();
      assertThat(report)
          .filteredOn(l ->
              l.contains("\"secrets\"")
                  && l.contains("FAILED")
                  && l.contains("--secrets-cluster 0000-nope"))
          .hasSize((int) databricksScopes);
      assertThat(report)
          .filteredOn(l -> l.contains("\"repos\"") && l.contains("EXPORTED"))
          .hasSize(server.state().repos().size());
      assertThat(run.out())
          .contains(
              "repos      exported " + server.state().repos().size() + ", skipped 0, failed 0");
    }
  }

  /** Runs {@code export} against the stand-in with its token in {@code POC_TOKEN}. */
  static CommandLineRun export(FakeDatabricks server, String... args) {
    var command =
        CoreCommandEnvironment.given(
            new ExportCommand(), name -> name.equals("POC_TOKEN") ? server.token() : null);
    return CommandLineRun.of(
        new CommandLine(command),
        Stream.concat(
                Stream.of("--host", server.host(), "--token-env", "POC_TOKEN"), Arrays.stream(args))
            .toArray(String[]::new));
  }

  @Test
  void withoutATokenItIsAUsageError() {
    var stderr = new StringWriter();
    var command = new ExportCommand();
    command.connection.environment = name -> null;
    int code =
        new CommandLine(command)
            .setErr(new PrintWriter(stderr))
            .execute("--host", "http://127.0.0.1:1", "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString()).contains("no token: set DATABRICKS_TOKEN or use --profile");
  }
}
