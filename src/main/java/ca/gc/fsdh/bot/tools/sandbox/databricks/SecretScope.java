package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * A secret scope. {@code backend} is {@code DATABRICKS} or {@code AZURE_KEYVAULT}; a Key Vault
 * scope points at its vault ({@code resourceId}, {@code dnsName}) and its values live there, not in
 * Databricks: they cannot be written through the Secrets API.
 */
public record SecretScope(
    String name, String backend, String keyVaultResourceId, String keyVaultDnsName) {
  public static final String DATABRICKS = "DATABRICKS";
  public static final String AZURE_KEYVAULT = "AZURE_KEYVAULT";

  public boolean keyVaultBacked() {
    return AZURE_KEYVAULT.equals(backend);
  }
}
