package ca.gc.fsdh.bot.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where export bundles are kept and how offboarding bundles reach the lead.
 *
 * @param directory one folder per request; on several replicas, a volume they all mount
 * @param maxUploadBytes an offboarding bundle up to this size is uploaded to the requester in Slack
 * @param retention bundles older than this are deleted
 * @param fetchCommand shown for a bundle too large to upload; {@code {file}} is its file name
 */
public record BundleSettings(
    Path directory, long maxUploadBytes, Duration retention, Optional<String> fetchCommand) {
  public static final Path DEFAULT_DIRECTORY = Path.of("data", "bundles");
  public static final long DEFAULT_MAX_UPLOAD_MB = 100;
  public static final int DEFAULT_RETENTION_DAYS = 30;

  public static BundleSettings defaults() {
    return new BundleSettings(
        DEFAULT_DIRECTORY,
        DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
        Duration.ofDays(DEFAULT_RETENTION_DAYS),
        Optional.empty());
  }
}
