package ca.gc.fsdh.bot.requests;

/** Makes a request's plan: the inventory of what it would move, from list calls only. */
@FunctionalInterface
public interface RequestPlanner {
  PlanSummary plan(MigrationRequest request) throws Exception;
}
