/**
 * Verification: compares what arrived in the target with the bundle, per item and per type, with
 * the mapping applied; a verification that could compare nothing says so. May use every resource
 * module, {@code migration.compute}, {@code migration.spi}, {@code migration.mapping}, {@code
 * migration.bundle} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.verify;
