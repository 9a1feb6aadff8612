package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.Random;

/**
 * How often the stand-in fails a request on purpose, as fractions of all API requests. The draws
 * come from one {@link Random} seeded with {@code seed}, so a single-threaded client sees the same
 * failures on every run.
 *
 * @param internalError 500 INTERNAL_ERROR (the SDK does not retry these)
 * @param unavailable 503 TEMPORARILY_UNAVAILABLE (the SDK retries these)
 * @param dropped connection closed without any response
 */
public record FaultRates(double internalError, double unavailable, double dropped, long seed) {
  public static final FaultRates NONE = new FaultRates(0, 0, 0, 0);

  public FaultRates {
    if (internalError < 0
        || unavailable < 0
        || dropped < 0
        || internalError + unavailable + dropped > 1) {
      throw new IllegalArgumentException(
          "fault rates must be >= 0 and sum to at most 1: "
              + internalError
              + ", "
              + unavailable
              + ", "
              + dropped);
    }
  }

  public boolean any() {
    return internalError + unavailable + dropped > 0;
  }
}
