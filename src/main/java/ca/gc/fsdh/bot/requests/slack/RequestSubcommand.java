package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.NewRequest;
import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /fsdh migrate [ACRONYM]} and {@code /fsdh offboard [ACRONYM]}. A migration of a named
 * workspace has nothing else to choose and is created at once, saved before the ack; otherwise the
 * request form opens (workspace, resource types and, for an offboarding, notebook format and key).
 */
public final class RequestSubcommand implements Subcommand {
  private final RequestKind kind;
  private final RequestService service;
  private final RequestModal modal;
  private final OutcomeReply reply;

  public RequestSubcommand(
      RequestKind kind, RequestService service, RequestModal modal, OutcomeReply reply) {
    this.kind = kind;
    this.service = service;
    this.modal = modal;
    this.reply = reply;
  }

  @Override
  public String name() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Response handle(Invocation in) throws IOException, SlackApiException {
    if (in.args().size() > 1) {
      return in.context()
          .ack(
              SlackReplies.ephemeral(
                  modal.text().messages().both(in.language(), "request.usage", name())));
    }
    Optional<String> acronym = in.args().stream().findFirst();
    if (acronym.isPresent()) {
      Outcome allowed = service.mayRequest(kind, acronym.get(), in.userId());
      if (!allowed.done()) {
        return in.context().ack(SlackReplies.ephemeral(render(allowed, in, acronym.get())));
      }
    }
    if (acronym.isPresent() && kind == RequestKind.MIGRATE) {
      Outcome created =
          service.create(
              new NewRequest(
                  kind,
                  acronym.get(),
                  in.userId(),
                  ResourceType.ALL,
                  RequestOptions.DEFAULT,
                  Optional.empty(),
                  "command:" + in.request().getPayload().getTriggerId()));
      return in.context().ack(SlackReplies.ephemeral(render(created, in, acronym.get())));
    }
    Optional<Bilingual> problem =
        modal.open(
            in.context().client(),
            in.request().getPayload().getTriggerId(),
            in.userId(),
            kind,
            acronym,
            in.language());
    return problem.isPresent()
        ? in.context().ack(SlackReplies.ephemeral(problem.get()))
        : in.context().ack();
  }

  private Bilingual render(Outcome outcome, Invocation in, String acronym) {
    return reply.render(
        outcome, in.language(), in.userId(), "request.created", "request.not-lead", acronym);
  }
}
