package ca.gc.fsdh.bot.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.CommandLineRun;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code migrate} end to end through the command line, against a POC and a PROD stand-in. */
class MigrateCommandTest {
  private static final Pattern COUNT = Pattern.compile("(\\d+)/(\\d+)");

  @TempDir Path dir;
  @RegisterExtension final SampleStandIns standIns = new SampleStandIns();
  FakeDatabricks poc;
  FakeDatabricks prod;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() {
    poc = standIns.poc;
    prod = standIns.prod;
  }

  /**
   * Runs {@code migrate} with both tokens in its environment (each stand-in's own unless given).
   */
  Run migrate(String sourceToken, String targetToken, String... args) {
    var command =
        CoreCommandEnvironment.given(
            new MigrateCommand(), WorkspacePreflightTest.tokens(sourceToken, targetToken));
    var r = CommandLineRun.of(new CommandLine(command), args);
    return new Run(r.exitCode(), r.out(), r.err());
  }

  @Test
  void theProgressOfEachPhaseNeverShowsMoreDoneThanFound() {
    var r =
        migrate(
            poc.token(),
            prod.token(),
            "--host",
            poc.host(),
            "--target-host",
            prod.host(),
            "--work-dir",
            dir.resolve("work").toString(),
            "--sql-warehouse",
            SampleWorkspace.WAREHOUSE_ID,
            "--target-sql-warehouse",
            SampleProd.PROD_WAREHOUSE);
    assertThat(r.err()).contains("== EXPORT").contains("== IMPORT").contains("items");
    var progress = r.err().lines().filter(l -> l.contains(" items")).toList();
    assertThat(progress)
        .isNotEmpty()
        .allSatisfy(line -> {
          var m = COUNT.matcher(line);
          while (m.find()) {
            assertThat(Long.parseLong(m.group(1)))
                .as(line)
                .isLessThanOrEqualTo(Long.parseLong(m.group(2)));
          }
        });
  }
}
