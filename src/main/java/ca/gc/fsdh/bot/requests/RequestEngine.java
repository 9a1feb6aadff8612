package ca.gc.fsdh.bot.requests;

/**
 * Runs the migration core for one request: export, import and verify for a migration; export and
 * package for an offboarding. Resumable: run again for the same request after a crash, it continues
 * from the core's journal and never repeats a finished item.
 */
public interface RequestEngine {
  /**
   * @throws Exception when the run could not complete at all (the request then fails, and may be
   *     retried)
   */
  RunReport run(MigrationRequest request, RunProgress progress) throws Exception;
}
