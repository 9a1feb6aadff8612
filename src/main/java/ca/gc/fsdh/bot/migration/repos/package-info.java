/**
 * Resource module for Repos (Git folders): exporter and importer, with their Git coordinates and
 * permissions. May use {@code migration.spi}, {@code migration.bundle}, {@code migration.mapping}
 * and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.repos;
