package ca.gc.fsdh.bot.migration.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class EndpointRateLimiterTest {
  private final FakeTicker ticker = new FakeTicker();

  @Test
  void pacesEachGroupAtItsRate() throws Exception {
    var limiter =
        new EndpointRateLimiter(
            RateLimits.defaults().with(RateLimitGroup.WORKSPACE_EXPORT, 10), ticker);
    long start = ticker.nanoTime();
    for (int i = 0; i < 11; i++) limiter.acquire(RateLimitGroup.WORKSPACE_EXPORT);
    // the first call starts at once, the next ten 100 ms apart
    assertThat(ticker.nanoTime() - start).isEqualTo(1_000_000_000L);
  }

  @Test
  void groupsDoNotWaitForEachOther() throws Exception {
    var limits =
        RateLimits.defaults()
            .with(RateLimitGroup.MLFLOW_SEARCH, 1)
            .with(RateLimitGroup.JOBS_READ, 1000);
    var limiter = new EndpointRateLimiter(limits, ticker);
    limiter.acquire(RateLimitGroup.MLFLOW_SEARCH);
    long before = ticker.nanoTime();
    limiter.acquire(RateLimitGroup.JOBS_READ);
    assertThat(ticker.nanoTime()).isEqualTo(before);
    limiter.acquire(RateLimitGroup.MLFLOW_SEARCH);
    assertThat(ticker.nanoTime() - before).isEqualTo(1_000_000_000L);
  }

  @Test
  void idleTimeIsNotBankedBeyondTheBurst() throws Exception {
    var limiter =
        new EndpointRateLimiter(
            RateLimits.defaults().with(RateLimitGroup.REPOS_READ, 10).withBurst(3), ticker);
    limiter.acquire(RateLimitGroup.REPOS_READ);
    ticker.advanceMillis(60_000);
    long start = ticker.nanoTime();
    for (int i = 0; i < 3; i++) limiter.acquire(RateLimitGroup.REPOS_READ);
    assertThat(ticker.nanoTime()).as("a burst of 3 goes at once").isEqualTo(start);
    limiter.acquire(RateLimitGroup.REPOS_READ);
    assertThat(ticker.nanoTime() - start)
        .as("the fourth waits one interval")
        .isEqualTo(100_000_000L);
  }

  @Test
  void pauseHoldsBackEveryCallerOfTheGroup() throws Exception {
    var limiter =
        new EndpointRateLimiter(
            RateLimits.defaults().with(RateLimitGroup.SECRETS_READ, 100), ticker);
    limiter.acquire(RateLimitGroup.SECRETS_READ);
    long t = ticker.nanoTime();
    limiter.pause(RateLimitGroup.SECRETS_READ, 2_000_000_000L);
    limiter.acquire(RateLimitGroup.SECRETS_READ);
    assertThat(ticker.nanoTime() - t).isEqualTo(2_000_000_000L);
    limiter.acquire(RateLimitGroup.SECRETS_READ);
    assertThat(ticker.nanoTime() - t).isEqualTo(2_010_000_000L);
  }

  @Test
  void aShorterPauseNeverShortensAWait() throws Exception {
    var limiter = new EndpointRateLimiter(RateLimits.defaults(), ticker);
    long t = ticker.nanoTime();
    limiter.pause(RateLimitGroup.SQL_STATEMENTS, 3_000_000_000L);
    limiter.pause(RateLimitGroup.SQL_STATEMENTS, 1_000_000_000L);
    limiter.acquire(RateLimitGroup.SQL_STATEMENTS);
    assertThat(ticker.nanoTime() - t).isEqualTo(3_000_000_000L);
  }

  @Test
  void concurrentCallersShareTheRate() throws Exception {
    // real clock, small numbers: 8 threads x 5 calls at 200/s must take about 40 intervals
    var limiter =
        new EndpointRateLimiter(
            RateLimits.defaults().with(RateLimitGroup.DBFS, 200), Ticker.SYSTEM);
    long start = System.nanoTime();
    var threads = new ArrayList<Thread>();
    for (int i = 0; i < 8; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(() -> {
                for (int j = 0; j < 5; j++) {
                  try {
                    limiter.acquire(RateLimitGroup.DBFS);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                }
              }));
    }
    for (var t : threads) t.join();
    assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(39 * 5 * 0.95);
  }

  @Test
  void anUnpacedGroupNeverWaits() throws Exception {
    var limiter = new EndpointRateLimiter(RateLimits.defaults(), ticker);
    long t = ticker.nanoTime();
    for (int i = 0; i < 100; i++) limiter.acquire(RateLimitGroup.OTHER);
    assertThat(ticker.nanoTime()).isEqualTo(t);
  }
}
