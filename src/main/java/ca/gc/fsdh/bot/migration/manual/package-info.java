/**
 * What cannot be moved and must be recreated by hand (clusters, instance pools, policies, global
 * init scripts, mounts, jobs on all-purpose clusters, workspace libraries): read from the workspace
 * and written with its configuration to the bundle's {@code manual/} folder. May use the resource
 * modules' helpers ({@code migration.notebooks}, {@code migration.jobs}), {@code
 * migration.compute}, {@code migration.spi} and {@code migration.bundle}.
 */
package ca.gc.fsdh.bot.migration.manual;
