package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.response.Response;
import java.util.Optional;

/** {@code /fsdh cancel ID} and {@code /fsdh retry ID}: one request, by number. */
public final class RequestActionSubcommand implements Subcommand {
  /** What the subcommand does to the request. */
  public enum Action {
    CANCEL,
    RETRY
  }

  private final Action action;
  private final RequestService service;
  private final OutcomeReply reply;
  private final RequestText text;

  public RequestActionSubcommand(
      Action action, RequestService service, OutcomeReply reply, RequestText text) {
    this.action = action;
    this.service = service;
    this.reply = reply;
    this.text = text;
  }

  @Override
  public String name() {
    return action == Action.CANCEL ? "cancel" : "retry";
  }

  @Override
  public Response handle(Invocation in) {
    Optional<Long> id =
        in.args().size() == 1 ? RequestId.parse(in.args().get(0)) : Optional.empty();
    if (id.isEmpty()) {
      service.refuseUnreadable(in.userId(), "request." + name(), String.join(" ", in.args()));
      return in.context()
          .ack(
              SlackReplies.ephemeral(
                  text.messages().both(in.language(), "request.bad-id", name())));
    }
    Outcome outcome =
        action == Action.CANCEL
            ? service.cancel(id.get(), in.userId())
            : service.retry(id.get(), in.userId());
    String done = action == Action.CANCEL ? "request.cancelled" : "request.retried";
    String refused = action == Action.CANCEL ? "request.not-allowed" : "request.not-support";
    return in.context()
        .ack(
            SlackReplies.ephemeral(
                reply.render(
                    outcome, in.language(), in.userId(), done, refused, in.args().get(0))));
  }
}
