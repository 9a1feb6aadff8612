/**
 * The core's Databricks clients: paced per rate-limit group ({@code RateLimitGroup}, {@code
 * RateLimits}, {@code PacedHttpClient}), retried as the SDK does not ({@code RetryPolicy}), the
 * sign-in check made before a run ({@code WorkspaceCheck}) and the workspace URLs the core talks to
 * ({@code WorkspaceHost}). Uses only the Databricks SDK and its HTTP client; imports no other
 * package of the bot.
 */
package ca.gc.fsdh.bot.migration.client;
