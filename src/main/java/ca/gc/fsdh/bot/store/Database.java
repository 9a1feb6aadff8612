package ca.gc.fsdh.bot.store;

import ca.gc.fsdh.bot.config.DatabaseSettings;
import ca.gc.fsdh.bot.config.Secret;
import ca.gc.fsdh.bot.http.ReadinessCheck;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
    hikari.setJdbcUrl(settings.url());
    settings.user().ifPresent(hikari::setUsername);
    settings.password().map(Secret::value).ifPresent(hikari::setPassword);
    hikari.setPoolName("fsdh");
    // Every Slack request touches the database before its ack; Quartz and runs use it too.
    hikari.setMaximumPoolSize(20);
    hikari.setConnectionTimeout(10_000);
    var dataSource = new HikariDataSource(hikari);
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource);
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
