package ca.gc.fsdh.bot.requests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The few JDBC moves the request tables' stores share: a transaction, a one-row conditional UPDATE,
 * a query through a row mapper, with positional arguments. A failure becomes an {@link
 * IllegalStateException} naming what was touched ({@code what}).
 */
final class Jdbc {
  /** SQLSTATE of a unique constraint refused (H2 and PostgreSQL alike). */
  static final String UNIQUE_VIOLATION = "23505";

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  interface Row<T> {
    T read(ResultSet r) throws SQLException;
  }

  private final DataSource dataSource;
  private final String what;

  Jdbc(DataSource dataSource, String what) {
    this.dataSource = dataSource;
    this.what = what;
  }

  /** Runs {@code work} in one transaction, rolled back on any failure. */
  <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** True only if the statement changed exactly one row (a conditional UPDATE that won). */
  static boolean execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * {@link #execute} on a connection of its own; a unique constraint refused is a lost race
   * (false), e.g. a retry while the workspace already has another active request.
   */
  boolean update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return execute(c, sql, args);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException("cannot update " + what, e);
    }
  }

  <T> List<T> query(Row<T> row, String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<T> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row.read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + what, e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
