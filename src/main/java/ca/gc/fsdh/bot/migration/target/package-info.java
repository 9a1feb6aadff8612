/**
 * What the PROD workspace keeps its tables in: whether a Unity Catalog metastore is assigned, its
 * default catalog and whether the legacy {@code hive_metastore} catalog exists ({@code
 * TargetCatalogs}, read by {@code TargetCatalogsReader}). The plan, the table-ACL importer and
 * verify decide from it where grants land. Uses only the Databricks SDK; imports no other package
 * of the bot.
 */
package ca.gc.fsdh.bot.migration.target;
