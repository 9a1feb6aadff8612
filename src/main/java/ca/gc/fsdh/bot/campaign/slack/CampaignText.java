package ca.gc.fsdh.bot.campaign.slack;

import ca.gc.fsdh.bot.campaign.BurnDown;
import ca.gc.fsdh.bot.campaign.CampaignSnapshot;
import ca.gc.fsdh.bot.campaign.Stage;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.reminders.Countdown;
import ca.gc.fsdh.bot.reminders.DateWords;
import java.util.List;
import java.util.Map;

/**
 * The campaign in words, in one language or both: counts by stage, days left to each milestone, the
 * workspaces at risk, and the chart's text alternative for screen readers.
 */
public final class CampaignText {
  /** Workspaces at risk named in a message; the count says how many there are in all. */
  static final int AT_RISK_SHOWN = 10;

  private final Messages messages;

  public CampaignText(Messages messages) {
    this.messages = messages;
  }

  public Messages messages() {
    return messages;
  }

  public Bilingual progress(Language first, CampaignSnapshot s) {
    return new Bilingual(first, progress(s, first), progress(s, first.other()));
  }

  String progress(CampaignSnapshot s, Language l) {
    StringBuilder b =
        new StringBuilder(
            messages.text(l, "campaign.title", s.total(), DateWords.day(s.today(), l)));
    b.append('\n').append(counts(s, l));
    b.append('\n').append(messages.text(l, "campaign.days.title"));
    if (s.milestones().isEmpty()) {
      b.append('\n').append(messages.text(l, "campaign.days.none"));
    }
    for (Milestone m : s.milestones()) {
      b.append('\n')
          .append(
              messages.text(
                  l,
                  "campaign.days.line",
                  m.title(l),
                  m.id(),
                  DateWords.day(m.date(), l),
                  Countdown.words(messages, l, s.today(), m.date())));
    }
    b.append('\n').append(atRisk(s, l));
    return b.toString();
  }

  String counts(CampaignSnapshot s, Language l) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Stage, Integer> e : s.counts().entrySet()) {
      b.append(messages.text(l, e.getKey().messageKey(), e.getValue())).append('\n');
    }
    b.append(messages.text(l, "campaign.offboard-only", s.offboardOnly()));
    return b.toString();
  }

  String atRisk(CampaignSnapshot s, Language l) {
    List<Workspace> risk = s.atRisk();
    if (risk.isEmpty()) {
      return messages.text(l, "campaign.at-risk.none");
    }
    StringBuilder b =
        new StringBuilder(
            s.finalMilestone().isPresent()
                ? messages.text(
                    l,
                    "campaign.at-risk.title",
                    risk.size(),
                    s.finalMilestone().get().title(l),
                    Countdown.words(messages, l, s.today(), s.finalMilestone().get().date()))
                : messages.text(l, "campaign.at-risk.title.no-date", risk.size()));
    for (Workspace w : risk.stream().limit(AT_RISK_SHOWN).toList()) {
      b.append('\n')
          .append(
              messages.text(
                  l,
                  "campaign.at-risk.line",
                  w.acronym(),
                  w.name(l),
                  messages.text(l, s.stages().get(w).messageKey() + ".word")));
    }
    if (risk.size() > AT_RISK_SHOWN) {
      b.append('\n').append(messages.text(l, "campaign.at-risk.more", risk.size() - AT_RISK_SHOWN));
    }
    return b.toString();
  }

  /** What the chart shows, for screen readers (Slack's alt_text; at most 1,000 characters). */
  public String chartAlternative(Language l, CampaignSnapshot s) {
    BurnDown d = s.burnDown();
    int now = d.remaining().isEmpty() ? d.total() : d.remaining().getLast();
    String text =
        messages.text(
            l,
            "campaign.chart.alt",
            now,
            d.total(),
            DateWords.day(d.start(), l),
            DateWords.day(d.finalDate(), l),
            Math.round(d.idealOn(s.today())));
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  public String chartTitle(Language l) {
    return messages.text(l, "campaign.chart.title");
  }
}
