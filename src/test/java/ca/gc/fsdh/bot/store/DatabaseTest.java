package ca.gc.fsdh.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.config.DatabaseSettings;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DatabaseTest {
  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void migratesTheSchemaAndReportsReady(TestDatabases.Kind kind) throws Exception {
    try (Database db = Database.open(kind.fresh())) {
      assertThat(db.ready()).isTrue();
      try (Connection c = db.dataSource().getConnection();
          ResultSet r = c.createStatement().executeQuery(
              "SELECT count(*) FROM flyway_schema_history WHERE success = TRUE")) {
        r.next();
        assertThat(r.getInt(1)).isGreaterThanOrEqualTo(1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void reopeningAnUpToDateDatabaseAppliesNothingTwice(TestDatabases.Kind kind) throws Exception {
    DatabaseSettings settings = kind == TestDatabases.Kind.H2 ? TestDatabases.h2() : TestDatabases.postgres();
    int first;
    try (Database db = Database.open(settings)) {
      first = migrations(db);
    }
    try (Database db = Database.open(settings)) {
      assertThat(migrations(db)).isEqualTo(first);
    }
  }

  @Test
  void anUnreachableDatabaseFailsAtOpen() {
    var settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1",
        Optional.of("x"), Optional.empty());
    assertThatThrownBy(() -> Database.open(settings)).isInstanceOf(RuntimeException.class);
  }

  private static int migrations(Database db) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history")) {
      r.next();
      return r.getInt(1);
    }
  }
}
