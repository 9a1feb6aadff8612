package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link FakeDatabricks} behaves: where it listens, the token it accepts, how slow it is, how
 * it limits and how it fails. Build with {@link #builder()}; {@link #defaults()} listens on a free
 * port, answers at once and applies the published rate limits.
 *
 * @param port 0 picks a free port
 * @param token the only bearer token (PAT) accepted
 * @param latency added to every request before it is handled
 * @param rateLimits requests per second per group; a missing group or 0 means unlimited
 * @param rateLimitsEnabled false answers every request, however fast they come
 * @param retryAfterSeconds sent with each 429
 */
public record FakeDatabricksOptions(
    int port,
    String token,
    Duration latency,
    Map<EndpointGroup, Double> rateLimits,
    boolean rateLimitsEnabled,
    int retryAfterSeconds,
    FaultRates faults) {
  public static final String DEFAULT_TOKEN = "dapi-sandbox-token";

  public FakeDatabricksOptions {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(latency, "latency == null");
    Objects.requireNonNull(faults, "faults == null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retryAfterSeconds must be >= 1: " + retryAfterSeconds);
    }
    rateLimits = Map.copyOf(rateLimits);
  }

  public static FakeDatabricksOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Requests per second allowed for {@code group} now; 0 means unlimited. */
  public double limitFor(EndpointGroup group) {
    return rateLimitsEnabled ? rateLimits.getOrDefault(group, 0.0) : 0;
  }

  public Builder toBuilder() {
    Builder b =
        new Builder()
            .port(port)
            .token(token)
            .latency(latency)
            .retryAfterSeconds(retryAfterSeconds)
            .faults(faults);
    b.limits.clear();
    b.limits.putAll(rateLimits);
    b.rateLimitsEnabled = rateLimitsEnabled;
    return b;
  }

  /** Fluent builder; starts from the published limits, no latency and no faults. */
  public static final class Builder {
    private int port;
    private String token = DEFAULT_TOKEN;
    private Duration latency = Duration.ZERO;
    private final Map<EndpointGroup, Double> limits = new EnumMap<>(EndpointGroup.class);
    private boolean rateLimitsEnabled = true;
    private int retryAfterSeconds = 1;
    private FaultRates faults = FaultRates.NONE;

    private Builder() {
      for (EndpointGroup g : EndpointGroup.values()) {
        limits.put(g, g.defaultPerSecond());
      }
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    public Builder latencyMillis(long millis) {
      return latency(Duration.ofMillis(millis));
    }

    public Builder rateLimit(EndpointGroup group, double perSecond) {
      limits.put(group, perSecond);
      return this;
    }

    public Builder noRateLimits() {
      rateLimitsEnabled = false;
      return this;
    }

    public Builder retryAfterSeconds(int seconds) {
      this.retryAfterSeconds = seconds;
      return this;
    }

    public Builder faults(FaultRates faults) {
      this.faults = faults;
      return this;
    }

    public FakeDatabricksOptions build() {
      return new FakeDatabricksOptions(
          port, token, latency, limits, rateLimitsEnabled, retryAfterSeconds, faults);
    }
  }
}
