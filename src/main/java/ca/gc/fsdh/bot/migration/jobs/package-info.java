/**
 * Resource module for jobs: exporter, importer, the mapping of a job's settings to PROD ({@code
 * JobSettingsMapper}) and what a job references ({@code JobReferences}). May use {@code
 * migration.spi}, {@code migration.bundle}, {@code migration.mapping} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.jobs;
