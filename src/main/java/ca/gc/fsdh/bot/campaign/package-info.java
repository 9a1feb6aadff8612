/**
 * The campaign at a glance: where every workspace of the directory stands (done, under way, waiting
 * for approval, rejected or failed, not started), the days left to each milestone, the workspaces
 * at risk, the burn-down of workspaces remaining per day drawn to PNG, the CSV export for FSDH
 * reporting, and the weekly digest's at-most-once claim. Reads requests through its own read-only
 * queries on their table (never through the request domain's classes), deadlines through {@code
 * reminders}' {@code CurrentDeadlines}, and the audit log. May use {@code reminders} and {@code
 * platform}; imports no Slack.
 */
package ca.gc.fsdh.bot.campaign;
