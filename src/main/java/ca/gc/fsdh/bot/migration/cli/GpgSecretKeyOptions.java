package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretValuesSource;
import ca.gc.fsdh.bot.migration.secrets.SecretKeyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Options of {@code import} and {@code verify} that open the secret values of an offboarding bundle
 * with the lead's OpenPGP secret key. The passphrase is read from an environment variable, never
 * from the command line (where {@code ps} and shell history would show it).
 */
public final class GpgSecretKeyOptions {
  /** Exit code when the key cannot open the bundle's values (nothing was sent to the workspace). */
  public static final int BAD_SECRET_KEY = 4;

  @Option(
      names = "--gpg-secret-key",
      paramLabel = "FILE",
      description =
          "The lead's OpenPGP secret key (armored or binary, from `gpg --export-secret-keys`): opens the secret values of an offboarding bundle, in memory only.")
  Path secretKey;

  @Option(
      names = "--gpg-passphrase-env",
      paramLabel = "VAR",
      defaultValue = "FSDH_GPG_PASSPHRASE",
      description =
          "Environment variable holding the passphrase of --gpg-secret-key (default: ${DEFAULT-VALUE}; unset for a key without one).")
  String passphraseEnv;

  /** Where variables are read; tests replace it (the JVM cannot set its own environment). */
  UnaryOperator<String> environment = System::getenv;

  boolean given() {
    return secretKey != null;
  }

  /**
   * The bundle's values opened with the key, or empty when no key is given. Everything is checked
   * here, before the first call to the workspace.
   */
  Optional<OpenPgpSecretValuesSource> open(BundleReader bundle) throws IOException {
    if (secretKey == null) return Optional.empty();
    String given =
        environment.apply(
            passphraseEnv); // a String from the environment cannot be wiped; our copy is
    char[] passphrase = given == null ? new char[0] : given.toCharArray();
    try {
      return Optional.of(OpenPgpSecretValuesSource.open(bundle, secretKey, passphrase));
    } catch (SecretKeyException e) {
      if (e.reason() != SecretKeyException.Reason.NO_PASSPHRASE
          && e.reason() != SecretKeyException.Reason.WRONG_PASSPHRASE) throw e;
      throw new SecretKeyException(
          e.reason(),
          e.getMessage()
              + " (the passphrase is read from "
              + passphraseEnv
              + (given == null ? ", which is not set)" : ")"));
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }
}
