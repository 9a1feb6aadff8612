package ca.gc.fsdh.bot.tools.sandbox;

import ca.gc.fsdh.bot.migration.client.WorkspaceHost;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.ConfigLoader;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The bundled example configuration ({@code fsdh.example.yml}) with an environment that points it
 * at the stand-ins: a free port, a throw-away H2 database, sandbox tokens. Used by the demo and
 * tests, so the documented example is also the one that is exercised.
 */
public final class SandboxConfig {
  public static final String BOT_TOKEN = "xoxb-sandbox-bot-token";
  public static final String SIGNING_SECRET = "sandbox-signing-secret-0123456789";
  public static final String SUPPORT_GROUP = "S0FSDHSUPPORT";
  public static final String SUPPORT_CHANNEL = "C0FSDHSUPPORT";
  public static final String POC_TOKEN = "dapi-sandbox-poc";
  public static final String PROD_TOKEN = "dapi-sandbox-prod";

  private SandboxConfig() {}

  public static String exampleYaml() {
    try (InputStream in = SandboxConfig.class.getResourceAsStream("/fsdh.example.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment a sandboxed bot runs with; tests may change entries before loading. */
  public static Map<String, String> environment(String slackApiUrl, Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", slackApiUrl);
    env.put("FSDH_PORT", "0");
    env.put("FSDH_DB_URL", h2Url(dataDir));
    env.put("FSDH_POC_DATABRICKS_TOKEN", POC_TOKEN);
    env.put("FSDH_PROD_DATABRICKS_TOKEN", PROD_TOKEN);
    return env;
  }

  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.resolve("fsdh").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  public static Config load(Map<String, String> env) {
    return new ConfigLoader(env, WorkspaceHost::problem).parse(exampleYaml(), "fsdh.example.yml");
  }

  /**
   * The example configuration with every POC workspace on {@code pocHost} and every PROD workspace
   * on {@code prodHost} (two Databricks stand-ins), OCEAN's mapping for the sample ({@link
   * SampleProd}), bundles kept under {@code dataDir}, and no weekly digest.
   */
  public static Config load(
      Map<String, String> env, String pocHost, String prodHost, Path dataDir) {
    return load(env, pocHost, prodHost, dataDir, UnaryOperator.identity());
  }

  /** The same, with the YAML changed by {@code edit} before it is read (a test's settings). */
  public static Config load(
      Map<String, String> env,
      String pocHost,
      String prodHost,
      Path dataDir,
      UnaryOperator<String> edit) {
    Path mapping = dataDir.resolve("ocean-mapping.yml");
    try {
      Files.writeString(mapping, SampleProd.mappingYaml());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String yaml =
        exampleYaml()
            .replaceAll("pocHost: https://adb-[0-9.]+azuredatabricks\\.net", "pocHost: " + pocHost)
            .replaceAll(
                "prodHost: https://adb-[0-9.]+azuredatabricks\\.net", "prodHost: " + prodHost)
            .replace(
                "# mappingFile: /config/mappings/ocean.yml",
                "mappingFile: " + mapping.toAbsolutePath())
            .replace(
                "directory: data/bundles",
                "directory: " + dataDir.resolve("bundles").toAbsolutePath())
            // A bot started on a Monday morning would post the weekly digest (a message and a
            // file in the support channel) into every test and the demo: the digest's own test
            // runs it on a clock of its own.
            .replace("  digest: true ", "  digest: false");
    return new ConfigLoader(env, WorkspaceHost::problem)
        .parse(edit.apply(yaml), "fsdh.example.yml (sandbox)");
  }

  /** A Slack stand-in seeded with the example directory's people and the support group. */
  public static FakeSlackApi slack() {
    try {
      return new FakeSlackApi(BOT_TOKEN)
          .user("U0ADALOVE", "Ada Lovelace", "en-US")
          .user("U0GRACEHO", "Grace Hopper", "en-US")
          .user("U0MARIECU", "Marie Curie", "fr-CA")
          .user("U0ALANTUR", "Alan Turing", "en-GB")
          .user("U0SUPPORT1", "Sam Support", "en-US")
          .user("U0SUPPORT2", "Sophie Soutien", "fr-CA")
          .userGroup(SUPPORT_GROUP, List.of("U0SUPPORT1", "U0SUPPORT2"))
          .channelMembers(SUPPORT_CHANNEL, List.of("U0SUPPORT1", "U0SUPPORT2"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
