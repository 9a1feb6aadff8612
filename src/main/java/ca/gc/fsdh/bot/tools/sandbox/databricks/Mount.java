package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * A DBFS mount, as {@code dbutils.fs.mounts()} describes it. Mounts cannot be migrated, only
 * listed.
 */
public record Mount(String mountPoint, String source, String encryptionType) {}
