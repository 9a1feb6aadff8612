package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * One direct entry of an object's access control list. {@code principalField} is the JSON field
 * naming the principal: {@code user_name}, {@code group_name} or {@code service_principal_name}.
 */
public record AclEntry(String principalField, String principal, String level) {
  public static AclEntry user(String name, String level) {
    return new AclEntry("user_name", name, level);
  }

  public static AclEntry group(String name, String level) {
    return new AclEntry("group_name", name, level);
  }
}
