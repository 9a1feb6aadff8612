/**
 * The shared Slack kit, which knows no feature: the Bolt-over-HTTP endpoint and its signature check
 * ({@code SlackEndpoint}, {@code SlackSignatureCheck}), the {@code /fsdh} router and its {@code
 * Subcommand} contract, replies and bilingual blocks, Slack calls and their failures, direct
 * message channels, uploaded files, Slack dates, the support team as a Slack user group, and the
 * readiness of Slack and Socket Mode. May use Bolt and the {@code platform} packages; imports no
 * feature (requests, reminders, the migration core).
 */
package ca.gc.fsdh.bot.slackkit;
