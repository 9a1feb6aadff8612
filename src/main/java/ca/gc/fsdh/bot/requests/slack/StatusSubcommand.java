package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Optional;

/** {@code /fsdh status [ID]}: one request, or the newest of the person's workspaces. */
public final class StatusSubcommand implements Subcommand {
  private final RequestService service;
  private final OutcomeReply reply;
  private final RequestText text;
  private final WaitedTime waited;

  public StatusSubcommand(
      RequestService service, OutcomeReply reply, RequestText text, WaitedTime waited) {
    this.service = service;
    this.reply = reply;
    this.text = text;
    this.waited = waited;
  }

  /** The request's summary and, while it waits for a decision, for how long. */
  private Bilingual summary(Language first, MigrationRequest r) {
    return Bilingual.build(
        first, l -> text.summaryText(l, r) + waited.line(l, r).map(w -> "\n" + w).orElse(""));
  }

  @Override
  public String name() {
    return "status";
  }

  @Override
  public Response handle(Invocation in) {
    if (in.args().isEmpty()) {
      List<MigrationRequest> newest = service.listFor(in.userId(), 1);
      return in.context()
          .ack(
              SlackReplies.ephemeral(
                  newest.isEmpty()
                      ? text.messages().both(in.language(), "status.none")
                      : summary(in.language(), newest.get(0))));
    }
    Optional<Long> id = RequestId.parse(in.args().get(0));
    if (id.isEmpty() || in.args().size() > 1) {
      service.refuseUnreadable(in.userId(), "request.status", String.join(" ", in.args()));
      return in.context()
          .ack(
              SlackReplies.ephemeral(
                  text.messages().both(in.language(), "request.bad-id", name())));
    }
    Outcome outcome = service.status(id.get(), in.userId());
    return in.context()
        .ack(
            SlackReplies.ephemeral(
                outcome.done()
                    ? summary(in.language(), outcome.request().orElseThrow())
                    : reply.render(
                        outcome,
                        in.language(),
                        in.userId(),
                        "request.created",
                        "request.not-allowed",
                        in.args().get(0))));
  }
}
