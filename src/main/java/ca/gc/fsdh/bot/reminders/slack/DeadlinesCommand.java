package ca.gc.fsdh.bot.reminders.slack;

import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.AuditLog;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.SupportTeam;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import ca.gc.fsdh.bot.reminders.Countdown;
import ca.gc.fsdh.bot.reminders.CurrentDeadlines;
import ca.gc.fsdh.bot.reminders.DateWords;
import ca.gc.fsdh.bot.reminders.ReminderMessage;
import ca.gc.fsdh.bot.reminders.ReminderScheduler;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.quartz.SchedulerException;

/**
 * {@code /fsdh deadlines}: every milestone with its date and the days left, for everyone. {@code
 * /fsdh deadlines set <milestone-id> <YYYY-MM-DD> [confirm]}: support moves a date. Without {@code
 * confirm} it only shows what would change; with it the date is saved (it then wins over the
 * configuration, across restarts), audited, and the reminders re-planned.
 */
public final class DeadlinesCommand implements Subcommand {
  private final CurrentDeadlines deadlines;
  private final ReminderScheduler scheduler;
  private final SupportTeam support;
  private final AuditLog audit;
  private final Messages messages;
  private final Clock clock;

  public DeadlinesCommand(
      CurrentDeadlines deadlines,
      ReminderScheduler scheduler,
      SupportTeam support,
      AuditLog audit,
      Messages messages,
      Clock clock) {
    this.deadlines = deadlines;
    this.scheduler = scheduler;
    this.support = support;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "deadlines";
  }

  @Override
  public Response handle(Invocation in) {
    Bilingual reply =
        in.args().isEmpty()
            ? list(in.language())
            : in.args().getFirst().equalsIgnoreCase("set")
                ? set(in)
                : messages.both(in.language(), "deadlines.set.usage");
    return in.context().ack(SlackReplies.ephemeral(reply));
  }

  private Bilingual list(Language language) {
    Deadlines d = deadlines.get();
    if (d.milestones().isEmpty()) {
      return messages.both(language, "deadlines.none");
    }
    LocalDate today = clock.instant().atZone(d.timeZone()).toLocalDate();
    Bilingual out = messages.both(language, "deadlines.title", d.timeZone().getId());
    for (Milestone m : d.milestones()) {
      boolean changed = deadlines.isOverridden(m.id());
      out =
          out.then(
              ReminderMessage.both(
                  language,
                  l ->
                      messages.text(
                              l,
                              "deadlines.line",
                              m.title(l),
                              m.id(),
                              DateWords.day(m.date(), l),
                              Countdown.words(messages, l, today, m.date()))
                          + (changed ? " " + messages.text(l, "deadlines.changed") : "")));
    }
    return out;
  }

  private Bilingual set(Invocation in) {
    Language language = in.language();
    List<String> args = in.args();
    if (args.size() < 3
        || args.size() > 4
        || (args.size() == 4 && !args.get(3).equalsIgnoreCase("confirm"))) {
      return messages.both(language, "deadlines.set.usage");
    }
    if (!support.isMember(in.userId())) {
      record(in.userId(), "refused", args.get(1), "not in the support group");
      return messages.both(language, "deadlines.set.support.only");
    }
    String id = args.get(1);
    Optional<Milestone> milestone = deadlines.milestone(id);
    if (milestone.isEmpty()) {
      String known =
          deadlines.get().milestones().stream()
              .map(m -> "`" + m.id() + "`")
              .collect(Collectors.joining(", "));
      return messages.both(
          language, "deadlines.set.unknown", Mrkdwn.codeSpan(id, 40), Mrkdwn.raw(known));
    }
    LocalDate date;
    try {
      date = LocalDate.parse(args.get(2));
    } catch (DateTimeParseException e) {
      return messages.both(language, "deadlines.set.bad.date", Mrkdwn.codeSpan(args.get(2), 40));
    }
    Milestone m = milestone.get();
    if (m.date().equals(date)) {
      return ReminderMessage.both(
          language,
          l -> messages.text(l, "deadlines.set.same", m.title(l), DateWords.day(date, l)));
    }
    if (args.size() == 3) {
      return ReminderMessage.both(
          language,
          l ->
              messages.text(
                  l,
                  "deadlines.set.confirm",
                  m.title(l),
                  DateWords.day(m.date(), l),
                  DateWords.day(date, l),
                  m.id(),
                  date.toString()));
    }
    deadlines.change(m.id(), date, in.userId(), clock.instant());
    record(in.userId(), "ok", m.id(), m.date() + " -> " + date);
    long toCome;
    try {
      scheduler.plan();
      toCome = scheduler.upcoming().stream().filter(s -> s.milestoneId().equals(m.id())).count();
    } catch (SchedulerException e) {
      // Saved and audited; the next planning (any instance's start, or the next change) applies it.
      throw new IllegalStateException(
          "date of " + m.id() + " saved but reminders not re-planned", e);
    }
    long count = toCome;
    return ReminderMessage.both(
        language,
        l ->
            messages.text(
                l,
                "deadlines.set.done",
                m.title(l),
                DateWords.day(m.date(), l),
                DateWords.day(date, l),
                Mrkdwn.user(in.userId()),
                count));
  }

  private void record(String actor, String outcome, String milestoneId, String detail) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            actor,
            "deadline.set",
            outcome,
            Optional.empty(),
            Optional.empty(),
            Optional.of(Mrkdwn.codeSpan(milestoneId, 40) + ": " + detail)));
  }
}
