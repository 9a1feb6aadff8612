package ca.gc.fsdh.bot.platform.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The bot's Prometheus metrics: Slack requests by kind and HTTP status, the time to ack them, and
 * errors. Exposed on {@code GET /metrics} in the Prometheus text format.
 */
public final class BotMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests =
      Counter.builder()
          .name("fsdh_slack_requests_total")
          .help("Requests received on /slack/events, by kind and HTTP status")
          .labelNames("kind", "status")
          .register(registry);
  private final Histogram ackSeconds =
      Histogram.builder()
          .name("fsdh_slack_ack_seconds")
          .help("Time from receiving a Slack request to sending its HTTP response")
          .labelNames("kind")
          .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5)
          .register(registry);
  private final Counter errors =
      Counter.builder()
          .name("fsdh_errors_total")
          .help("Unexpected errors, by where they happened")
          .labelNames("where")
          .register(registry);
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public void slackRequest(String kind, int status, long nanos) {
    requests.labelValues(kind, Integer.toString(status)).inc();
    ackSeconds.labelValues(kind).observe(nanos / 1e9);
  }

  public void error(String where) {
    errors.labelValues(where).inc();
  }

  public String contentType() {
    return writer.getContentType();
  }

  public void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}
