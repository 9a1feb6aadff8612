package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.RequestService;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns what {@link RequestService} answered into what the person reads. */
public final class OutcomeReply {
  /** Slack user ids, as the support group lists them: only these become mentions. */
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  private final RequestText text;
  private final WorkspaceDirectory directory;

  public OutcomeReply(RequestText text, WorkspaceDirectory directory) {
    this.text = text;
    this.directory = directory;
  }

  /**
   * @param doneKey message for success: {0} the request number, {1} its kind, {2} its workspace
   * @param notAllowedKey message for a refusal: {0} what was asked
   * @param asked what the person typed as the target (an acronym or a number)
   */
  public Bilingual render(
      Outcome outcome,
      Language first,
      String userId,
      String doneKey,
      String notAllowedKey,
      String asked) {
    return Bilingual.build(first, l -> line(outcome, l, userId, doneKey, notAllowedKey, asked));
  }

  private String line(
      Outcome outcome,
      Language l,
      String userId,
      String doneKey,
      String notAllowedKey,
      String asked) {
    var m = text.messages();
    MigrationRequest r = outcome.request().orElse(null);
    return switch (outcome.status()) {
      case DONE ->
          m.text(l, doneKey, r.number(), text.kind(l, r), r.workspace())
              + "\n"
              + text.summaryText(l, r);
      case REPLAYED -> m.text(l, "request.replayed", r.number());
      case WORKSPACE_BUSY ->
          m.text(l, "request.busy", r.workspace(), r.number(), text.kind(l, r), text.state(l, r));
      case UNKNOWN_WORKSPACE ->
          m.text(l, "request.unknown-workspace", Mrkdwn.codeSpan(asked, 20), managed(userId));
      case NO_PROD_WORKSPACE -> m.text(l, "request.no-prod", asked.toUpperCase(Locale.ROOT));
      case NOT_FOUND -> m.text(l, "request.not-found", Mrkdwn.codeSpan(asked, 20));
      case NOT_ALLOWED -> m.text(l, notAllowedKey, Mrkdwn.codeSpan(asked, 20));
      case WRONG_STATE ->
          r == null
              ? m.text(l, "request.not-found", Mrkdwn.codeSpan(asked, 20))
              : m.text(l, "request.wrong-state", r.number(), text.state(l, r))
                  + text.decision(l, r).map(d -> "\n" + d).orElse("");
      case OWN_REQUEST -> conflict(l, "duty.own-request", outcome);
      case LEADS_WORKSPACE -> conflict(l, "duty.leads", outcome);
      case ADMINISTERS_WORKSPACE -> conflict(l, "duty.administers", outcome);
    };
  }

  /** A refusal by separation of duties: why, and who else in the support team may decide. */
  private String conflict(Language l, String key, Outcome outcome) {
    var m = text.messages();
    MigrationRequest r = outcome.request().orElseThrow();
    String mentions =
        outcome.others().stream()
            .filter(id -> USER_ID.matcher(id).matches())
            .map(id -> Mrkdwn.user(id).text())
            .collect(Collectors.joining(", "));
    String others =
        mentions.isEmpty()
            ? m.text(l, "duty.nobody")
            : m.text(l, "duty.others", Mrkdwn.raw(mentions));
    return m.text(l, key, r.number(), r.workspace()) + " " + others;
  }

  private String managed(String userId) {
    String list =
        directory.managedBy(userId).stream()
            .map(Workspace::acronym)
            .collect(Collectors.joining(", "));
    return list.isEmpty() ? "—" : list;
  }
}
