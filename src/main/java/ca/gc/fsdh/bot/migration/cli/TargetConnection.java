package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.client.WorkspaceCheck;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The PROD workspace of {@code migrate}: like {@link WorkspaceConnection}, with {@code --target-}
 * options.
 */
public final class TargetConnection {
  @Option(names = "--target-host", required = true, description = "Target (PROD) workspace URL.")
  String host;

  @Option(
      names = "--target-token-env",
      defaultValue = "DATABRICKS_TARGET_TOKEN",
      description =
          "Environment variable holding the target's personal access token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--target-profile",
      description = "A ~/.databrickscfg profile for the target, instead of a token.")
  String profile;

  UnaryOperator<String> environment = System::getenv;

  /** The sign-in check run before anything else; tests shorten its timeouts. */
  WorkspaceCheck check = new WorkspaceCheck();

  DatabricksConfig config(picocli.CommandLine cli) {
    var c = new DatabricksConfig();
    if (profile != null) {
      c.setProfile(profile);
    } else {
      String token = environment.apply(tokenEnv);
      if (token == null || token.isBlank())
        throw new picocli.CommandLine.ParameterException(
            cli, "no target token: set " + tokenEnv + " or use --target-profile");
      c.setAuthType("pat").setToken(token).setCredentialsProvider(new PatCredentialsProvider());
    }
    return c.setHost(host);
  }

  /** This workspace for {@link Preflight}. */
  Preflight.Workspace preflight(picocli.CommandLine cli) {
    return new Preflight.Workspace("target", "--target-host", host, () -> config(cli), check);
  }

  DatabricksClients.Paced connect(picocli.CommandLine cli, RateLimits limits) {
    var c = config(cli);
    var paced = DatabricksClients.create(c, limits);
    c.resolve();
    return paced;
  }
}
