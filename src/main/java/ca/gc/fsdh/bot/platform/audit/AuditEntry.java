package ca.gc.fsdh.bot.platform.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit log.
 *
 * @param actor Slack user id, or {@code system} for the bot's own steps
 * @param action what was attempted, e.g. {@code request.approve}
 * @param outcome {@code ok}, {@code refused}, {@code failed}
 * @param detail a short explanation; never a token, a secret value or workspace data
 */
public record AuditEntry(
    Instant at,
    String actor,
    String action,
    String outcome,
    Optional<String> workspace,
    Optional<Long> requestId,
    Optional<String> detail) {}
