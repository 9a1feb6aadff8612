package ca.gc.fsdh.bot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.CommandLineRun;
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

  @Test
  void demoRunsAgainstTheStandInsAndExitsZero() {
    CommandLineRun r = run("demo");
    assertThat(r.exitCode()).as(r.err()).isZero();
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
