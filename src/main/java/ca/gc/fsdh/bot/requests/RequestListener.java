package ca.gc.fsdh.bot.requests;

/**
 * Told after a request was saved or changed state (the change is already stored). Implementations
 * must return quickly: slow work such as Slack calls goes to an executor.
 */
public interface RequestListener {
  /**
   * @param actor the Slack user who caused the change, or {@code system}
   */
  void changed(MigrationRequest request, String actor);

  RequestListener NONE = (request, actor) -> {};

  /** Tells each listener in turn. */
  static RequestListener all(RequestListener... listeners) {
    return (request, actor) -> {
      for (RequestListener l : listeners) {
        l.changed(request, actor);
      }
    };
  }
}
