package ca.gc.fsdh.bot.migration.secrets;

import java.io.IOException;

/**
 * Why the lead's OpenPGP secret key cannot open the secret values of a bundle. The message is one
 * line naming the key file or the bundle file; it never holds a value or a passphrase.
 */
public final class SecretKeyException extends IOException {
  /**
   * What went wrong, so that a command can add the hint that fits (e.g. where the passphrase comes
   * from).
   */
  public enum Reason {
    NOT_A_SECRET_KEY,
    WRONG_KEY,
    NO_PASSPHRASE,
    WRONG_PASSPHRASE,
    UNREADABLE
  }

  private final Reason reason;

  public SecretKeyException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
