package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Where the values of one Databricks-backed secret scope go once read. Values never reach a log, a
 * report line or an unencrypted file: they are held in memory for a migration, or encrypted with
 * OpenPGP for an offboarding.
 */
public interface SecretValueSink {
  /** NONE, IN_MEMORY or OPENPGP; written to the manifest. */
  String mode();

  /** Takes the values of one scope; returns the bundle file written, if any. */
  Optional<FileRef> accept(String scope, Map<String, byte[]> values, BundleWriter bundle)
      throws IOException;

  /** Values are not read at all. */
  SecretValueSink NONE =
      new SecretValueSink() {
        @Override
        public String mode() {
          return "NONE";
        }

        @Override
        public Optional<FileRef> accept(
            String scope, Map<String, byte[]> values, BundleWriter bundle) {
          throw new IllegalStateException("secret values are not to be read in this export");
        }
      };
}
