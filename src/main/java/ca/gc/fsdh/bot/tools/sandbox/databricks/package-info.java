/**
 * The Databricks stand-in: a local, stateful HTTP server the real Databricks SDK talks to ({@code
 * FakeDatabricks}), with the REST routes the core uses, their rate limits and faults, and seeded
 * sample workspaces. See docs/databricks-standin.md.
 */
package ca.gc.fsdh.bot.tools.sandbox.databricks;
