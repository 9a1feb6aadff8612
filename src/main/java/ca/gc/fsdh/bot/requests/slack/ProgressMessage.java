package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.MigrationRequest.SupportMessage;
import ca.gc.fsdh.bot.requests.RunProgress;
import ca.gc.fsdh.bot.requests.RunWorker;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.requests.TypeProgress;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import ca.gc.fsdh.bot.slackkit.SlackCallFailed;
import ca.gc.fsdh.bot.slackkit.SlackCalls;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One progress message per run, in the thread of the request's approval message, edited at most
 * every few seconds with the step and the items done per type, and once more when the run ends.
 * (The run's report follows through the request outbox.)
 *
 * <p>Edits never go backwards: every change of progress gets the next number, an edit is sent only
 * with a number above the last one sent, and one run's edits are sent one at a time. So the timer's
 * edit and the final one, made at once, cannot land in the wrong order; an edit Slack did not take
 * is not retried as it was, the next one carries what is newer.
 */
public final class ProgressMessage implements RunWorker.ProgressReporter {
  private static final Logger log = LoggerFactory.getLogger(ProgressMessage.class);
  private final MethodsClient slack;
  private final SlackCalls calls;
  private final RunReportText words;
  private final String supportChannel;
  private final Language supportLanguage;
  private final ScheduledExecutorService timer;
  private final Duration every;
  private final Map<Long, Run> runs = new ConcurrentHashMap<>();

  public ProgressMessage(
      MethodsClient slack,
      SlackCalls calls,
      RunReportText words,
      String supportChannel,
      Language supportLanguage,
      ScheduledExecutorService timer,
      Duration every) {
    this.slack = slack;
    this.calls = calls;
    this.words = words;
    this.supportChannel = supportChannel;
    this.supportLanguage = supportLanguage;
    this.timer = timer;
    this.every = every;
  }

  @Override
  public RunProgress start(MigrationRequest request) {
    Run run = new Run(request);
    runs.put(request.id(), run);
    run.task =
        timer.scheduleWithFixedDelay(run::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return run;
  }

  /** The last counts; the report itself is in the request outbox, written with the run's end. */
  @Override
  public void finished(MigrationRequest request, StoredResult result) {
    Run run = runs.remove(request.id());
    if (run != null) {
      run.task.cancel(false);
      run.refresh();
    }
  }

  /** What a run's progress is at one moment; {@code number} grows with every change. */
  private record Snapshot(long number, String phase, Map<ResourceType, TypeProgress> counts) {}

  private final class Run implements RunProgress {
    private final MigrationRequest request;
    private final String channel;
    private final Object sending = new Object();
    private Snapshot latest = new Snapshot(0, "", Map.of()); // guarded by this
    private long sent = -1; // guarded by sending
    private String ts; // guarded by sending
    private volatile ScheduledFuture<?> task;

    Run(MigrationRequest request) {
      this.request = request;
      this.channel = request.supportMessage().map(SupportMessage::channel).orElse(supportChannel);
    }

    @Override
    public synchronized void update(Map<ResourceType, TypeProgress> progress) {
      latest = new Snapshot(latest.number() + 1, latest.phase(), Map.copyOf(progress));
    }

    @Override
    public synchronized void phase(String name) {
      latest = new Snapshot(latest.number() + 1, name, latest.counts());
    }

    private synchronized Snapshot latest() {
      return latest;
    }

    /** Sends the newest progress, unless it was sent already; one edit at a time. */
    void refresh() {
      synchronized (sending) {
        Snapshot now =
            latest(); // read while no other edit is on its way: never older than the last one sent
        if (now.number() <= sent) {
          return;
        }
        Bilingual message = words.progress(supportLanguage, request, now.phase(), now.counts());
        try {
          if (ts == null) {
            var posted =
                calls.post(
                    channel,
                    () ->
                        slack.chatPostMessage(m -> {
                          m.channel(channel)
                              .text(message.mrkdwn())
                              .blocks(BilingualBlocks.of(message));
                          request.supportMessage().map(SupportMessage::ts).ifPresent(m::threadTs);
                          return m;
                        }));
            ts = posted.getTs();
          } else {
            calls.call(
                "chat.update",
                channel,
                () ->
                    slack.chatUpdate(m ->
                        m.channel(channel)
                            .ts(ts)
                            .text(message.mrkdwn())
                            .blocks(BilingualBlocks.of(message))));
          }
          sent = now.number();
        } catch (SlackCallFailed | RuntimeException e) {
          log.info(
              "progress message of request {} not updated (the next edit carries it): {}",
              request.id(),
              e.getMessage());
        }
      }
    }
  }
}
