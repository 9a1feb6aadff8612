package ca.gc.fsdh.bot.migration.client;

/**
 * A workspace that did not answer the sign-in check, or refused the credentials. The message is one
 * line naming the workspace ("target https://…: the token was refused (403 Invalid access token)").
 */
public final class WorkspaceUnavailableException extends RuntimeException {
  public WorkspaceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
