package ca.gc.fsdh.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.config.Language;
import ca.gc.fsdh.bot.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.i18n.Messages;
import ca.gc.fsdh.bot.migration.ResourceType;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.NewRequest;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.RunReport;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.requests.TypeProgress;
import ca.gc.fsdh.bot.sandbox.FakeSlackApi;
import ca.gc.fsdh.bot.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.sandbox.SlackCall;
import ca.gc.fsdh.bot.sandbox.SlackFault;
import ca.gc.fsdh.bot.store.Database;
import ca.gc.fsdh.bot.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request change that Slack was not told of, or a run's report it did not take (Slack failed, or the
 * bot stopped before telling), is told by the sweep, once; what was told is never told again. Real Slack client, Slack stand-in, and
 * the request store on H2 and PostgreSQL.
 */
class UntoldChangesTest {
  private static final String SUPPORT = SandboxConfig.SUPPORT_CHANNEL;
  private final FakeSlackApi slack = SandboxConfig.slack();
  private final ExecutorService queue = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private Database db;

  @AfterEach
  void stop() {
    queue.shutdownNow();
    timer.shutdownNow();
    slack.close();
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aChangeSlackFailedToHearOfIsToldByTheSweepOnceAndAToldChangeNeverAgain(TestDatabases.Kind kind,
      @TempDir Path dir) throws Exception {
    db = Database.open(kind.fresh());
    var store = new JdbcRequestStore(db.dataSource());
    RequestNotifier notifier = notifier(store, dir);
    MigrationRequest pending = store.save(new NewRequest(RequestKind.MIGRATE, "OCEAN", "U0ADALOVE", ResourceType.ALL,
        RequestOptions.DEFAULT, Optional.empty(), "t-1"), Instant.now()).request();

    // Slack fails the approval message: nothing is posted, and the change stays untold
    slack.inject(SlackFault.serverError("chat.postMessage", 503, 1));
    notifier.changed(pending, "U0ADALOVE");
    drain();
    assertThat(slack.messages(SUPPORT)).isEmpty();
    assertThat(dms()).isEmpty();
    assertThat(store.untold(Instant.now().plusSeconds(1))).extracting(MigrationRequest::id).containsExactly(pending.id());
    assertThat(store.untold(Instant.now().minusSeconds(60))).as("a change younger than the settling time waits").isEmpty();

    // the sweep tells it: the approval message with its buttons, and the requester's direct message
    notifier.tellUntold(Instant.now().plusSeconds(1));
    drain();
    assertThat(slack.messages(SUPPORT)).hasSize(1);
    assertThat(slack.messages(SUPPORT).get(0).path("blocks").toString()).contains(SlackIds.APPROVE);
    assertThat(dms()).hasSize(1);
    assertThat(store.untold(Instant.now().plusSeconds(1))).isEmpty();

    // told once: another sweep, and the same change replayed, post nothing more
    notifier.tellUntold(Instant.now().plusSeconds(1));
    notifier.changed(pending, "U0ADALOVE");
    drain();
    assertThat(slack.calls("chat.postMessage")).hasSize(3); // the failed one, the approval message, the DM
    assertThat(dms()).hasSize(1);

    // the next change is told at once, and the approval message loses its buttons
    store.decide(pending.id(), RequestState.REJECTED, "U0SUPPORT1", Optional.of("not now"), Instant.now());
    MigrationRequest rejected = store.find(pending.id()).orElseThrow();
    notifier.changed(rejected, "U0SUPPORT1");
    drain();
    assertThat(dms()).hasSize(2);
    assertThat(dms().get(1)).contains("Your request #" + pending.number());
    assertThat(slack.messages(SUPPORT).get(0).path("blocks").toString()).doesNotContain(SlackIds.APPROVE);
    notifier.tellUntold(Instant.now().plusSeconds(1));
    drain();
    assertThat(dms()).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aReportSlackFailedToTakeIsPostedByTheSweepOnce(TestDatabases.Kind kind, @TempDir Path dir) throws Exception {
    db = Database.open(kind.fresh());
    var store = new JdbcRequestStore(db.dataSource());
    ProgressMessage reports = reports(store, dir);
    long id = store.save(new NewRequest(RequestKind.MIGRATE, "OCEAN", "U0ADALOVE", ResourceType.ALL,
        RequestOptions.DEFAULT, Optional.empty(), "t-2"), Instant.now()).request().id();
    store.decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), Instant.now());
    store.claim(id, "bot-1", Instant.now(), Instant.now());
    var report = new RunReport(Map.of(ResourceType.NOTEBOOKS, new TypeProgress(3, 3, 0)), List.of(),
        List.of("cluster shared (0101-01): clusters cannot be migrated"), true, List.of(), Optional.empty(), Optional.empty());
    store.finish(id, "bot-1", RequestState.SUCCEEDED, new StoredResult(Optional.of(report), Optional.empty()).toJson(),
        Instant.now());
    MigrationRequest done = store.find(id).orElseThrow();

    // Slack fails the report in the support thread: it stays unreported
    slack.inject(SlackFault.serverError("chat.postMessage", 503, 1));
    reports.finished(done, Optional.of(report), Optional.empty());
    assertThat(store.unreported(Instant.now().plusSeconds(1))).extracting(MigrationRequest::id).containsExactly(id);
    assertThat(dms()).isEmpty();

    // the sweep posts it from what the run stored, to support and to the requester
    reports.postUnreported(Instant.now().plusSeconds(1));
    assertThat(supportPosts()).hasSize(2); // the failed one, then the report
    assertThat(dms()).singleElement().asString().contains("clusters cannot be migrated");
    assertThat(store.unreported(Instant.now().plusSeconds(1))).isEmpty();

    reports.postUnreported(Instant.now().plusSeconds(1));
    assertThat(supportPosts()).hasSize(2);
    assertThat(dms()).hasSize(1);
  }

  private List<SlackCall> supportPosts() {
    return slack.calls(c -> c.method().equals("chat.postMessage") && SUPPORT.equals(c.param("channel")));
  }

  private ProgressMessage reports(JdbcRequestStore store, Path dir) throws Exception {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    var env = SandboxConfig.environment(slack.apiUrl(), Files.createDirectories(dir.resolve("data")));
    var bot = SandboxConfig.load(env, "http://127.0.0.1:9", "http://127.0.0.1:9", dir);
    var messages = new Messages();
    var text = new RequestText(messages, bot.directory());
    var client = Slack.getInstance(config);
    return new ProgressMessage(client.methodsAsync(SandboxConfig.BOT_TOKEN), new RunReportText(text), bot.directory(),
        SUPPORT, Language.EN, timer, Duration.ofSeconds(3),
        new BundleDelivery(client.methods(SandboxConfig.BOT_TOKEN), messages, bot.bundles()), store);
  }

  private RequestNotifier notifier(JdbcRequestStore store, Path dir) throws Exception {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    var env = SandboxConfig.environment(slack.apiUrl(), Files.createDirectories(dir.resolve("data")));
    WorkspaceDirectory directory = SandboxConfig.load(env, "http://127.0.0.1:9", "http://127.0.0.1:9", dir).directory();
    var text = new RequestText(new Messages(), directory);
    return new RequestNotifier(Slack.getInstance(config).methodsAsync(SandboxConfig.BOT_TOKEN), store, text,
        new ApprovalMessage(text, Language.EN), directory, SUPPORT, Language.EN, queue);
  }

  /** Waits for every notification queued so far (the notifier's queue runs one task at a time). */
  private void drain() throws Exception {
    queue.submit(() -> { }).get();
  }

  private List<String> dms() {
    return slack.messages("D" + "U0ADALOVE").stream().map(JsonNode::toString).toList();
  }
}
