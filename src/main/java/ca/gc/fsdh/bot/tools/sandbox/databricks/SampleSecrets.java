package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Databricks-backed scopes with keys, values and ACLs (one binary value, one accented), the Key
 * Vault-backed {@code datahub} scope FSDH uses, and the workspace's mounts and DBFS files.
 */
final class SampleSecrets {
  private static final String[] SCOPES = {
    "projet-hydro",
    "api-meteo",
    "bd-oracle",
    "stockage-lac",
    "analyse-sante",
    "peches-ocean",
    "forets-inventaire",
    "climat-modeles",
    "qualite-air",
    "tableaux-bord"
  };
  private static final String[] KEYS = {
    "mot-de-passe-bd",
    "jeton-api",
    "cle-stockage",
    "chaine-connexion",
    "client-secret",
    "utilisateur-bd"
  };

  private SampleSecrets() {}

  static void seed(WorkspaceState state, SampleSpec spec, List<String> users) {
    SecretStore store = state.secrets();
    Random random = new Random(spec.seed() * 7 + 3);
    for (int s = 0; s < spec.scopes(); s++) {
      String scope =
          SCOPES[s % SCOPES.length] + (s < SCOPES.length ? "" : "-" + (s / SCOPES.length));
      store.createScope(
          new SecretScope(scope, SecretScope.DATABRICKS, null, null), state.currentUser());
      for (int k = 0; k < spec.keysPerScope(); k++) {
        String key = KEYS[k % KEYS.length] + (k < KEYS.length ? "" : "-" + (k / KEYS.length));
        store.put(scope, key, value(random, s, k));
      }
      store.putAcl(scope, users.get(s % users.size()), "MANAGE");
      store.putAcl(scope, "analystes-" + scope, s % 2 == 0 ? "READ" : "WRITE");
      if (s % 3 == 0) {
        store.putAcl(scope, "users", "READ");
      }
    }
    store.createScope(
        new SecretScope(
            SampleWorkspace.KEY_VAULT_SCOPE,
            SecretScope.AZURE_KEYVAULT,
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/fsdh-poc/providers/"
                + "Microsoft.KeyVault/vaults/fsdh-poc-kv",
            "https://fsdh-poc-kv.vault.azure.net/"),
        state.currentUser());
    store.put(
        SampleWorkspace.KEY_VAULT_SCOPE,
        "cle-stockage-datalake",
        ("kv-" + random.nextLong()).getBytes(StandardCharsets.UTF_8));
    store.put(
        SampleWorkspace.KEY_VAULT_SCOPE,
        "mot-de-passe-sql",
        ("kv-" + random.nextLong()).getBytes(StandardCharsets.UTF_8));
    store.putAcl(SampleWorkspace.KEY_VAULT_SCOPE, "users", "READ");

    DbfsStore dbfs = state.dbfs();
    dbfs.addMount(new Mount("/", "DatabricksRoot", "sse-s3"));
    dbfs.addMount(new Mount("/databricks-datasets", "databricks-datasets", "sse-s3"));
    dbfs.addMount(
        new Mount(
            "/mnt/donnees-brutes", "abfss://brutes@fsdhpocstorage.dfs.core.windows.net/", ""));
    dbfs.addMount(
        new Mount(
            "/mnt/résultats", "abfss://resultats@fsdhpocstorage.dfs.core.windows.net/analyse", ""));
    dbfs.addMount(
        new Mount(
            "/mnt/partage-statcan", "wasbs://partage@statcanpartage.blob.core.windows.net/", ""));
    dbfs.put("/FileStore/jars/pilote-oracle.jar", new byte[] {'P', 'K', 3, 4, 0, 0}, true);
    dbfs.put(
        "/databricks/init-scripts/conda-env.sh",
        ("#!/bin/bash\n/databricks/python/bin/conda env create "
                + "-f /dbfs/FileStore/env/fsdh.yml\n")
            .getBytes(StandardCharsets.UTF_8),
        true);
  }

  private static byte[] value(Random random, int scope, int key) {
    if (scope == 0 && key == 1) {
      byte[] binary = new byte[48];
      random.nextBytes(binary);
      return binary;
    }
    String v =
        (scope == 0 && key == 0 ? "mot de passe é-" : "s3cr3t-")
            + Long.toHexString(random.nextLong())
            + Long.toHexString(random.nextLong());
    return v.getBytes(StandardCharsets.UTF_8);
  }
}
