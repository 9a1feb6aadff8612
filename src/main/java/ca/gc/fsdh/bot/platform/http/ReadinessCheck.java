package ca.gc.fsdh.bot.platform.http;

/** One thing {@code GET /readyz} checks: the database, Slack's {@code auth.test}. */
public interface ReadinessCheck {
  String name();

  /** True when ready; must return within a couple of seconds and never throw. */
  boolean ready();
}
