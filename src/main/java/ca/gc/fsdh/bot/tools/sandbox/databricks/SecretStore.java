package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Secret scopes, their secrets (values as bytes) and their ACLs. Values leave the stand-in only
 * through command execution on a cluster, never through the REST API, as in the real service.
 */
public final class SecretStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");

  /**
   * Secret keys: "alphanumeric characters, dashes, underscores, and periods, [...] 128" (SDK
   * SecretsAPI.putSecret).
   */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  /** The real service's limit on one secret value. */
  static final int MAX_VALUE_BYTES = 128 * 1024;

  /** "The maximum number of secrets in a given scope is 1000" (SDK SecretsAPI.putSecret). */
  public static final int MAX_SECRETS_PER_SCOPE = 1000;

  /** A secret's value and when it was last written. */
  public record Secret(byte[] value, long lastUpdated) {}

  private final Map<String, SecretScope> scopes = new ConcurrentSkipListMap<>();
  private final Map<String, Map<String, Secret>> secrets = new ConcurrentSkipListMap<>();
  private final Map<String, Map<String, String>> acls = new ConcurrentSkipListMap<>();

  /** Key Vault-backed scopes whose vault does not let Databricks list its secrets. */
  private final Set<String> vaultsRefusingList = ConcurrentHashMap.newKeySet();

  /** Creates a scope; its first ACL gives MANAGE to {@code managePrincipal}. */
  public synchronized SecretScope createScope(SecretScope scope, String managePrincipal) {
    if (!NAME.matcher(scope.name()).matches()) {
      throw ApiError.invalid(
          "Scope name "
              + scope.name()
              + " is invalid: use letters, digits, dashes, underscores, periods and @, at most 128.");
    }
    if (scopes.containsKey(scope.name())) {
      throw ApiError.alreadyExists("Scope " + scope.name() + " already exists!");
    }
    scopes.put(scope.name(), scope);
    secrets.put(scope.name(), new ConcurrentSkipListMap<>());
    acls.put(scope.name(), new ConcurrentSkipListMap<>());
    acls.get(scope.name()).put(managePrincipal, "MANAGE");
    return scope;
  }

  public synchronized void deleteScope(String name) {
    require(name);
    scopes.remove(name);
    secrets.remove(name);
    acls.remove(name);
  }

  public List<SecretScope> scopes() {
    return List.copyOf(scopes.values());
  }

  public Optional<SecretScope> scope(String name) {
    return Optional.ofNullable(scopes.get(name));
  }

  /**
   * Writes a secret as the REST API does: refused in a Key Vault scope, and a new key refused once
   * the scope holds {@value #MAX_SECRETS_PER_SCOPE} ({@code RESOURCE_LIMIT_EXCEEDED}, SDK {@code
   * SecretsAPI.putSecret}).
   */
  synchronized void putFromApi(String scope, String key, byte[] value) {
    if (require(scope).keyVaultBacked()) {
      throw ApiError.badRequest(
          "Cannot write secrets to Azure KeyVault-backed scope " + scope + ".");
    }
    var inScope = secrets.get(scope);
    if (!inScope.containsKey(key) && inScope.size() >= MAX_SECRETS_PER_SCOPE) {
      throw new ApiError(
          400,
          "RESOURCE_LIMIT_EXCEEDED",
          "Scope "
              + scope
              + " already holds the maximum of "
              + MAX_SECRETS_PER_SCOPE
              + " secrets.");
    }
    put(scope, key, value);
  }

  /**
   * Writes a secret (also into a Key Vault scope: this stands for the vault, for seeding). Seeding
   * is not held to the per-scope limit, so that a source can stand for a workspace whose scope is
   * over the limit of the target.
   */
  public void put(String scope, String key, byte[] value) {
    require(scope);
    if (!KEY.matcher(key).matches()) {
      throw ApiError.invalid("Secret key " + key + " is invalid.");
    }
    if (value.length > MAX_VALUE_BYTES) {
      throw ApiError.invalid("Secret value is larger than " + MAX_VALUE_BYTES + " bytes.");
    }
    secrets.get(scope).put(key, new Secret(value.clone(), System.currentTimeMillis()));
  }

  public void delete(String scope, String key) {
    require(scope);
    if (secrets.get(scope).remove(key) == null) {
      throw ApiError.notFound("Secret " + key + " does not exist in scope " + scope + ".");
    }
  }

  /** Keys and update times of a scope, sorted by key. */
  public Map<String, Secret> secrets(String scope) {
    require(scope);
    return Map.copyOf(secrets.get(scope));
  }

  /**
   * The keys as {@code secrets/list} answers them: for a Key Vault-backed scope whose vault does
   * not let Databricks list secrets, 403 {@code PERMISSION_DENIED} (SDK {@code
   * SecretsAPI.getSecret}: "PERMISSION_DENIED if secret manager cannot access AKV with 403 error").
   */
  Map<String, Secret> listFromApi(String scope) {
    if (vaultsRefusingList.contains(scope)) {
      throw new ApiError(
          403,
          "PERMISSION_DENIED",
          "Azure Key Vault "
              + require(scope).keyVaultDnsName()
              + " refused to list its secrets (403 Forbidden): the AzureDatabricks application has no 'List' permission"
              + " on secrets in its access policy.");
    }
    return secrets(scope);
  }

  /** Makes the vault of a Key Vault-backed scope refuse to list its secrets to Databricks. */
  public void refuseVaultListing(String scope) {
    if (!require(scope).keyVaultBacked()) {
      throw new IllegalArgumentException(scope + " is not a Key Vault-backed scope");
    }
    vaultsRefusingList.add(scope);
  }

  /** The value of a secret, for tests' comparisons and for commands run on a cluster. */
  public Optional<byte[]> value(String scope, String key) {
    var inScope = secrets.get(scope);
    Secret s = inScope == null ? null : inScope.get(key);
    return s == null ? Optional.empty() : Optional.of(s.value().clone());
  }

  public void putAcl(String scope, String principal, String permission) {
    require(scope);
    if (!List.of("READ", "WRITE", "MANAGE").contains(permission)) {
      throw ApiError.invalid(
          "Invalid permission " + permission + "; expected READ, WRITE or MANAGE.");
    }
    acls.get(scope).put(principal, permission);
  }

  public void deleteAcl(String scope, String principal) {
    require(scope);
    if (acls.get(scope).remove(principal) == null) {
      throw ApiError.notFound("No ACL for " + principal + " on scope " + scope + ".");
    }
  }

  /** Principal to permission (READ, WRITE, MANAGE), sorted by principal. */
  public Map<String, String> acls(String scope) {
    require(scope);
    return new TreeMap<>(acls.get(scope));
  }

  private SecretScope require(String scope) {
    SecretScope s = scopes.get(scope);
    if (s == null) {
      throw ApiError.notFound("Scope " + scope + " does not exist!");
    }
    return s;
  }
}
