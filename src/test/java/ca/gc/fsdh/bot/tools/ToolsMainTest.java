package ca.gc.fsdh.bot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ToolsMainTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    var cli = ToolsMain.commandLine();
    var out = new StringWriter();
    var err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheProductionSubcommandsAndTheTools() {
    Run r = run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("serve", "plan", "migrate", "demo", "sandbox", "bench", "--version");
  }

  @Test
  void demoRunsAgainstTheStandInsAndExitsZero() {
    Run r = run("demo");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("/fsdh help", "commands", "commandes", "HTTP 401", "Demo finished",
        "Verification: what arrived in PROD matches what left POC", "ARCTIC-offboarding.zip",
        "is attached to this conversation", "deadline reminders");
  }
}
