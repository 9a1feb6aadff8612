package ca.gc.fsdh.bot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.CommandLineRun;
import ca.gc.fsdh.bot.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolsMainTest {
  private static CommandLineRun run(String... args) {
    return CommandLineRun.of(ToolsMain.commandLine(), args);
  }

  @Test
  void helpListsTheProductionSubcommandsAndTheTools() {
    CommandLineRun r = run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("serve", "plan", "migrate", "demo", "sandbox", "bench", "--version");
  }

  /**
   * The demo is a first impression: it exits 0, its offboarding is done (not partly done), and it
   * logs no warning and no stack trace (none from the SDKs either).
   */
  @Test
  void demoRunsAgainstTheStandInsAndExitsZero() {
    CommandLineRun r;
    List<String> noise;
    try (var log = new LogCapture()) {
      r = run("demo");
      noise =
          log.lines().stream().filter(l -> l.startsWith("WARN") || l.startsWith("ERROR")).toList();
    }
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(noise).as("warnings and errors logged by the demo").isEmpty();
    assertThat(r.err()).doesNotContain("Exception", "WARN");
    assertThat(r.out())
        .contains("Request #2 (offboarding of *ARCTIC*) is done.")
        .doesNotContain("partly done");
    assertThat(r.out())
        .contains(
            "/fsdh help",
            "commands",
            "commandes",
            "HTTP 401",
            "Demo finished",
            "Verification: what arrived in PROD matches what left POC",
            "ARCTIC-offboarding.zip",
            "is attached to this conversation",
            "deadline reminders");
  }
}
