/**
 * The Slack stand-in: a stateful Slack Web API ({@code FakeSlackApi}) that refuses what Slack
 * refuses ({@code BlockKitLimits}, {@code UserFiles}), and {@code SlackSender}, which plays Slack
 * towards the bot over signed HTTP. See docs/slack-standin.md.
 */
package ca.gc.fsdh.bot.tools.sandbox.slack;
