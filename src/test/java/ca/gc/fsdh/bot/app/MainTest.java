package ca.gc.fsdh.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.CommandLineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static CommandLineRun run(String... args) {
    return CommandLineRun.of(Main.commandLine(), args);
  }

  @Test
  void helpListsTheSubcommands() {
    CommandLineRun r = run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("serve", "plan", "migrate", "--version");
    // the tools' subcommands are in the tools jar only (tools.ToolsMainTest)
    assertThat(r.out()).doesNotContain("demo").doesNotContain("sandbox").doesNotContain("bench");
  }

  @Test
  void versionPrintsTheName() {
    CommandLineRun r = run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("fsdh-bot ");
  }

  @Test
  void serveWithABadConfigurationExitsWith2AndOneLinePerProblemNoStackTrace(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(
        file,
        """
        slack: {supportChannel: nope, supportUserGroup: S0G}
        server: {port: abc}
        workspaces:
          - {acronym: abc, nameEn: A, nameFr: A, lead: U0A, leadChannel: C0A, pocHost: https://poc}
        """);
    CommandLineRun r = run("serve", "--config", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    String[] lines = r.err().strip().split("\n");
    assertThat(lines[0]).startsWith("fsdh-bot: the configuration has ");
    assertThat(r.err())
        .contains("  slack.supportChannel: 'nope' is not a channel id")
        .contains("  workspaces[0].acronym: 'abc' is not ABC")
        .contains("  databricks.poc: is required when workspaces are listed")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    // SLACK_BOT_TOKEN is not set in the test JVM's environment, so that is reported too
    assertThat(r.err()).contains("environment variable SLACK_BOT_TOKEN: is required");
  }

  @Test
  void serveRefusesWorkspaceHostsThatAreNotHttpsUrlsNamingTheirKeys(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("hosts.yml");
    Files.writeString(
        file,
        """
        slack: {supportChannel: C0S, supportUserGroup: S0G}
        databricks: {poc: {auth: profile, profile: POC}, prod: {auth: profile, profile: PROD}}
        workspaces:
          - {acronym: ABC, nameEn: A, nameFr: A, lead: U0A, leadChannel: C0A, pocHost: "http://adb-1.azuredatabricks.net", prodHost: "no such scheme"}
        """);
    CommandLineRun r = run("serve", "--config", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "  workspaces[0].pocHost: 'http://adb-1.azuredatabricks.net' is not an https:// URL"
                + " (http:// only for a local stand-in on 127.0.0.1 or localhost)")
        .contains("  workspaces[0].prodHost: 'no such scheme' is not an https:// URL")
        .doesNotContain("\tat ");
  }

  @Test
  void aCoreCommandRefusesAHostThatIsNotAnHttpsUrlInOneLineBeforeAnyCall() {
    CommandLineRun r =
        run(
            "migrate",
            "--host",
            "ftp:/x",
            "--target-host",
            "https://adb-2.azuredatabricks.net",
            "--work-dir",
            "never-created");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "fsdh-bot: --host 'ftp:/x' is not an https:// URL, such as https://adb-1234567890123456.7.azuredatabricks.net");
    assertThat(Path.of("never-created")).doesNotExist();
  }

  @Test
  void anUnknownOptionExitsWith2() {
    assertThat(run("serve", "--bogus").exitCode()).isEqualTo(2);
  }
}
