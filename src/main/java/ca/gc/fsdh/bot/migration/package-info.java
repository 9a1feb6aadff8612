/**
 * The migration core's entry point and results: {@code CoreMigration} (migrate: export, import and
 * verify; offboard: export and package), {@code WorkspaceExport}, {@code WorkspaceImport}, the
 * import result and its text. The core knows nothing of Slack or of the bot: it runs the same from
 * the command line ({@code migration.cli}) and from a request. May use every {@code migration}
 * package; {@code ArchitectureTest} forbids it everything of the bot outside {@code migration}.
 */
package ca.gc.fsdh.bot.migration;
