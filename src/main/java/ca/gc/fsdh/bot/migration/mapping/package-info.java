/**
 * The import mapping: how principals, paths and clusters of POC are renamed for PROD ({@code
 * MappingFile}, {@code Mapping}), and the compute on each side that jobs are mapped between. May
 * use {@code migration.bundle}.
 */
package ca.gc.fsdh.bot.migration.mapping;
