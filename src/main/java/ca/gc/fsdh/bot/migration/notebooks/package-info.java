/**
 * Resource module for notebooks, workspace files and folders: exporter, importer, and the layout of
 * workspace paths as bundle files ({@code WorkspaceLayout}). May use {@code migration.spi}, {@code
 * migration.bundle}, {@code migration.mapping} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.notebooks;
