/**
 * The reminders' Slack commands: {@code /fsdh deadlines} (everyone; support moves a date) and
 * {@code /fsdh reminders} (support: the next slots and what is not delivered). May use {@code
 * reminders}, the Slack kit and the {@code platform} packages.
 */
package ca.gc.fsdh.bot.reminders.slack;
