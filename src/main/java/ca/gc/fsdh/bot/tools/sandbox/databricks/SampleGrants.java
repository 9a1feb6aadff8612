package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.List;

/**
 * Databases, tables and views with grants on every securable kind (CATALOG, DATABASE, TABLE, VIEW,
 * ANY FILE, ANONYMOUS FUNCTION), some DENY, and owners: {@code spec.grants()} entries in all.
 */
final class SampleGrants {
  private static final String[] DBS = {"hydrometrie", "climat", "sante", "peches", "forets", "air"};
  private static final String[] PRIVS = {"SELECT", "READ_METADATA", "MODIFY", "USAGE", "CREATE"};

  private SampleGrants() {}

  static void seed(TableAclStore store, SampleSpec spec, List<String> users) {
    if (spec.grants() == 0) {
      return;
    }
    int tablesPerDb = Math.max(2, spec.grants() / 40);
    for (String db : DBS) {
      store.createDatabase(db);
      for (int t = 0; t < tablesPerDb; t++) {
        store.createTable(db, (t % 4 == 3 ? "vue_" : "table_") + t, t % 4 == 3);
      }
    }
    store.grant("users", "USAGE", "CATALOG$", "", false);
    store.grant("admins", "SELECT", "ANY_FILE", "", false);
    store.grant("ingenieurs-donnees", "SELECT", "ANONYMOUS_FUNCTION", "", false);
    store.grant("stagiaires", "SELECT", "ANY_FILE", "", true);
    // a group whose name needs back-quotes in a statement
    store.grant("Équipe « eau » d'été", "USAGE", "DATABASE", DBS[0], false);
    int made = 5;
    for (int i = 0; made < spec.grants(); i++) {
      String db = DBS[i % DBS.length];
      String table =
          db
              + "."
              + ((i / DBS.length) % tablesPerDb % 4 == 3 ? "vue_" : "table_")
              + (i / DBS.length) % tablesPerDb;
      String principal = i % 3 == 0 ? users.get(i % users.size()) : "analystes-" + db;
      switch (i % 5) {
        case 0 -> store.grant(principal, "USAGE", "DATABASE", db, false);
        case 1 -> store.setOwner("TABLE", table, users.get(i % users.size()));
        case 2 -> store.grant("stagiaires", "MODIFY", "TABLE", table, true);
        case 3 -> store.setOwner("DATABASE", db, users.get((i + 1) % users.size()));
        // more teams than databases, so that a large sample reaches its grant count (500)
        default ->
            store.grant(
                i % 2 == 0 ? principal : "equipe-" + (i % 13),
                PRIVS[i % PRIVS.length],
                "TABLE",
                table,
                false);
      }
      made = store.all().size();
      if (i > spec.grants() * 20) {
        break; // every distinct combination is used
      }
    }
  }
}
