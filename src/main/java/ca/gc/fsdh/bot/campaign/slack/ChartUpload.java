package ca.gc.fsdh.bot.campaign.slack;

import ca.gc.fsdh.bot.campaign.BurnDown;
import ca.gc.fsdh.bot.campaign.BurnDownChart;
import ca.gc.fsdh.bot.campaign.CampaignSnapshot;
import ca.gc.fsdh.bot.platform.config.Language;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the burn-down chart and uploads it with {@code files.uploadV2} (the SDK's three calls:
 * upload URL, bytes, completion) into the support channel, where every support member can see it:
 * an image block may show a file only to people who can see the file (Slack's file object). The
 * file id of the last chart is kept, so that App Home opened again on an unchanged campaign shows
 * the same file instead of uploading a new one.
 */
public final class ChartUpload {
  private static final Logger log = LoggerFactory.getLogger(ChartUpload.class);

  private final MethodsClient slack;
  private final BurnDownChart chart;
  private final CampaignText text;
  private final String channel;
  private Shared last;

  /** The chart of one burn-down in one language order, as uploaded. */
  private record Shared(BurnDown burnDown, Language first, String fileId) {}

  public ChartUpload(MethodsClient slack, BurnDownChart chart, CampaignText text, String channel) {
    this.slack = slack;
    this.chart = chart;
    this.text = text;
    this.channel = channel;
  }

  /**
   * The file id of this snapshot's chart, uploaded now unless the same chart already was; empty
   * when it cannot be drawn or Slack refused it (logged: the text around it still stands).
   */
  public synchronized Optional<String> fileId(CampaignSnapshot s, Language first) {
    if (last != null && last.burnDown().equals(s.burnDown()) && last.first() == first) {
      return Optional.of(last.fileId());
    }
    Optional<String> id = upload(s, first, Optional.empty());
    id.ifPresent(f -> last = new Shared(s.burnDown(), first, f));
    return id;
  }

  /** Uploads this snapshot's chart with a message (the weekly digest): a new file every time. */
  public synchronized Optional<String> uploadWith(
      CampaignSnapshot s, Language first, String comment) {
    Optional<String> id = upload(s, first, Optional.of(comment));
    id.ifPresent(f -> last = new Shared(s.burnDown(), first, f));
    return id;
  }

  private Optional<String> upload(CampaignSnapshot s, Language first, Optional<String> comment) {
    try {
      byte[] png = chart.png(s.burnDown(), first);
      String title = text.chartTitle(first) + " / " + text.chartTitle(first.other());
      FilesUploadV2Response r =
          slack.filesUploadV2(u -> {
            u.channel(channel)
                .fileData(png)
                .filename("campaign-burndown-" + s.today() + ".png")
                .title(title)
                .altTxt(text.chartAlternative(first, s));
            comment.ifPresent(u::initialComment);
            return u;
          });
      if (!r.isOk() || r.getFile() == null) {
        log.warn("the campaign chart was not uploaded: {}", r.getError());
        return Optional.empty();
      }
      return Optional.of(r.getFile().getId());
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("the campaign chart was not uploaded: {}", e.toString());
      return Optional.empty();
    }
  }
}
