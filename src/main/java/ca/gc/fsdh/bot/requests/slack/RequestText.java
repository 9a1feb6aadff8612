package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.slackkit.SlackDates;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a request reads in a message: its summary, its state, its decision. */
public final class RequestText {
  private final Messages messages;
  private final WorkspaceDirectory directory;

  public RequestText(Messages messages, WorkspaceDirectory directory) {
    this.messages = messages;
    this.directory = directory;
  }

  public Messages messages() {
    return messages;
  }

  /** Number, kind, workspace, who asked and when, resources, state, note, decision. */
  public Bilingual summary(Language first, MigrationRequest r) {
    return Bilingual.build(first, l -> summaryText(l, r));
  }

  public String summaryText(Language l, MigrationRequest r) {
    StringBuilder text =
        new StringBuilder(
            messages.text(
                l,
                "request.summary",
                r.number(),
                kind(l, r),
                r.workspace(),
                workspaceName(l, r),
                Mrkdwn.user(r.requester()),
                SlackDates.dateTime(r.createdAt()),
                types(l, r),
                state(l, r)));
    r.note().ifPresent(note -> text.append('\n').append(messages.text(l, "request.note", note)));
    decision(l, r).ifPresent(d -> text.append('\n').append(d));
    return text.toString();
  }

  /** "Approved by @x on date" or "Rejected by @x on date: reason", once decided. */
  public Optional<String> decision(Language l, MigrationRequest r) {
    return r.decision()
        .map(d ->
            d.reason().isPresent() && r.state() == RequestState.REJECTED
                ? messages.text(
                    l,
                    "request.decision.rejected",
                    Mrkdwn.user(d.by()),
                    SlackDates.dateTime(d.at()),
                    d.reason().get())
                : messages.text(
                    l,
                    "request.decision.approved",
                    Mrkdwn.user(d.by()),
                    SlackDates.dateTime(d.at())));
  }

  /** One request in a list ("#12 · Migration of *OCEAN* · Approved · date"), dated {@code when}. */
  public String listLine(Language l, MigrationRequest r, Instant when) {
    return messages.text(
        l,
        "list.line",
        r.number(),
        kind(l, r),
        r.workspace(),
        state(l, r),
        SlackDates.dateTime(when));
  }

  public String kind(Language l, MigrationRequest r) {
    return messages.text(l, r.kind().messageKey());
  }

  public String state(Language l, MigrationRequest r) {
    return messages.text(l, r.state().messageKey());
  }

  public String types(Language l, MigrationRequest r) {
    return r.resourceTypes().stream()
        .sorted()
        .map(t -> messages.text(l, t.messageKey()))
        .collect(Collectors.joining(", "));
  }

  public String type(Language l, ResourceType t) {
    return messages.text(l, t.messageKey());
  }

  private String workspaceName(Language l, MigrationRequest r) {
    return directory.find(r.workspace()).map(w -> w.name(l)).orElse(r.workspace());
  }
}
