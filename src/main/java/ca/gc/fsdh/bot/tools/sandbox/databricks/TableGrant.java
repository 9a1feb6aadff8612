package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * One legacy table ACL entry (hive_metastore) as {@code SHOW GRANTS} prints it: ObjectType is
 * {@code CATALOG$}, {@code DATABASE}, {@code TABLE} (views too), {@code ANY_FILE} or {@code
 * ANONYMOUS_FUNCTION}; a DENY shows as {@code DENIED_<privilege>}; ownership as {@code OWN}.
 */
public record TableGrant(
    String principal, String actionType, String objectType, String objectKey) {}
