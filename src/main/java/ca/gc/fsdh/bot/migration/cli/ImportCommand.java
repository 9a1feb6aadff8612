package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.ImportReportText;
import ca.gc.fsdh.bot.migration.WorkspaceImport;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretValuesSource;
import ca.gc.fsdh.bot.migration.spi.ExistingPolicy;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import}: a bundle (directory or offboarding zip) into a workspace. The bundle is checked
 * completely, and its secret values opened with {@code --gpg-secret-key}, before the first call to
 * the workspace. Exit 0 when every item was imported or skipped, 1 when some failed, 3 for a bad
 * bundle, 4 when the secret key cannot open its values.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import a bundle into a workspace (resumable; --dry-run shows what would be created, overwritten, skipped).")
public final class ImportCommand implements Callable<Integer> {
  public static final int BAD_BUNDLE = 3;

  @Mixin WorkspaceConnection connection = new WorkspaceConnection();

  @Mixin BundleInput bundle = new BundleInput();

  @Mixin MappingOption mapping = new MappingOption();

  @Option(
      names = "--state",
      description =
          "Import journal and reports (default: <bundle>.import next to the bundle). Reuse it to resume.")
  Path state;

  @Mixin TypesOption types = new TypesOption();

  @Option(
      names = "--existing",
      split = ",",
      paramLabel = "TYPE=skip|overwrite",
      description =
          "What to do with items already in the target, per type (defaults: notebooks, repos, jobs overwrite; secrets, models skip).")
  Map<String, String> existing = new HashMap<>();

  @Option(
      names = "--sql-warehouse",
      description = "Target SQL warehouse id that replays table grants.")
  String sqlWarehouse;

  @Mixin WorkersOption workers = new WorkersOption();

  @Option(names = "--no-permissions", description = "Do not replay object permissions.")
  boolean noPermissions;

  @Option(
      names = "--dry-run",
      description =
          "Read the target, write nothing; report what would be created, overwritten, skipped.")
  boolean dryRun;

  @Mixin TableAclTargetOption tableAclTarget = new TableAclTargetOption();

  @Mixin JsonOption json = new JsonOption();

  @Mixin GpgSecretKeyOptions gpg = new GpgSecretKeyOptions();

  @Mixin ModelTargetOption models = new ModelTargetOption();

  @Spec CommandSpec spec;

  static Map<ResourceType, ExistingPolicy> policies(Map<String, String> given, MappingFile m) {
    var out = new EnumMap<ResourceType, ExistingPolicy>(ResourceType.class);
    m.existing().forEach((t, p) -> out.put(ResourceType.ofName(t), ExistingPolicy.ofName(p)));
    given.forEach((t, p) -> out.put(ResourceType.ofName(t), ExistingPolicy.ofName(p)));
    return out;
  }

  static Path defaultState(Path bundle) {
    Path abs = bundle.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".import");
  }

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var workspace = connection.preflight(spec.commandLine(), "target");
    int badHost = Preflight.hosts(err, workspace);
    if (badHost != 0) return badHost;
    MappingFile map = mapping.read();
    return bundle.open(
        err,
        gpg,
        "imported",
        (reader, values) -> {
          var typeSet = types.set();
          if (values == null
              && typeSet.contains(ResourceType.SECRETS)
              && OpenPgpSecretValuesSource.hasEncryptedValues(reader)) {
            err.println(
                "note: this bundle holds secret values encrypted to the lead's OpenPGP key; without --gpg-secret-key"
                    + " the scopes are created without them and the report lists the keys to put by hand");
          }
          var options =
              new ImportOptions(
                  typeSet,
                  policies(existing, map),
                  state == null ? defaultState(bundle.path()) : state,
                  Optional.ofNullable(sqlWarehouse),
                  values == null ? SecretValueSource.NONE : values,
                  workers.count(),
                  !noPermissions,
                  dryRun,
                  tableAclTarget.get(),
                  models.options());
          int refused = Preflight.signIn(err, workspace);
          if (refused != 0) return refused;
          var paced = connection.connect(spec.commandLine());
          var progress = new ConsoleProgress(err, System.console() != null && !json.on());
          var result =
              new WorkspaceImport(paced.workspace(), connection.hostName(paced))
                  .run(reader, map, options, progress);
          progress.finish();
          out.println(
              json.on()
                  ? BundleJson.PRETTY.writeValueAsString(result)
                  : ImportReportText.render(result)
                      + (result.report() == null
                          ? ""
                          : "Report: " + result.reportText() + " (JSON: " + result.report() + ")"));
          out.flush();
          return result.anyFailed() ? ExportCommand.ITEMS_FAILED : 0;
        });
  }
}
