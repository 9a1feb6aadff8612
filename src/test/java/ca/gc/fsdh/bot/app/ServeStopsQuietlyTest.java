package ca.gc.fsdh.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code serve} in a process of its own, stopped the way an orchestrator stops it (SIGTERM): the
 * shutdown hook stops the bot, and the log has no ERROR and no stack trace. On H2 and PostgreSQL.
 */
class ServeStopsQuietlyTest {
  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void sigtermStopsServeWithoutAnErrorInTheLog(TestDatabases.Kind kind, @TempDir Path dir)
      throws Exception {
    try (var slack = SandboxConfig.slack()) {
      Path config = dir.resolve("fsdh.yml");
      // workspaces on a closed local port: nothing leaves the machine
      Files.writeString(
          config,
          SandboxConfig.exampleYaml()
              .replaceAll("https://adb-[0-9.]+azuredatabricks\\.net", "http://127.0.0.1:9"));
      var env = SandboxConfig.environment(slack.apiUrl(), dir);
      if (kind == TestDatabases.Kind.POSTGRES) {
        DatabaseSettings db = TestDatabases.postgres();
        env.put("FSDH_DB_URL", db.url());
        db.user().ifPresent(u -> env.put("FSDH_DB_USER", u));
        db.password().ifPresent(p -> env.put("FSDH_DB_PASSWORD", p.value()));
      }
      Path output = dir.resolve("serve.log");
      var builder =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      System.getProperty("java.class.path"),
                      Main.class.getName(),
                      "serve",
                      "--config",
                      config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().putAll(env);
      Process serve = builder.start();
      try {
        Eventually.await(
            Duration.ofSeconds(60),
            "the bot listening",
            () -> read(output).contains("fsdh-bot listening"));
        serve.destroy(); // SIGTERM
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops").isTrue();
      } finally {
        serve.destroyForcibly();
      }
      String log = read(output);
      assertThat(log).contains("shutdown complete");
      assertThat(
              log.lines()
                  .filter(l ->
                      l.contains(" ERROR ") || l.startsWith("\tat ") || l.contains("Exception")))
          .as(log)
          .isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
