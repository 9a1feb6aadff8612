package ca.gc.fsdh.bot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs like the system's and that a test can move forward at once (a lease or a delay
 * runs out without the test sleeping), for code that also waits in real time between its looks at
 * it.
 */
public final class JumpingClock extends Clock {
  private volatile Duration ahead = Duration.ZERO;

  public void jump(Duration by) {
    ahead = ahead.plus(by);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), ahead);
  }
}
