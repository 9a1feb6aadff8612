/**
 * The bot's HTTP server on the JDK's built-in server ({@code HttpFront}: health, readiness, metrics
 * and the route Slack posts to), its Prometheus metrics ({@code BotMetrics}), the {@code
 * ReadinessCheck} port and small exchange helpers. Knows no Slack and no feature: the Slack
 * endpoint is handed in.
 */
package ca.gc.fsdh.bot.platform.http;
