/**
 * The application shell: the command line ({@code Main}, {@code serve}), the configuration file,
 * {@code Wiring} (the one place long-lived objects are built), the running {@code Bot} and every
 * Slack route ({@code SlackRoutes}). The only production package that wires features together: it
 * may use every other production package, and nothing but the tools uses it.
 */
package ca.gc.fsdh.bot.app;
