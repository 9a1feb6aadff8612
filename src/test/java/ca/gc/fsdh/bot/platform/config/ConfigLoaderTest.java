package ca.gc.fsdh.bot.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.client.WorkspaceHost;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static Map<String, String> env() {
    return new HashMap<>(SandboxConfig.environment("http://127.0.0.1:9/api/", Path.of("/tmp/x")));
  }

  private static List<String> problems(String yaml, Map<String, String> env) {
    try {
      new ConfigLoader(env, WorkspaceHost::problem).parse(yaml, "test.yml");
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("the configuration was accepted");
  }

  @Test
  void theExampleFileLoadsCompletely() {
    Config c = SandboxConfig.load(env());
    assertThat(c.slack().supportChannel()).isEqualTo("C0FSDHSUPPORT");
    assertThat(c.slack().supportUserGroup()).isEqualTo("S0FSDHSUPPORT");
    assertThat(c.slack().socketMode()).isFalse();
    assertThat(c.directory().all())
        .extracting(Workspace::acronym)
        .containsExactly("OCEAN", "FORET", "ARCTIC");
    Workspace foret = c.directory().find("foret").orElseThrow();
    assertThat(foret.language()).isEqualTo(Language.FR);
    assertThat(foret.name(Language.FR)).isEqualTo("Inventaire du carbone forestier");
    assertThat(c.directory().find("ARCTIC").orElseThrow().offboardOnly()).isTrue();
    assertThat(c.directory().find("OCEAN").orElseThrow().isManagedBy("U0GRACEHO")).isTrue();
    assertThat(c.deadlines().timeZone()).isEqualTo(ZoneId.of("America/Toronto"));
    assertThat(c.deadlines().reminderOffsetsDays()).containsExactly(30, 14, 7, 3, 1, 0);
    assertThat(c.deadlines().milestones())
        .extracting(Milestone::id)
        .containsExactly("analysis-end", "roles-guest", "final-date", "poc-disabled");
    assertThat(c.deadlines().milestones().get(2).date()).isEqualTo(LocalDate.of(2025, 11, 30));
    assertThat(c.databricks().get("poc").secret().orElseThrow().value())
        .isEqualTo("dapi-sandbox-poc");
    assertThat(c.databricks().get("prod").type()).isEqualTo("pat");
    Workspace ocean = c.directory().find("OCEAN").orElseThrow();
    assertThat(ocean.secretsCluster()).contains("0101-000000-migrat01");
    assertThat(ocean.sqlWarehouse()).contains("a1b2c3d4e5f60001");
    assertThat(c.directory().find("FORET").orElseThrow().secretsCluster()).isEmpty();
    assertThat(c.bundles().maxUploadBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(c.bundles().retention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void badBundleSettingsAndAnUnreadableMappingFileAreReported() {
    String yaml =
        SandboxConfig.exampleYaml()
            .replace("maxUploadMegabytes: 100", "maxUploadMegabytes: lots")
            .replace("retentionDays: 30", "retentionDays: 0")
            .replace(
                "# mappingFile: /config/mappings/ocean.yml", "mappingFile: /nonexistent/ocean.yml");
    assertThat(problems(yaml, env()))
        .containsExactlyInAnyOrder(
            "workspaces[0].mappingFile: '/nonexistent/ocean.yml' is not a readable file",
            "bundles.maxUploadMegabytes: 'lots' is not a whole number of megabytes such as 100",
            "bundles.retentionDays: 0 is not at least 1 day");
  }

  @Test
  void theTableAclTargetAndDatabaseMappingAreReadAndCheckedPerWorkspace() {
    String yaml = SandboxConfig.exampleYaml();
    String good =
        yaml.replace("# tableAclTarget: auto ", "tableAclTarget: unity-catalog ")
            .replace(
                "# databases: {acoustique: fsdh_prod.acoustique}",
                "databases: {acoustique: fsdh_prod.acoustique_poc}");
    Workspace w =
        new ConfigLoader(env(), WorkspaceHost::problem)
            .parse(good, "test.yml")
            .directory()
            .all()
            .getFirst();
    assertThat(w.tableAclTarget()).contains("unity-catalog");
    assertThat(w.databases()).containsExactly(Map.entry("acoustique", "fsdh_prod.acoustique_poc"));
    String bad =
        yaml.replace("# tableAclTarget: auto ", "tableAclTarget: uc ")
            .replace(
                "# databases: {acoustique: fsdh_prod.acoustique}", "databases: {acoustique: prod}");
    assertThat(problems(bad, env()))
        .containsExactlyInAnyOrder(
            "workspaces[0].tableAclTarget: 'uc' is not auto, hive-metastore or unity-catalog",
            "workspaces[0].databases: acoustique: 'prod' is not catalog.schema");
  }

  @Test
  void whereModelsGoIsReadPerWorkspaceAndCheckedOnce() {
    String good =
        SandboxConfig.exampleYaml()
            .replace("# prodModelRegistry: auto", "prodModelRegistry: unity-catalog")
            .replace("# prodModelSchema: ocean.modeles", "prodModelSchema: ocean.modeles");
    Workspace ocean =
        new ConfigLoader(env(), WorkspaceHost::problem)
            .parse(good, "test.yml")
            .directory()
            .find("OCEAN")
            .orElseThrow();
    assertThat(ocean.prodModelRegistry()).contains("unity-catalog");
    assertThat(ocean.prodModelSchema()).contains("ocean.modeles");
    assertThat(SandboxConfig.load(env()).directory().find("OCEAN").orElseThrow().prodModelSchema())
        .isEmpty();
    String bad =
        SandboxConfig.exampleYaml()
            .replace("# prodModelRegistry: auto", "prodModelRegistry: legacy")
            .replace("# prodModelSchema: ocean.modeles", "prodModelSchema: modeles");
    assertThat(problems(bad, env()))
        .containsExactlyInAnyOrder(
            "workspaces[0].prodModelRegistry: 'legacy' is not auto, workspace or unity-catalog",
            "workspaces[0].prodModelSchema: 'modeles' is not a Unity Catalog catalog.schema");
  }

  @Test
  void environmentOverridesPortAndDatabase() {
    Map<String, String> env = env();
    env.put("FSDH_PORT", "8081");
    env.put("FSDH_DB_URL", "jdbc:postgresql://db:5432/fsdh");
    env.put("FSDH_DB_USER", "bot");
    env.put("FSDH_DB_PASSWORD", "pw");
    Config c = SandboxConfig.load(env);
    assertThat(c.port()).isEqualTo(8081);
    assertThat(c.database().isPostgres()).isTrue();
    assertThat(c.database().user()).contains("bot");
    assertThat(c.database().password().orElseThrow().toString()).doesNotContain("pw");
  }

  @Test
  void defaultsApplyWhenOptionalKeysAreAbsent() {
    Map<String, String> env = env();
    env.remove("FSDH_PORT");
    env.remove("FSDH_DB_URL");
    env.remove("SLACK_API_URL");
    Config c =
        new ConfigLoader(env, WorkspaceHost::problem)
            .parse("slack: {supportChannel: C0S, supportUserGroup: S0G}", "min.yml");
    assertThat(c.port()).isEqualTo(3000);
    assertThat(c.database().url()).isEqualTo(DatabaseSettings.DEFAULT_URL);
    assertThat(c.slack().apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(c.deadlines().reminderOffsetsDays()).containsExactly(30, 14, 7, 3, 1, 0);
    assertThat(c.directory().all()).isEmpty();
  }

  @Test
  void severalMistakesAreAllReportedOneLineEachNamingTheKey() {
    String yaml =
        """
        slack:
          supportChannel: general
          supportUserGroup: S0G
          defaultLanguage: de
        server: {port: 99999}
        databricks:
          poc: {auth: pat}
          prod: {auth: basic}
        workspaces:
          - acronym: toolongacronym
            nameEn: A
            lead: Bob
            leadChannel: C0A
            pocHost: not a url
          - acronym: OK1
            nameEn: B
            nameFr: B
            lead: U0B
            leadChannel: C0B
            pocHost: https://poc
            colour: blue
        deadlines:
          timeZone: Mars/Olympus
          reminderOffsetsDays: [7, -1]
          milestones:
            - id: final
              date: 30/11/2025
              titleEn: Final
              titleFr: Finale
        """;
    Map<String, String> env = env();
    env.remove("FSDH_PORT");
    List<String> p = problems(yaml, env);
    assertThat(p)
        .contains(
            "slack.supportChannel: 'general' is not a channel id such as C012AB3CD",
            "slack.defaultLanguage: 'de' is not en or fr",
            "server.port: '99999' is not a port number (0 to 65535)",
            "databricks.poc.tokenVariable: is required: the name of the environment variable that holds the secret",
            "databricks.prod.auth: 'basic' is not one of pat, oauth-m2m, azure-client-secret, profile",
            "workspaces[0].acronym: 'toolongacronym' is not ABC (upper case, at most 10 characters)",
            "workspaces[0].nameFr: is required (for example: Acoustique océanique)",
            "workspaces[0].lead: 'Bob' is not a Slack user id such as U012AB3CD",
            "workspaces[0].pocHost: 'not a url' is not an https:// URL, such as https://adb-1234567890123456.7.azuredatabricks.net",
            "deadlines.timeZone: 'Mars/Olympus' is not a time zone such as America/Toronto",
            "deadlines.reminderOffsetsDays: '-1' is not a number of days from 0 to 365",
            "deadlines.milestones[0].date: '30/11/2025' is not a date such as 2025-11-30");
    assertThat(p).anyMatch(line -> line.startsWith("workspaces[1].colour: unknown key"));
    assertThat(p).allMatch(line -> !line.contains("Exception"));
  }

  @Test
  void workspaceHostsMustBeHttpsUrlsOrALocalStandIn() {
    String yaml = SandboxConfig.exampleYaml();
    String poc =
        yaml.lines()
            .filter(l -> l.strip().startsWith("pocHost:"))
            .findFirst()
            .orElseThrow()
            .strip();
    String prod =
        yaml.lines()
            .filter(l -> l.strip().startsWith("prodHost:"))
            .findFirst()
            .orElseThrow()
            .strip();
    var p =
        problems(
            yaml.replaceFirst(
                    Pattern.quote(poc),
                    "pocHost: http://adb-1234567890123456.7.azuredatabricks.net")
                .replaceFirst(Pattern.quote(prod), "prodHost: ftp:/x"),
            env());
    assertThat(p)
        .containsExactly(
            "workspaces[0].pocHost: 'http://adb-1234567890123456.7.azuredatabricks.net' is not an https:// URL"
                + " (http:// only for a local stand-in on 127.0.0.1 or localhost)",
            "workspaces[0].prodHost: 'ftp:/x' is not an https:// URL, such as https://adb-1234567890123456.7.azuredatabricks.net");
    // the stand-ins the demo and the tests use
    var local =
        new ConfigLoader(env(), WorkspaceHost::problem)
            .parse(
                yaml.replaceFirst(Pattern.quote(poc), "pocHost: http://127.0.0.1:8765")
                    .replaceFirst(Pattern.quote(prod), "prodHost: http://localhost:8766"),
                "test.yml");
    assertThat(local.directory().all().getFirst().pocHost()).isEqualTo("http://127.0.0.1:8765");
  }

  @Test
  void missingSecretsNameTheirVariableAndNeverAValue() {
    Map<String, String> env = env();
    env.remove("SLACK_BOT_TOKEN");
    env.remove("SLACK_SIGNING_SECRET");
    env.remove("FSDH_POC_DATABRICKS_TOKEN");
    List<String> p = problems(SandboxConfig.exampleYaml(), env);
    assertThat(p)
        .containsExactlyInAnyOrder(
            "environment variable SLACK_BOT_TOKEN: is required (the bot token, xoxb-...)",
            "environment variable SLACK_SIGNING_SECRET: is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
            "environment variable FSDH_POC_DATABRICKS_TOKEN: is required (named by databricks.poc.tokenVariable)");
    assertThat(String.join("\n", p)).doesNotContain("dapi-sandbox-prod");
  }

  @Test
  void oauthAndAzureServicePrincipalsNeedTheirIdsAndTheirSecretVariable() {
    Map<String, String> env = env();
    env.put("FSDH_PROD_SECRET", "s3cr3t");
    String oauth =
        SandboxConfig.exampleYaml()
            .replace(
                """
                prod:
                  auth: pat
                  tokenVariable: FSDH_PROD_DATABRICKS_TOKEN\
                """
                    .stripIndent()
                    .indent(2)
                    .stripTrailing(),
                """
                prod:
                  auth: oauth-m2m
                  clientId: 6f1c2d3e-0000-4000-8000-00000000f5d4
                  clientSecretVariable: FSDH_PROD_SECRET\
                """
                    .stripIndent()
                    .indent(2)
                    .stripTrailing());
    DatabricksAuth prod =
        new ConfigLoader(env, WorkspaceHost::problem)
            .parse(oauth, "oauth.yml")
            .databricks()
            .get("prod");
    assertThat(prod.type()).isEqualTo("oauth-m2m");
    assertThat(prod.sdkConfig("https://adb-2.azuredatabricks.net").getClientSecret())
        .isEqualTo("s3cr3t");
    String azure = oauth.replace("auth: oauth-m2m", "auth: azure-client-secret");
    assertThat(problems(azure, env))
        .containsExactly("databricks.prod.tenantId: is required for this auth type");
  }

  @Test
  void socketModeNeedsNoSigningSecret() {
    Map<String, String> env = env();
    env.remove("SLACK_SIGNING_SECRET");
    env.put("SLACK_APP_TOKEN", "xapp-1");
    assertThat(SandboxConfig.load(env).slack().socketMode()).isTrue();
  }

  @Test
  void duplicateAcronymsAndMilestoneIdsAreRefused() {
    String yaml =
        SandboxConfig.exampleYaml()
            .replace("acronym: FORET", "acronym: OCEAN")
            .replace("id: roles-guest", "id: analysis-end");
    assertThat(problems(yaml, env()))
        .contains(
            "workspaces[1].acronym: 'OCEAN' appears more than once",
            "deadlines.milestones[1].id: 'analysis-end' appears more than once");
  }

  @Test
  void brokenYamlIsOneLineWithItsPosition() {
    assertThat(problems("slack: [unclosed", env()))
        .singleElement()
        .asString()
        .startsWith("config file test.yml: not valid YAML at line");
  }

  @Test
  void aMissingFileIsOneLine() {
    assertThatThrownBy(() ->
            new ConfigLoader(env(), WorkspaceHost::problem).load(Path.of("/nonexistent/fsdh.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file /nonexistent/fsdh.yml: not found");
  }

  @Test
  void aSecretNeverPrintsItsValue() {
    assertThat(new Secret("SLACK_BOT_TOKEN", "xoxb-123").toString()).doesNotContain("xoxb-123");
  }
}
