/**
 * The core's command line ({@code plan}, {@code export}, {@code import}, {@code verify}, {@code
 * migrate}, {@code offboard}): picocli commands, the options they share as picocli mixins (declared
 * once: {@code WorkspaceConnection}, {@code BundleInput}, {@code TypesOption}...), the checks made
 * before any call ({@code Preflight}) and the console progress. May use every {@code migration}
 * package.
 */
package ca.gc.fsdh.bot.migration.cli;
