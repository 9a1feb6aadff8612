/**
 * The audit log: who did what to which request and with what outcome, refusals included ({@code
 * AuditLog}, stored by {@code JdbcAuditLog} in {@code audit_log}, every text cut to its column).
 * Uses only JDBC; imports no other package of the bot.
 */
package ca.gc.fsdh.bot.platform.audit;
