package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.bundle.OwnerOnlyFiles;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.client.WorkspaceCheck;
import ca.gc.fsdh.bot.migration.client.WorkspaceUnavailableException;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.plan.MigrationPlan;
import ca.gc.fsdh.bot.migration.plan.Planner;
import ca.gc.fsdh.bot.migration.plan.TableAclLanding;
import ca.gc.fsdh.bot.migration.plan.TableAclPlanner;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.ModelRegistryTarget;
import ca.gc.fsdh.bot.migration.spi.ModelTargetOptions;
import ca.gc.fsdh.bot.migration.spi.NotebookFormat;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import ca.gc.fsdh.bot.platform.config.BundleSettings;
import ca.gc.fsdh.bot.platform.config.DatabricksAuth;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a request through the migration core: for a migration, export from the workspace's POC host,
 * import into its PROD host with its mapping, and verify; for an offboarding, export and package
 * the zip; before that, its plan (which lists what it can, and says what it could not read). A run
 * starts with one signed-in call to each workspace it needs ({@link WorkspaceCheck}). Each request
 * has its own work directory under the bundle directory, so a rerun (after a crash, or a retry)
 * resumes from the core's journals.
 */
public final class CoreRequestEngine implements RequestEngine, RequestPlanner {
  private final WorkspaceDirectory directory;
  private final Map<String, DatabricksAuth> auth;
  private final BundleSettings bundles;
  private final Function<DatabricksConfig, WorkspaceClient> clients;
  private final WorkspaceCheck check;
  private final Optional<String> blobEndpoint;
  private final CoreMigration core = new CoreMigration();

  /**
   * @param clients builds a paced client for one workspace (the core's {@code DatabricksClients})
   */
  public CoreRequestEngine(
      WorkspaceDirectory directory,
      Map<String, DatabricksAuth> auth,
      BundleSettings bundles,
      Function<DatabricksConfig, WorkspaceClient> clients) {
    this(directory, auth, bundles, clients, new WorkspaceCheck());
  }

  /** Model artifacts go to this blob endpoint (a local stand-in's), not to Azure's. */
  public CoreRequestEngine withBlobEndpoint(Optional<String> endpoint) {
    return new CoreRequestEngine(directory, auth, bundles, clients, check, endpoint);
  }

  /**
   * @param check the sign-in call made to each workspace before a run or a plan
   */
  public CoreRequestEngine(
      WorkspaceDirectory directory,
      Map<String, DatabricksAuth> auth,
      BundleSettings bundles,
      Function<DatabricksConfig, WorkspaceClient> clients,
      WorkspaceCheck check) {
    this(directory, auth, bundles, clients, check, Optional.empty());
  }

  private CoreRequestEngine(
      WorkspaceDirectory directory,
      Map<String, DatabricksAuth> auth,
      BundleSettings bundles,
      Function<DatabricksConfig, WorkspaceClient> clients,
      WorkspaceCheck check,
      Optional<String> blobEndpoint) {
    this.directory = directory;
    this.auth = auth;
    this.bundles = bundles;
    this.clients = clients;
    this.check = check;
    this.blobEndpoint = blobEndpoint;
  }

  @Override
  public RunReport run(MigrationRequest request, RunProgress progress) throws Exception {
    Workspace w =
        directory
            .find(request.workspace())
            .orElseThrow(() ->
                new IllegalStateException(
                    "workspace " + request.workspace() + " is no longer in the directory"));
    signIn(w, request.kind() == RequestKind.MIGRATE);
    Path work = workDir(request);
    var source = new CoreMigration.Workspace(client("poc", w.pocHost()), w.pocHost());
    ExportOptions export =
        ExportOptions.allTypes()
            .withTypes(request.resourceTypes())
            .withFormat(NotebookFormat.valueOf(request.options().notebookFormat()));
    if (w.sqlWarehouse().isPresent()) {
      export = export.withSqlWarehouse(w.sqlWarehouse().get());
    }
    if (w.secretsCluster().isPresent()) {
      export =
          export.withSecretsCluster(
              w.secretsCluster().get(), SecretValueSink.NONE); // the core picks the sink
    }
    var listener = new CoreProgress(progress);
    if (request.kind() == RequestKind.MIGRATE) {
      String prodHost =
          w.prodHost()
              .orElseThrow(() -> new IllegalStateException(w.acronym() + " has no PROD workspace"));
      var target = new CoreMigration.Workspace(client("prod", prodHost), prodHost);
      MappingFile mapping = mappingOf(w);
      ImportOptions imports =
          ImportOptions.defaults(work.resolve("import"))
              .withTypes(request.resourceTypes())
              .withTableAclTarget(
                  w.tableAclTarget().map(TableAclTarget::parse).orElse(TableAclTarget.AUTO));
      if (w.prodSqlWarehouse().isPresent()) {
        imports = imports.withSqlWarehouse(w.prodSqlWarehouse().get());
      }
      var models = ModelTargetOptions.auto();
      if (w.prodModelRegistry().isPresent())
        models = models.withRegistry(ModelRegistryTarget.parse(w.prodModelRegistry().get()));
      imports =
          imports.withModels(
              models
                  .withSchema(w.prodModelSchema().orElse(null))
                  .withBlobEndpoint(blobEndpoint.orElse(null)));
      var result =
          core.migrate(
              source,
              target,
              new CoreMigration.MigrateOptions(
                  work, export, mapping, imports, w.prodSqlWarehouse(), Optional.empty()),
              listener);
      return CoreReports.of(request, result);
    }
    Optional<Path> key = Optional.empty();
    if (request.options().publicKey().isPresent()) {
      Path file = work.resolve("lead-public-key.asc");
      OwnerOnlyFiles.writeString(file, request.options().publicKey().get());
      key = Optional.of(file);
    }
    var result =
        core.offboard(
            source, new CoreMigration.OffboardOptions(work, w.acronym(), export, key), listener);
    return CoreReports.of(request, result);
  }

  @Override
  public PlanSummary plan(MigrationRequest request) throws Exception {
    Workspace w =
        directory
            .find(request.workspace())
            .orElseThrow(() ->
                new IllegalStateException(
                    "workspace " + request.workspace() + " is no longer in the directory"));
    MigrationPlan p =
        new Planner(client("poc", w.pocHost()), RateLimits.defaults())
            .plan(w.pocHost(), request.resourceTypes());
    TableAclLanding tableAcls = null;
    if (request.kind() == RequestKind.MIGRATE
        && w.prodHost().isPresent()
        && request.resourceTypes().contains(ResourceType.TABLE_ACLS)) {
      tableAcls =
          new TableAclPlanner(client("poc", w.pocHost()), client("prod", w.prodHost().get()))
              .plan(
                  w.tableAclTarget().map(TableAclTarget::parse).orElse(TableAclTarget.AUTO),
                  w.sqlWarehouse(),
                  mappingOf(w));
    }
    return new PlanSummary(
        p.counts(),
        p.bytes(),
        p.cannotExport().stream().map(i -> i.type() + " " + i.item() + ": " + i.reason()).toList(),
        p.unread(),
        p.manual(),
        p.estimatedSeconds(),
        tableAcls);
  }

  /** The workspace's mapping file, its configured {@code databases} over the file's. */
  private static MappingFile mappingOf(Workspace w) throws IOException {
    return (w.mappingFile().isPresent()
            ? MappingFile.read(w.mappingFile().get())
            : MappingFile.empty())
        .withDatabases(w.databases());
  }

  /**
   * One folder per request, readable by the bot's user only from its creation: it holds workspace
   * content.
   */
  private Path workDir(MigrationRequest request) throws IOException {
    return OwnerOnlyFiles.createDirectories(bundles.directory().resolve("request-" + request.id()));
  }

  private WorkspaceClient client(String environment, String host) {
    return clients.apply(sdkConfig(environment, host));
  }

  private DatabricksConfig sdkConfig(String environment, String host) {
    DatabricksAuth a = auth.get(environment);
    if (a == null) {
      throw new IllegalStateException(
          "no databricks." + environment + " authentication is configured");
    }
    return a.sdkConfig(host);
  }

  /**
   * One signed-in call to POC (and PROD for a migration) before anything is read or written: a
   * refused token or a workspace that does not answer fails the run at once, its report naming the
   * workspace and why, instead of exporting nothing and calling that a success.
   */
  private void signIn(Workspace w, boolean prodToo) {
    var problems = new ArrayList<String>();
    try {
      check.signIn("POC", sdkConfig("poc", w.pocHost()));
    } catch (WorkspaceUnavailableException e) {
      problems.add(e.getMessage());
    }
    if (prodToo && w.prodHost().isPresent()) {
      try {
        check.signIn("PROD", sdkConfig("prod", w.prodHost().get()));
      } catch (WorkspaceUnavailableException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty())
      throw new WorkspaceUnavailableException(String.join("; ", problems), null);
  }
}
