/**
 * Resource module for ML models (the workspace model registry): exporter and importer, with
 * versions, stages, tags and artifacts. May use {@code migration.spi}, {@code migration.bundle},
 * {@code migration.mapping} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.models;
