package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Direct object permissions, keyed by the API's request type and id ({@code notebooks/123}, {@code
 * jobs/7}, {@code registered-models/ab12}). Inherited entries are computed by {@link
 * PermissionsRoutes} from the folders above an object.
 */
public final class PermissionStore {
  private final Map<String, List<AclEntry>> direct = new ConcurrentHashMap<>();

  public List<AclEntry> direct(String type, String id) {
    return List.copyOf(direct.getOrDefault(type + "/" + id, List.of()));
  }

  /** Replaces the direct entries (PUT). */
  public void set(String type, String id, List<AclEntry> entries) {
    direct.put(type + "/" + id, List.copyOf(entries));
  }

  /** Adds or changes entries, one level per principal (PATCH). */
  public synchronized void update(String type, String id, List<AclEntry> entries) {
    List<AclEntry> merged = new ArrayList<>(direct(type, id));
    for (AclEntry e : entries) {
      merged.removeIf(old ->
          old.principal().equals(e.principal()) && old.principalField().equals(e.principalField()));
      merged.add(e);
    }
    set(type, id, merged);
  }
}
