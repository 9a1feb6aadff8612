package ca.gc.fsdh.bot.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ca.gc.fsdh.bot.migration.bundle.BundleFinisher;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.ExportJournal;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.client.WorkspaceCheck;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.testing.CommandLineRun;
import ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Hosts and credentials are checked before anything is exported, imported or written: a host that
 * is not an https:// URL (http:// only for a local stand-in) is refused with exit 2; each workspace
 * then gets one cheap signed-in call with short timeouts and no retries, and one that refuses the
 * token or cannot be reached fails with exit 5 and one line naming it. No stack trace, nothing on
 * standard output.
 */
class WorkspacePreflightTest {
  @TempDir Path dir;
  @RegisterExtension final SampleStandIns standIns = new SampleStandIns();
  FakeDatabricks poc;
  FakeDatabricks prod;

  record Run(int exit, String out, String err) {
    /** Standard error without the log lines of the SDK and the stand-in. */
    List<String> errLines() {
      return err.lines().filter(l -> !l.matches("^\\d{4}-\\d\\d-\\d\\dT.*")).toList();
    }
  }

  @BeforeEach
  void start() {
    poc = standIns.poc;
    prod = standIns.prod;
  }

  /** Runs a command with {@code env} as its environment (source and target tokens). */
  static Run run(Object command, UnaryOperator<String> env, String... args) {
    CoreCommandEnvironment.given(command, env);
    var r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(90), () -> CommandLineRun.of(new CommandLine(command), args));
    return new Run(r.exitCode(), r.out(), r.err());
  }

  static UnaryOperator<String> tokens(String source, String target) {
    return k ->
        switch (k) {
          case "DATABRICKS_TOKEN" -> source;
          case "DATABRICKS_TARGET_TOKEN" -> target;
          default -> null;
        };
  }

  static int closedPort() throws Exception {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Run migrate(UnaryOperator<String> env, String host, String targetHost) {
    return run(
        new MigrateCommand(),
        env,
        "--host",
        host,
        "--target-host",
        targetHost,
        "--work-dir",
        dir.resolve("work").toString());
  }

  /** Nothing was listed or exported from POC, nothing written to PROD, no work folder. */
  void nothingWasDone() {
    for (var g :
        List.of(
            EndpointGroup.WORKSPACE_READ,
            EndpointGroup.WORKSPACE_EXPORT,
            EndpointGroup.REPOS_READ,
            EndpointGroup.JOBS_READ)) {
      assertThat(poc.requestLog().received(g)).as("POC " + g).isZero();
    }
    for (var g :
        List.of(
            EndpointGroup.WORKSPACE_IMPORT,
            EndpointGroup.WORKSPACE_WRITE,
            EndpointGroup.REPOS_WRITE,
            EndpointGroup.JOBS_CREATE)) {
      assertThat(prod.requestLog().received(g)).as("PROD " + g).isZero();
    }
    assertThat(dir.resolve("work")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no such scheme",
        "ftp:/x",
        "adb-123.azuredatabricks.net",
        "http://adb-123.azuredatabricks.net",
        "https://",
        "file:///etc"
      })
  void aSourceHostThatIsNotAnHttpsUrlIsRefusedWithExit2BeforeAnyCall(String host) {
    var r = migrate(tokens(poc.token(), prod.token()), host, prod.host());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("fsdh-bot: --host '" + host + "' ");
    assertThat(r.out()).isEmpty();
    assertThat(poc.requestLog().totalReceived() + prod.requestLog().totalReceived()).isZero();
    nothingWasDone();
  }

  @Test
  void aTargetHostThatIsNotAnHttpsUrlIsRefusedWithExit2AndBothBadHostsAreNamed() {
    var r = migrate(tokens(poc.token(), prod.token()), "ftp:/x", "http://prod.example.gc.ca");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).startsWith("fsdh-bot: --host 'ftp:/x' ");
    assertThat(r.errLines().get(1))
        .startsWith("fsdh-bot: --target-host 'http://prod.example.gc.ca' ")
        .contains("http:// only for a local stand-in");
    assertThat(poc.requestLog().totalReceived() + prod.requestLog().totalReceived()).isZero();
  }

  @Test
  void aWrongSourceTokenFailsInOneLineBeforeExportingAnything() {
    var r = migrate(tokens("dapi-wrong", prod.token()), poc.host(), prod.host());
    assertThat(r.exit()).as(r.err()).isEqualTo(Preflight.WORKSPACE_UNAVAILABLE);
    assertThat(r.errLines())
        .singleElement()
        .isEqualTo(
            "fsdh-bot: source "
                + poc.host()
                + ": the token was refused (403 Invalid access token)");
    assertThat(r.out()).isEmpty();
    nothingWasDone();
  }

  @Test
  void aWrongTargetTokenFailsInOneLineWithoutAStackTrace() {
    var r = migrate(tokens(poc.token(), "dapi-wrong"), poc.host(), prod.host());
    assertThat(r.exit()).as(r.err()).isEqualTo(Preflight.WORKSPACE_UNAVAILABLE);
    assertThat(r.errLines())
        .singleElement()
        .isEqualTo(
            "fsdh-bot: target "
                + prod.host()
                + ": the token was refused (403 Invalid access token)");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    nothingWasDone();
  }

  @Test
  void anUnreachableTargetAndAWrongSourceTokenAreBothSaidOneLineEach() throws Exception {
    String nowhere = "http://127.0.0.1:" + closedPort();
    var r = migrate(tokens("dapi-wrong", prod.token()), poc.host(), nowhere);
    assertThat(r.exit()).isEqualTo(Preflight.WORKSPACE_UNAVAILABLE);
    assertThat(r.errLines())
        .containsExactly(
            "fsdh-bot: source " + poc.host() + ": the token was refused (403 Invalid access token)",
            "fsdh-bot: target " + nowhere + ": cannot connect (connection refused)");
    nothingWasDone();
  }

  @Test
  @SuppressWarnings(
      "try") // closes the server before the end of the block, to end the acceptor it then joins
  void aTargetThatAcceptsButNeverAnswersFailsAfterTheShortTimeout() throws Exception {
    try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      var accepted = new ArrayList<Socket>();
      var acceptor =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  while (true)
                    accepted.add(silent.accept()); // keeps connections open, never answers
                } catch (IOException closed) {
                  // the test is over
                }
              });
      var command = new MigrateCommand();
      command.target.check = new WorkspaceCheck(Duration.ofSeconds(1));
      String host = "http://127.0.0.1:" + silent.getLocalPort();
      var r =
          run(
              command,
              tokens(poc.token(), prod.token()),
              "--host",
              poc.host(),
              "--target-host",
              host,
              "--work-dir",
              dir.resolve("work").toString());
      assertThat(r.exit()).isEqualTo(Preflight.WORKSPACE_UNAVAILABLE);
      assertThat(r.errLines())
          .singleElement()
          .isEqualTo("fsdh-bot: target " + host + ": no answer within 1 s (read timed out)");
      nothingWasDone();
      silent.close();
      acceptor.join();
      for (var s : accepted) s.close();
    }
  }

  Path smallBundle() throws Exception {
    Path bundle = dir.resolve("bundle");
    var writer = new BundleWriter(bundle);
    try (var journal = ExportJournal.open(bundle)) {
      var ref =
          writer.write(
              "notebooks/source/Shared/etl.py",
              "# Databricks notebook source\nprint(1)\n".getBytes());
      journal.record(
          JournalEntry.exported(
              ResourceType.NOTEBOOKS,
              "/Shared/etl",
              List.of(ref),
              BundleJson.MAPPER
                  .createObjectNode()
                  .put("path", "/Shared/etl")
                  .put("objectType", "NOTEBOOK")
                  .put("language", "PYTHON")));
    }
    new BundleFinisher()
        .finish(
            bundle,
            new BundleFinisher.RunInfo(
                "test", poc.host(), "SOURCE", Set.of(ResourceType.NOTEBOOKS), "NONE"));
    return bundle;
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "export", "offboard", "import", "verify"})
  void everyCommandChecksItsWorkspaceFirst(String name) throws Exception {
    Path bundle = name.equals("import") || name.equals("verify") ? smallBundle() : null;
    FakeDatabricks workspace = bundle == null ? poc : prod;
    String role = bundle == null ? "source" : "target";
    Supplier<Object> command =
        () ->
            switch (name) {
              case "plan" -> new PlanCommand();
              case "export" -> new ExportCommand();
              case "offboard" -> new OffboardCommand();
              case "import" -> new ImportCommand();
              default -> new VerifyCommand();
            };
    var args = new ArrayList<>(List.of("--host", workspace.host()));
    switch (name) {
      case "export" -> args.addAll(List.of("--out", dir.resolve("work").toString()));
      case "offboard" ->
          args.addAll(List.of("--work-dir", dir.resolve("work").toString(), "--acronym", "ABC"));
      case "import" ->
          args.addAll(
              List.of("--bundle", bundle.toString(), "--state", dir.resolve("work").toString()));
      case "verify" ->
          args.addAll(
              List.of(
                  "--bundle", bundle.toString(), "--report-dir", dir.resolve("work").toString()));
      default -> {}
    }
    var r = run(command.get(), tokens("dapi-wrong", "dapi-wrong"), args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(Preflight.WORKSPACE_UNAVAILABLE);
    assertThat(r.errLines())
        .singleElement()
        .isEqualTo(
            "fsdh-bot: "
                + role
                + " "
                + workspace.host()
                + ": the token was refused (403 Invalid access token)");
    assertThat(r.out()).isEmpty();
    nothingWasDone();

    var bad =
        run(
            command.get(),
            tokens(poc.token(), prod.token()),
            args.stream()
                .map(a -> a.equals(workspace.host()) ? "ftp:/x" : a)
                .toArray(String[]::new));
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.errLines()).singleElement().asString().startsWith("fsdh-bot: --host 'ftp:/x' ");
  }

  @Test
  void theStandInAnswersTheSignInCallAsAWorkspaceDoes() {
    var config = FakeDatabricksConfig.pat(poc);
    assertThat(new WorkspaceCheck().signIn("source", config))
        .isEqualTo(WorkspaceState.CURRENT_USER);
    var r =
        run(
            new PlanCommand(),
            tokens(poc.token(), prod.token()),
            "--host",
            poc.host(),
            "--types",
            "repos");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.exists(dir.resolve("work"))).isFalse();
  }
}
