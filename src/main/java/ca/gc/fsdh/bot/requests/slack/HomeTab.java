package ca.gc.fsdh.bot.requests.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's App Home. A lead sees their workspaces with each deadline's countdown, their requests'
 * states and buttons to start a migration or an offboarding; a member of the support team also sees
 * the queue of requests waiting for a decision. Published after the event is acked.
 */
public final class HomeTab {
  private static final Logger log = LoggerFactory.getLogger(HomeTab.class);

  /**
   * Three blocks each: with the title, the deadlines, the support queue and the "more" line, 30
   * workspaces stay within Slack's 100 blocks of a Home tab; the others are listed by {@code /fsdh
   * list}.
   */
  static final int WORKSPACES_SHOWN = 30;

  /** Requests listed in the support queue; the count says how many wait in all. */
  static final int QUEUE_SHOWN = 20;

  /** Each language's half of a section, under Slack's 3,000 characters. */
  private static final int HALF_SECTION = BilingualBlocks.SECTION_LIMIT / 2 - 10;

  private final RequestService service;
  private final WorkspaceDirectory directory;
  private final Deadlines deadlines;
  private final RequestText text;
  private final RequestModal modal;
  private final Language defaultLanguage;
  private final Clock clock;
  private final Executor background;

  public HomeTab(
      RequestService service,
      WorkspaceDirectory directory,
      Deadlines deadlines,
      RequestText text,
      RequestModal modal,
      Language defaultLanguage,
      Clock clock,
      Executor background) {
    this.service = service;
    this.directory = directory;
    this.deadlines = deadlines;
    this.text = text;
    this.modal = modal;
    this.defaultLanguage = defaultLanguage;
    this.clock = clock;
    this.background = background;
  }

  public Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext context) {
    String userId = payload.getEvent().getUser();
    MethodsClient client = context.client();
    background.execute(() -> {
      try {
        var published = client.viewsPublish(r -> r.userId(userId).view(build(userId)));
        if (!published.isOk()) {
          log.warn("views.publish of the home tab failed: {}", published.getError());
        }
      } catch (Exception e) {
        log.warn("views.publish of the home tab failed: {}", e.toString());
      }
    });
    return context.ack();
  }

  /** A button of the home tab: opens the request form for that workspace. */
  public Response start(BlockActionRequest request, ActionContext context, RequestKind kind)
      throws IOException, SlackApiException {
    String userId = request.getPayload().getUser().getId();
    String acronym = request.getPayload().getActions().get(0).getValue();
    Language language = directory.languageOf(userId, defaultLanguage);
    modal.open(
        context.client(),
        request.getPayload().getTriggerId(),
        userId,
        kind,
        Optional.ofNullable(acronym),
        language);
    return context.ack();
  }

  View build(String userId) {
    Language l = directory.languageOf(userId, defaultLanguage);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(text.messages().both(l, "home.title").inline()))));
    blocks.add(section(s -> s.text(markdownText(both(l, this::deadlineLines)))));
    List<Workspace> managed = directory.managedBy(userId);
    for (Workspace w : managed.stream().limit(WORKSPACES_SHOWN).toList()) {
      blocks.add(divider());
      List<MigrationRequest> requests =
          service.listFor(userId, 50).stream()
              .filter(r -> r.workspace().equals(w.acronym()))
              .limit(3)
              .toList();
      blocks.add(
          section(s -> s.text(markdownText(both(l, lang -> workspaceText(lang, w, requests))))));
      List<BlockElement> buttons = new ArrayList<>();
      if (!w.offboardOnly()) {
        buttons.add(
            button(b ->
                b.actionId(SlackIds.HOME_MIGRATE)
                    .value(w.acronym())
                    .style("primary")
                    .text(plainText(text.messages().both(l, "home.button.migrate").inline()))));
      }
      buttons.add(
          button(b ->
              b.actionId(SlackIds.HOME_OFFBOARD)
                  .value(w.acronym())
                  .text(plainText(text.messages().both(l, "home.button.offboard").inline()))));
      blocks.add(actions(a -> a.blockId("start-" + w.acronym()).elements(buttons)));
    }
    if (managed.size() > WORKSPACES_SHOWN) {
      blocks.add(
          section(s ->
              s.text(
                  markdownText(
                      text.messages()
                          .both(l, "home.more-workspaces", managed.size() - WORKSPACES_SHOWN)
                          .mrkdwn()))));
    }
    if (managed.isEmpty()) {
      blocks.add(
          section(
              s -> s.text(markdownText(text.messages().both(l, "home.no-workspace").mrkdwn()))));
    }
    if (service.isSupport(userId)) {
      blocks.add(divider());
      List<MigrationRequest> pending = service.pending();
      blocks.add(section(s -> s.text(markdownText(both(l, lang -> queueText(lang, pending))))));
    }
    return view(v -> v.type("home").blocks(blocks));
  }

  /** Both languages in one section, each cut after a whole line if it is too long. */
  private static String both(Language first, Function<Language, String> f) {
    return BilingualBlocks.fit(f.apply(first), HALF_SECTION, first)
        + "\n\n"
        + BilingualBlocks.fit(f.apply(first.other()), HALF_SECTION, first.other());
  }

  private String deadlineLines(Language l) {
    LocalDate today = LocalDate.now(clock.withZone(deadlines.timeZone()));
    StringBuilder b = new StringBuilder(text.messages().text(l, "home.deadlines"));
    for (Milestone m : deadlines.milestones()) {
      long days = ChronoUnit.DAYS.between(today, m.date());
      String when =
          days > 0
              ? text.messages().text(l, "home.in-days", days)
              : days == 0
                  ? text.messages().text(l, "home.today")
                  : text.messages().text(l, "home.passed");
      b.append('\n')
          .append(text.messages().text(l, "home.deadline", m.title(l), m.date().toString(), when));
    }
    return b.toString();
  }

  private String workspaceText(Language l, Workspace w, List<MigrationRequest> requests) {
    StringBuilder b =
        new StringBuilder(text.messages().text(l, "home.workspace", w.acronym(), w.name(l)));
    if (requests.isEmpty()) {
      b.append('\n').append(text.messages().text(l, "home.no-request"));
    }
    for (MigrationRequest r : requests) {
      b.append('\n').append(text.listLine(l, r, r.updatedAt()));
    }
    return b.toString();
  }

  private String queueText(Language l, List<MigrationRequest> pending) {
    StringBuilder b = new StringBuilder(text.messages().text(l, "home.queue", pending.size()));
    for (MigrationRequest r : pending.stream().limit(QUEUE_SHOWN).toList()) {
      b.append('\n').append(text.listLine(l, r, r.createdAt()));
    }
    if (pending.size() > QUEUE_SHOWN) {
      b.append('\n')
          .append(text.messages().text(l, "home.queue.more", pending.size() - QUEUE_SHOWN));
    }
    return b.toString();
  }
}
