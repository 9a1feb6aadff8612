package ca.gc.fsdh.bot.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.sandbox.databricks.SampleWorkspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
  @TempDir Path out;

  @Test
  void exitsNonZeroWithTheReportPathWhenItemsFailAndNeverPrintsTheToken() throws Exception {
    try (var server = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(server.state(), SampleSpec.small());
      var stdout = new StringWriter();
      var stderr = new StringWriter();
      var command = new ExportCommand();
      command.connection.environment = name -> name.equals("POC_TOKEN") ? server.token() : null;
      var cli = new CommandLine(command).setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr));
      // table ACLs without --sql-warehouse: that item fails, the repos are exported
      int code = cli.execute("--host", server.host(), "--token-env", "POC_TOKEN", "--out", out.toString(),
          "--types", "repos,tableacls", "--no-permissions", "--json");

      assertThat(code).isEqualTo(ExportCommand.ITEMS_FAILED);
      assertThat(stderr.toString()).contains("1 item(s) failed").contains(out.resolve("report.jsonl").toString());
      assertThat(stdout.toString()).contains("\"repos\"").contains("--sql-warehouse");
      assertThat(stdout + stderr.toString()).doesNotContain(server.token());
    }
  }

  @Test
  void withoutATokenItIsAUsageError() {
    var stderr = new StringWriter();
    var command = new ExportCommand();
    command.connection.environment = name -> null;
    int code = new CommandLine(command).setErr(new PrintWriter(stderr))
        .execute("--host", "http://127.0.0.1:1", "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString()).contains("no token: set DATABRICKS_TOKEN or use --profile");
  }
}
