package ca.gc.fsdh.bot.platform.audit;

import java.util.List;

/** Append-only record of every action: who, what, when, which request. */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The most recent entries, newest first. */
  List<AuditEntry> recent(int limit);

  /** Every entry about one request, oldest first. */
  List<AuditEntry> forRequest(long requestId);
}
