/**
 * The core's command line ({@code plan}, {@code export}, {@code import}, {@code verify}, {@code
 * migrate}, {@code offboard}): picocli commands, the checks made before any call ({@code
 * Preflight}) and the console progress. May use every {@code migration} package.
 */
package ca.gc.fsdh.bot.migration.cli;
