/**
 * The database and the scheduler on it: the pooled {@code DataSource} with the schema brought up to
 * date by Flyway ({@code Database}, on H2 or PostgreSQL), Quartz's JDBC job store ({@code Quartz})
 * and the jobs the features build by hand ({@code HandBuiltJobs}). May use {@code platform.config}
 * and {@code platform.http} (a database is a readiness check); imports no feature.
 */
package ca.gc.fsdh.bot.platform.database;
