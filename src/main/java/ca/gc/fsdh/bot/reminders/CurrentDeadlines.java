package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Milestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The deadlines in force: the configured ones, with each date support changed replaced by its
 * override. Read from the database each time, so that every bot instance sees a change at once.
 */
public final class CurrentDeadlines {
  private final Deadlines configured;
  private final MilestoneOverrides overrides;

  public CurrentDeadlines(Deadlines configured, MilestoneOverrides overrides) {
    this.configured = configured;
    this.overrides = overrides;
  }

  public Deadlines get() {
    Map<String, LocalDate> changed = overrides.all();
    if (changed.isEmpty()) {
      return configured;
    }
    return new Deadlines(
        configured.timeZone(),
        configured.reminderTime(),
        configured.reminderOffsetsDays(),
        configured.holidays(),
        configured.milestones().stream()
            .map(m ->
                new Milestone(
                    m.id(), changed.getOrDefault(m.id(), m.date()), m.titleEn(), m.titleFr()))
            .toList(),
        configured.reminderRatePerSecond());
  }

  public Optional<Milestone> milestone(String id) {
    return get().milestones().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /**
   * Whether support changed this milestone's date (the date differs from the configuration, or
   * not).
   */
  public boolean isOverridden(String id) {
    return overrides.all().containsKey(id);
  }

  /** Saves a new date; the caller re-plans. */
  public void change(String milestoneId, LocalDate date, String changedBy, Instant at) {
    if (configured.milestones().stream().noneMatch(m -> m.id().equals(milestoneId))) {
      throw new IllegalArgumentException("no milestone " + milestoneId);
    }
    overrides.set(milestoneId, date, changedBy, at);
  }
}
