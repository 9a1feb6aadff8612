package ca.gc.fsdh.bot.tools.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock shifted to a chosen moment, still ticking at the real rate: tests and the demo
 * set it just before a reminder is due instead of waiting days. Quartz keeps the system time; the
 * reminder scheduler maps between the two.
 */
public final class AdjustableClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  public AdjustableClock() {}

  public AdjustableClock(Instant now) {
    set(now);
  }

  /** From now on, this clock reads {@code now} (and moves on from there). */
  public AdjustableClock set(Instant now) {
    offset = Duration.between(Instant.now(), now);
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same shifted time, read in another zone (a snapshot of the current offset). */
  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }
}
