package ca.gc.fsdh.bot.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * The choices made with a request besides its type and workspace.
 *
 * @param notebookFormat {@code SOURCE} (default) or {@code JUPYTER} (keeps outputs), for
 *     offboarding
 * @param publicKey the lead's ASCII-armoured OpenPGP public key: secret values are exported only
 *     when it is given, encrypted to it (a public key is not a secret)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RequestOptions(String notebookFormat, Optional<String> publicKey) {
  public static final RequestOptions DEFAULT = new RequestOptions("SOURCE", Optional.empty());

  public RequestOptions {
    notebookFormat = notebookFormat == null ? "SOURCE" : notebookFormat;
    publicKey = publicKey == null ? Optional.empty() : publicKey;
  }
}
