package ca.gc.fsdh.bot.requests.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.PlanStep;
import ca.gc.fsdh.bot.requests.PlansAndResults;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Approve and Reject buttons of the approval message, and the form that asks for the reason of
 * a rejection. Authorization is checked on every click and on the form's submission, not only by
 * who can see the buttons. Approve acks first and decides just after (one conditional UPDATE
 * decides between two people clicking at once); the loser is told who decided, by an ephemeral
 * message.
 */
public final class DecisionButtons {
  private static final Logger log = LoggerFactory.getLogger(DecisionButtons.class);
  static final int REASON_LIMIT = 1000;
  private final RequestService service;
  private final OutcomeReply reply;
  private final RequestText text;
  private final Language language;
  private final Executor background;
  private final PlansAndResults plans;
  private final ApprovalMessage approval;

  public DecisionButtons(
      RequestService service,
      OutcomeReply reply,
      RequestText text,
      Language supportLanguage,
      Executor background,
      PlansAndResults plans,
      ApprovalMessage approval) {
    this.service = service;
    this.reply = reply;
    this.text = text;
    this.language = supportLanguage;
    this.background = background;
    this.plans = plans;
    this.approval = approval;
  }

  /**
   * Acks at once, then decides: the conditional UPDATE still picks one winner, and the loser is
   * told. Should the bot stop between the two, the buttons are still there and the click can be
   * repeated.
   */
  public Response approve(BlockActionRequest request, ActionContext context) {
    String userId = request.getPayload().getUser().getId();
    String sent = buttonValue(request);
    Optional<Long> id = requestId(sent);
    background.execute(() -> {
      Outcome outcome =
          id.isPresent()
              ? service.approve(id.get(), userId)
              : service.refuseUnreadable(userId, "request.approve", sent);
      if (!outcome.done()) {
        tell(
            context,
            reply.render(
                outcome, language, userId, "request.approved", "request.not-support", asked(sent)));
      }
    });
    return context.ack();
  }

  /**
   * Reject asks for a reason first: a form, opened only for support while the request is pending.
   */
  public Response reject(BlockActionRequest request, ActionContext context)
      throws IOException, SlackApiException {
    String userId = request.getPayload().getUser().getId();
    String sent = buttonValue(request);
    Optional<Long> id = requestId(sent);
    if (id.isEmpty()) {
      refuseUnreadable(context, userId, "request.reject", sent);
      return context.ack();
    }
    Outcome allowed = service.mayDecide(id.get(), userId);
    if (!allowed.done()) {
      tell(
          context,
          reply.render(
              allowed,
              language,
              userId,
              "request.rejected",
              "request.not-support",
              id.get().toString()));
      return context.ack();
    }
    var opened =
        context
            .client()
            .viewsOpen(r ->
                r.triggerId(request.getPayload().getTriggerId())
                    .view(rejectForm(allowed.request().get())));
    if (!opened.isOk()) {
      log.warn(
          "views.open for the rejection of request {} failed: {}", id.get(), opened.getError());
    }
    return context.ack();
  }

  /** The form asking for the reason of a rejection, with the request's summary. */
  View rejectForm(MigrationRequest request) {
    List<LayoutBlock> blocks = new ArrayList<>(BilingualBlocks.of(text.summary(language, request)));
    blocks.add(
        input(i ->
            i.blockId(SlackIds.REASON_BLOCK)
                .label(plainText(inline("modal.reason")))
                .element(
                    plainTextInput(p ->
                        p.actionId(SlackIds.REASON_INPUT)
                            .multiline(true)
                            .maxLength(REASON_LIMIT)))));
    return view(v ->
        v.type("modal")
            .callbackId(SlackIds.REJECT_MODAL)
            .privateMetadata(Long.toString(request.id()))
            .title(viewTitle(t -> t.type("plain_text").text(inline("modal.title.reject"))))
            .submit(viewSubmit(s -> s.type("plain_text").text(inline("button.reject"))))
            .close(viewClose(c -> c.type("plain_text").text(inline("modal.close"))))
            .blocks(blocks));
  }

  public Response submitRejection(ViewSubmissionRequest request, ViewSubmissionContext context) {
    String userId = request.getPayload().getUser().getId();
    String sent = request.getPayload().getView().getPrivateMetadata();
    Optional<Long> parsed = requestId(sent);
    if (parsed.isEmpty()) {
      Outcome refused = service.refuseUnreadable(userId, "request.reject", sent);
      return formError(
          context,
          reply.render(
              refused, language, userId, "request.rejected", "request.not-support", asked(sent)));
    }
    long id = parsed.get();
    String reason =
        Optional.ofNullable(request.getPayload().getView().getState())
            .map(s -> s.getValues())
            .map(v -> v.get(SlackIds.REASON_BLOCK))
            .map(b -> b.get(SlackIds.REASON_INPUT))
            .map(v -> v.getValue())
            .map(String::strip)
            .orElse("");
    if (reason.isEmpty()) {
      return context.ack(r ->
          r.responseAction("errors")
              .errors(Map.of(SlackIds.REASON_BLOCK, inline("modal.error.reason"))));
    }
    reason = reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) : reason;
    Outcome outcome = service.reject(id, userId, reason);
    if (outcome.done()) {
      return context.ack();
    }
    return formError(
        context,
        reply.render(
            outcome,
            language,
            userId,
            "request.rejected",
            "request.not-support",
            Long.toString(id)));
  }

  /** Keeps the form open with the problem under the reason field. */
  private static Response formError(ViewSubmissionContext context, Bilingual problem) {
    String inline = problem.inline();
    return context.ack(r ->
        r.responseAction("errors")
            .errors(
                Map.of(
                    SlackIds.REASON_BLOCK,
                    inline.length() > 2000 ? inline.substring(0, 2000) : inline)));
  }

  /** View plan: the plan's summary and its lists, in a modal, for the support team. */
  public Response viewPlan(BlockActionRequest request, ActionContext context)
      throws IOException, SlackApiException {
    String userId = request.getPayload().getUser().getId();
    String sent = buttonValue(request);
    Optional<Long> id = requestId(sent);
    if (id.isEmpty()) {
      refuseUnreadable(context, userId, "request.view-plan", sent);
      return context.ack();
    }
    Outcome allowed = service.mayViewPlan(id.get(), userId);
    if (!allowed.done()) {
      tell(
          context,
          reply.render(allowed, language, userId, "request.approved", "request.not-support", sent));
      return context.ack();
    }
    Optional<JsonNode> plan = PlanStep.read(plans, id.get());
    var opened =
        context
            .client()
            .viewsOpen(r -> r.triggerId(request.getPayload().getTriggerId()).view(planView(plan)));
    if (!opened.isOk()) {
      log.warn("views.open for the plan of request {} failed: {}", id.get(), opened.getError());
    }
    return context.ack();
  }

  /** The plan's summary and its lists, in a modal. */
  View planView(Optional<JsonNode> plan) {
    List<LayoutBlock> blocks = new ArrayList<>(BilingualBlocks.of(approval.planLine(plan)));
    plan.ifPresent(p -> {
      // grants that will not carry over come first: the decision depends on them
      listSections(blocks, inline("plan.not-carried"), notCarried(p.path("tableAcls")));
      listSections(blocks, inline("plan.unread-title"), p.path("unread"));
      listSections(blocks, inline("plan.cannot-export"), p.path("cannotExport"));
      listSections(blocks, inline("plan.manual"), p.path("manual"));
    });
    return view(v ->
        v.type("modal")
            .title(viewTitle(t -> t.type("plain_text").text(inline("modal.title.plan"))))
            .close(viewClose(c -> c.type("plain_text").text(inline("modal.close"))))
            .blocks(blocks));
  }

  /**
   * The grants that will not carry over, each with its reason and what to do instead in both
   * languages (the reason's name picks the words; the grant is workspace data, escaped with the
   * rest of the line by {@link #listSections}).
   */
  private JsonNode notCarried(JsonNode tableAcls) {
    var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (JsonNode n : tableAcls.path("notCarried")) {
      String key = "plan.not-carried." + n.path("reason").asText();
      out.add(
          n.path("grant").asText()
              + " — "
              + (text.messages().has(key) ? inline(key) : n.path("text").asText()));
    }
    return out;
  }

  /** Sections of the plan modal: with the summary, within Slack's 100 blocks of a modal. */
  static final int PLAN_SECTIONS = 40;

  /**
   * One list of the plan, as sections under Slack's 3,000 characters each, at most {@link
   * #PLAN_SECTIONS} blocks in all; what does not fit is counted in a last line, in both languages.
   */
  private void listSections(List<LayoutBlock> blocks, String title, JsonNode items) {
    if (items.isEmpty() || blocks.size() >= PLAN_SECTIONS) {
      return;
    }
    StringBuilder chunk = new StringBuilder("*" + Mrkdwn.escape(title) + "*");
    int shown = 0;
    for (var item : items) {
      String escaped = Mrkdwn.escape(item.asText());
      String line = "\n• " + (escaped.length() > 1000 ? escaped.substring(0, 999) + "…" : escaped);
      if (chunk.length() + line.length() > 2900) {
        if (blocks.size() >= PLAN_SECTIONS - 2) {
          break; // room for this chunk and the "more" line
        }
        String done = chunk.toString();
        blocks.add(section(s -> s.text(markdownText(done))));
        chunk = new StringBuilder();
      }
      chunk.append(line);
      shown++;
    }
    String last = chunk.toString();
    blocks.add(section(s -> s.text(markdownText(last))));
    if (shown < items.size()) {
      String more = text.messages().both(language, "plan.more", items.size() - shown).inline();
      blocks.add(section(s -> s.text(markdownText(more))));
    }
  }

  /** An ephemeral answer through the action's response_url (never on the ack's path). */
  private void tell(ActionContext context, Bilingual message) {
    background.execute(() -> {
      try {
        context.respond(r ->
            r.responseType("ephemeral")
                .replaceOriginal(false)
                .text(message.mrkdwn())
                .blocks(BilingualBlocks.of(message)));
      } catch (IOException e) {
        log.warn("could not answer a decision click: {}", e.toString());
      }
    });
  }

  /** A button whose value is not a request number: refused, audited and told. */
  private void refuseUnreadable(ActionContext context, String userId, String action, String sent) {
    Outcome refused = service.refuseUnreadable(userId, action, sent);
    tell(
        context,
        reply.render(
            refused, language, userId, "request.approved", "request.not-support", asked(sent)));
  }

  private static String buttonValue(BlockActionRequest request) {
    var actions = request.getPayload().getActions();
    return actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
  }

  /**
   * The number a button or form carries: the bot writes plain digits; anything else is forged or
   * broken.
   */
  private static Optional<Long> requestId(String sent) {
    return sent == null ? Optional.empty() : RequestId.parse(sent);
  }

  private static String asked(String sent) {
    return sent == null ? "" : sent;
  }

  private String inline(String key) {
    return text.messages().both(language, key).inline();
  }
}
