package ca.gc.fsdh.bot.requests;

import java.util.Optional;

/**
 * What a finished run stored with its request: its report, or the error that ended it. The JDBC
 * stores keep it as JSON ({@code StoredResultJson}); everyone else sees this value.
 */
public record StoredResult(Optional<RunReport> report, Optional<String> error) {
  /** No result (a report message written before results were stored with it). */
  public static final StoredResult NONE = new StoredResult(Optional.empty(), Optional.empty());

  public static StoredResult of(RunReport report) {
    return new StoredResult(Optional.of(report), Optional.empty());
  }

  public static StoredResult failed(String error) {
    return new StoredResult(Optional.empty(), Optional.of(error));
  }
}
