/**
 * Deadline reminders: planning each milestone's slots in business days ({@code ReminderPlanner}),
 * keeping Quartz's triggers equal to the plan ({@code ReminderScheduler}), the fan-out and sweep
 * jobs, the {@code reminder_delivery} queue that makes each reminder go out at most once, the
 * shared send pace, the wording ({@code ReminderMessage}) and the courier that posts to Slack. Owns
 * the {@code WorkspaceStanding} port through which it learns where a workspace stands. May use the
 * {@code platform} packages and the Slack kit; imports no other feature.
 */
package ca.gc.fsdh.bot.reminders;
