package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.Random;

/** Draws, per request, whether to fail it on purpose, from one seeded random sequence. */
final class FaultInjector {
  enum Fault {
    NONE,
    INTERNAL_ERROR,
    UNAVAILABLE,
    DROP
  }

  private final FaultRates rates;
  private final Random random;

  FaultInjector(FaultRates rates) {
    this.rates = rates;
    this.random = new Random(rates.seed());
  }

  Fault draw() {
    if (!rates.any()) {
      return Fault.NONE;
    }
    double x;
    synchronized (random) {
      x = random.nextDouble();
    }
    if (x < rates.internalError()) {
      return Fault.INTERNAL_ERROR;
    }
    if (x < rates.internalError() + rates.unavailable()) {
      return Fault.UNAVAILABLE;
    }
    if (x < rates.internalError() + rates.unavailable() + rates.dropped()) {
      return Fault.DROP;
    }
    return Fault.NONE;
  }
}
