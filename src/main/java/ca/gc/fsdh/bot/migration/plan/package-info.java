/**
 * The plan: what an export would move, what it cannot and what must be recreated by hand, from list
 * calls only, with the export time at the rate limits. May use the resource modules, {@code
 * migration.manual}, {@code migration.client}, {@code migration.spi} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.plan;
