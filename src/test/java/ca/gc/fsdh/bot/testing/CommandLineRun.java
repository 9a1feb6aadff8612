package ca.gc.fsdh.bot.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of a picocli command line in the test's own process: its exit code and what it printed.
 */
public record CommandLineRun(int exitCode, String out, String err) {
  public static CommandLineRun of(CommandLine cli, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CommandLineRun(code, out.toString(), err.toString());
  }
}
