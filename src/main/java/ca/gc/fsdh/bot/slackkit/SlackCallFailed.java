package ca.gc.fsdh.bot.slackkit;

import java.time.Instant;
import java.util.Optional;

/** A Slack call that did not go through, and what to do about it. */
public final class SlackCallFailed extends Exception {
  /** What the message that needed the call does next. */
  public enum Next {
    /**
     * Not a failure: Slack asked to wait (429 {@code Retry-After}) or the channel's pace says so.
     */
    WAIT,
    /** Slack could not take it now (5xx, no connection, a transient error): try again later. */
    RETRY,
    /**
     * Slack refused it for good (e.g. {@code channel_not_found}, {@code invalid_blocks}): never
     * again.
     */
    REFUSED
  }

  private final Next next;
  private final transient Instant until;

  private SlackCallFailed(Next next, String reason, Instant until) {
    super(reason);
    this.next = next;
    this.until = until;
  }

  public static SlackCallFailed waitUntil(Instant until, String reason) {
    return new SlackCallFailed(Next.WAIT, reason, until);
  }

  public static SlackCallFailed retry(String reason) {
    return new SlackCallFailed(Next.RETRY, reason, null);
  }

  public static SlackCallFailed refused(String reason) {
    return new SlackCallFailed(Next.REFUSED, reason, null);
  }

  public Next next() {
    return next;
  }

  /** For {@link Next#WAIT}: not before this. */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }
}
