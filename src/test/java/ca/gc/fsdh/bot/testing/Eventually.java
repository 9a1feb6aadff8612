package ca.gc.fsdh.bot.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something the bot does after its ack (Slack calls run in the background). */
public final class Eventually {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private Eventually() {}

  public static void await(String what, BooleanSupplier condition) {
    await(LIMIT, what, condition);
  }

  public static void await(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + limit.toSeconds() + " s waiting for: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  public static <T> T value(String what, Supplier<T> supplier) {
    return value(LIMIT, what, supplier);
  }

  public static <T> T value(Duration limit, String what, Supplier<T> supplier) {
    Object[] holder = new Object[1];
    await(limit, what, () -> (holder[0] = supplier.get()) != null);
    @SuppressWarnings("unchecked")
    T value = (T) holder[0];
    return value;
  }
}
