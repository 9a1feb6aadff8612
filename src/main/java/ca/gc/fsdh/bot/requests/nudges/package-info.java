/**
 * No request left waiting: a request still waiting for a decision is nudged in its approval thread
 * once each business day after {@code approvals.nudgeAfterBusinessDays}, and escalated once after
 * {@code approvals.escalateAfterBusinessDays} more. {@code Nudges} decides what is due, {@code
 * NudgeLedger} (table {@code request_nudge}) holds each nudge to at most once per request and
 * business day across restarts and instances (a row claimed before anything is posted, as reminders
 * do), {@code NudgeJob} runs it from the shared Quartz scheduler, and {@code NudgePoster} is the
 * port its Slack side ({@code requests/slack/NudgeMessage}) implements. Reads the request table
 * with its own queries ({@code WaitingRequests}). Imports no Slack; may use {@code platform}.
 */
package ca.gc.fsdh.bot.requests.nudges;
