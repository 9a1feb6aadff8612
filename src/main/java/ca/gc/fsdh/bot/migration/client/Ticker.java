package ca.gc.fsdh.bot.migration.client;

/**
 * Monotonic time and sleeping, behind one seam so that the rate limiter and the retry loop can be
 * tested with a fake that moves time forward instead of waiting.
 */
public interface Ticker {
  long nanoTime();

  void sleepNanos(long nanos) throws InterruptedException;

  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }
      };
}
