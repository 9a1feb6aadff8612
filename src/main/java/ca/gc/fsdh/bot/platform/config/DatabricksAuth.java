package ca.gc.fsdh.bot.platform.config;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import java.util.List;
import java.util.Optional;

/**
 * How the bot authenticates to the workspaces of one environment (POC or PROD), through the
 * Databricks SDK's unified auth. Secrets come from environment variables, never from the file.
 *
 * @param type {@code pat}, {@code oauth-m2m}, {@code azure-client-secret} or {@code profile}
 * @param clientId OAuth or Azure application id (not a secret)
 * @param tenantId Azure tenant id, for {@code azure-client-secret}
 * @param profile a profile of {@code ~/.databrickscfg}, for {@code profile}
 * @param secret the token or client secret, for every type but {@code profile}
 */
public record DatabricksAuth(
    String type,
    Optional<String> clientId,
    Optional<String> tenantId,
    Optional<String> profile,
    Optional<Secret> secret) {

  public static final List<String> TYPES =
      List.of("pat", "oauth-m2m", "azure-client-secret", "profile");

  /** An SDK configuration for one workspace host of this environment. */
  public DatabricksConfig sdkConfig(String host) {
    var c = new DatabricksConfig().setHost(host);
    switch (type) {
      // An explicit provider: the SDK's default chain would first try OAuth discovery on the host.
      case "pat" ->
          c.setAuthType("pat")
              .setToken(secret.orElseThrow().value())
              .setCredentialsProvider(new PatCredentialsProvider());
      case "oauth-m2m" ->
          c.setAuthType("oauth-m2m")
              .setClientId(clientId.orElseThrow())
              .setClientSecret(secret.orElseThrow().value());
      case "azure-client-secret" ->
          c.setAuthType("azure-client-secret")
              .setAzureClientId(clientId.orElseThrow())
              .setAzureTenantId(tenantId.orElseThrow())
              .setAzureClientSecret(secret.orElseThrow().value());
      case "profile" -> c.setProfile(profile.orElseThrow());
      default -> throw new IllegalStateException("unknown auth type " + type);
    }
    return c;
  }
}
