package ca.gc.fsdh.bot.requests;

import java.util.Locale;

/** What the lead asked for: a move to PROD, or an export bundle to take away. */
public enum RequestKind {
  MIGRATE,
  OFFBOARD;

  public String messageKey() {
    return "request.kind." + name().toLowerCase(Locale.ROOT);
  }
}
