package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.config.BundleSettings;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands an offboarding bundle to its requester: uploaded into their direct messages ({@code
 * files.uploadV2}) when it is at most the configured size; otherwise kept where it is, with the
 * configured command to fetch it, until the retention period ends.
 */
public final class BundleDelivery {
  private static final Logger log = LoggerFactory.getLogger(BundleDelivery.class);
  private final MethodsClient slack;
  private final Messages messages;
  private final BundleSettings settings;

  public BundleDelivery(MethodsClient slack, Messages messages, BundleSettings settings) {
    this.slack = slack;
    this.messages = messages;
    this.settings = settings;
  }

  /**
   * @return what to add to the report: where the bundle went, or how to fetch it
   */
  public Bilingual deliver(MigrationRequest request, Path bundle, String imChannel, Language first)
      throws IOException, SlackApiException {
    long size = Files.size(bundle);
    String name = bundle.getFileName().toString();
    long days = settings.retention().toDays();
    if (size <= settings.maxUploadBytes()) {
      var uploaded =
          slack.filesUploadV2(
              r -> r.channel(imChannel).file(bundle.toFile()).filename(name).title(name));
      if (uploaded.isOk()) {
        return messages.both(first, "bundle.uploaded", name, size / (1024.0 * 1024.0));
      }
      log.warn("request {}: upload of its bundle failed: {}", request.id(), uploaded.getError());
    }
    String fetch = settings.fetchCommand().map(c -> c.replace("{file}", name)).orElse("");
    return fetch.isEmpty()
        ? messages.both(first, "bundle.kept", name, size / (1024.0 * 1024.0), days)
        : messages.both(first, "bundle.fetch", name, size / (1024.0 * 1024.0), days, fetch);
  }

  /**
   * For the support thread: which bundle was produced (the lead got it, or the way to fetch it).
   */
  public Bilingual noteForSupport(Language first, Path bundle) throws IOException {
    return messages.both(
        first,
        "bundle.support",
        bundle.getFileName().toString(),
        Files.size(bundle) / (1024.0 * 1024.0));
  }
}
