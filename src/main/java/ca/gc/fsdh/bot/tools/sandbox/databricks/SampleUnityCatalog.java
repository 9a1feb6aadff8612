package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Unity Catalog PROD for a POC seeded by {@link SampleWorkspace}: a metastore whose default
 * catalog is the workspace catalog {@link SampleProd#PROD_CATALOG}, one schema per POC database
 * holding the POC's tables and views (all but one: {@link SampleProd.UcTarget#missingTable()}), a
 * schema for registered models, and the account-level principals the metastore resolves: every POC
 * user but one, who is known in PROD under another name, the POC's groups but one, which PROD only
 * has as a workspace-local group (so its grants cannot carry over), a service principal, and the
 * built-in {@code account users}. {@code admins}, {@code users} and {@code stagiaires} are
 * workspace-local.
 */
final class SampleUnityCatalog {
  /**
   * Groups every workspace has locally (terraform-provider-databricks #5413 for {@code admins}).
   */
  private static final Set<String> LOCAL = Set.of("admins", "users", "stagiaires");

  private SampleUnityCatalog() {}

  static SampleProd.UcTarget seed(WorkspaceState poc, WorkspaceState prod, UnityCatalog.Mode mode) {
    UnityCatalog uc = prod.unityCatalog().enable(mode, SampleProd.PROD_CATALOG);
    String renamed = SampleProd.renamedUser(poc);
    Set<String> users = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    for (TableGrant g : poc.tables().all()) {
      (g.principal().contains("@") ? users : groups).add(g.principal());
    }
    poc.workspace()
        .children("/Users")
        .forEach(o -> users.add(o.path().substring("/Users/".length())));
    users.remove(renamed);
    users.forEach(uc::addUser);
    uc.addUser(SampleProd.RENAMED_USER_TO).addServicePrincipal(SampleProd.PROD_SERVICE_PRINCIPAL);
    String local = localGroup(poc, groups);
    for (String g : groups) {
      if (LOCAL.contains(g) || g.equals(local)) {
        uc.addWorkspaceGroup(g);
      } else {
        uc.addGroup(g);
      }
    }
    LOCAL.forEach(uc::addWorkspaceGroup);
    // the groups with model permissions only are account groups (synced from Entra ID), so a
    // model's grants carry over into UC
    for (RegisteredModel m : poc.models().models()) {
      for (AclEntry e : poc.permissions().direct("registered-models", m.id())) {
        String g = e.principal();
        if (e.principalField().equals("group_name")
            && !g.equals("admins")
            && !groups.contains(g)
            && !LOCAL.contains(g)) {
          uc.addGroup(g);
        }
      }
    }
    String missing = missingTable(poc);
    for (String db : poc.tables().databases()) {
      uc.createSchema(SampleProd.PROD_CATALOG, db, prod.currentUser());
      poc.tables()
          .tables(db)
          .forEach((t, kind) -> {
            if (!(db + "." + t).equals(missing)) {
              uc.createTable(
                  SampleProd.PROD_CATALOG, db, t, kind.equals("VIEW"), prod.currentUser());
            }
          });
    }
    uc.createSchema(SampleProd.PROD_CATALOG, SampleProd.PROD_MODEL_SCHEMA, prod.currentUser());
    return new SampleProd.UcTarget(
        mode,
        SampleProd.PROD_CATALOG,
        SampleProd.PROD_MODEL_SCHEMA,
        renamed,
        SampleProd.RENAMED_USER_TO,
        local,
        SampleProd.PROD_CATALOG + "." + missing,
        SampleProd.PROD_SERVICE_PRINCIPAL);
  }

  /**
   * The first POC group (by name) that holds a plain grant on a table: PROD has it only locally.
   */
  private static String localGroup(WorkspaceState poc, Set<String> groups) {
    return poc.tables().all().stream()
        .filter(g ->
            groups.contains(g.principal())
                && !LOCAL.contains(g.principal())
                && g.objectType().equals("TABLE")
                && !g.actionType().equals("OWN")
                && !g.actionType().startsWith("DENIED_"))
        .map(TableGrant::principal)
        .min(Comparator.naturalOrder())
        .orElseThrow(
            () -> new IllegalStateException("the POC sample has no group grant on a table"));
  }

  /** The first POC table (by key) with a plain grant: its grants cannot land in PROD. */
  private static String missingTable(WorkspaceState poc) {
    List<String> keys =
        poc.tables().all().stream()
            .filter(g ->
                g.objectType().equals("TABLE")
                    && !g.actionType().equals("OWN")
                    && !g.actionType().startsWith("DENIED_"))
            .map(TableGrant::objectKey)
            .sorted()
            .toList();
    if (keys.isEmpty()) {
      throw new IllegalStateException("the POC sample has no grant on a table");
    }
    return keys.getFirst();
  }
}
