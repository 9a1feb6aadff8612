package ca.gc.fsdh.bot.migration.secrets;

import java.util.List;

/**
 * The journal record and bundle file of one secret scope: everything but the values.
 *
 * @param backend DATABRICKS or AZURE_KEYVAULT
 * @param keyVault the vault a Key Vault-backed scope points at (resource id and DNS name)
 * @param keys secret keys with their last update time (milliseconds)
 * @param acls scope ACLs (principal and READ/WRITE/MANAGE)
 * @param values how the values travel: OPENPGP (file named in {@code valuesFile}), IN_MEMORY,
 *     IN_KEY_VAULT, or NOT_EXPORTED with {@code valuesNote} saying why
 */
public record SecretScopeItem(
    String name,
    String backend,
    KeyVault keyVault,
    List<Key> keys,
    List<Acl> acls,
    String values,
    String valuesFile,
    String valuesNote) {
  public record KeyVault(String resourceId, String dnsName) {}

  public record Key(String key, Long lastUpdatedTimestamp) {}

  public record Acl(String principal, String permission) {}
}
