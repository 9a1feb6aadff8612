package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.bundle.BadBundleException;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretValuesSource;
import ca.gc.fsdh.bot.migration.secrets.SecretKeyException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --bundle} (a picocli mixin) and what {@code import} and {@code verify} do with it before
 * the first call to the workspace: check the bundle completely and open its secret values with the
 * lead's key. A refusal is one line on stderr and the command's exit code.
 */
public final class BundleInput {
  @Option(names = "--bundle", required = true, description = "Bundle directory or offboarding zip.")
  Path bundle;

  Path path() {
    return bundle;
  }

  /** The command's work on the opened bundle; {@code values} is null without a secret key. */
  @FunctionalInterface
  interface Work {
    int run(BundleReader reader, OpenPgpSecretValuesSource values) throws Exception;
  }

  /**
   * Opens the bundle and its secret values, runs {@code work} on them and closes both; {@code
   * nothingWas} ("imported", "verified") says in a refusal what did not happen.
   */
  int open(PrintWriter err, GpgSecretKeyOptions gpg, String nothingWas, Work work)
      throws Exception {
    BundleReader reader;
    try {
      reader = BundleReader.open(bundle);
    } catch (BadBundleException e) {
      err.println("fsdh-bot: bad bundle, nothing was " + nothingWas + ": " + e.getMessage());
      err.flush();
      return ImportCommand.BAD_BUNDLE;
    }
    try (reader) {
      OpenPgpSecretValuesSource values;
      try {
        values = gpg.open(reader).orElse(null);
      } catch (SecretKeyException e) {
        err.println(
            "fsdh-bot: the secret values cannot be opened, nothing was "
                + nothingWas
                + ": "
                + e.getMessage());
        err.flush();
        return GpgSecretKeyOptions.BAD_SECRET_KEY;
      }
      try (values) {
        return work.run(reader, values);
      }
    }
  }
}
