package ca.gc.fsdh.bot.migration.spi;

/**
 * One direct grant of an object permission, as the importer replays it.
 *
 * @param principalType {@code user_name}, {@code group_name} or {@code service_principal_name} (the
 *     field names of the permissions API)
 */
public record PermissionGrant(String principalType, String principal, String level) {}
