package ca.gc.fsdh.bot.migration.models;

import com.databricks.sdk.service.catalog.Privilege;
import java.util.List;

/**
 * Workspace-registry permission levels as Unity Catalog privileges on the model (UC grants models
 * on securable type {@code function}: "The securable type for models is FUNCTION", SDK 0.141 {@code
 * RegisteredModelsAPI} javadoc). On a model UC knows {@code EXECUTE} (load and read), {@code
 * APPLY_TAG}, {@code MANAGE} and {@code ALL_PRIVILEGES} (docs.databricks.com "Unity Catalog
 * privileges reference"); moving an alias needs the owner or {@code MANAGE}, and a new version the
 * owner or {@code CREATE MODEL VERSION} on the schema (docs.databricks.com {@code
 * manage-model-lifecycle}).
 *
 * <table>
 *   <tr><th>workspace level</th><th>UC privileges</th></tr>
 *   <tr><td>CAN_READ</td><td>EXECUTE</td></tr>
 *   <tr><td>CAN_EDIT</td><td>EXECUTE, APPLY_TAG</td></tr>
 *   <tr><td>CAN_MANAGE_STAGING_VERSIONS, CAN_MANAGE_PRODUCTION_VERSIONS</td>
 *       <td>EXECUTE, APPLY_TAG (aliases stay with the owner and MANAGE: reported)</td></tr>
 *   <tr><td>CAN_MANAGE</td><td>ALL_PRIVILEGES, MANAGE</td></tr>
 * </table>
 */
public final class ModelGrants {
  /** The UC name of the workspace's built-in {@code users} group. */
  public static final String ACCOUNT_USERS = "account users";

  private ModelGrants() {}

  public static List<Privilege> privileges(String level) {
    return switch (level == null ? "" : level) {
      case "CAN_READ" -> List.of(Privilege.EXECUTE);
      case "CAN_EDIT", "CAN_MANAGE_STAGING_VERSIONS", "CAN_MANAGE_PRODUCTION_VERSIONS" ->
          List.of(Privilege.EXECUTE, Privilege.APPLY_TAG);
      case "CAN_MANAGE" -> List.of(Privilege.ALL_PRIVILEGES, Privilege.MANAGE);
      default -> List.of();
    };
  }

  /** Levels whose stage rights UC keeps with the owner and MANAGE. */
  static boolean movesStages(String level) {
    return "CAN_MANAGE_STAGING_VERSIONS".equals(level)
        || "CAN_MANAGE_PRODUCTION_VERSIONS".equals(level);
  }
}
