package ca.gc.fsdh.bot.platform.database;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Secret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.slf4j.LoggerFactory;

/**
 * Run by {@link QuartzShutdownTest} in a JVM of its own: the process is told to exit while a Quartz
 * job that uses the database runs, and its shutdown hook stops as {@code serve} stops the bot
 * (Quartz waits for running jobs, then the pool closes). Arguments: JDBC URL [user password].
 */
public final class ExitWhileAJobRuns {
  static final String JOB_DONE = "the job finished its database work";

  private ExitWhileAJobRuns() {}

  public static void main(String[] args) throws Exception {
    var settings =
        new DatabaseSettings(
            args[0],
            Optional.ofNullable(args.length > 1 ? args[1] : null),
            Optional.ofNullable(args.length > 2 ? new Secret("password", args[2]) : null));
    Database db = Database.open(settings);
    var started = new CountDownLatch(1);
    var jobs = new HandBuiltJobs().register(SlowJob.class, new SlowJob(db, started));
    Scheduler quartz = Quartz.create(db.dataSource(), settings.isPostgres(), jobs, 1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    quartz.shutdown(true);
                  } catch (Exception e) {
                    LoggerFactory.getLogger(ExitWhileAJobRuns.class)
                        .warn("unclean shutdown: {}", e.toString());
                  } finally {
                    db.close();
                  }
                },
                "fsdh-shutdown"));
    quartz.start();
    quartz.scheduleJob(
        JobBuilder.newJob(SlowJob.class).withIdentity("slow").build(),
        TriggerBuilder.newTrigger().withIdentity("slow").startNow().build());
    started.await();
    System.exit(0);
  }

  /** Is in the middle of its database work (a connection open) when the process is told to exit. */
  record SlowJob(Database db, CountDownLatch started) implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO audit_log (at, actor, action, outcome) VALUES (CURRENT_TIMESTAMP, 'system', 'test.slow-job', 'ok')")) {
        started.countDown();
        Thread.sleep(500);
        s.executeUpdate();
        LoggerFactory.getLogger(SlowJob.class).info(JOB_DONE);
      } catch (Exception e) {
        throw new JobExecutionException(e);
      }
    }
  }
}
