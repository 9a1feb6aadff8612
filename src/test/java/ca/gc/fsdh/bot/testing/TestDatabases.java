package ca.gc.fsdh.bot.testing;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The two databases every storage test runs on: H2 in PostgreSQL mode (in memory) and a real
 * PostgreSQL server started once for the whole test run from Maven-provided binaries (no Docker).
 * Each call gives a fresh, empty database.
 *
 * <p>Use as {@code @ParameterizedTest @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")}.
 */
public final class TestDatabases {
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static Stream<Kind> both() {
    return Stream.of(Kind.H2, Kind.POSTGRES);
  }

  public enum Kind {
    H2,
    POSTGRES;

    public DatabaseSettings fresh() {
      return this == H2 ? h2() : TestDatabases.postgres();
    }
  }

  public static DatabaseSettings h2() {
    return new DatabaseSettings(
        "jdbc:h2:mem:"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        Optional.empty(),
        Optional.empty());
  }

  /** A new database on the shared embedded PostgreSQL server. */
  public static synchronized DatabaseSettings postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(() -> {
                  try {
                    postgres.close();
                  } catch (IOException ignored) {
                    // the JVM is exiting
                  }
                }));
      }
      String name = "t" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return new DatabaseSettings(
          postgres.getJdbcUrl("postgres", name),
          Optional.of("postgres"),
          Optional.of(new Secret("FSDH_DB_PASSWORD", "postgres")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
