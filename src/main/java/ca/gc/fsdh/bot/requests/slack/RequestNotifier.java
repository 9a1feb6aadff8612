package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.MigrationRequest.SupportMessage;
import ca.gc.fsdh.bot.requests.OutboxMessage;
import ca.gc.fsdh.bot.requests.PlanStep;
import ca.gc.fsdh.bot.requests.PlansAndResults;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.RequestStore;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import ca.gc.fsdh.bot.slackkit.DirectMessageChannels;
import ca.gc.fsdh.bot.slackkit.SlackCallFailed;
import ca.gc.fsdh.bot.slackkit.SlackCalls;
import com.slack.api.methods.MethodsClient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Posts one message of the request outbox (see {@link OutboxDispatcher}): the request's message in
 * the support channel (posted with its buttons, then redrawn as the request changes), the direct
 * message that tells the requester a change of state, and a finished run's reports ({@link
 * ReportPoster}).
 *
 * <p>A state message tells the state its change reached, even when the request has moved on since;
 * one that tells several changes at once (the earlier ones were folded into it) names each of them.
 */
public final class RequestNotifier implements OutboxDispatcher.Poster {
  private final MethodsClient slack;
  private final SlackCalls calls;
  private final RequestStore store;
  private final PlansAndResults plans;
  private final RequestText text;
  private final ApprovalMessage approval;
  private final WorkspaceDirectory directory;
  private final String supportChannel;
  private final Language defaultLanguage;
  private final DirectMessageChannels dms;
  private final ReportPoster reports;

  public RequestNotifier(
      MethodsClient slack,
      SlackCalls calls,
      RequestStore store,
      PlansAndResults plans,
      RequestText text,
      ApprovalMessage approval,
      WorkspaceDirectory directory,
      String supportChannel,
      Language defaultLanguage,
      DirectMessageChannels dms,
      ReportPoster reports) {
    this.slack = slack;
    this.calls = calls;
    this.store = store;
    this.plans = plans;
    this.text = text;
    this.approval = approval;
    this.directory = directory;
    this.supportChannel = supportChannel;
    this.defaultLanguage = defaultLanguage;
    this.dms = dms;
    this.reports = reports;
  }

  @Override
  public void post(OutboxMessage message, List<RequestState> told, Runnable holdLonger)
      throws SlackCallFailed {
    MigrationRequest request =
        store
            .find(message.requestId())
            .orElseThrow(() ->
                new IllegalStateException("request " + message.requestId() + " is not stored"));
    StoredResult result = message.result().orElse(StoredResult.NONE);
    switch (message.kind()) {
      case APPROVAL_POST -> postApproval(request);
      case APPROVAL_UPDATE -> updateApproval(request);
      case REQUESTER_DM -> tellRequester(request.withState(message.state()), told);
      case REPORT_TO_SUPPORT -> reports.toSupport(request.withState(message.state()), result);
      case REPORT_TO_REQUESTER ->
          reports.toRequester(request.withState(message.state()), result, holdLonger);
    }
  }

  private void postApproval(MigrationRequest r) throws SlackCallFailed {
    if (r.supportMessage().isPresent()) {
      return; // posted and recorded before a stop left this message unmarked
    }
    var posted =
        calls.post(
            supportChannel,
            () ->
                slack.chatPostMessage(m ->
                    m.channel(supportChannel)
                        .text(approval.fallback(r))
                        .blocks(approval.blocks(r, PlanStep.read(plans, r.id())))));
    store.setSupportMessage(r.id(), posted.getChannel(), posted.getTs());
  }

  /**
   * Redraws the approval message as the request is now: state, decision and plan, buttons only
   * while pending.
   */
  private void updateApproval(MigrationRequest r) throws SlackCallFailed {
    if (r.supportMessage().isEmpty()) {
      throw SlackCallFailed.refused("request " + r.id() + " has no approval message to update");
    }
    String channel = r.supportMessage().map(SupportMessage::channel).orElse(supportChannel);
    calls.call(
        "chat.update",
        channel,
        () ->
            slack.chatUpdate(m ->
                m.channel(channel)
                    .ts(r.supportMessage().get().ts())
                    .text(approval.fallback(r))
                    .blocks(approval.blocks(r, PlanStep.read(plans, r.id())))));
  }

  private void tellRequester(MigrationRequest r, List<RequestState> told) throws SlackCallFailed {
    Language first = directory.languageOf(r.requester(), defaultLanguage);
    var m = text.messages();
    Bilingual message =
        Bilingual.build(
                first,
                l ->
                    told.size() == 1
                        ? m.text(
                            l,
                            "dm.changed",
                            r.number(),
                            text.kind(l, r),
                            r.workspace(),
                            m.text(l, r.state().messageKey()))
                        : m.text(
                            l,
                            "dm.changed.since",
                            r.number(),
                            text.kind(l, r),
                            r.workspace(),
                            m.text(l, r.state().messageKey()),
                            told.stream()
                                .map(s -> m.text(l, s.messageKey()))
                                .collect(Collectors.joining(" → "))))
            .then(text.summary(first, r));
    String channel = dms.of(r.requester());
    try {
      calls.post(
          channel,
          () ->
              slack.chatPostMessage(p ->
                  p.channel(channel).text(message.mrkdwn()).blocks(BilingualBlocks.of(message))));
    } catch (SlackCallFailed e) {
      if (e.next() == SlackCallFailed.Next.REFUSED
          && e.getMessage().endsWith("channel_not_found")) {
        dms.forget(r.requester());
        throw SlackCallFailed.retry(e.getMessage() + " (the channel is opened again)");
      }
      throw e;
    }
  }
}
