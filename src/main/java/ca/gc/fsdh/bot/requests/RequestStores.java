package ca.gc.fsdh.bot.requests;

import javax.sql.DataSource;

/**
 * The request tables' ports together, for the composition root and tests: the lifecycle, the run
 * leases, plans and results, and the outbox of the Slack messages the changes cause.
 */
public record RequestStores(
    RequestStore requests, RunLeases leases, PlansAndResults plans, Outbox outbox) {

  /** All four on the {@code migration_request} and {@code request_outbox} tables. */
  public static RequestStores jdbc(DataSource dataSource) {
    return new RequestStores(
        new JdbcRequestStore(dataSource),
        new JdbcRunLeases(dataSource),
        new JdbcPlansAndResults(dataSource),
        new JdbcOutbox(dataSource));
  }
}
