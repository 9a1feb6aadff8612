package ca.gc.fsdh.bot.requests;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link PlansAndResults} in the {@code plan} and {@code result} columns of a request. */
public final class JdbcPlansAndResults implements PlansAndResults {
  private final RequestTable table;

  public JdbcPlansAndResults(DataSource dataSource) {
    this.table = new RequestTable(dataSource);
  }

  @Override
  public void setPlan(long id, String plan, Instant now) {
    try {
      table.jdbc.inTransaction(c -> {
        if (Jdbc.execute(c, "UPDATE migration_request SET plan = ? WHERE id = ?", plan, id)) {
          OutboxRows.append(
              c,
              id,
              RequestTable.currentState(c, id),
              now,
              Optional.empty(),
              MessageKind.APPROVAL_UPDATE);
        }
        return null;
      });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the plan of request " + id, e);
    }
  }

  @Override
  public Optional<String> plan(long id) {
    return table.column("plan", id);
  }

  @Override
  public Optional<StoredResult> result(long id) {
    return table.column("result", id).map(StoredResultJson::read);
  }
}
