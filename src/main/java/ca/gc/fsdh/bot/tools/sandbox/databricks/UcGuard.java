package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * Wraps the handlers of Unity Catalog endpoints: a workspace without a metastore answers every one
 * of them 404 METASTORE_DOES_NOT_EXIST (as {@code metastore_summary} does in
 * terraform-provider-databricks #2061, and as MLflow's UC store expects when it checks for that
 * code), and a {@link UcError} becomes the service's error JSON.
 */
final class UcGuard {
  private UcGuard() {}

  static Router.Handler guarded(UnityCatalog uc, Router.Handler h) {
    return call -> {
      try {
        uc.requireEnabled();
        return h.handle(call);
      } catch (UcError e) {
        throw e.toApi();
      }
    };
  }
}
