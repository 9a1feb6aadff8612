package ca.gc.fsdh.bot.slackkit;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the Slack Web API through the synchronous client and sorts out what went wrong. The bot's
 * outbox and progress messages use it instead of the asynchronous client, whose queue lives only in
 * memory and which paced this bot's {@code conversations.open} to one every few seconds after a
 * burst.
 *
 * <p>Slack's published limits (docs.slack.dev/apis/web-api/rate-limits; each method's tier as in
 * the SDK's {@code MethodsRateLimits}): {@code chat.postMessage} is a special tier, about one
 * message per second per channel with short bursts allowed and several hundred a minute per
 * workspace; {@code chat.update} and {@code conversations.open} are Tier 3, 50+ a minute with
 * sporadic bursts; {@code files.getUploadURLExternal} and {@code files.completeUploadExternal} are
 * Tier 4, 100+ a minute. Here posts are paced to one per second per channel; a 429 holds its method
 * (per channel for posts) on this instance until its {@code Retry-After}. Either way the call is
 * not made and the caller is told when to come back ({@link SlackCallFailed.Next#WAIT}): nothing
 * here sleeps.
 */
public final class SlackCalls {
  /** Slack's pace for posts: one message per second per channel. */
  public static final Duration PER_CHANNEL = Duration.ofSeconds(1);

  /** When a 429 comes without {@code Retry-After} (Slack always sends one). */
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  /**
   * {@code ok: false} errors worth another try (Slack's method pages list them); any other is
   * final.
   */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          // a token problem stops every message alike: they wait for it to be fixed rather than
          // being dropped
          "invalid_auth",
          "not_authed",
          "token_expired",
          "token_revoked",
          "account_inactive");

  private static final String POST = "chat.postMessage";

  /** A Slack method call (one HTTP request). */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws IOException, SlackApiException;
  }

  private final Clock clock;
  private final Duration perChannel;
  private final Map<String, Instant> holds = new ConcurrentHashMap<>();
  private final Map<String, Instant> nextPost = new ConcurrentHashMap<>();

  /**
   * @param perChannel the pace of posts to one channel: {@link #PER_CHANNEL}, shorter only in tests
   */
  public SlackCalls(Clock clock, Duration perChannel) {
    this.clock = clock;
    this.perChannel = perChannel;
  }

  /** Posts to {@code channel} ({@code chat.postMessage}) if its pace allows it now. */
  public <T extends SlackApiTextResponse> T post(String channel, Call<T> call)
      throws SlackCallFailed {
    takePostSlot(channel);
    return call(POST, channel, call);
  }

  /**
   * Makes the call unless its method is held after a 429. A {@code chat.postMessage} made through
   * here is not paced: take its slot first ({@link #takePostSlot}), or use {@link #post}.
   *
   * @param channel the channel a {@code chat.postMessage} posts to; otherwise only named in errors
   */
  public <T extends SlackApiTextResponse> T call(String method, String channel, Call<T> call)
      throws SlackCallFailed {
    String key = POST.equals(method) ? method + " " + channel : method;
    Instant held = holds.get(key);
    if (held != null && held.isAfter(clock.instant())) {
      throw SlackCallFailed.waitUntil(held, method + " held after a 429");
    }
    T response;
    try {
      response = call.call();
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        Instant until = clock.instant().plus(retryAfter(e.getResponse().header("Retry-After")));
        holds.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
        throw SlackCallFailed.waitUntil(until, method + ": 429");
      }
      throw SlackCallFailed.retry(method + ": HTTP " + status);
    } catch (IOException e) {
      throw SlackCallFailed.retry(method + ": " + e.getClass().getSimpleName());
    }
    if (!response.isOk()) {
      String error = response.getError();
      throw TRANSIENT.contains(error)
          ? SlackCallFailed.retry(method + ": " + error)
          : SlackCallFailed.refused(method + ": " + error);
    }
    return response;
  }

  /**
   * Takes the channel's slot if its last post was long enough ago; otherwise says when to come back
   * (nothing is taken, and the caller decides again then: what it was about to post may be folded).
   */
  public void takePostSlot(String channel) throws SlackCallFailed {
    Instant now = clock.instant();
    Instant[] busyUntil = new Instant[1];
    nextPost.compute(
        channel,
        (c, next) -> {
          if (next != null && next.isAfter(now)) {
            busyUntil[0] = next;
            return next;
          }
          return now.plus(perChannel);
        });
    if (busyUntil[0] != null) {
      throw SlackCallFailed.waitUntil(
          busyUntil[0], "one post per " + perChannel.toMillis() + " ms in " + channel);
    }
  }

  private static Duration retryAfter(String header) {
    try {
      return header == null
          ? DEFAULT_RETRY_AFTER
          : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }
}
