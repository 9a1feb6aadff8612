package ca.gc.fsdh.bot.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run killed midway ({@code kill -9} of a real {@code fsdh-bot} process) leaves no folder or file
 * that another user of the machine could read: owner-only modes are there from creation, not
 * applied when the zip is packaged.
 */
class OwnerOnlyWorkFolderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"offboard", "migrate", "export"})
  void aKilledRunLeavesOnlyOwnerOnlyFoldersAndFiles(String command) throws Exception {
    var slow = FakeDatabricksOptions.builder().noRateLimits().latencyMillis(40);
    try (var poc = FakeDatabricks.start(slow.build());
        var prod = FakeDatabricks.start(slow.build())) {
      SampleWorkspace.seed(poc.state(), SampleSpec.small());
      Path work = dir.resolve("work");
      List<String> args = new ArrayList<>(List.of(command, "--host", poc.host()));
      switch (command) {
        case "offboard" -> args.addAll(List.of("--work-dir", work.toString(), "--acronym", "ABC"));
        case "migrate" ->
            args.addAll(
                List.of(
                    "--work-dir", work.toString(), "--target-host", prod.host(), "--workers", "2"));
        default ->
            args.addAll(List.of("--out", work.resolve("bundle").toString(), "--workers", "2"));
      }
      Process p = fsdhBot(args, poc.token());
      try {
        Path journal = work.resolve("bundle").resolve("journal.ndjson");
        awaitLines(journal, 5, p);
      } finally {
        p.destroyForcibly().waitFor();
      }
      assertThat(Files.exists(work.resolve("bundle").resolve("manifest.json")))
          .as("killed before the end")
          .isFalse();
      assertThat(modes(work))
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m).matches(".* (rwx------|rw-------)"));
    }
  }

  /**
   * A real {@code fsdh-bot} process: this JVM's java and class path, the token in its environment.
   */
  static Process fsdhBot(List<String> args, String token) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    var cmd =
        new ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), "ca.gc.fsdh.bot.app.Main"));
    cmd.addAll(args);
    var pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DATABRICKS_TOKEN", token);
    pb.environment().put("DATABRICKS_TARGET_TOKEN", token);
    return pb.start();
  }

  private static void awaitLines(Path file, int lines, Process p) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      if (Files.exists(file) && Files.readAllLines(file).size() >= lines) return;
      if (!p.isAlive())
        throw new AssertionError(
            "fsdh-bot ended (exit "
                + p.exitValue()
                + ") before "
                + file
                + " had "
                + lines
                + " lines");
      Thread.sleep(20);
    }
    throw new AssertionError(file + " never had " + lines + " lines");
  }

  /** "path rwx------" for every folder and file under {@code root}, itself included. */
  static List<String> modes(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(
              f -> {
                try {
                  return root.relativize(f)
                      + " "
                      + PosixFilePermissions.toString(
                          Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
