package ca.gc.fsdh.bot.tools.sandbox.databricks;

/** The endpoints of one API area, registered on the {@link Router}. */
interface Routes {
  void register(Router router);
}
