package ca.gc.fsdh.bot.slack;

import ca.gc.fsdh.bot.config.Language;
import ca.gc.fsdh.bot.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.PlanStep;
import ca.gc.fsdh.bot.requests.RequestListener;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.RequestStore;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Slack about every change of a request, after it is stored: a new request is posted to the
 * support channel with its buttons; a decided one has that message replaced (no buttons); the
 * requester gets a direct message at every change.
 *
 * <p>Runs on one background thread, so a request's messages go out in the order of its changes and
 * never delay an ack. The async Slack client queues per method and channel and honours 429
 * {@code Retry-After}. Each change told is recorded with the request; a change left untold (a crash,
 * Slack down) is told later by {@link #tellUntold}: at least once, and at most once more should the
 * bot stop between a post and its record.
 */
public final class RequestNotifier implements RequestListener {
  private static final Logger log = LoggerFactory.getLogger(RequestNotifier.class);
  private final AsyncMethodsClient slack;
  private final RequestStore store;
  private final RequestText text;
  private final ApprovalMessage approval;
  private final WorkspaceDirectory directory;
  private final String supportChannel;
  private final Language defaultLanguage;
  private final ExecutorService executor;

  public RequestNotifier(AsyncMethodsClient slack, RequestStore store, RequestText text, ApprovalMessage approval,
      WorkspaceDirectory directory, String supportChannel, Language defaultLanguage, ExecutorService executor) {
    this.slack = slack;
    this.store = store;
    this.text = text;
    this.approval = approval;
    this.directory = directory;
    this.supportChannel = supportChannel;
    this.defaultLanguage = defaultLanguage;
    this.executor = executor;
  }

  @Override
  public void changed(MigrationRequest request, String actor) {
    executor.execute(() -> tell(request.id(), request.state()));
  }

  /**
   * Tells Slack of what a crash or a failed Slack call left untold: each request's current state, once
   * (see {@link UntoldChangesJob}).
   *
   * @param changedBefore younger changes are left to the notifications still on their way
   */
  public void tellUntold(Instant changedBefore) {
    for (MigrationRequest r : store.untold(changedBefore)) {
      executor.execute(() -> tell(r.id(), r.state()));
    }
  }

  private void tell(long id, RequestState changedTo) {
    try {
      if (store.latestChangeTold(id)) {
        return; // told already: a change and the sweep may both ask, or a later change was told first
      }
      // Read again: the stored request carries the support message's ts once it was posted.
      MigrationRequest current = store.find(id).orElseThrow();
      updateSupportChannel(current, changedTo);
      tellRequester(current, changedTo);
      store.markTold(id, changedTo);
    } catch (Exception e) {
      log.warn("Slack notification for request {} ({}) failed, to be told again by the sweep: {}", id, changedTo,
          e.toString());
    }
  }

  /**
   * The plan is stored: show it in the approval message. The same single-thread executor posts that
   * message on the request's creation, so the post comes first.
   */
  public void planReady(MigrationRequest request) {
    executor.execute(() -> {
      try {
        MigrationRequest r = store.find(request.id()).orElse(request);
        if (r.supportTs().isPresent()) {
          check("chat.update", slack.chatUpdate(m -> m.channel(r.supportChannel().orElse(supportChannel))
              .ts(r.supportTs().get()).text(approval.fallback(r)).blocks(approval.blocks(r, PlanStep.read(store, r.id()))))
              .get());
        }
      } catch (Exception e) {
        log.warn("plan of request {} not shown: {}", request.id(), e.toString());
      }
    });
  }

  private void updateSupportChannel(MigrationRequest r, RequestState changedTo) throws Exception {
    if (changedTo == RequestState.PENDING_APPROVAL && r.supportTs().isEmpty()) {
      var posted = check("chat.postMessage", slack.chatPostMessage(m -> m.channel(supportChannel)
          .text(approval.fallback(r)).blocks(approval.blocks(r, PlanStep.read(store, r.id())))).get());
      store.setSupportMessage(r.id(), posted.getChannel(), posted.getTs());
    } else if (r.supportTs().isPresent() && changedTo != RequestState.PENDING_APPROVAL) {
      check("chat.update", slack.chatUpdate(m -> m.channel(r.supportChannel().orElse(supportChannel))
          .ts(r.supportTs().get()).text(approval.fallback(r)).blocks(approval.blocks(r, PlanStep.read(store, r.id()))))
          .get());
    }
  }

  private void tellRequester(MigrationRequest r, RequestState changedTo) throws Exception {
    Language first = directory.languageOf(r.requester(), defaultLanguage);
    Bilingual message = Bilingual.build(first, l -> text.messages().text(l, "dm.changed", r.number(),
        text.kind(l, r), r.workspace(), text.messages().text(l, changedTo.messageKey())))
        .then(text.summary(first, r));
    var im = check("conversations.open", slack.conversationsOpen(o -> o.users(java.util.List.of(r.requester()))).get());
    check("chat.postMessage", slack.chatPostMessage(m -> m.channel(im.getChannel().getId())
        .text(message.mrkdwn()).blocks(BilingualBlocks.of(message))).get());
  }

  private static <T extends SlackApiTextResponse> T check(String method, T response) {
    if (!response.isOk()) {
      throw new IllegalStateException(method + " failed: " + response.getError());
    }
    return response;
  }
}
