package ca.gc.fsdh.bot.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void anEmbeddedH2FileIsOpenedThroughTheFileSystemThatSurvivesInterrupts() {
    assertThat(Database.safeFromInterrupts("jdbc:h2:file:./data/fsdh;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:async:./data/fsdh;MODE=PostgreSQL");
    assertThat(Database.safeFromInterrupts("jdbc:h2:/var/fsdh/db"))
        .isEqualTo("jdbc:h2:async:/var/fsdh/db");
    assertThat(Database.safeFromInterrupts("jdbc:h2:~/fsdh")).isEqualTo("jdbc:h2:async:~/fsdh");
    for (String kept :
        List.of(
            "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
            "jdbc:h2:tcp://db:9092/fsdh",
            "jdbc:h2:async:./x",
            "jdbc:h2:nio:./x",
            "jdbc:postgresql://db:5432/fsdh")) {
      assertThat(Database.safeFromInterrupts(kept)).isEqualTo(kept);
    }
  }

  /**
   * The bot interrupts its own threads (a run's heartbeat, executors at stop). A thread whose
   * interrupt flag is set when H2 must read a page from its file must not break the database for
   * every other thread, nor lose what was written.
   */
  @Test
  void aThreadInterruptedWhileH2ReadsItsFileBreaksNothing(@TempDir Path dir) throws Exception {
    // A 1 MB page cache and 5 MB of rows, reopened: a scan must read pages from the file.
    var settings =
        new DatabaseSettings(
            "jdbc:h2:file:"
                + dir.resolve("fsdh")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CACHE_SIZE=1024",
            Optional.empty(),
            Optional.empty());
    int rows = 5_000;
    try (Database db = Database.open(settings);
        Connection c = db.dataSource().getConnection()) {
      c.createStatement().execute("CREATE TABLE scanned (id INT PRIMARY KEY, body VARCHAR(2000))");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO scanned (id, body) VALUES (?, ?)")) {
        for (int i = 0; i < rows; i++) {
          insert.setInt(1, i);
          insert.setString(2, "x".repeat(1_000));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    try (Database db = Database.open(settings)) {
      var failure = new AtomicReference<Throwable>();
      Thread interrupted =
          new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
              count(db, "SELECT count(*) FROM scanned WHERE body LIKE 'x%'");
            } catch (Throwable e) {
              failure.set(e);
            }
          });
      interrupted.start();
      interrupted.join();
      assertThat(failure.get()).isNull();
      try (Connection c = db.dataSource().getConnection()) {
        c.createStatement().execute("INSERT INTO scanned (id, body) VALUES (-1, 'after')");
      }
      assertThat(count(db, "SELECT count(*) FROM scanned WHERE body LIKE 'x%'")).isEqualTo(rows);
    }
    try (Database db = Database.open(settings)) {
      assertThat(count(db, "SELECT count(*) FROM scanned WHERE body LIKE '%'")).isEqualTo(rows + 1);
    }
  }

  private static int count(Database db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }
}
