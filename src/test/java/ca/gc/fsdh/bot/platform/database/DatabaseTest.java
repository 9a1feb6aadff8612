package ca.gc.fsdh.bot.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {
  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void migratesTheSchemaAndReportsReady(TestDatabases.Kind kind) throws Exception {
    try (Database db = Database.open(kind.fresh())) {
      assertThat(db.ready()).isTrue();
      try (Connection c = db.dataSource().getConnection();
          ResultSet r =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM flyway_schema_history WHERE success = TRUE")) {
        r.next();
        assertThat(r.getInt(1)).isGreaterThanOrEqualTo(1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void reopeningAnUpToDateDatabaseAppliesNothingTwice(TestDatabases.Kind kind) throws Exception {
    DatabaseSettings settings =
        kind == TestDatabases.Kind.H2 ? TestDatabases.h2() : TestDatabases.postgres();
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
    var settings =
        new DatabaseSettings(
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1",
            Optional.of("x"),
            Optional.empty());
    assertThatThrownBy(() -> Database.open(settings)).isInstanceOf(RuntimeException.class);
  }

  private static int migrations(Database db) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet r =
            c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void anH2UrlLeavesClosingToTheBotUnlessItChoseItself() {
    assertThat(Database.closedByTheBot("jdbc:h2:file:./data/fsdh;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:./data/fsdh;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(Database.closedByTheBot("jdbc:h2:file:./x;db_close_on_exit=true"))
        .endsWith("db_close_on_exit=true");
    assertThat(Database.closedByTheBot("jdbc:postgresql://db:5432/fsdh"))
        .isEqualTo("jdbc:postgresql://db:5432/fsdh");
  }
}
