package ca.gc.fsdh.bot.tools.bench;

import picocli.CommandLine.Command;

/**
 * {@code bench}: benchmarks that print figures and ratios against their targets. They run against
 * the local stand-ins, need no account, and are not part of the test suite.
 */
@Command(
    name = "bench",
    description = "Benchmarks: print figures and ratios against their targets.",
    mixinStandardHelpOptions = true,
    subcommands = {
      AckBenchmark.class,
      DirectMessageBenchmark.class,
      ExportBenchmark.class,
      BenchMigrate.class
    })
public final class BenchCommand {}
