package ca.gc.fsdh.bot.reminders.slack;

import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.AuditLog;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.SupportTeam;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import ca.gc.fsdh.bot.reminders.DateWords;
import ca.gc.fsdh.bot.reminders.DeliveryStatus;
import ca.gc.fsdh.bot.reminders.ReminderMessage;
import ca.gc.fsdh.bot.reminders.ReminderSlot;
import ca.gc.fsdh.bot.reminders.Reminders;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding.Standing;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.response.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.quartz.SchedulerException;

/**
 * {@code /fsdh reminders} (support): the next reminder slots Quartz will fire, each with the lead
 * channels it goes to (workspaces already done are left out), and the reminders not yet delivered.
 * Anyone else is refused, and the refusal audited.
 */
public final class RemindersCommand implements Subcommand {
  static final int SLOTS_SHOWN = 3;
  static final int CHANNELS_SHOWN = 10;
  private final Reminders reminders;
  private final SupportTeam support;
  private final AuditLog audit;
  private final Messages messages;
  private final Clock clock;

  public RemindersCommand(
      Reminders reminders, SupportTeam support, AuditLog audit, Messages messages, Clock clock) {
    this.reminders = reminders;
    this.support = support;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "reminders";
  }

  @Override
  public Response handle(Invocation in) throws IOException {
    Language language = in.language();
    if (!support.isMember(in.userId())) {
      audit.record(
          new AuditEntry(
              clock.instant(),
              in.userId(),
              "reminders.show",
              "refused",
              Optional.empty(),
              Optional.empty(),
              Optional.of("not in the support group")));
      return in.context()
          .ack(SlackReplies.ephemeral(messages.both(language, "reminders.support.only")));
    }
    try {
      return in.context().ack(SlackReplies.ephemeral(preview(language)));
    } catch (SchedulerException e) {
      throw new IOException("cannot read the reminder triggers", e);
    }
  }

  Bilingual preview(Language language) throws SchedulerException {
    Deadlines d = reminders.deadlines.get();
    List<ReminderSlot> next = reminders.scheduler.upcoming().stream().limit(SLOTS_SHOWN).toList();
    Bilingual out = messages.both(language, "reminders.title", d.timeZone().getId());
    if (next.isEmpty()) {
      out = out.then(messages.both(language, "reminders.none"));
    }
    for (ReminderSlot slot : next) {
      Milestone m =
          d.milestones().stream()
              .filter(x -> x.id().equals(slot.milestoneId()))
              .findFirst()
              .orElseThrow();
      List<Workspace> to =
          reminders.directory.all().stream()
              .filter(w -> reminders.standings.standingOf(w.acronym(), m.id()) != Standing.DONE)
              .toList();
      out =
          out.then(
              ReminderMessage.both(
                  language,
                  l ->
                      messages.text(
                          l,
                          "reminders.slot",
                          DateWords.dayAndTime(slot.dueAt(), d.timeZone(), l),
                          m.title(l),
                          slot.offsetDays(),
                          DateWords.day(slot.milestoneDate(), l),
                          to.size())));
      for (Workspace w : to.stream().limit(CHANNELS_SHOWN).toList()) {
        out =
            out.then(
                messages.both(
                    language,
                    "reminders.to",
                    w.acronym(),
                    Mrkdwn.raw("<#" + w.leadChannel() + ">")));
      }
      if (to.size() > CHANNELS_SHOWN) {
        out = out.then(messages.both(language, "reminders.more", to.size() - CHANNELS_SHOWN));
      }
    }
    var counts = reminders.deliveries.counts();
    int waiting =
        counts.getOrDefault(DeliveryStatus.PENDING, 0)
            + counts.getOrDefault(DeliveryStatus.SENDING, 0);
    int unconfirmed = counts.getOrDefault(DeliveryStatus.UNCONFIRMED, 0);
    if (waiting + unconfirmed > 0) {
      out = out.then(messages.both(language, "reminders.queue", waiting, unconfirmed));
    }
    return out;
  }
}
