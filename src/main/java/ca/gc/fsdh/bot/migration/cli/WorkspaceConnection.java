package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimitGroup;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.client.WorkspaceCheck;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Options shared by the core's commands: which workspace, and how to authenticate with the SDK's
 * unified auth. Checked by {@link Preflight} before the command reads or writes anything. The token
 * is read from an environment variable, never from the command line (where {@code ps} and shell
 * history would show it).
 */
public final class WorkspaceConnection {
  @Option(
      names = "--host",
      description =
          "Workspace URL, e.g. https://adb-123.azuredatabricks.net (default: from the profile or DATABRICKS_HOST).")
  String host;

  @Option(
      names = "--token-env",
      defaultValue = "DATABRICKS_TOKEN",
      description =
          "Environment variable holding a personal access token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--profile",
      description =
          "A profile of ~/.databrickscfg (PAT, OAuth M2M or Azure service principal), instead of a token.")
  String profile;

  @Option(
      names = "--rate",
      split = ",",
      paramLabel = "GROUP=PER_SECOND",
      description =
          "Override a client-side rate limit, e.g. WORKSPACE_EXPORT=30. Groups: see docs/export.md.")
  Map<String, Double> rates = new HashMap<>();

  /** Where variables are read; tests replace it (the JVM cannot set its own environment). */
  UnaryOperator<String> environment = System::getenv;

  /** The sign-in check run before anything else; tests shorten its timeouts. */
  WorkspaceCheck check = new WorkspaceCheck();

  /**
   * This workspace for {@link Preflight}: its host as given (--host, else DATABRICKS_HOST, else a
   * profile's).
   */
  Preflight.Workspace preflight(picocli.CommandLine cli, String role) {
    String given = host != null ? host : environment.apply("DATABRICKS_HOST");
    return new Preflight.Workspace(
        role, host != null ? "--host" : "DATABRICKS_HOST", given, () -> config(cli), check);
  }

  DatabricksConfig config(picocli.CommandLine cli) {
    var c = new DatabricksConfig();
    if (profile != null) {
      c.setProfile(profile);
    } else {
      String token = environment.apply(tokenEnv);
      if (token == null || token.isBlank()) {
        throw new picocli.CommandLine.ParameterException(
            cli, "no token: set " + tokenEnv + " or use --profile");
      }
      c.setAuthType("pat").setToken(token).setCredentialsProvider(new PatCredentialsProvider());
    }
    if (host != null) c.setHost(host);
    if (c.getHost() == null && environment.apply("DATABRICKS_HOST") != null)
      c.setHost(environment.apply("DATABRICKS_HOST"));
    if (c.getHost() == null && profile == null) {
      throw new picocli.CommandLine.ParameterException(cli, "no --host given");
    }
    return c;
  }

  RateLimits limits() {
    var limits = RateLimits.defaults();
    for (var e : rates.entrySet()) {
      limits =
          limits.with(RateLimitGroup.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue());
    }
    return limits;
  }

  DatabricksClients.Paced connect(picocli.CommandLine cli) {
    var config = config(cli);
    var paced = DatabricksClients.create(config, limits());
    config.resolve();
    return paced;
  }

  String hostName(DatabricksClients.Paced paced) {
    return paced.workspace().config().getHost();
  }
}
