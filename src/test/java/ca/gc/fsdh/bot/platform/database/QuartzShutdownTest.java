package ca.gc.fsdh.bot.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JVM that exits while a Quartz job still works on the database stops cleanly: its shutdown hook
 * lets the job finish (Quartz waits), the job's work is saved, and nothing is logged at ERROR nor
 * with a stack trace. On H2 this failed while H2 closed the database from its own shutdown hook.
 */
class QuartzShutdownTest {
  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void exitingWhileAJobRunsLetsTheJobFinishAndLogsNoError(
      TestDatabases.Kind kind, @TempDir Path dir) throws Exception {
    DatabaseSettings db =
        kind == TestDatabases.Kind.H2
            ? new DatabaseSettings(SandboxConfig.h2Url(dir), Optional.empty(), Optional.empty())
            : TestDatabases.postgres();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ExitWhileAJobRuns.class.getName(),
                db.url()));
    db.user().ifPresent(command::add);
    db.password().ifPresent(p -> command.add(p.value()));
    Path output = dir.resolve("output.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process exits").isTrue();
    String log = Files.readString(output);

    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log).contains(ExitWhileAJobRuns.JOB_DONE);
    assertThat(
            log.lines()
                .filter(
                    l -> l.contains(" ERROR ") || l.startsWith("\tat ") || l.contains("Exception")))
        .as(log)
        .isEmpty();
    try (Database reopened = Database.open(db);
        var c = reopened.dataSource().getConnection();
        var r =
            c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'test.slow-job'")) {
      r.next();
      assertThat(r.getInt(1)).as("the job's row").isEqualTo(1);
    }
  }
}
