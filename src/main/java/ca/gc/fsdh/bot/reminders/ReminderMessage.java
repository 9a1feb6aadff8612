package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding.Standing;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Words one reminder for one workspace: the milestone, its date and the days left, then what
 * matters for this workspace now (start a request, wait for approval, wait for the run, try again
 * after a rejection; offboarding guidance when it has no PROD workspace). Both languages, its own
 * first.
 */
public final class ReminderMessage {
  private final Messages messages;

  public ReminderMessage(Messages messages) {
    this.messages = messages;
  }

  /**
   * @param today the local date in the deadlines' time zone when the reminder goes out
   */
  public Bilingual render(Workspace w, Milestone milestone, Standing standing, LocalDate today) {
    if (standing == Standing.DONE) {
      throw new IllegalArgumentException(
          "no reminder for a workspace that is done: " + w.acronym());
    }
    Bilingual heading =
        both(
            w.language(),
            l ->
                messages.text(
                    l,
                    "reminder.heading",
                    w.acronym(),
                    w.name(l),
                    milestone.title(l),
                    DateWords.day(milestone.date(), l),
                    Countdown.words(messages, l, today, milestone.date())));
    return heading.then(messages.both(w.language(), stateKey(w, standing), w.acronym()));
  }

  private static String stateKey(Workspace w, Standing standing) {
    return switch (standing) {
      case NONE -> w.offboardOnly() ? "reminder.state.none.offboard" : "reminder.state.none";
      case PENDING -> "reminder.state.pending";
      case RUNNING -> "reminder.state.running";
      case REJECTED ->
          w.offboardOnly() ? "reminder.state.rejected.offboard" : "reminder.state.rejected";
      case DONE -> throw new IllegalArgumentException("done");
    };
  }

  public static Bilingual both(Language first, Function<Language, String> text) {
    return new Bilingual(first, text.apply(first), text.apply(first.other()));
  }
}
