/**
 * Running things on a workspace's compute: Python on a cluster through the command execution API
 * ({@code ClusterCommands}), SQL on a warehouse through the statement execution API ({@code
 * WarehouseSql}), and the one-read checks of the cluster and warehouse ids an export is given
 * ({@code OptionCheck}). May use {@code migration.spi} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.compute;
