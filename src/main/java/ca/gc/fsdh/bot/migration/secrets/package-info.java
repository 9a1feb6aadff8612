/**
 * Resource module for secret scopes: exporter and importer, and where secret values go and come
 * from: in memory for a migration, encrypted to the lead's OpenPGP key for an offboarding. Values
 * never reach a log, a report or a plain file. May use {@code migration.spi}, {@code
 * migration.compute}, {@code migration.bundle}, {@code migration.mapping} and {@code
 * migration.item}.
 */
package ca.gc.fsdh.bot.migration.secrets;
