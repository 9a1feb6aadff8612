package ca.gc.fsdh.bot.testing;

import ca.gc.fsdh.bot.app.Bot;
import ca.gc.fsdh.bot.app.Wiring;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A running bot wired exactly as in production, against the Slack stand-in, on a free port, with a
 * throw-away H2 database and the example configuration. Close it after the test.
 */
public final class BotHarness implements AutoCloseable {
  static final String CLOSED_PORT = "http://127.0.0.1:9";
  public final FakeSlackApi slack;
  public final Bot bot;
  public final SlackSender sender;
  public final Config config;
  private final Path dataDir;

  private BotHarness(FakeSlackApi slack, Bot bot, Config config, Path dataDir, Clock clock) {
    this.slack = slack;
    this.bot = bot;
    this.config = config;
    this.dataDir = dataDir;
    this.sender =
        new SlackSender(
            // the bot's own clock: Slack signs with the time the bot checks it against
            URI.create(url("/slack/events")), SandboxConfig.SIGNING_SECRET, clock);
  }

  public static BotHarness start() throws Exception {
    return start(env -> {});
  }

  /**
   * @param environment changes to the sandbox environment before the configuration is loaded
   */
  public static BotHarness start(Consumer<Map<String, String>> environment) throws Exception {
    return start(environment, null, null);
  }

  /**
   * A bot on a fresh database of this kind (H2 in a file, or a new database on the embedded
   * PostgreSQL).
   */
  public static BotHarness start(TestDatabases.Kind kind) throws Exception {
    return start(kind, null, null);
  }

  /** A bot on a fresh database of this kind whose POC and PROD workspaces are these stand-ins. */
  public static BotHarness start(TestDatabases.Kind kind, String pocHost, String prodHost)
      throws Exception {
    if (kind == TestDatabases.Kind.H2) {
      return start(env -> {}, pocHost, prodHost);
    }
    var db = TestDatabases.postgres();
    return start(
        env -> {
          env.put("FSDH_DB_URL", db.url());
          db.user().ifPresent(u -> env.put("FSDH_DB_USER", u));
          db.password().ifPresent(p -> env.put("FSDH_DB_PASSWORD", p.value()));
        },
        pocHost,
        prodHost);
  }

  /** A bot whose POC and PROD workspaces are two Databricks stand-ins. */
  public static BotHarness withDatabricks(String pocHost, String prodHost) throws Exception {
    return start(env -> {}, pocHost, prodHost);
  }

  /** Both: a changed environment, and stand-ins (null hosts: the closed port). */
  public static BotHarness start(
      Consumer<Map<String, String>> environment, String pocHost, String prodHost) throws Exception {
    return start(environment, slack -> {}, pocHost, prodHost);
  }

  /**
   * A changed environment, and a Slack stand-in prepared before the bot starts (in Socket Mode, the
   * bot asks it for the WebSocket URL while starting).
   */
  public static BotHarness start(
      Consumer<Map<String, String>> environment, Consumer<FakeSlackApi> slackSetup)
      throws Exception {
    return start(environment, slackSetup, null, null);
  }

  private static BotHarness start(
      Consumer<Map<String, String>> environment,
      Consumer<FakeSlackApi> slackSetup,
      String pocHost,
      String prodHost)
      throws Exception {
    return start(
        environment, slackSetup, pocHost, prodHost, UnaryOperator.identity(), Clock.systemUTC());
  }

  /**
   * A bot on a fresh database of this kind, with its Slack stand-in prepared, its YAML changed by
   * {@code yaml} (a test's settings) and its own clock (a test moves time instead of sleeping).
   */
  public static BotHarness start(
      TestDatabases.Kind kind,
      Consumer<FakeSlackApi> slackSetup,
      UnaryOperator<String> yaml,
      Clock clock)
      throws Exception {
    Consumer<Map<String, String>> environment = env -> {};
    if (kind == TestDatabases.Kind.POSTGRES) {
      var db = TestDatabases.postgres();
      environment =
          env -> {
            env.put("FSDH_DB_URL", db.url());
            db.user().ifPresent(u -> env.put("FSDH_DB_USER", u));
            db.password().ifPresent(p -> env.put("FSDH_DB_PASSWORD", p.value()));
          };
    }
    return start(environment, slackSetup, null, null, yaml, clock);
  }

  private static BotHarness start(
      Consumer<Map<String, String>> environment,
      Consumer<FakeSlackApi> slackSetup,
      String pocHost,
      String prodHost,
      UnaryOperator<String> yaml,
      Clock clock)
      throws Exception {
    FakeSlackApi slack = SandboxConfig.slack();
    Path dataDir = Files.createTempDirectory("fsdh-test-");
    try {
      slackSetup.accept(slack);
      Map<String, String> env = SandboxConfig.environment(slack.apiUrl(), dataDir);
      environment.accept(env);
      // Without stand-ins, workspaces point at a closed local port: a run fails (after the client's
      // retries), never leaves the machine.
      Config config =
          pocHost == null
              ? SandboxConfig.load(env, CLOSED_PORT, CLOSED_PORT, dataDir, yaml)
              : SandboxConfig.load(env, pocHost, prodHost, dataDir, yaml);
      Bot bot = Wiring.wire(config, clock).start();
      return new BotHarness(slack, bot, config, dataDir, clock);
    } catch (Exception | Error e) {
      slack.close();
      throw e;
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + bot.port() + path;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path))).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Fails the test when the Slack stand-in refused a payload of the bot's (a message's blocks or a
   * view over Block Kit's limits): real Slack would have refused it too. A test that provokes a
   * refusal on purpose checks it and calls {@link FakeSlackApi#clearRefusals()}.
   */
  @Override
  public void close() throws IOException {
    var refused = slack.refusals();
    try {
      bot.close();
    } finally {
      slack.close();
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    if (!refused.isEmpty()) {
      throw new AssertionError(
          "the Slack stand-in refused what the bot sent, as Slack would: " + refused);
    }
  }
}
