package ca.gc.fsdh.bot.slack;

import ca.gc.fsdh.bot.config.Language;
import ca.gc.fsdh.bot.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestRunner;
import ca.gc.fsdh.bot.requests.RequestStore;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.migration.ResourceType;
import ca.gc.fsdh.bot.requests.RunProgress;
import ca.gc.fsdh.bot.requests.RunReport;
import ca.gc.fsdh.bot.requests.TypeProgress;
import com.slack.api.methods.AsyncMethodsClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One progress message per run, in the thread of the request's approval message, edited at most every
 * few seconds with the items done per type; at the end, the report in the thread and to the requester.
 * A report posted is recorded with the request; one that was not (Slack failed, the bot stopped) is
 * posted by {@link #postUnreported}: at least once, at most once more.
 */
public final class ProgressMessage implements RequestRunner.ProgressReporter {
  private static final Logger log = LoggerFactory.getLogger(ProgressMessage.class);
  private final AsyncMethodsClient slack;
  private final RunReportText words;
  private final WorkspaceDirectory directory;
  private final String supportChannel;
  private final Language supportLanguage;
  private final ScheduledExecutorService timer;
  private final Duration every;
  private final BundleDelivery delivery;
  private final RequestStore store;

  public ProgressMessage(AsyncMethodsClient slack, RunReportText words, WorkspaceDirectory directory,
      String supportChannel, Language supportLanguage, ScheduledExecutorService timer, Duration every,
      BundleDelivery delivery, RequestStore store) {
    this.slack = slack;
    this.words = words;
    this.directory = directory;
    this.supportChannel = supportChannel;
    this.supportLanguage = supportLanguage;
    this.timer = timer;
    this.every = every;
    this.delivery = delivery;
    this.store = store;
  }

  @Override
  public RunProgress start(MigrationRequest request) {
    AtomicReference<Map<ResourceType, TypeProgress>> latest = new AtomicReference<>(Map.of());
    AtomicReference<String> phase = new AtomicReference<>("");
    AtomicReference<Map<ResourceType, TypeProgress>> shown = new AtomicReference<>();
    AtomicReference<String> shownPhase = new AtomicReference<>();
    AtomicReference<String> ts = new AtomicReference<>();
    String channel = request.supportChannel().orElse(supportChannel);
    Runnable refresh = () -> {
      Map<ResourceType, TypeProgress> now = latest.get();
      String stage = phase.get();
      if (now.equals(shown.get()) && stage.equals(shownPhase.get())) {
        return;
      }
      Bilingual message = words.progress(supportLanguage, request, stage, now);
      try {
        if (ts.get() == null) {
          var posted = slack.chatPostMessage(m -> {
            m.channel(channel).text(message.mrkdwn()).blocks(BilingualBlocks.of(message));
            request.supportTs().ifPresent(m::threadTs);
            return m;
          }).get();
          if (posted.isOk()) {
            ts.set(posted.getTs());
          }
        } else {
          slack.chatUpdate(m -> m.channel(channel).ts(ts.get()).text(message.mrkdwn())
              .blocks(BilingualBlocks.of(message))).get();
        }
        shown.set(now);
        shownPhase.set(stage);
      } catch (Exception e) {
        log.warn("progress message of request {} not updated: {}", request.id(), e.toString());
      }
    };
    var task = timer.scheduleWithFixedDelay(refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    runs.put(request.id(), new Run(task, refresh));
    return new RunProgress() {
      @Override
      public void update(Map<ResourceType, TypeProgress> progress) {
        latest.set(progress);
      }

      @Override
      public void phase(String name) {
        phase.set(name);
      }
    };
  }

  private record Run(java.util.concurrent.ScheduledFuture<?> task, Runnable refresh) {}

  private final Map<Long, Run> runs = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void finished(MigrationRequest request, Optional<RunReport> report, Optional<String> error) {
    Run run = runs.remove(request.id());
    if (run != null) {
      run.task().cancel(false);
      run.refresh().run(); // the last counts
    }
    post(request, report, error);
  }

  /** Posts the reports of runs that ended before {@code endedBefore} and were never posted. */
  public void postUnreported(java.time.Instant endedBefore) {
    for (MigrationRequest r : store.unreported(endedBefore)) {
      StoredResult result = store.result(r.id()).map(StoredResult::parse)
          .orElse(new StoredResult(Optional.empty(), Optional.empty()));
      post(r, result.report(), result.error());
    }
  }

  private void post(MigrationRequest request, Optional<RunReport> report, Optional<String> error) {
    Bilingual toSupport = words.report(supportLanguage, request, report, error);
    Language requesterFirst = directory.languageOf(request.requester(), supportLanguage);
    Bilingual toRequester = words.report(requesterFirst, request, report, error);
    try {
      var im = slack.conversationsOpen(o -> o.users(java.util.List.of(request.requester()))).get();
      Optional<java.nio.file.Path> bundle = report.flatMap(RunReport::bundle).map(java.nio.file.Path::of)
          .filter(java.nio.file.Files::isRegularFile);
      if (bundle.isPresent() && im.isOk()) {
        Bilingual delivered = delivery.deliver(request, bundle.get(), im.getChannel().getId(), requesterFirst);
        toRequester = toRequester.then(delivered);
        toSupport = toSupport.then(delivery.noteForSupport(supportLanguage, bundle.get()));
      }
      Bilingual support = toSupport;
      var posted = slack.chatPostMessage(m -> {
        m.channel(request.supportChannel().orElse(supportChannel)).text(support.mrkdwn())
            .blocks(BilingualBlocks.of(support));
        request.supportTs().ifPresent(m::threadTs);
        return m;
      }).get();
      if (!posted.isOk()) {
        throw new IllegalStateException("chat.postMessage failed: " + posted.getError());
      }
      if (im.isOk()) {
        Bilingual lead = toRequester;
        slack.chatPostMessage(m -> m.channel(im.getChannel().getId()).text(lead.mrkdwn())
            .blocks(BilingualBlocks.of(lead))).get();
      }
      // Recorded once the support team has it: the requester's copy is attempted, and the state's own
      // direct message reaches them through the notifier.
      store.markReported(request.id(), request.state());
    } catch (Exception e) {
      log.warn("report of request {} not posted, to be posted by the sweep: {}", request.id(), e.toString());
    }
  }
}
