package ca.gc.fsdh.bot.tools.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of latencies, in milliseconds. */
record LatencyStats(int count, double p50, double p99, double max, int over3s, int errors) {
  static LatencyStats of(long[] nanos, int errors) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int over = (int) Arrays.stream(sorted).filter(n -> n > 3_000_000_000L).count();
    return new LatencyStats(
        sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        over,
        errors);
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  String line(String label) {
    return String.format(
        Locale.ROOT,
        "%-34s n=%7d  p50=%7.2f ms  p99=%7.2f ms  max=%8.2f ms  >3s=%d  errors=%d",
        label,
        count,
        p50,
        p99,
        max,
        over3s,
        errors);
  }
}
