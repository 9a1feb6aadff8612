package ca.gc.fsdh.bot.migration.client;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when someone sleeps on it. */
final class FakeTicker implements Ticker {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final AtomicLong slept = new AtomicLong();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleepNanos(long nanos) {
    if (nanos <= 0) return;
    slept.addAndGet(nanos);
    now.addAndGet(nanos);
  }

  void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000);
  }
}
