package ca.gc.fsdh.bot.tools.sandbox;

import ca.gc.fsdh.bot.tools.sandbox.databricks.DatabricksSandboxCommand;
import picocli.CommandLine.Command;

/**
 * {@code sandbox}: runs a local stand-in on its own, for manual tests and for measuring other
 * tools.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = "Run a local stand-in of an outside service until killed.",
    subcommands = {DatabricksSandboxCommand.class})
public final class SandboxCommand {}
