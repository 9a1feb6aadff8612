package ca.gc.fsdh.bot.tools.bench;

import ca.gc.fsdh.bot.app.Bot;
import ca.gc.fsdh.bot.app.Wiring;
import ca.gc.fsdh.bot.migration.client.WorkspaceHost;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.ConfigLoader;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.http.BotMetrics;
import ca.gc.fsdh.bot.platform.http.HttpFront;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.requests.slack.SlackIds;
import ca.gc.fsdh.bot.slackkit.FailureReply;
import ca.gc.fsdh.bot.slackkit.FsdhCommand;
import ca.gc.fsdh.bot.slackkit.SlackEndpoint;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Ack latency of {@code /fsdh migrate ABC} and of Approve clicks under concurrent senders, against
 * a bare Bolt app that acks the same requests on the same HTTP adapter, in the same run. Then one
 * burst of requests all at once, counting those acked after Slack's 3 seconds.
 *
 * <p>The bot runs exactly as wired for production, on an H2 file database, against the Slack
 * stand-in. Every migrate names a different workspace, so each one creates and saves a request
 * before its ack.
 */
@Command(
    name = "acks",
    description = "Ack latency of /fsdh migrate and Approve clicks vs a bare Bolt app.")
public final class AckBenchmark implements Runnable {
  @Option(
      names = "--senders",
      defaultValue = "50",
      description = "Concurrent senders (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "Duration of each measured phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--burst",
      defaultValue = "1000",
      description = "Requests sent at once in the burst (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "5",
      description = "Warm-up per phase (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Spec CommandSpec spec;

  /**
   * Real directories hold hundreds; this many lets most migrates create a new request, not find a
   * busy one.
   */
  private static final int WORKSPACES = 15_000;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try {
      Path data = Files.createTempDirectory("fsdh-bench-acks-");
      try (FakeSlackApi slack = SandboxConfig.slack()) {
        Map<String, String> env = SandboxConfig.environment(slack.apiUrl(), data);
        Config config =
            new ConfigLoader(env, WorkspaceHost::problem)
                .parse(directoryYaml(WORKSPACES), "bench.yml");
        try (Bot bot = Wiring.wire(config, Clock.systemUTC()).start();
            BareApp bare = new BareApp(slack.apiUrl())) {
          var toBot = sender(bot.port());
          var toBare = sender(bare.port());
          AtomicInteger next = new AtomicInteger();
          IntFunction<SlackSender.Reply> migrate =
              i -> {
                int n = 1 + next.getAndIncrement() % WORKSPACES;
                return toBot.slashCommand(
                    lead(n), "C0BENCH", "migrate " + acronym(n), slack.responseUrl());
              };
          IntFunction<SlackSender.Reply> bareCommand =
              i -> toBare.slashCommand("U0X", "C0BENCH", "migrate ABC", "http://127.0.0.1:9/r");
          AtomicInteger approved = new AtomicInteger();
          IntFunction<SlackSender.Reply> approve =
              i ->
                  toBot.blockAction(
                      "U0SUPPORT1",
                      SlackIds.APPROVE,
                      Integer.toString(approved.incrementAndGet()),
                      SandboxConfig.SUPPORT_CHANNEL,
                      "1.0",
                      slack.responseUrl());
          IntFunction<SlackSender.Reply> bareClick =
              i ->
                  toBare.blockAction(
                      "U0SUPPORT1",
                      SlackIds.APPROVE,
                      "1",
                      SandboxConfig.SUPPORT_CHANNEL,
                      "1.0",
                      "http://127.0.0.1:9/r");

          out.printf(
              "fsdh-bot ack benchmark: %d senders, %d s per phase (after %d s warm-up), burst of %d, %d cores%n",
              senders, seconds, warmup, burst, Runtime.getRuntime().availableProcessors());
          load(bareCommand, warmup);
          load(migrate, warmup);
          LatencyStats bareCmd = load(bareCommand, seconds);
          LatencyStats botCmd = load(migrate, seconds);
          load(bareClick, warmup);
          LatencyStats bareAct = load(bareClick, seconds);
          LatencyStats botAct = load(approve, Math.min(seconds, Math.max(1, seconds)));
          LatencyStats burstStats = burst(migrate, burst);

          out.println(bareCmd.line("bare Bolt: slash command"));
          out.println(botCmd.line("fsdh-bot: /fsdh migrate ABC"));
          out.println(bareAct.line("bare Bolt: button click"));
          out.println(botAct.line("fsdh-bot: Approve click"));
          out.println(burstStats.line("fsdh-bot: burst of /fsdh migrate"));
          out.printf(
              Locale.ROOT,
              "migrate: p99 %.2f ms (target <= 50 ms: %s), %.2f x bare p99 (target <= 1.5: %s)%n",
              botCmd.p99(),
              pass(botCmd.p99() <= 50),
              botCmd.p99() / bareCmd.p99(),
              pass(botCmd.p99() <= 1.5 * bareCmd.p99()));
          out.printf(
              Locale.ROOT,
              "approve: p99 %.2f ms (target <= 50 ms: %s), %.2f x bare p99 (target <= 1.5: %s)%n",
              botAct.p99(),
              pass(botAct.p99() <= 50),
              botAct.p99() / bareAct.p99(),
              pass(botAct.p99() <= 1.5 * bareAct.p99()));
          out.printf(
              "burst: %d of %d acked after 3 s (target 0: %s)%n",
              burstStats.over3s(),
              burstStats.count(),
              pass(burstStats.over3s() == 0 && burstStats.errors() == 0));
          out.printf(
              "requests created: %d (migrates beyond %d found their workspace busy: same save-before-ack path, refused by the unique index)%n",
              Math.min(next.get(), WORKSPACES), WORKSPACES);
          // The stand-in refuses what Slack refuses (Block Kit's limits): the figures count only if
          // it refused nothing.
          out.printf(
              "Slack stand-in refusals: %d (target 0: %s)%s%n",
              slack.refusals().size(),
              pass(slack.refusals().isEmpty()),
              slack.refusals().isEmpty() ? "" : " " + slack.refusals().get(0));
          out.flush();
        }
      } finally {
        ScratchFiles.deleteTree(data);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pass(boolean ok) {
    return ok ? "met" : "NOT met";
  }

  /** Senders each send one request after another, for a fixed time. */
  private LatencyStats load(IntFunction<SlackSender.Reply> send, int secondsToRun)
      throws InterruptedException {
    long deadline = System.nanoTime() + secondsToRun * 1_000_000_000L;
    List<long[]> perSender = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    var done = new CountDownLatch(senders);
    List<List<Long>> samples = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      samples.add(new ArrayList<>());
    }
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int s = 0; s < senders; s++) {
        List<Long> mine = samples.get(s);
        pool.execute(() -> {
          try {
            while (System.nanoTime() < deadline) {
              var reply = send.apply(0);
              if (reply.status() != 200) {
                errors.incrementAndGet();
              }
              mine.add(reply.latency().toNanos());
            }
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          } finally {
            done.countDown();
          }
        });
      }
      done.await();
    }
    for (List<Long> s : samples) {
      perSender.add(s.stream().mapToLong(Long::longValue).toArray());
    }
    return LatencyStats.of(
        perSender.stream().flatMapToLong(Arrays::stream).toArray(), errors.get());
  }

  /** Every request at once. */
  private static LatencyStats burst(IntFunction<SlackSender.Reply> send, int count)
      throws InterruptedException {
    long[] latencies = new long[count];
    AtomicInteger errors = new AtomicInteger();
    var start = new CountDownLatch(1);
    var done = new CountDownLatch(count);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        int index = i;
        pool.execute(() -> {
          try {
            start.await();
            var reply = send.apply(index);
            latencies[index] = reply.latency().toNanos();
            if (reply.status() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            latencies[index] = Long.MAX_VALUE;
            errors.incrementAndGet();
          } finally {
            done.countDown();
          }
        });
      }
      start.countDown();
      done.await();
    }
    return LatencyStats.of(latencies, errors.get());
  }

  private static SlackSender sender(int port) {
    return new SlackSender(
        URI.create("http://127.0.0.1:" + port + "/slack/events"),
        SandboxConfig.SIGNING_SECRET,
        Clock.systemUTC());
  }

  static String acronym(int n) {
    return String.format("W%06d", n);
  }

  static String lead(int n) {
    return String.format("U0L%06d", n);
  }

  /**
   * The example configuration's Slack, Databricks and deadline settings, with a large generated
   * directory.
   */
  static String directoryYaml(int count) {
    String example = SandboxConfig.exampleYaml();
    String head = example.substring(0, example.indexOf("workspaces:"));
    String deadlines = example.substring(example.indexOf("deadlines:"));
    StringBuilder yaml = new StringBuilder(head).append("workspaces:\n");
    for (int n = 1; n <= count; n++) {
      yaml.append("  - {acronym: ")
          .append(acronym(n))
          .append(", nameEn: Bench ")
          .append(n)
          .append(", nameFr: Banc ")
          .append(n)
          .append(", lead: ")
          .append(lead(n))
          .append(", leadChannel: C0L")
          .append(String.format("%06d", n))
          .append(", pocHost: 'http://127.0.0.1:9', prodHost: 'http://127.0.0.1:9'}\n");
    }
    return yaml.append(deadlines).toString();
  }

  /** A Bolt app that only acks, on the same HTTP adapter as the bot: the floor to compare with. */
  private static final class BareApp implements AutoCloseable {
    private final HttpFront http;
    private final Slack slack;

    BareApp(String apiUrl) throws Exception {
      var slackConfig = new SlackConfig();
      slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
      slack = Slack.getInstance(slackConfig);
      App app =
          new App(
              AppConfig.builder()
                  .slack(slack)
                  .singleTeamBotToken(SandboxConfig.BOT_TOKEN)
                  .signingSecret(SandboxConfig.SIGNING_SECRET)
                  .build());
      app.command(FsdhCommand.COMMAND, (req, ctx) -> ctx.ack());
      app.blockAction(SlackIds.APPROVE, (req, ctx) -> ctx.ack());
      app.start();
      var metrics = new BotMetrics();
      http =
          new HttpFront(
                  0,
                  new SlackEndpoint(
                      app,
                      new FailureReply(new Messages(), Language.EN),
                      metrics,
                      Clock.systemUTC()),
                  List.of(),
                  metrics)
              .start();
    }

    int port() {
      return http.port();
    }

    @Override
    public void close() {
      http.close();
      closeSlack(slack);
    }
  }

  /** The Slack client's close declares {@code Exception}; an interrupt stays on the thread. */
  static void closeSlack(Slack slack) {
    try {
      slack.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("could not close the Slack client", e);
    }
  }
}
