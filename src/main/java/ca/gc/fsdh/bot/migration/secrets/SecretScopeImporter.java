package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExistingPolicy;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.workspace.AclPermission;
import com.databricks.sdk.service.workspace.AzureKeyVaultSecretScopeMetadata;
import com.databricks.sdk.service.workspace.CreateScope;
import com.databricks.sdk.service.workspace.PutAcl;
import com.databricks.sdk.service.workspace.PutSecret;
import com.databricks.sdk.service.workspace.ScopeBackendType;
import com.databricks.sdk.service.workspace.SecretScope;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recreates secret scopes: Databricks-backed ones with their ACLs and, when a {@link
 * SecretValueSource} has them, their values; Key Vault-backed ones pointed at the PROD vault the
 * mapping names (they hold no values in Databricks). Values pass from memory to the API only, and
 * their bytes are wiped after use.
 */
public final class SecretScopeImporter implements ResourceImporter {
  /** Notes starting with this prefix list work left to a person. */
  public static final String MANUAL = "manual: ";

  @Override
  public ResourceType type() {
    return ResourceType.SECRETS;
  }

  @Override
  public void importAll(ImportContext ctx) throws Exception {
    Set<String> existing = ConcurrentHashMap.newKeySet();
    for (SecretScope s : ctx.target().secrets().listScopes()) existing.add(s.getName());
    ctx.eachItem(
        type(),
        e -> {
          SecretScopeItem item = BundleJson.MAPPER.treeToValue(e.record(), SecretScopeItem.class);
          return resuming -> scope(ctx, existing, item, resuming);
        });
  }

  private Done scope(
      ImportContext ctx, Set<String> existing, SecretScopeItem item, boolean resuming)
      throws Exception {
    var secrets = ctx.target().secrets();
    String name = item.name();
    boolean keyVault = "AZURE_KEYVAULT".equals(item.backend());
    var notes = new ArrayList<String>();
    boolean exists = existing.contains(name);
    if (!exists && !ctx.dryRun() && resuming) {
      // after an ambiguous failure the scope may be there already
      exists = contains(ctx, name);
    }
    if (exists && ctx.policy(type()) == ExistingPolicy.SKIP && !resuming)
      return new Done(ImportOutcome.SKIPPED, name, List.of("already in the target"));
    var create = new CreateScope().setScope(name);
    if (keyVault) {
      var vault =
          ctx.mapping().keyVault(name, item.keyVault() == null ? null : item.keyVault().dnsName());
      if (vault.isEmpty()) {
        throw new IllegalStateException(
            "Key Vault-backed scope: no PROD vault in the mapping (keyVaults: {"
                + name
                + ": {resourceId: ..., dnsName: ...}})");
      }
      create
          .setScopeBackendType(ScopeBackendType.AZURE_KEYVAULT)
          .setBackendAzureKeyvault(
              new AzureKeyVaultSecretScopeMetadata()
                  .setResourceId(vault.get().resourceId())
                  .setDnsName(vault.get().dnsName()));
      notes.add(
          "points at Key Vault " + vault.get().dnsName() + "; its secrets live in that vault");
    }
    if (ctx.dryRun())
      return new Done(exists ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED, name, notes);
    if (!exists) {
      secrets.createScope(create);
      existing.add(name);
    }
    for (SecretScopeItem.Acl acl : item.acls()) {
      secrets.putAcl(
          new PutAcl()
              .setScope(name)
              .setPrincipal(ctx.mapping().principal(acl.principal()))
              .setPermission(AclPermission.valueOf(acl.permission())));
    }
    if (!keyVault && !item.keys().isEmpty()) notes.add(values(ctx, item));
    return new Done(exists ? ImportOutcome.OVERWRITTEN : ImportOutcome.CREATED, name, notes);
  }

  private static boolean contains(ImportContext ctx, String name) {
    for (SecretScope s : ctx.target().secrets().listScopes())
      if (name.equals(s.getName())) return true;
    return false;
  }

  private String values(ImportContext ctx, SecretScopeItem item) throws Exception {
    List<String> keys = item.keys().stream().map(SecretScopeItem.Key::key).toList();
    var found = ctx.options().secretValues().values(item.name(), keys);
    if (found.isEmpty() && "OPENPGP".equals(item.values())) {
      return MANUAL
          + item.keys().size()
          + " key(s) not created: their values are in "
          + item.valuesFile()
          + ", encrypted to the lead's OpenPGP key: import with --gpg-secret-key FILE to put them (with a new --state and"
          + " --existing secrets=overwrite if the scope is already imported), or put them with `databricks secrets put-secret "
          + item.name()
          + " <key>`";
    }
    if (found.isEmpty() || !found.get().keySet().containsAll(keys)) {
      found.ifPresent(SecretScopeImporter::wipe);
      return MANUAL
          + item.keys().size()
          + " key(s) not created: their values were not migrated ("
          + (item.valuesNote() != null ? item.valuesNote() : "values " + item.values())
          + "): put them with `databricks secrets put-secret "
          + item.name()
          + " <key>`";
    }
    Map<String, byte[]> values = found.get();
    var refused = new ArrayList<String>();
    String limit = null;
    try {
      for (String key : keys) {
        try {
          ctx.target().secrets().putSecret(put(item.name(), key, values.get(key)));
        } catch (DatabricksError e) {
          if (!"RESOURCE_LIMIT_EXCEEDED".equals(e.getErrorCode())) throw e;
          refused.add(key); // the scope is full: keys it holds already can still be overwritten
          limit = e.getMessage();
        }
      }
    } finally {
      wipe(values); // sources hand out copies
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException(
          "the target holds at most 1,000 secrets per scope ("
              + limit
              + "): "
              + (keys.size() - refused.size())
              + " of "
              + keys.size()
              + " value(s) put, "
              + refused.size()
              + " refused: "
              + KeyList.of(refused)
              + ". Split the scope, or move these to a Key Vault-backed scope");
    }
    return keys.size() + " value(s) migrated";
  }

  /**
   * A text value goes as {@code string_value}, anything else (not valid UTF-8) as {@code
   * bytes_value}: the field "will determine the value returned when the secret value is requested"
   * (SDK {@code SecretsAPI.putSecret}), so a text secret stays text for {@code dbutils.secrets.get}
   * and a binary one keeps every byte for {@code getBytes}.
   */
  static PutSecret put(String scope, String key, byte[] value) {
    var put = new PutSecret().setScope(scope).setKey(key);
    var text = utf8(value);
    return text == null
        ? put.setBytesValue(Base64.getEncoder().encodeToString(value))
        : put.setStringValue(text);
  }

  /** The value as text, or null when it is not valid UTF-8. */
  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void wipe(Map<String, byte[]> values) {
    values.values().forEach(b -> Arrays.fill(b, (byte) 0));
  }
}
