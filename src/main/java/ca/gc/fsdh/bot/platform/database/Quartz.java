package ca.gc.fsdh.bot.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Builds a Quartz {@link Scheduler} on the bot's own {@link DataSource}, with the JDBC job store
 * whose tables Flyway creates ({@code V10__quartz.sql}). Created in standby: call {@code start()}.
 *
 * <p>PostgreSQL gets {@link PostgreSQLDelegate} (the standard delegate cannot read BYTEA there and
 * then no job ever fires) and clustering, so that several bot instances share the triggers and each
 * fires once. H2 is single-node, with the standard delegate. JobDataMap values must be strings
 * ({@code useProperties}).
 *
 * <p>Every instance uses the one scheduler name {@link #SCHEDULER_NAME} (Quartz's SCHED_NAME
 * column: instances with the same name share their triggers). Quartz also keeps a JVM-wide registry
 * of schedulers by name and would hand the first instance back to a second factory: each new
 * scheduler is taken out of that registry, so that tests and the benchmark can run two instances in
 * one JVM.
 */
public final class Quartz {
  public static final String SCHEDULER_NAME = "fsdh";

  private Quartz() {}

  /**
   * @param jobs builds job instances by hand (see Wiring); Quartz's default needs no-arg classes
   * @param threads worker threads of this instance
   */
  public static synchronized Scheduler create(
      DataSource dataSource, boolean postgres, JobFactory jobs, int threads)
      throws SchedulerException {
    String instance =
        SCHEDULER_NAME + "-" + UUID.randomUUID(); // this instance's connection provider
    DBConnectionManager.getInstance()
        .addConnectionProvider(instance, new PooledConnections(dataSource));
    var p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, postgres ? "AUTO" : "single");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "fsdh-quartz");
    p.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
    p.setProperty("org.quartz.jobStore.dataSource", instance);
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        (postgres ? PostgreSQLDelegate.class : StdJDBCDelegate.class).getName());
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(postgres));
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    var factory = new StdSchedulerFactory(p);
    Scheduler scheduler = factory.getScheduler();
    SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
    scheduler.setJobFactory(jobs);
    return scheduler;
  }

  /** Hands Quartz connections from the bot's pool; the pool, not Quartz, closes them for good. */
  private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
  }
}
