package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.response.Response;
import java.util.List;

/** {@code /fsdh list}: the newest requests of the workspaces the person leads or administers. */
public final class ListSubcommand implements Subcommand {
  static final int LIMIT = 15;
  private final RequestService service;
  private final RequestText text;

  public ListSubcommand(RequestService service, RequestText text) {
    this.service = service;
    this.text = text;
  }

  @Override
  public String name() {
    return "list";
  }

  @Override
  public Response handle(Invocation in) {
    List<MigrationRequest> requests = service.listFor(in.userId(), LIMIT);
    if (requests.isEmpty()) {
      return in.context()
          .ack(SlackReplies.ephemeral(text.messages().both(in.language(), "status.none")));
    }
    Bilingual list =
        Bilingual.build(
            in.language(),
            l -> {
              StringBuilder b = new StringBuilder(text.messages().text(l, "list.title"));
              for (MigrationRequest r : requests) {
                b.append('\n').append(text.listLine(l, r, r.updatedAt()));
              }
              return b.toString();
            });
    return in.context().ack(SlackReplies.ephemeral(list));
  }
}
