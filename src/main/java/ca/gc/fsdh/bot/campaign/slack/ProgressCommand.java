package ca.gc.fsdh.bot.campaign.slack;

import ca.gc.fsdh.bot.campaign.Campaign;
import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.AuditLog;
import ca.gc.fsdh.bot.platform.config.SupportTeam;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /fsdh progress} (support team): the campaign at a glance, in both languages. Anyone else
 * is refused, and the refusal audited. The snapshot is a few reads of the database, well within the
 * 3 seconds of the ack.
 */
public final class ProgressCommand implements Subcommand {
  private final Campaign campaign;
  private final CampaignText text;
  private final SupportTeam support;
  private final AuditLog audit;
  private final Clock clock;

  public ProgressCommand(
      Campaign campaign, CampaignText text, SupportTeam support, AuditLog audit, Clock clock) {
    this.campaign = campaign;
    this.text = text;
    this.support = support;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "progress";
  }

  @Override
  public Response handle(Invocation in) {
    Bilingual reply;
    if (!support.isMember(in.userId())) {
      audit.record(
          new AuditEntry(
              clock.instant(),
              in.userId(),
              "campaign.progress",
              "refused",
              Optional.empty(),
              Optional.empty(),
              Optional.of("not in the support group")));
      reply = text.messages().both(in.language(), "campaign.support.only");
    } else {
      reply = text.progress(in.language(), campaign.snapshot());
    }
    return in.context().ack(SlackReplies.ephemeral(reply));
  }
}
