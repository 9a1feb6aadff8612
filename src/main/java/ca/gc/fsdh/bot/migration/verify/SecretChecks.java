package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.compute.ClusterCommands;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.secrets.KeyList;
import ca.gc.fsdh.bot.migration.secrets.SecretReadCommand;
import ca.gc.fsdh.bot.migration.secrets.SecretScopeItem;
import com.databricks.sdk.service.workspace.AclItem;
import com.databricks.sdk.service.workspace.ScopeBackendType;
import com.databricks.sdk.service.workspace.SecretMetadata;
import com.databricks.sdk.service.workspace.SecretScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret scopes: backend and vault, keys, ACLs, and values when the expected values are at hand and
 * a target cluster can read them back. Values are compared in memory and never printed: a
 * difference names the key only.
 */
final class SecretChecks implements Verifier.TypeCheck {
  private final Map<String, SecretScope> scopes = new ConcurrentHashMap<>();

  @Override
  public ResourceType type() {
    return ResourceType.SECRETS;
  }

  @Override
  public void prepare(Verifier.Run run) {
    for (SecretScope s : run.target().secrets().listScopes()) scopes.put(s.getName(), s);
  }

  @Override
  public void check(Verifier.Run run, JournalEntry e) {
    SecretScopeItem item = Verifier.record(e, SecretScopeItem.class);
    run.check(
        "secrets",
        item.name(),
        item.name(),
        () -> {
          SecretScope s = scopes.get(item.name());
          if (s == null) return ItemCheck.missing("secrets", item.name(), "scope " + item.name());
          var diffs = new ArrayList<String>();
          boolean keyVault = "AZURE_KEYVAULT".equals(item.backend());
          if (keyVault != (s.getBackendType() == ScopeBackendType.AZURE_KEYVAULT))
            diffs.add("backend " + s.getBackendType() + ", expected " + item.backend());
          if (keyVault) {
            var vault =
                run.mapping()
                    .keyVault(
                        item.name(), item.keyVault() == null ? null : item.keyVault().dnsName());
            String actual =
                s.getKeyvaultMetadata() == null ? null : s.getKeyvaultMetadata().getDnsName();
            if (vault.isPresent() && !Objects.equals(vault.get().dnsName(), actual))
              diffs.add("points at vault " + actual + ", expected " + vault.get().dnsName());
            compareAcls(run, item, diffs);
            return ItemCheck.of("secrets", item.name(), "scope " + item.name(), diffs);
          }
          var keys = new TreeSet<String>();
          for (SecretMetadata m : run.target().secrets().listSecrets(item.name()))
            keys.add(m.getKey());
          var expectedKeys =
              new TreeSet<String>(item.keys().stream().map(SecretScopeItem.Key::key).toList());
          if (!keys.equals(expectedKeys)) {
            // a key exists only with a value: without migrated values the keys are work left to the
            // lead
            if (keys.isEmpty() && !hasExpectedValues(run, item.name(), expectedKeys)) {
              return new ItemCheck(
                  "secrets",
                  item.name(),
                  "scope " + item.name(),
                  ItemCheck.Status.PARTLY_CHECKED,
                  List.of(
                      "scope present; its "
                          + expectedKeys.size()
                          + " key(s) were not created because their values"
                          + " were not migrated (to do by hand: "
                          + KeyList.of(expectedKeys)
                          + ")"));
            }
            var missing = new TreeSet<>(expectedKeys);
            missing.removeAll(keys);
            var extra = new TreeSet<>(keys);
            extra.removeAll(expectedKeys);
            if (!missing.isEmpty())
              diffs.add(missing.size() + " key(s) missing: " + KeyList.of(missing));
            if (!extra.isEmpty())
              diffs.add(extra.size() + " key(s) not in the bundle: " + KeyList.of(extra));
          }
          compareAcls(run, item, diffs);
          if (!diffs.isEmpty() || expectedKeys.isEmpty())
            return ItemCheck.of("secrets", item.name(), "scope " + item.name(), diffs);
          return values(run, item, new ArrayList<>(expectedKeys), diffs);
        });
  }

  private static void compareAcls(Verifier.Run run, SecretScopeItem item, List<String> diffs) {
    var acls = new HashMap<String, String>();
    for (AclItem a : run.target().secrets().listAcls(item.name()))
      acls.put(a.getPrincipal(), String.valueOf(a.getPermission()));
    for (var a : item.acls()) {
      String p = run.mapping().principal(a.principal());
      if (!a.permission().equals(acls.get(p)))
        diffs.add("ACL " + a.permission() + " for " + p + " is " + acls.get(p));
    }
  }

  private static boolean hasExpectedValues(Verifier.Run run, String scope, TreeSet<String> keys)
      throws Exception {
    var found = run.options().expectedValues().values(scope, new ArrayList<>(keys));
    found.ifPresent(
        m -> m.values().forEach(b -> Arrays.fill(b, (byte) 0))); // only asked whether there are any
    return found.isPresent();
  }

  private ItemCheck values(
      Verifier.Run run, SecretScopeItem item, List<String> keys, ArrayList<String> diffs)
      throws Exception {
    var expected = run.options().expectedValues().values(item.name(), keys);
    if (expected.isEmpty() || run.options().targetCluster().isEmpty()) {
      return new ItemCheck(
          "secrets",
          item.name(),
          "scope " + item.name(),
          ItemCheck.Status.PARTLY_CHECKED,
          List.of(
              "keys and ACLs match; values not compared ("
                  + (expected.isEmpty()
                      ? "no values were migrated"
                      : "no target cluster to read them")
                  + ")"));
    }
    Map<String, byte[]> actual;
    try (var commands =
        new ClusterCommands(
            run.target(), run.options().targetCluster().get(), Duration.ofMinutes(5))) {
      actual = SecretReadCommand.parse(commands.run(SecretReadCommand.python(item.name(), keys)));
    }
    try {
      for (String k : keys) {
        if (!Arrays.equals(expected.get().get(k), actual.get(k)))
          diffs.add("value of key " + k + " differs");
      }
    } finally {
      expected.get().values().forEach(b -> Arrays.fill(b, (byte) 0));
      actual.values().forEach(b -> Arrays.fill(b, (byte) 0));
    }
    return ItemCheck.of("secrets", item.name(), "scope " + item.name(), diffs);
  }
}
