/**
 * Local stand-ins of the outside services, for the tests, the demo and the benchmarks: the {@code
 * sandbox} command, the configuration that points the bot at them ({@code SandboxConfig}) and an
 * adjustable clock. Sub-packages: {@code slack} and {@code databricks}.
 */
package ca.gc.fsdh.bot.tools.sandbox;
