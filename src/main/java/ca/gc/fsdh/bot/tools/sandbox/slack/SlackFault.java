package ca.gc.fsdh.bot.tools.sandbox.slack;

/**
 * A failure {@link FakeSlackApi} answers instead of the real response, for the next {@code times}
 * calls of {@code method} ({@code *} for any).
 *
 * @param status HTTP status, e.g. 429 or 503
 * @param retryAfterSeconds sent as {@code Retry-After} with a 429
 */
public record SlackFault(String method, int status, int retryAfterSeconds, int times) {
  public static SlackFault rateLimited(String method, int retryAfterSeconds, int times) {
    return new SlackFault(method, 429, retryAfterSeconds, times);
  }

  public static SlackFault serverError(String method, int status, int times) {
    return new SlackFault(method, status, 0, times);
  }

  boolean appliesTo(String called) {
    return method.equals("*") || method.equals(called);
  }
}
