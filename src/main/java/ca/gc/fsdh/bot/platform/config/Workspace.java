package ca.gc.fsdh.bot.platform.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One POC workspace from the directory.
 *
 * @param acronym upper-case key, at most 10 characters
 * @param prodHost the new PROD workspace, or empty for an offboard-only workspace
 * @param secretsCluster a POC cluster id that runs the commands reading secret values and listing
 *     mounts; without it secret values and mounts are listed as not exported
 * @param sqlWarehouse a POC SQL warehouse id that reads table ACLs; without it they are not
 *     exported
 * @param mappingFile the import mapping (principals, paths, clusters) for this workspace's
 *     migration
 * @param prodSqlWarehouse a PROD SQL warehouse id that replays and checks table ACLs
 * @param tableAclTarget where table ACLs go in PROD: {@code auto} (Unity Catalog when PROD has a
 *     metastore), {@code hive-metastore} or {@code unity-catalog}; empty is auto
 * @param databases POC database to PROD {@code catalog.schema} for table ACLs into Unity Catalog,
 *     over the mapping file's {@code databases:}
 * @param prodModelRegistry where models go: {@code auto}, {@code workspace} or {@code
 *     unity-catalog} (empty: the mapping file's, else auto)
 * @param prodModelSchema the Unity Catalog {@code catalog.schema} for models (empty: the mapping
 *     file's, else PROD's default catalog, schema {@code default})
 */
public record Workspace(
    String acronym,
    String nameEn,
    String nameFr,
    String lead,
    List<String> admins,
    String leadChannel,
    Language language,
    String pocHost,
    Optional<String> prodHost,
    Optional<String> secretsCluster,
    Optional<String> sqlWarehouse,
    Optional<Path> mappingFile,
    Optional<String> prodSqlWarehouse,
    Optional<String> tableAclTarget,
    Map<String, String> databases,
    Optional<String> prodModelRegistry,
    Optional<String> prodModelSchema) {

  public Workspace {
    admins = List.copyOf(admins);
    databases = Map.copyOf(databases);
  }

  /** A workspace whose table ACLs and models go where the mapping file or PROD says. */
  public Workspace(
      String acronym,
      String nameEn,
      String nameFr,
      String lead,
      List<String> admins,
      String leadChannel,
      Language language,
      String pocHost,
      Optional<String> prodHost,
      Optional<String> secretsCluster,
      Optional<String> sqlWarehouse,
      Optional<Path> mappingFile,
      Optional<String> prodSqlWarehouse) {
    this(
        acronym,
        nameEn,
        nameFr,
        lead,
        admins,
        leadChannel,
        language,
        pocHost,
        prodHost,
        secretsCluster,
        sqlWarehouse,
        mappingFile,
        prodSqlWarehouse,
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        Optional.empty());
  }

  public String name(Language language) {
    return language == Language.FR ? nameFr : nameEn;
  }

  public boolean offboardOnly() {
    return prodHost.isEmpty();
  }

  /** The lead and the admins may make requests for the workspace. */
  public boolean isManagedBy(String slackUserId) {
    return lead.equals(slackUserId) || admins.contains(slackUserId);
  }
}
