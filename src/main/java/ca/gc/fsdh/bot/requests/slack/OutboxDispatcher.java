package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.requests.MessageKind;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.Outbox;
import ca.gc.fsdh.bot.requests.OutboxMessage;
import ca.gc.fsdh.bot.requests.RequestListener;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.slackkit.SlackCallFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the request outbox to Slack, on every instance of the bot: the messages of each request's
 * lane (what the requester reads; the support channel) one after another in their order, many lanes
 * and requests at once (a bounded pool). A message is claimed with a lease before it is posted and
 * marked posted after; an instance that dies between the two leaves it to another instance once the
 * lease runs out, which posts it once more. So every message is posted, and at most once more after
 * a crash.
 *
 * <p>A message made pointless by a later one of the same request is folded rather than posted late
 * ({@link OutboxMessage#foldsInto}): a state message is then told by the next one, which names
 * every change since the last one posted. When Slack does not take a message, it waits (429 {@code
 * Retry-After}, the channel's pace) or is tried again with a growing delay (outage); the later
 * messages of its lane wait behind it. A message Slack refuses for good is marked failed and the
 * next one follows.
 *
 * <p>Changes made on this instance wake the dispatcher at once ({@link #changed}), and so does a
 * message that had to wait when it is due again; messages written by another instance are found by
 * polling.
 */
public final class OutboxDispatcher implements RequestListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** A claim held while a large bundle uploads. */
  static final Duration LONG_LEASE = Duration.ofMinutes(30);

  /**
   * A message that keeps failing for a reason other than Slack (a bug in drawing it) is given up
   * after this.
   */
  static final int MAX_ERRORS = 10;

  /** Posts one outbox message. */
  public interface Poster {
    /**
     * @param told for a state message, every state it tells, oldest first (its own last)
     * @param holdLonger keeps the claim for {@link #LONG_LEASE} before something slow (an upload)
     */
    void post(OutboxMessage message, List<RequestState> told, Runnable holdLonger)
        throws SlackCallFailed;
  }

  /**
   * @param workers requests posted at once by this instance
   * @param lease how long a claim lasts: longer than any one post; after a crash, the delay before
   *     another instance posts what the dead one held
   * @param poll how often the outbox is read for messages written by other instances or due again
   * @param maxBackoff longest delay between two tries of a message Slack did not take
   */
  public record Settings(int workers, Duration lease, Duration poll, Duration maxBackoff) {
    public static final Settings DEFAULT =
        new Settings(8, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  private final Outbox outbox;
  private final Poster poster;
  private final Clock clock;
  private final String owner;
  private final Settings settings;
  private final ExecutorService workers;

  /** The request lanes this instance is posting: "id lane". */
  private final Set<String> busy = ConcurrentHashMap.newKeySet();

  private final Semaphore wake = new Semaphore(0);

  /** Wakes the loop when a message that had to wait is due again, rather than at the next poll. */
  private final ScheduledExecutorService alarms =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("fsdh-outbox-alarm").daemon().factory());

  private volatile boolean stopping;
  private Thread loop;

  /**
   * @param owner this instance's name in claims, unique per process
   */
  public OutboxDispatcher(
      Outbox outbox, Poster poster, Clock clock, String owner, Settings settings) {
    this.outbox = outbox;
    this.poster = poster;
    this.clock = clock;
    this.owner = owner;
    this.settings = settings;
    this.workers =
        Executors.newFixedThreadPool(
            settings.workers(), Thread.ofPlatform().name("fsdh-outbox-", 0).daemon().factory());
  }

  public synchronized void start() {
    if (loop == null) {
      loop = Thread.ofPlatform().name("fsdh-outbox").daemon().start(this::run);
    }
  }

  /** The change is stored with its messages: post them now. */
  @Override
  public void changed(MigrationRequest request, String actor) {
    wake();
  }

  public void wake() {
    wake.release();
  }

  private void run() {
    while (!stopping) {
      try {
        dispatchDue();
      } catch (RuntimeException e) {
        log.warn("outbox: cannot read the messages to post: {}", e.toString());
      }
      try {
        wake.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Claims the due heads of requests this instance is not posting yet, as many as it has free
   * workers.
   */
  private void dispatchDue() {
    int free = settings.workers() - busy.size();
    if (free <= 0) {
      return;
    }
    Instant now = clock.instant();
    for (OutboxMessage head : outbox.dueHeads(now, free)) {
      if (busy.size() >= settings.workers() || stopping) {
        return;
      }
      if (!busy.contains(key(head))
          && outbox.claim(head.id(), owner, now, now.plus(settings.lease()))) {
        busy.add(key(head));
        try {
          workers.execute(() -> drain(head));
        } catch (RejectedExecutionException closing) {
          release(head);
          busy.remove(key(head));
        }
      }
    }
  }

  private static String key(OutboxMessage m) {
    return m.requestId() + " " + m.lane();
  }

  /** Posts the messages of the request's lane from {@code first} on, while they are due. */
  private void drain(OutboxMessage first) {
    try {
      OutboxMessage next = first;
      while (next != null) {
        if (stopping) {
          release(next); // not started: left to whichever instance runs next, at once
          return;
        }
        if (!deliver(next)) {
          return;
        }
        Instant now = clock.instant();
        next =
            outbox
                .claimNext(first.requestId(), first.lane(), owner, now, now.plus(settings.lease()))
                .orElse(null);
      }
    } catch (RuntimeException e) {
      log.warn("outbox: request {}: {}", first.requestId(), e.toString());
    } finally {
      busy.remove(key(first));
      wake(); // a message written meanwhile may be waiting in this lane
    }
  }

  /**
   * @return whether the request's next message may follow now
   */
  private boolean deliver(OutboxMessage m) {
    List<OutboxMessage> later = outbox.pendingAfter(m);
    if (m.foldsInto(later)) {
      return outbox.folded(m.id(), owner);
    }
    List<RequestState> told = new ArrayList<>();
    if (m.kind() == MessageKind.REQUESTER_DM) {
      told.addAll(outbox.foldedInto(m));
    }
    told.add(m.state());
    try {
      poster.post(m, told, () -> outbox.extend(m.id(), owner, clock.instant().plus(LONG_LEASE)));
    } catch (SlackCallFailed e) {
      return switch (e.next()) {
        case WAIT -> {
          Instant until = e.until().orElse(clock.instant());
          outbox.retryAt(m.id(), owner, until, false, e.getMessage());
          wakeAt(until);
          yield false;
        }
        case RETRY -> {
          Duration delay = backoff(m.attempts() + 1);
          log.info(
              "outbox: request {} {} not posted ({}); again in {} s",
              m.requestId(),
              m.kind(),
              e.getMessage(),
              delay.toSeconds());
          outbox.retryAt(m.id(), owner, clock.instant().plus(delay), true, e.getMessage());
          wakeAt(clock.instant().plus(delay));
          yield false;
        }
        case REFUSED -> {
          log.warn(
              "outbox: request {} {} refused by Slack for good: {}",
              m.requestId(),
              m.kind(),
              e.getMessage());
          yield outbox.failed(m.id(), owner, e.getMessage());
        }
      };
    } catch (RuntimeException e) {
      if (m.attempts() + 1 >= MAX_ERRORS) {
        log.error(
            "outbox: request {} {} given up after {} errors",
            m.requestId(),
            m.kind(),
            MAX_ERRORS,
            e);
        return outbox.failed(m.id(), owner, e.toString());
      }
      log.warn("outbox: request {} {} not posted: {}", m.requestId(), m.kind(), e.toString());
      outbox.retryAt(
          m.id(), owner, clock.instant().plus(backoff(m.attempts() + 1)), true, e.toString());
      return false;
    }
    if (!outbox.posted(m.id(), owner, clock.instant())) {
      log.warn(
          "outbox: request {} {} posted after another instance took it over",
          m.requestId(),
          m.kind());
      return false;
    }
    return true;
  }

  private void wakeAt(Instant due) {
    long millis = Math.max(0, Duration.between(clock.instant(), due).toMillis());
    try {
      alarms.schedule(this::wake, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // stopping: the next instance finds the message due
    }
  }

  private void release(OutboxMessage m) {
    outbox.retryAt(m.id(), owner, clock.instant(), false, null);
  }

  /** 1, 2, 4, 8 ... seconds, at most {@code maxBackoff}. */
  Duration backoff(int failures) {
    Duration delay = Duration.ofSeconds(1L << Math.min(Math.max(failures - 1, 0), 20));
    return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
  }

  /**
   * Stops claiming; messages being posted get a few seconds to finish. A message still held then is
   * left to its lease, and posted by whichever instance runs next.
   */
  @Override
  public void close() {
    stopping = true;
    Thread running;
    synchronized (this) {
      running = loop;
    }
    try {
      if (running != null) {
        running.interrupt();
        running.join(5_000);
      }
      alarms.shutdownNow();
      workers.shutdown();
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      alarms.shutdownNow();
      workers.shutdownNow();
      Thread.currentThread()
          .interrupt(); // keep the interrupt for the caller (AutoCloseable's advice)
    }
  }
}
