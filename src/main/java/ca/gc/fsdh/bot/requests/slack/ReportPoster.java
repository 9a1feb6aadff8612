package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.MigrationRequest.SupportMessage;
import ca.gc.fsdh.bot.requests.RunReport;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import ca.gc.fsdh.bot.slackkit.DirectMessageChannels;
import ca.gc.fsdh.bot.slackkit.SlackCallFailed;
import ca.gc.fsdh.bot.slackkit.SlackCalls;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Posts a finished run's report, from the result the run stored: to the support team in the thread
 * of the approval message, and to the requester in their direct messages, with the offboarding
 * bundle when there is one ({@link BundleDelivery}). Two outbox messages, so that one taken by
 * Slack is never posted again because the other failed.
 */
public final class ReportPoster {
  private final MethodsClient slack;
  private final SlackCalls calls;
  private final RunReportText words;
  private final WorkspaceDirectory directory;
  private final String supportChannel;
  private final Language supportLanguage;
  private final BundleDelivery delivery;
  private final DirectMessageChannels dms;

  public ReportPoster(
      MethodsClient slack,
      SlackCalls calls,
      RunReportText words,
      WorkspaceDirectory directory,
      String supportChannel,
      Language supportLanguage,
      BundleDelivery delivery,
      DirectMessageChannels dms) {
    this.slack = slack;
    this.calls = calls;
    this.words = words;
    this.directory = directory;
    this.supportChannel = supportChannel;
    this.supportLanguage = supportLanguage;
    this.delivery = delivery;
    this.dms = dms;
  }

  /**
   * @param request the request in the state its run ended in
   */
  void toSupport(MigrationRequest request, StoredResult result) throws SlackCallFailed {
    Bilingual report = words.report(supportLanguage, request, result);
    Optional<Path> bundle = bundle(result);
    if (bundle.isPresent()) {
      try {
        report = report.then(delivery.noteForSupport(supportLanguage, bundle.get()));
      } catch (IOException e) {
        throw SlackCallFailed.retry(
            "bundle of request " + request.id() + " unreadable: " + e.getClass().getSimpleName());
      }
    }
    Bilingual message = report;
    String channel = request.supportMessage().map(SupportMessage::channel).orElse(supportChannel);
    calls.post(
        channel,
        () ->
            slack.chatPostMessage(m -> {
              m.channel(channel).text(message.mrkdwn()).blocks(BilingualBlocks.of(message));
              request.supportMessage().map(SupportMessage::ts).ifPresent(m::threadTs);
              return m;
            }));
  }

  /**
   * @param holdLonger keeps this message's claim while a large bundle uploads (a stop during the
   *     upload uploads it once more)
   */
  void toRequester(MigrationRequest request, StoredResult result, Runnable holdLonger)
      throws SlackCallFailed {
    Language first = directory.languageOf(request.requester(), supportLanguage);
    Bilingual report = words.report(first, request, result);
    String channel = dms.of(request.requester());
    calls.takePostSlot(
        channel); // before the upload: waiting for the slot after it would upload it again
    Optional<Path> bundle = bundle(result);
    if (bundle.isPresent()) {
      holdLonger.run();
      try {
        report = report.then(delivery.deliver(request, bundle.get(), channel, first));
      } catch (IOException | SlackApiException e) {
        throw SlackCallFailed.retry(
            "bundle of request "
                + request.id()
                + " not delivered: "
                + e.getClass().getSimpleName());
      }
    }
    Bilingual message = report;
    calls.call(
        "chat.postMessage",
        channel,
        () ->
            slack.chatPostMessage(m ->
                m.channel(channel).text(message.mrkdwn()).blocks(BilingualBlocks.of(message))));
  }

  private static Optional<Path> bundle(StoredResult result) {
    return result.report().flatMap(RunReport::bundle).map(Path::of).filter(Files::isRegularFile);
  }
}
