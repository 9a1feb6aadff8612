package ca.gc.fsdh.bot.tools.bench;

import ca.gc.fsdh.bot.app.Bot;
import ca.gc.fsdh.bot.app.Wiring;
import ca.gc.fsdh.bot.migration.client.WorkspaceHost;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.ConfigLoader;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.slack.SlackIds;
import ca.gc.fsdh.bot.slackkit.SlackCalls;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How long a requester waits for the direct message that tells a change of state, when many
 * requests are approved at once: the bot as wired for production (H2 file database, the Slack
 * stand-in), one workspace per request, every request created first, then (two seconds after the
 * last requester was told: Slack keeps one second between two messages to one channel) every
 * Approve click sent at the same moment. The time measured runs from the decision stored ({@code
 * decided_at}) to the moment the stand-in holds the first direct message that tells "approved"
 * (watched every millisecond). Once every run has ended, the request outbox gives the same figure
 * for every state message: from the change to the post of the message that told it. Printed beside
 * them: the bound that Slack's published rate limits set.
 *
 * <p>The runs that the approvals start migrate empty workspaces between two Databricks stand-ins,
 * so they end within seconds: their changes and reports are part of the load, as they would be.
 */
@Command(
    name = "dms",
    description =
        "Time from a change of state to the requester's direct message, for requests approved at once.")
public final class DirectMessageBenchmark implements Runnable {
  @Option(
      names = "--requests",
      defaultValue = "20",
      description = "Requests approved at once (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "900",
      description = "Longest wait for the messages (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    var messages = new Messages();
    String pendingWords = messages.text(Language.EN, RequestState.PENDING_APPROVAL.messageKey());
    String approvedWords = messages.text(Language.EN, RequestState.APPROVED.messageKey());
    try {
      Path data = Files.createTempDirectory("fsdh-bench-dms-");
      try (FakeSlackApi slack = SandboxConfig.slack();
          var poc =
              FakeDatabricks.start(
                  FakeDatabricksOptions.builder()
                      .token(SandboxConfig.POC_TOKEN)
                      .noRateLimits()
                      .build());
          var prod =
              FakeDatabricks.start(
                  FakeDatabricksOptions.builder()
                      .token(SandboxConfig.PROD_TOKEN)
                      .noRateLimits()
                      .build())) {
        Map<String, String> env = SandboxConfig.environment(slack.apiUrl(), data);
        String yaml =
            AckBenchmark.directoryYaml(requests)
                .replace("pocHost: 'http://127.0.0.1:9'", "pocHost: '" + poc.host() + "'")
                .replace("prodHost: 'http://127.0.0.1:9'", "prodHost: '" + prod.host() + "'")
                .replace(
                    "directory: data/bundles",
                    "directory: " + data.resolve("bundles").toAbsolutePath());
        Config config = new ConfigLoader(env, WorkspaceHost::problem).parse(yaml, "bench.yml");
        try (Bot bot = Wiring.wire(config, Clock.systemUTC()).start();
            var watcher = new DmWatcher(slack, requests)) {
          var store = new JdbcRequestStore(bot.database().dataSource());
          var sender =
              new SlackSender(
                  URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"),
                  SandboxConfig.SIGNING_SECRET,
                  Clock.systemUTC());
          out.printf(
              "fsdh-bot direct-message benchmark: %d requests approved at once, %d cores%n",
              requests, Runtime.getRuntime().availableProcessors());
          out.flush();

          Instant created = Instant.now();
          for (int n = 1; n <= requests; n++) {
            sender.slashCommand(
                AckBenchmark.lead(n),
                "C0BENCH",
                "migrate " + AckBenchmark.acronym(n),
                slack.responseUrl());
          }
          awaitAll(
              watcher, t -> t.contains(pendingWords), "the direct messages of the new requests");
          out.printf(
              Locale.ROOT,
              "%d requests created; every requester told within %.1f s%n",
              requests,
              Duration.between(created, Instant.now()).toMillis() / 1000.0);

          List<Long> ids = new ArrayList<>();
          for (int n = 1; n <= requests; n++) {
            ids.add(store.activeFor(AckBenchmark.acronym(n)).orElseThrow().id());
          }
          // Approvals come later than requests: past the second Slack keeps between two messages to
          // one person.
          Thread.sleep(SlackCalls.PER_CHANNEL.multipliedBy(2).toMillis());
          approveAtOnce(sender, slack, ids);
          awaitAll(
              watcher, t -> t.contains(approvedWords), "the direct messages telling the approvals");

          long[] latencies = new long[requests];
          for (int n = 1; n <= requests; n++) {
            MigrationRequest r = store.find(ids.get(n - 1)).orElseThrow();
            Instant told =
                watcher.first(AckBenchmark.lead(n), t -> t.contains(approvedWords)).orElseThrow();
            latencies[n - 1] = Duration.between(r.decision().orElseThrow().at(), told).toNanos();
          }
          out.println(LatencyStats.of(latencies, 0).line("approved -> direct message"));
          out.flush();

          awaitEveryRunEnded(store, ids, bot);
          out.println(
              LatencyStats.of(toldAfter(bot, "APPROVED"), 0).line("  (the same, from the outbox)"));
          out.println(
              LatencyStats.of(toldAfter(bot, "PENDING_APPROVAL"), 0)
                  .line("created -> direct message"));
          out.println(
              LatencyStats.of(toldAfter(bot, null), 0).line("every change -> direct message"));
          out.printf(
              Locale.ROOT,
              "conversations.open calls: %d for %d people%n",
              slack.calls("conversations.open").size(),
              requests);
          out.printf(
              Locale.ROOT,
              "rate-limit bound for the approvals: each direct message goes to its own"
                  + " channel (chat.postMessage: 1 a second per channel, several hundred a minute per workspace): 0 s of"
                  + " waiting; the first message to each person also opens the channel (conversations.open, Tier 3,"
                  + " 50+ a minute, bursts welcome): %d opens, %.1f s if spread evenly at 50 a minute%n",
              requests,
              (requests - 1) * 60.0 / 50);
          out.flush();
        }
      } finally {
        ScratchFiles.deleteTree(data);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until every request has ended and the outbox holds nothing more to post. */
  private void awaitEveryRunEnded(JdbcRequestStore store, List<Long> ids, Bot bot)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    while (ids.stream().anyMatch(id -> store.find(id).orElseThrow().state().isActive())
        || waiting(bot) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after " + timeoutSeconds + " s waiting for the runs to end");
      }
      Thread.sleep(100);
    }
  }

  private static int waiting(Bot bot) throws SQLException {
    try (var c = bot.database().dataSource().getConnection();
        var s = c.createStatement();
        var r = s.executeQuery("SELECT COUNT(*) FROM request_outbox WHERE status = 'PENDING'")) {
      r.next();
      return r.getInt(1);
    }
  }

  /**
   * From the request outbox: for each state message (of {@code state}, or all), the time from the
   * change that wrote it to the post of the message that told it (itself, or the one it was folded
   * into).
   */
  private static long[] toldAfter(Bot bot, String state) throws SQLException {
    String sql =
        "SELECT o.created_at, (SELECT MIN(t.posted_at) FROM request_outbox t WHERE t.request_id = o.request_id"
            + " AND t.lane = o.lane AND t.seq >= o.seq AND t.kind = 'REQUESTER_DM' AND t.status = 'POSTED')"
            + " FROM request_outbox o WHERE o.kind = 'REQUESTER_DM' AND o.status IN ('POSTED', 'FOLDED')"
            + (state == null ? "" : " AND o.state = '" + state + "'");
    List<Long> nanos = new ArrayList<>();
    try (var c = bot.database().dataSource().getConnection();
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      while (r.next()) {
        nanos.add(
            Duration.between(r.getTimestamp(1).toInstant(), r.getTimestamp(2).toInstant())
                .toNanos());
      }
    }
    return nanos.stream().mapToLong(Long::longValue).toArray();
  }

  private void approveAtOnce(SlackSender sender, FakeSlackApi slack, List<Long> ids)
      throws InterruptedException {
    var start = new CountDownLatch(1);
    var done = new CountDownLatch(ids.size());
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long id : ids) {
        pool.execute(() -> {
          try {
            start.await();
            sender.blockAction(
                "U0SUPPORT1",
                SlackIds.APPROVE,
                Long.toString(id),
                SandboxConfig.SUPPORT_CHANNEL,
                "1.0",
                slack.responseUrl());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            done.countDown();
          }
        });
      }
      start.countDown();
      done.await();
    }
  }

  private void awaitAll(DmWatcher watcher, Predicate<String> text, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    for (int n = 1; n <= requests; n++) {
      while (watcher.first(AckBenchmark.lead(n), text).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "timed out after " + timeoutSeconds + " s waiting for " + what);
        }
        Thread.sleep(5);
      }
    }
  }

  /**
   * Notes the moment each direct message first appears at the stand-in, looking every millisecond.
   */
  private static final class DmWatcher implements AutoCloseable {
    private record Seen(Instant at, String text) {}

    private final Map<String, Map<String, Seen>> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stop;

    DmWatcher(FakeSlackApi slack, int leads) {
      thread =
          Thread.ofPlatform()
              .daemon()
              .name("bench-dm-watcher")
              .start(() -> {
                while (!stop) {
                  for (int n = 1; n <= leads; n++) {
                    String lead = AckBenchmark.lead(n);
                    for (JsonNode m : slack.messages("D" + lead)) {
                      seen.computeIfAbsent(lead, k -> new ConcurrentHashMap<>())
                          .putIfAbsent(
                              m.path("ts").asText(),
                              new Seen(Instant.now(), m.path("text").asText()));
                    }
                  }
                  try {
                    Thread.sleep(1);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
    }

    /** When the first direct message to {@code lead} matching {@code text} appeared. */
    Optional<Instant> first(String lead, Predicate<String> text) {
      return seen.getOrDefault(lead, Map.of()).values().stream()
          .filter(s -> text.test(s.text()))
          .map(Seen::at)
          .min(Instant::compareTo);
    }

    @Override
    public void close() {
      stop = true;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread()
            .interrupt(); // keep the interrupt for the caller (AutoCloseable's advice)
      }
    }
  }
}
