package ca.gc.fsdh.bot.app;

import ca.gc.fsdh.bot.migration.cli.ExportCommand;
import ca.gc.fsdh.bot.migration.cli.ImportCommand;
import ca.gc.fsdh.bot.migration.cli.MigrateCommand;
import ca.gc.fsdh.bot.migration.cli.OffboardCommand;
import ca.gc.fsdh.bot.migration.cli.PlanCommand;
import ca.gc.fsdh.bot.migration.cli.VerifyCommand;
import ca.gc.fsdh.bot.platform.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry of the production jar. Each subcommand is a class listed in {@code
 * subcommands}; adding one is adding a class and a line here. A bad configuration exits with code 2
 * and one line per problem. The tools jar's entry ({@code tools.ToolsMain}) adds {@code demo},
 * {@code sandbox} and {@code bench} to this same command line; nothing here knows of them.
 */
@Command(
    name = "fsdh-bot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Slack bot that migrates or offboards FSDH POC Databricks workspaces.",
    subcommands = {
      ServeCommand.class,
      PlanCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      VerifyCommand.class,
      MigrateCommand.class,
      OffboardCommand.class
    })
public final class Main {
  /** Exit code of a configuration the bot refuses (as for a bad command line). */
  public static final int BAD_CONFIG = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The production command line; the tools jar adds its subcommands to it. */
  public static CommandLine commandLine() {
    var cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException bad) {
        var err = commandLine.getErr();
        err.println("fsdh-bot: the configuration has " + bad.problems().size() + " problem(s):");
        bad.problems().forEach(p -> err.println("  " + p));
        return BAD_CONFIG;
      }
      throw e;
    });
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"fsdh-bot " + (v == null ? "development" : v)};
    }
  }
}
