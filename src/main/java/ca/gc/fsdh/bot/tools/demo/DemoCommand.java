package ca.gc.fsdh.bot.tools.demo;

import ca.gc.fsdh.bot.app.Bot;
import ca.gc.fsdh.bot.app.Wiring;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.UnityCatalog;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: starts the bot and a Slack stand-in on free local ports with a throw-away H2
 * database and the example configuration, plays a short scenario over signed HTTP, and prints what
 * each person would read in Slack. Needs no account and no network.
 */
@Command(
    name = "demo",
    description = "Run a scripted scenario against local stand-ins and print what people see.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--verbose", description = "Show the bot's log lines too.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
          .setLevel(Level.WARN);
    }
    PrintWriter out = spec.commandLine().getOut();
    var transcript = new Transcript(out);
    Path dataDir = Files.createTempDirectory("fsdh-demo-");
    try (FakeSlackApi slack = SandboxConfig.slack();
        FakeDatabricks poc =
            FakeDatabricks.start(
                FakeDatabricksOptions.builder()
                    .token(SandboxConfig.POC_TOKEN)
                    .noRateLimits()
                    .build());
        FakeDatabricks prod =
            FakeDatabricks.start(
                FakeDatabricksOptions.builder()
                    .token(SandboxConfig.PROD_TOKEN)
                    .noRateLimits()
                    .build())) {
      SampleWorkspace.seed(poc.state(), SampleSpec.small());
      // PROD is a Unity Catalog workspace, as every Azure workspace created after November 2023,
      // without hive_metastore (legacy features disabled): the strictest target, where table ACLs
      // can only land in Unity Catalog and every grant that cannot is named in the plan and report
      SampleProd.prepareUnityCatalog(
          poc.state(), prod.state(), UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
      // the demo's mapping file renames nobody: its account knows that user by the POC name too
      prod.state().unityCatalog().addUser(SampleProd.renamedUser(poc.state()));
      var env = SandboxConfig.environment(slack.apiUrl(), dataDir);
      // PROD's model storage is the stand-in's blob endpoint, not Azure's
      env.put("AZURE_BLOB_ENDPOINT", prod.blobEndpoint());
      var config = SandboxConfig.load(env, poc.host(), prod.host(), dataDir);
      try (Bot bot = Wiring.wire(config, Clock.systemUTC()).start()) {
        var sender =
            new SlackSender(
                URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"),
                SandboxConfig.SIGNING_SECRET,
                Clock.systemUTC());
        new DemoScenario(transcript, slack, sender, bot.port()).run();
        new RequestsDemo(transcript, slack, sender).run();
        new CampaignDemo(transcript, slack, sender).run();
        new ReminderDemo(transcript, slack, config, dataDir).run();
      }
      // The stand-in refuses what Slack refuses; a refusal is a defect the demo must not hide.
      if (!slack.refusals().isEmpty()) {
        out.println();
        out.println(
            "The Slack stand-in refused what the bot sent, as Slack would: " + slack.refusals());
        out.flush();
        return 1;
      }
    } finally {
      deleteQuietly(dataDir);
    }
    out.println();
    out.println("Demo finished: every step above went over real HTTP, signed like Slack signs it.");
    out.flush();
    return 0;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder; the OS cleans it eventually
    }
  }
}
