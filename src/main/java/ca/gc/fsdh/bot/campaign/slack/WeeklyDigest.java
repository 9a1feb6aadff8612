package ca.gc.fsdh.bot.campaign.slack;

import ca.gc.fsdh.bot.campaign.Campaign;
import ca.gc.fsdh.bot.campaign.CampaignSnapshot;
import ca.gc.fsdh.bot.campaign.DigestClaims;
import ca.gc.fsdh.bot.campaign.DigestSchedule;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly campaign digest to the support channel: the counts, the days left, the workspaces at
 * risk and the burn-down chart, in one message (the chart uploaded with the text as its comment).
 * Checked often by {@link DigestJob}; posted once per week across restarts and instances: the
 * week's row is claimed first ({@link DigestClaims}), and a claim is never posted twice. If the
 * chart cannot be uploaded, the text goes alone.
 */
public final class WeeklyDigest {
  private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

  private final Campaign campaign;
  private final CampaignText text;
  private final ChartUpload chart;
  private final DigestClaims claims;
  private final DigestSchedule schedule;
  private final MethodsClient slack;
  private final String channel;
  private final Language first;
  private final boolean enabled;
  private final Clock clock;
  private final String owner;

  public WeeklyDigest(
      Campaign campaign,
      CampaignText text,
      ChartUpload chart,
      DigestClaims claims,
      DigestSchedule schedule,
      MethodsClient slack,
      String channel,
      Language first,
      boolean enabled,
      Clock clock,
      String owner) {
    this.campaign = campaign;
    this.text = text;
    this.chart = chart;
    this.claims = claims;
    this.schedule = schedule;
    this.slack = slack;
    this.channel = channel;
    this.first = first;
    this.enabled = enabled;
    this.clock = clock;
    this.owner = owner;
  }

  /** Posts this week's digest if it is due and no one claimed it yet; true if this call posted. */
  public boolean runIfDue() {
    if (!enabled) {
      return false;
    }
    Optional<LocalDate> due = schedule.dueAt(clock.instant());
    if (due.isEmpty() || !claims.claim(due.get(), owner, clock.instant())) {
      return false;
    }
    CampaignSnapshot s = campaign.snapshot();
    Bilingual message =
        new Bilingual(
            first,
            text.messages().text(first, "campaign.digest.title") + "\n" + text.progress(s, first),
            text.messages().text(first.other(), "campaign.digest.title")
                + "\n"
                + text.progress(s, first.other()));
    Optional<String> fileId = chart.uploadWith(s, first, message.mrkdwn());
    if (fileId.isPresent()) {
      claims.done(due.get(), clock.instant(), "posted", fileId);
      return true;
    }
    try {
      var posted = slack.chatPostMessage(r -> r.channel(channel).text(message.mrkdwn()));
      claims.done(
          due.get(), clock.instant(), posted.isOk() ? "text-only" : "failed", Optional.empty());
      if (!posted.isOk()) {
        log.warn("the campaign digest of {} was not posted: {}", due.get(), posted.getError());
      }
      return posted.isOk();
    } catch (Exception e) {
      claims.done(due.get(), clock.instant(), "failed", Optional.empty());
      log.warn("the campaign digest of {} was not posted: {}", due.get(), e.toString());
      return false;
    }
  }
}
