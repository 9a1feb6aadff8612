package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Registered models in Unity Catalog, their versions, aliases and tags (MLflow {@code
 * databricks_uc_registry_messages.proto}; SDK 0.141 {@code RegisteredModelInfo}, {@code
 * ModelVersionInfo}). Names are full three-part names, lower case, checked by {@link UnityCatalog}.
 *
 * <p>Versions are numbered from 1 per model and a number is never given twice, even after a delete.
 * A version is created {@code PENDING_REGISTRATION} with its own storage location and becomes
 * {@code READY} on finalize; its files can be written only in between ("model version files can
 * only be written at creation time", proto comment on {@code
 * GenerateTemporaryModelVersionCredentials}).
 */
public final class UcModelRegistry {
  /** MLflow's {@code ModelVersionStatus} (SDK: {@code ModelVersionInfoStatus}). */
  public enum Status {
    PENDING_REGISTRATION,
    READY,
    FAILED_REGISTRATION
  }

  /** A registered model; {@code aliases} map an alias to a version number. */
  public record Model(
      String fullName,
      String id,
      String owner,
      String description,
      Map<String, String> tags,
      Map<String, Long> aliases,
      String storageLocation,
      long createdAt,
      String createdBy,
      long updatedAt,
      String updatedBy) {
    public Model {
      tags = Map.copyOf(tags);
      aliases = Map.copyOf(aliases);
    }

    List<String> parts() {
      return List.of(fullName.split("\\."));
    }
  }

  /** One version of a model. */
  public record Version(
      String model,
      long version,
      String id,
      String source,
      String runId,
      String runTrackingServerId,
      String description,
      Status status,
      String storageLocation,
      Map<String, String> tags,
      long createdAt,
      String createdBy,
      long updatedAt,
      String updatedBy) {
    public Version {
      tags = Map.copyOf(tags);
    }

    Version with(
        Status newStatus, String newDescription, Map<String, String> newTags, long now, String by) {
      return new Version(
          model,
          version,
          id,
          source,
          runId,
          runTrackingServerId,
          newDescription,
          newStatus,
          storageLocation,
          newTags,
          createdAt,
          createdBy,
          now,
          by);
    }
  }

  /**
   * MLflow's alias rule ({@code mlflow/utils/validation.py}, {@code
   * _REGISTERED_MODEL_ALIAS_REGEX}).
   */
  private static final Pattern ALIAS = Pattern.compile("[\\w\\-]+");

  private static final Pattern VERSION_ALIAS = Pattern.compile("[vV]\\d+");

  private final Map<String, Model> models = new ConcurrentSkipListMap<>();
  private final Map<String, TreeMap<Long, Version>> versions = new ConcurrentSkipListMap<>();
  private final Map<String, Long> lastNumber = new ConcurrentSkipListMap<>();

  public List<Model> models() {
    return List.copyOf(models.values());
  }

  public Optional<Model> model(String fullName) {
    return Optional.ofNullable(models.get(fullName));
  }

  Model require(String fullName) {
    return model(fullName)
        .orElseThrow(() -> UcError.noResource("Registered model '" + fullName + "'"));
  }

  synchronized Model create(
      String fullName,
      String description,
      Map<String, String> tags,
      String user,
      long now,
      String storageRoot) {
    if (models.containsKey(fullName)) {
      throw UcError.exists("FUNCTION", List.of(fullName.split("\\.")));
    }
    String id = UUID.randomUUID().toString();
    Model m =
        new Model(
            fullName,
            id,
            user,
            description,
            tags,
            Map.of(),
            storageRoot + "/models/" + id,
            now,
            user,
            now,
            user);
    models.put(fullName, m);
    versions.put(fullName, new TreeMap<>());
    lastNumber.putIfAbsent(fullName, 0L);
    return m;
  }

  synchronized Model update(
      String fullName, String description, String owner, String user, long now) {
    Model m = require(fullName);
    Model updated =
        new Model(
            m.fullName(),
            m.id(),
            owner != null ? owner : m.owner(),
            description != null ? description : m.description(),
            m.tags(),
            m.aliases(),
            m.storageLocation(),
            m.createdAt(),
            m.createdBy(),
            now,
            user);
    models.put(fullName, updated);
    return updated;
  }

  synchronized void delete(String fullName) {
    require(fullName);
    models.remove(fullName);
    versions.remove(fullName);
  }

  synchronized Version createVersion(
      String fullName,
      String source,
      String runId,
      String trackingServerId,
      String description,
      Map<String, String> tags,
      String user,
      long now) {
    Model m = require(fullName);
    long number = lastNumber.merge(fullName, 1L, Long::sum);
    String id = UUID.randomUUID().toString();
    Version v =
        new Version(
            fullName,
            number,
            id,
            source,
            runId,
            trackingServerId,
            description,
            Status.PENDING_REGISTRATION,
            m.storageLocation() + "/versions/" + id,
            tags,
            now,
            user,
            now,
            user);
    versions.get(fullName).put(number, v);
    return v;
  }

  public List<Version> versions(String fullName) {
    var vs = versions.get(fullName);
    synchronized (this) {
      return vs == null ? List.of() : List.copyOf(vs.values());
    }
  }

  public synchronized Version version(String fullName, long number) {
    require(fullName);
    Version v = versions.get(fullName).get(number);
    if (v == null) {
      throw UcError.noResource("Model version " + number + " of '" + fullName + "'");
    }
    return v;
  }

  /**
   * PENDING_REGISTRATION to READY; a READY version is answered as it is (the stand-in's choice).
   */
  synchronized Version finish(String fullName, long number, Status status, String user, long now) {
    Version v = version(fullName, number);
    if (v.status() != Status.PENDING_REGISTRATION) {
      return v;
    }
    Version done = v.with(status, v.description(), v.tags(), now, user);
    versions.get(fullName).put(number, done);
    return done;
  }

  synchronized Version updateVersion(
      String fullName, long number, String description, String user, long now) {
    Version v = version(fullName, number);
    Version updated =
        v.with(
            v.status(), description != null ? description : v.description(), v.tags(), now, user);
    versions.get(fullName).put(number, updated);
    return updated;
  }

  synchronized void deleteVersion(String fullName, long number) {
    version(fullName, number);
    versions.get(fullName).remove(number);
    Model m = models.get(fullName);
    Map<String, Long> aliases = new LinkedHashMap<>(m.aliases());
    aliases.values().removeIf(n -> n == number);
    replace(m, m.tags(), aliases);
  }

  /** Points {@code alias} at a version, moving it from another one if needed. */
  synchronized void setAlias(String fullName, String alias, long number) {
    checkAlias(alias);
    version(fullName, number);
    Model m = models.get(fullName);
    Map<String, Long> aliases = new TreeMap<>(m.aliases());
    aliases.put(alias, number);
    replace(m, m.tags(), aliases);
  }

  synchronized void deleteAlias(String fullName, String alias) {
    Model m = require(fullName);
    if (!m.aliases().containsKey(alias)) {
      throw UcError.noResource("Alias '" + alias + "' of '" + fullName + "'");
    }
    Map<String, Long> aliases = new TreeMap<>(m.aliases());
    aliases.remove(alias);
    replace(m, m.tags(), aliases);
  }

  synchronized Version byAlias(String fullName, String alias) {
    Long number = require(fullName).aliases().get(alias);
    if (number == null) {
      throw UcError.noResource("Alias '" + alias + "' of '" + fullName + "'");
    }
    return version(fullName, number);
  }

  /** The aliases that point at one version, sorted. */
  List<String> aliasesOf(Version v) {
    List<String> out = new ArrayList<>();
    model(v.model())
        .ifPresent(m ->
            m.aliases()
                .forEach((a, n) -> {
                  if (n == v.version()) {
                    out.add(a);
                  }
                }));
    out.sort(null);
    return out;
  }

  synchronized void setModelTag(String fullName, String key, String value) {
    Model m = require(fullName);
    Map<String, String> tags = new TreeMap<>(m.tags());
    tags.put(requireKey(key), value == null ? "" : value);
    replace(m, tags, m.aliases());
  }

  synchronized void deleteModelTag(String fullName, String key) {
    Model m = require(fullName);
    Map<String, String> tags = new TreeMap<>(m.tags());
    tags.remove(key);
    replace(m, tags, m.aliases());
  }

  synchronized void setVersionTag(
      String fullName, long number, String key, String value, String user, long now) {
    Version v = version(fullName, number);
    Map<String, String> tags = new TreeMap<>(v.tags());
    tags.put(requireKey(key), value == null ? "" : value);
    versions.get(fullName).put(number, v.with(v.status(), v.description(), tags, now, user));
  }

  synchronized void deleteVersionTag(
      String fullName, long number, String key, String user, long now) {
    Version v = version(fullName, number);
    Map<String, String> tags = new TreeMap<>(v.tags());
    tags.remove(key);
    versions.get(fullName).put(number, v.with(v.status(), v.description(), tags, now, user));
  }

  private void replace(Model m, Map<String, String> tags, Map<String, Long> aliases) {
    models.put(
        m.fullName(),
        new Model(
            m.fullName(),
            m.id(),
            m.owner(),
            m.description(),
            tags,
            aliases,
            m.storageLocation(),
            m.createdAt(),
            m.createdBy(),
            m.updatedAt(),
            m.updatedBy()));
  }

  private static String requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw UcError.invalid("A key name must be provided.");
    }
    return key;
  }

  /**
   * MLflow's alias rules (mlflow {@code _validate_model_alias_name}): letters, digits, {@code _}
   * and {@code -}; at most 255 characters; {@code latest} (any case) and {@code v<number>} are
   * reserved.
   */
  static void checkAlias(String alias) {
    if (alias == null || alias.isEmpty()) {
      throw UcError.invalid("Registered model alias name cannot be empty.");
    }
    if (!ALIAS.matcher(alias).matches()) {
      throw UcError.invalid(
          "Invalid alias name: '"
              + alias
              + "'. Names may only contain alphanumerics, underscores (_),"
              + " and dashes (-).");
    }
    if (alias.length() > UcNames.MAX_LENGTH) {
      throw UcError.invalid(
          "Registered model alias name exceeds the maximum length of " + UcNames.MAX_LENGTH + ".");
    }
    if (alias.equalsIgnoreCase("latest")) {
      throw UcError.invalid("'latest' alias name (case insensitive) is reserved.");
    }
    if (VERSION_ALIAS.matcher(alias).matches()) {
      throw UcError.invalid("Version alias name '" + alias + "' is reserved.");
    }
  }
}
