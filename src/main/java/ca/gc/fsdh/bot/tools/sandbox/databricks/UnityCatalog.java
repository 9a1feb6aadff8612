package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The Unity Catalog side of a workspace stand-in: whether a metastore is assigned, the default
 * catalog, whether the legacy {@code hive_metastore} still exists, the account-level principals the
 * metastore knows, catalogs / schemas / tables, grants and owners, and registered models with their
 * files in the metastore's storage account.
 *
 * <p>Three modes. {@link Mode#NONE} (the default) is a workspace without a metastore, as the POC
 * is: every UC endpoint answers 404 {@code METASTORE_DOES_NOT_EXIST}. {@link
 * Mode#WITH_HIVE_METASTORE}: "All Azure Databricks workspaces created after November 9, 2023 are
 * automatically enabled for Unity Catalog" and the legacy metastore "appears as a top-level catalog
 * called hive_metastore" (learn.microsoft.com, Unity Catalog and hive-metastore pages). {@link
 * Mode#WITHOUT_HIVE_METASTORE}: the account setting that disables legacy features, with which "Hive
 * Metastore will not be provisioned" (Databricks' {@code DisableLegacyFeaturesSetting},
 * Terraform/Pulumi registry docs).
 *
 * <p>Names without a catalog resolve against the default catalog ({@code default_catalog_name} of
 * {@code current-metastore-assignment}; docs.databricks.com {@code catalogs/default}), so an
 * unqualified {@code db.t} lands in the workspace catalog, not in {@code hive_metastore}.
 *
 * <p>The caller (the sandbox token's user) acts as a metastore admin: the stand-in checks what the
 * service refuses for everyone (names, privileges, principals, missing objects), not who may grant.
 */
public final class UnityCatalog {
  public static final String HIVE_METASTORE = "hive_metastore";

  /** The built-in account group of every account user. */
  public static final String ACCOUNT_USERS = "account users";

  /** Whether and how the workspace is enabled for Unity Catalog. */
  public enum Mode {
    NONE,
    WITH_HIVE_METASTORE,
    WITHOUT_HIVE_METASTORE
  }

  /** The kinds of account-level principal Unity Catalog resolves. */
  public enum PrincipalKind {
    USER,
    SERVICE_PRINCIPAL,
    GROUP
  }

  private final String currentUser;
  private final String metastoreId =
      UUID.nameUUIDFromBytes("fsdh-prod-metastore".getBytes()).toString();
  private final long workspaceId = 7_405_613_946_213_205L;
  private final Map<String, String> principals = new ConcurrentSkipListMap<>();
  private final Map<String, PrincipalKind> kinds = new ConcurrentSkipListMap<>();
  private final Set<String> workspaceGroups = new ConcurrentSkipListSet<>();
  private final UcObjects objects;
  private final UcGrants grants = new UcGrants();
  private final UcModelRegistry models = new UcModelRegistry();
  private final BlobStore blobs = new BlobStore();
  private volatile Mode mode = Mode.NONE;
  private volatile String defaultCatalog = HIVE_METASTORE;
  private volatile String storageAccount = "fsdhprodmetastore";
  private volatile String storageContainer = "metastore";
  private volatile Clock clock = Clock.systemUTC();
  private volatile int maxPageSize = 50;
  private volatile boolean emptyFirstPages = true;
  private volatile boolean checkSignatures;
  private volatile Duration credentialLifetime = Duration.ofHours(1);

  UnityCatalog(TableAclStore hive, String currentUser) {
    this.currentUser = currentUser;
    this.objects = new UcObjects(hive, this::hasHiveMetastore, () -> clock.millis());
    principals.put(ACCOUNT_USERS, ACCOUNT_USERS);
    kinds.put(ACCOUNT_USERS, PrincipalKind.GROUP);
    principals.put(currentUser.toLowerCase(Locale.ROOT), currentUser);
    kinds.put(currentUser.toLowerCase(Locale.ROOT), PrincipalKind.USER);
  }

  /**
   * Assigns a metastore with {@code defaultCatalog} as the workspace's default catalog, created
   * (with its {@code default} schema, as in an auto-enabled workspace's workspace catalog) if
   * missing. Without hive_metastore the default catalog cannot be hive_metastore: the account
   * setting needs another default first (DisableLegacyFeaturesSetting docs).
   */
  public synchronized UnityCatalog enable(Mode mode, String defaultCatalog) {
    Objects.requireNonNull(mode, "mode == null");
    if (mode == Mode.NONE) {
      this.mode = Mode.NONE;
      return this;
    }
    String name = UcNames.part(defaultCatalog, "catalog");
    if (mode == Mode.WITHOUT_HIVE_METASTORE && name.equals(HIVE_METASTORE)) {
      throw new IllegalArgumentException(
          "without hive_metastore the default catalog must be another catalog");
    }
    this.mode = mode;
    this.defaultCatalog = name;
    if (!name.equals(HIVE_METASTORE)
        && objects.catalogs().stream().noneMatch(c -> c.name().equals(name))) {
      objects.createCatalog(name, currentUser, "The workspace catalog.");
      objects.createSchema(name, "default", currentUser, "Default schema (auto-created)");
    }
    return this;
  }

  public Mode mode() {
    return mode;
  }

  public boolean enabled() {
    return mode != Mode.NONE;
  }

  public boolean hasHiveMetastore() {
    return mode != Mode.WITHOUT_HIVE_METASTORE;
  }

  public String defaultCatalog() {
    return defaultCatalog;
  }

  public String metastoreId() {
    return metastoreId;
  }

  public long workspaceId() {
    return workspaceId;
  }

  /** The storage account and container that hold the metastore's managed files (model versions). */
  public UnityCatalog storage(String account, String container) {
    this.storageAccount = UcNames.part(account, "storage account");
    this.storageContainer = UcNames.part(container, "container");
    return this;
  }

  /** {@code abfss://<container>@<account>.dfs.core.windows.net/<metastore id>}. */
  public String storageRoot() {
    return "abfss://"
        + storageContainer
        + "@"
        + storageAccount
        + ".dfs.core.windows.net/"
        + metastoreId;
  }

  /** The clock of timestamps and of credential expiry (tests move it). */
  public UnityCatalog clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  Clock clock() {
    return clock;
  }

  /**
   * The server's page size for list calls: {@code max_results=0} gets this many, a larger value is
   * cut to it (SDK {@code ListCatalogsRequest.max_results} javadoc: "the page length is the minimum
   * of this value and a server configured value").
   */
  public UnityCatalog maxPageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("maxPageSize must be >= 1: " + size);
    }
    this.maxPageSize = size;
    return this;
  }

  int maxPageSize() {
    return maxPageSize;
  }

  /**
   * Whether a paginated list starts with an empty page that carries a {@code next_page_token}, as
   * the SDK javadoc warns a page may ("a page may contain zero results while still providing a
   * next_page_token"); on by default so that a client that stops early is caught.
   */
  public UnityCatalog emptyFirstPages(boolean on) {
    this.emptyFirstPages = on;
    return this;
  }

  boolean emptyFirstPages() {
    return emptyFirstPages;
  }

  /**
   * Whether finalize refuses a version whose {@code MLmodel} has no signature with inputs and
   * outputs. Off by default: MLflow checks this on the client ({@code _validate_model_signature} in
   * its UC registry store) and no source says the server does; on, it lets a test prove a client
   * does not count on the server.
   */
  public UnityCatalog checkSignatures(boolean on) {
    this.checkSignatures = on;
    return this;
  }

  boolean checkSignatures() {
    return checkSignatures;
  }

  /** How long temporary credentials live (an hour by default). */
  public UnityCatalog credentialLifetime(Duration lifetime) {
    this.credentialLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
    return this;
  }

  Duration credentialLifetime() {
    return credentialLifetime;
  }

  // --- principals ---

  /** An account-level user, by user name (e-mail). */
  public UnityCatalog addUser(String userName) {
    return addPrincipal(userName, PrincipalKind.USER);
  }

  /** An account-level service principal, by application id (how SQL names it). */
  public UnityCatalog addServicePrincipal(String applicationId) {
    return addPrincipal(applicationId, PrincipalKind.SERVICE_PRINCIPAL);
  }

  /** An account-level group. */
  public UnityCatalog addGroup(String name) {
    return addPrincipal(name, PrincipalKind.GROUP);
  }

  /** A workspace-local group: the workspace has it, the metastore does not resolve it. */
  public UnityCatalog addWorkspaceGroup(String name) {
    workspaceGroups.add(name);
    return this;
  }

  private UnityCatalog addPrincipal(String name, PrincipalKind kind) {
    principals.put(name.toLowerCase(Locale.ROOT), name);
    kinds.put(name.toLowerCase(Locale.ROOT), kind);
    return this;
  }

  /** The account-level principals the metastore resolves, by kind. */
  public Map<String, PrincipalKind> accountPrincipals() {
    Map<String, PrincipalKind> out = new LinkedHashMap<>();
    principals.forEach((k, name) -> out.put(name, kinds.get(k)));
    return out;
  }

  public Set<String> workspaceGroups() {
    return Set.copyOf(workspaceGroups);
  }

  /**
   * The principal as the account spells it. User names are matched without regard to case (the
   * stand-in's choice: Databricks user names are e-mail addresses); anything the account does not
   * have, workspace-local groups included, is PRINCIPAL_DOES_NOT_EXIST.
   */
  String requirePrincipal(String name) {
    String canonical = name == null ? null : principals.get(name.toLowerCase(Locale.ROOT));
    if (canonical == null) {
      throw UcError.noPrincipal(name);
    }
    return canonical;
  }

  // --- objects ---

  UcObjects objects() {
    return objects;
  }

  UcGrants grants() {
    return grants;
  }

  /** The registered models of the metastore. */
  public UcModelRegistry models() {
    return models;
  }

  /** The files of the metastore's storage account. */
  public BlobStore blobs() {
    return blobs;
  }

  String currentUser() {
    return currentUser;
  }

  long now() {
    return clock.millis();
  }

  Instant instant() {
    return clock.instant();
  }

  void requireEnabled() {
    if (!enabled()) {
      throw UcError.noMetastore();
    }
  }

  /** Creates a catalog owned by {@code owner} (seeding). */
  public void createCatalog(String name, String owner) {
    objects.createCatalog(UcNames.part(name, "catalog"), requirePrincipal(owner), null);
  }

  public void createSchema(String catalog, String schema, String owner) {
    objects.createSchema(
        UcNames.part(catalog, "catalog"),
        UcNames.part(schema, "schema"),
        requirePrincipal(owner),
        null);
  }

  public void createTable(String catalog, String schema, String table, boolean view, String owner) {
    objects.createTable(
        UcNames.part(catalog, "catalog"),
        UcNames.part(schema, "schema"),
        UcNames.part(table, "table"),
        view,
        requirePrincipal(owner));
  }

  /** The catalog names the metastore lists (hive_metastore included when present). */
  public List<String> catalogNames() {
    return objects.catalogs().stream().map(UcObjects.Catalog::name).toList();
  }

  public List<String> schemaNames(String catalog) {
    return objects.schemas(catalog).stream().map(UcObjects.Schema::name).toList();
  }

  public List<String> tableNames(String catalog, String schema) {
    return objects.tables(catalog, schema).stream().map(UcObjects.Table::name).toList();
  }

  /**
   * Throws the service's not-found error unless the securable exists; hive_metastore objects
   * included.
   */
  void requireExists(UcSecurable s) {
    List<String> p = s.parts();
    switch (s.type()) {
      case CATALOG -> objects.catalog(p.get(0));
      case SCHEMA -> objects.schema(p.get(0), p.get(1));
      case TABLE -> objects.table(p.get(0), p.get(1), p.get(2));
      case FUNCTION -> {
        objects.schema(p.get(0), p.get(1));
        models.require(s.fullName());
      }
    }
  }

  boolean isView(UcSecurable s) {
    List<String> p = s.parts();
    return s.type() == UcSecurable.Type.TABLE && objects.table(p.get(0), p.get(1), p.get(2)).view();
  }

  /**
   * Refuses hive_metastore objects on the Unity Catalog grants API (SQL table ACLs govern them).
   */
  void requireUnityCatalogObject(UcSecurable s) {
    if (objects.isHive(s.catalog())) {
      throw UcError.invalid(
          "Securables in hive_metastore are governed by legacy table access control: manage their"
              + " grants with SQL (GRANT / DENY / SHOW GRANTS) on a warehouse, not with the Unity Catalog grants API.");
    }
  }

  /** The owner of an existing securable (null for a hive_metastore object nobody owns). */
  String owner(UcSecurable s) {
    requireExists(s);
    List<String> p = s.parts();
    return switch (s.type()) {
      case CATALOG -> objects.catalog(p.get(0)).owner();
      case SCHEMA -> objects.schema(p.get(0), p.get(1)).owner();
      case TABLE -> objects.table(p.get(0), p.get(1), p.get(2)).owner();
      case FUNCTION -> models.require(s.fullName()).owner();
    };
  }

  /** Changes the owner of an existing UC securable to an account principal. */
  void setOwner(UcSecurable s, String principal) {
    requireExists(s);
    String owner = requirePrincipal(principal);
    if (s.type() == UcSecurable.Type.FUNCTION) {
      models.update(s.fullName(), null, owner, currentUser, now());
    } else {
      objects.update(s, owner, null, currentUser);
    }
  }

  /** One principal's additions and removals, as in the REST {@code changes} list. */
  record Change(String principal, List<String> add, List<String> remove) {}

  /**
   * Applies grant changes after checking all of them (a refused change leaves everything as it
   * was): the securable exists and is not in hive_metastore, every principal is an account
   * principal, every privilege exists and applies to the securable.
   */
  void change(UcSecurable s, List<Change> changes) {
    requireUnityCatalogObject(s);
    requireExists(s);
    boolean view = isView(s);
    List<Change> checked = new ArrayList<>();
    for (Change c : changes) {
      String principal = requirePrincipal(c.principal());
      List<String> add = c.add().stream().map(p -> UcPrivileges.check(p, s, view)).toList();
      List<String> remove = c.remove().stream().map(p -> UcPrivileges.check(p, s, view)).toList();
      checked.add(new Change(principal, add, remove));
    }
    for (Change c : checked) {
      grants.add(s, c.principal(), c.add());
      grants.remove(s, c.principal(), c.remove());
    }
  }

  /** Grants privileges (seeding), with the same checks as the API. */
  public void grant(String securableType, String fullName, String principal, String... privileges) {
    requireEnabled();
    change(
        UcSecurable.of(securableType, fullName),
        List.of(new Change(principal, List.of(privileges), List.of())));
  }

  /** The direct grants on a securable: principal to privileges (SDK enum names), for assertions. */
  public Map<String, List<String>> grantsOn(String securableType, String fullName) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    grants
        .on(UcSecurable.of(securableType, fullName))
        .forEach(a -> out.put(a.principal(), a.privileges()));
    return out;
  }

  /** The owner of a securable (empty for an unowned hive_metastore object). */
  public Optional<String> ownerOf(String securableType, String fullName) {
    return Optional.ofNullable(owner(UcSecurable.of(securableType, fullName)));
  }

  // --- models ---

  /**
   * A registered model's full name: three parts ("Bad model name: please specify all three levels
   * of the model in the form `catalog_name.schema_name.model_name`", the server's
   * INVALID_PARAMETER_VALUE quoted in a public notebook and matched by MLflow's UC store), each a
   * valid UC name, lower case.
   */
  String modelName(String raw) {
    if (raw == null || raw.split("\\.", -1).length != 3) {
      throw UcError.invalid(
          "Bad model name: please specify all three levels of the model in the form"
              + " `catalog_name.schema_name.model_name`");
    }
    return String.join(".", UcNames.split(raw, 3, "model"));
  }

  UcModelRegistry.Model createModel(String rawName, String description, Map<String, String> tags) {
    requireEnabled();
    String name = modelName(rawName);
    List<String> p = List.of(name.split("\\."));
    if (objects.isHive(p.get(0))) {
      throw UcError.invalid(
          "Registered models cannot be created in hive_metastore; use a Unity Catalog catalog.");
    }
    objects.schema(p.get(0), p.get(1));
    return models.create(name, description, tags, currentUser, now(), storageRoot());
  }

  /** Temporary credentials for one version's files; write access only while it is being created. */
  record Credentials(String sasToken, long expirationTime) {}

  Credentials credentials(String model, long version, String operation) {
    UcModelRegistry.Version v = models.version(model, version);
    boolean write =
        switch (operation == null ? "" : operation) {
          case "MODEL_VERSION_OPERATION_READ" -> false;
          case "MODEL_VERSION_OPERATION_READ_WRITE" -> true;
          default ->
              throw UcError.invalid(
                  "operation must be MODEL_VERSION_OPERATION_READ or"
                      + " MODEL_VERSION_OPERATION_READ_WRITE; got "
                      + operation
                      + ".");
        };
    if (write && v.status() != UcModelRegistry.Status.PENDING_REGISTRATION) {
      throw UcError.invalid(
          "Model version "
              + version
              + " of '"
              + model
              + "' is "
              + v.status()
              + ": model version"
              + " files can only be written at creation time.");
    }
    BlobStore.Location l = BlobStore.parse(v.storageLocation());
    Instant start = instant();
    Instant expiry = start.plus(credentialLifetime);
    String token =
        blobs
            .sas()
            .issue(l.account(), l.container(), l.path(), write ? "racwl" : "rl", start, expiry);
    return new Credentials(token, expiry.toEpochMilli());
  }

  /**
   * PENDING_REGISTRATION to READY (or FAILED_REGISTRATION); the version's folder takes no more
   * writes.
   */
  UcModelRegistry.Version finalizeVersion(String model, long version) {
    UcModelRegistry.Version v = models.version(model, version);
    if (v.status() == UcModelRegistry.Status.PENDING_REGISTRATION
        && checkSignatures
        && !hasSignature(v)) {
      blobs.seal(v.storageLocation());
      models.finish(model, version, UcModelRegistry.Status.FAILED_REGISTRATION, currentUser, now());
      throw UcError.invalid(
          "Model passed for registration did not contain any signature metadata. All models in the"
              + " Unity Catalog must be logged with a model signature containing both input and output type"
              + " specifications.");
    }
    blobs.seal(v.storageLocation());
    return models.finish(model, version, UcModelRegistry.Status.READY, currentUser, now());
  }

  /** MLflow's rule: an {@code MLmodel} with a {@code signature} that has inputs and outputs. */
  private boolean hasSignature(UcModelRegistry.Version v) {
    return blobs
        .read(v.storageLocation() + "/MLmodel")
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .map(text ->
            text.lines().anyMatch(l -> l.startsWith("signature:"))
                && text.lines().anyMatch(l -> l.strip().startsWith("inputs:"))
                && text.lines().anyMatch(l -> l.strip().startsWith("outputs:")))
        .orElse(false);
  }

  /** Every model and version name, for assertions: {@code c.s.m} to its version numbers. */
  public Map<String, Set<Long>> modelVersions() {
    Map<String, Set<Long>> out = new LinkedHashMap<>();
    models
        .models()
        .forEach(m ->
            out.put(
                m.fullName(),
                new TreeSet<>(
                    models.versions(m.fullName()).stream()
                        .map(UcModelRegistry.Version::version)
                        .toList())));
    return out;
  }
}
