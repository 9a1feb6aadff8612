/**
 * Resource module for table ACLs: {@code SHOW GRANTS} read on a POC warehouse and replayed on a
 * PROD one ({@code Grant} parses and writes each key form), or translated into Unity Catalog
 * privileges ({@code UcTranslation}) and replayed through the grants API ({@code UcGrantReplay}).
 * May use {@code migration.spi}, {@code migration.compute}, {@code migration.bundle}, {@code
 * migration.mapping}, {@code migration.target} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.tableacls;
