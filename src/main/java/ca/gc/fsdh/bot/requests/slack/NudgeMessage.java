package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.platform.config.ApprovalSettings;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestStore;
import ca.gc.fsdh.bot.requests.nudges.Nudge;
import ca.gc.fsdh.bot.requests.nudges.NudgePoster;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import ca.gc.fsdh.bot.slackkit.SlackDates;
import com.slack.api.methods.MethodsClient;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A nudge in words, posted: in the approval message's thread, how long the request has waited (in
 * business days) and the days left to the final date; an escalation goes to {@code
 * approvals.escalateTo} (a channel, or the support channel mentioning a user group, by default the
 * support group).
 */
public final class NudgeMessage implements NudgePoster {
  private final MethodsClient slack;
  private final RequestStore store;
  private final RequestText text;
  private final Language language;
  private final ApprovalSettings settings;
  private final String supportChannel;
  private final String supportGroup;

  public NudgeMessage(
      MethodsClient slack,
      RequestStore store,
      RequestText text,
      Language supportLanguage,
      ApprovalSettings settings,
      String supportChannel,
      String supportGroup) {
    this.slack = slack;
    this.store = store;
    this.text = text;
    this.language = supportLanguage;
    this.settings = settings;
    this.supportChannel = supportChannel;
    this.supportGroup = supportGroup;
  }

  @Override
  public String post(Nudge nudge) throws Exception {
    MigrationRequest r = store.find(nudge.requestId()).orElseThrow();
    Bilingual words = words(nudge, r);
    String channel =
        nudge.kind() == Nudge.Kind.NUDGE
            ? nudge.supportChannel()
            : settings.escalatesToUserGroup() ? supportChannel : settings.escalateTo().get();
    var response =
        slack.chatPostMessage(m -> {
          m.channel(channel).text(words.mrkdwn()).blocks(BilingualBlocks.of(words));
          if (nudge.kind() == Nudge.Kind.NUDGE) {
            m.threadTs(nudge.supportTs());
          }
          return m;
        });
    if (!response.isOk()) {
      throw new IllegalStateException("chat.postMessage: " + response.getError());
    }
    return response.getTs();
  }

  Bilingual words(Nudge nudge, MigrationRequest r) {
    var m = text.messages();
    return Bilingual.build(
        language,
        l -> {
          String waited =
              m.text(
                  l,
                  "nudge.waited",
                  r.number(),
                  text.kind(l, r),
                  r.workspace(),
                  nudge.waitedBusinessDays(),
                  SlackDates.dateTime(nudge.createdAt()));
          String days = nudge.finalDate().map(d -> " " + daysLeft(l, nudge.today(), d)).orElse("");
          if (nudge.kind() == Nudge.Kind.NUDGE) {
            return ":hourglass: " + waited + days;
          }
          String group = settings.escalateTo().orElse(supportGroup);
          // the group is mentioned once, in the first language's half: one ping per escalation
          String mention =
              settings.escalatesToUserGroup() && l == language ? "<!subteam^" + group + "> " : "";
          return mention
              + ":rotating_light: "
              + waited
              + days
              + " "
              + m.text(l, "nudge.escalation", Mrkdwn.raw("<#" + nudge.supportChannel() + ">"));
        });
  }

  private String daysLeft(Language l, LocalDate today, LocalDate finalDate) {
    long days = ChronoUnit.DAYS.between(today, finalDate);
    return days >= 0
        ? text.messages().text(l, "nudge.days-left", days, finalDate.toString())
        : text.messages().text(l, "nudge.final-passed", -days, finalDate.toString());
  }
}
