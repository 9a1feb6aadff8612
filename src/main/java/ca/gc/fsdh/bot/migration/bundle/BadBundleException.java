package ca.gc.fsdh.bot.migration.bundle;

import java.io.IOException;

/**
 * A bundle that must not be imported: damaged, tampered with, incomplete, or of an unknown format.
 */
public final class BadBundleException extends IOException {
  public BadBundleException(String message) {
    super(message);
  }

  public BadBundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
