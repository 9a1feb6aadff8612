package ca.gc.fsdh.bot.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes export bundles (folders and zip files in the bundle directory) last changed longer ago
 * than the retention period. Runs as a periodic Quartz job; on several replicas sharing the
 * directory, any one may run it.
 */
public final class BundleRetention implements Job {
  private static final Logger log = LoggerFactory.getLogger(BundleRetention.class);
  private final Path directory;
  private final Duration retention;
  private final Clock clock;

  public BundleRetention(Path directory, Duration retention, Clock clock) {
    this.directory = directory;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    int deleted = deleteExpired();
    if (deleted > 0) {
      log.info("deleted {} bundle(s) older than {} days", deleted, retention.toDays());
    }
  }

  /** Stores the daily trigger (kept if another instance stored it already). */
  public static void schedule(Scheduler quartz) throws SchedulerException {
    var key = TriggerKey.triggerKey("bundle-retention", "bundles");
    if (quartz.checkExists(key)) {
      return;
    }
    var job =
        JobBuilder.newJob(BundleRetention.class)
            .withIdentity("bundle-retention", "bundles")
            .storeDurably()
            .build();
    quartz.scheduleJob(
        job,
        Set.of(
            TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(job)
                .startNow()
                .withSchedule(
                    SimpleScheduleBuilder.repeatHourlyForever(24)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build()),
        true);
  }

  /**
   * @return how many bundles were deleted
   */
  public int deleteExpired() {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(retention);
    int deleted = 0;
    try (Stream<Path> bundles = Files.list(directory)) {
      for (Path bundle : bundles.toList()) {
        if (Files.getLastModifiedTime(bundle).toInstant().isBefore(cutoff)) {
          deleteTree(bundle);
          deleted++;
        }
      }
    } catch (IOException e) {
      log.warn("bundle retention: cannot list {}: {}", directory, e.toString());
    }
    return deleted;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
