package ca.gc.fsdh.bot.platform.database;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Secret;
import ca.gc.fsdh.bot.platform.http.ReadinessCheck;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The pooled {@link DataSource}, with the schema brought up to date by Flyway before first use. The
 * same migrations ({@code db/migration}) run on H2 (in PostgreSQL mode) and on PostgreSQL.
 */
public final class Database implements AutoCloseable, ReadinessCheck {
  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Opens the pool and migrates the schema; fails fast when the database cannot be reached. */
  public static Database open(DatabaseSettings settings) {
    var hikari = new HikariConfig();
    hikari.setJdbcUrl(closedByTheBot(safeFromInterrupts(settings.url())));
    settings.user().ifPresent(hikari::setUsername);
    settings.password().map(Secret::value).ifPresent(hikari::setPassword);
    hikari.setPoolName("fsdh");
    // Every Slack request touches the database before its ack; Quartz and runs use it too.
    hikari.setMaximumPoolSize(20);
    hikari.setConnectionTimeout(10_000);
    var dataSource = new HikariDataSource(hikari);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource);
  }

  /**
   * An H2 URL without H2's own closing at JVM exit. H2 closes an embedded database from a shutdown
   * hook of its own, which runs beside the bot's ({@code serve} stops the bot from a hook): Quartz,
   * waiting for a running job to finish, and that job then found the database closed under them and
   * logged errors with stack traces. The bot closes its pool itself, after everything else stopped.
   * A URL that sets {@code DB_CLOSE_ON_EXIT} keeps its own choice.
   */
  static String closedByTheBot(String url) {
    if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
      return url;
    }
    return url + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * An embedded H2 file opened through H2's {@code async:} file system. H2's default file system
   * uses a {@code FileChannel}, which the JDK closes when a thread is interrupted during a read or
   * a write ({@code ClosedByInterruptException}): the whole database then fails for every thread,
   * and what was not yet written is lost. The bot interrupts its own threads when it stops a run's
   * heartbeat or an executor; measured with a writer interrupted 50 times, a {@code file:} database
   * lost every row after reopening. {@code async:} ({@code FilePathAsync}, an {@code
   * AsynchronousFileChannel}) is not closed by an interrupt and keeps the thread's interrupt flag,
   * unlike {@code retry:}, which clears it. In-memory, server and already-prefixed URLs are kept.
   */
  static String safeFromInterrupts(String url) {
    String h2 = "jdbc:h2:";
    if (!url.startsWith(h2)) {
      return url;
    }
    String name = url.substring(h2.length());
    if (name.startsWith("file:")) {
      return h2 + "async:" + name.substring("file:".length());
    }
    boolean plainPath =
        name.startsWith("./")
            || name.startsWith("../")
            || name.startsWith("/")
            || name.startsWith("~");
    return plainPath ? h2 + "async:" + name : url;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public boolean ready() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
