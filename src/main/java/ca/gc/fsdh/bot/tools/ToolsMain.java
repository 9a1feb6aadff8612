package ca.gc.fsdh.bot.tools;

import ca.gc.fsdh.bot.app.Main;
import ca.gc.fsdh.bot.tools.bench.BenchCommand;
import ca.gc.fsdh.bot.tools.demo.DemoCommand;
import ca.gc.fsdh.bot.tools.sandbox.SandboxCommand;
import picocli.CommandLine;

/**
 * Command-line entry of the tools jar ({@code target/fsdh-bot-tools.jar}): the production command
 * line with the tools' subcommands added, {@code demo}, {@code sandbox} and {@code bench}. The
 * production jar holds no class of {@code tools}, so none of them can ship with the bot.
 */
public final class ToolsMain {
  private ToolsMain() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return Main.commandLine()
        .addSubcommand(new DemoCommand())
        .addSubcommand(new SandboxCommand())
        .addSubcommand(new BenchCommand());
  }
}
