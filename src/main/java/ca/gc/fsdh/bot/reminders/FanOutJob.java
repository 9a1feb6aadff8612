package ca.gc.fsdh.bot.reminders;

import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding.Standing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fired by a slot's trigger: enqueues one reminder per workspace of the directory as it is now,
 * then delivers. A trigger planned for a date support has since changed does nothing. If the
 * instance dies mid-way, Quartz recovers the job on restart (or on another node) and the enqueue is
 * a no-op for the rows already there.
 */
final class FanOutJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(FanOutJob.class);
  private final CurrentDeadlines deadlines;
  private final WorkspaceDirectory directory;
  private final WorkspaceStanding standings;
  private final ReminderDeliveries deliveries;
  private final ReminderCourier courier;
  private final Clock clock;

  FanOutJob(
      CurrentDeadlines deadlines,
      WorkspaceDirectory directory,
      WorkspaceStanding standings,
      ReminderDeliveries deliveries,
      ReminderCourier courier,
      Clock clock) {
    this.deadlines = deadlines;
    this.directory = directory;
    this.standings = standings;
    this.deliveries = deliveries;
    this.courier = courier;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    ReminderSlot fired = SlotTriggers.slotOf(context.getMergedJobDataMap());
    Deadlines current = deadlines.get();
    Optional<ReminderSlot> planned =
        ReminderPlanner.slot(current, fired.milestoneId(), fired.offsetDays());
    if (planned.isEmpty() || !planned.get().equals(fired)) {
      log.info(
          "reminder slot {} for {} is stale (dates changed): nothing sent",
          fired.key(),
          fired.milestoneDate());
      return;
    }
    enqueue(fired, current);
    try {
      courier.deliverPending();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One row per workspace: PENDING, or already SKIPPED/DROPPED with the reason. Returns rows added.
   */
  int enqueue(ReminderSlot slot, Deadlines current) {
    Instant now = clock.instant();
    boolean passed = !now.isBefore(ReminderPlanner.passedAt(current, slot.milestoneDate()));
    if (passed) {
      log.warn(
          "reminders {} for {} dropped: the milestone passed while the bot was down",
          slot.key(),
          slot.milestoneDate());
    }
    List<Delivery> rows = new ArrayList<>();
    for (Workspace w : directory.all()) {
      DeliveryStatus status =
          passed
              ? DeliveryStatus.DROPPED
              : standings.standingOf(w.acronym(), slot.milestoneId()) == Standing.DONE
                  ? DeliveryStatus.SKIPPED
                  : DeliveryStatus.PENDING;
      rows.add(
          new Delivery(
              w.acronym(),
              slot.milestoneId(),
              slot.offsetDays(),
              slot.milestoneDate(),
              w.leadChannel(),
              status,
              0,
              slot.dueAt()));
    }
    int added = deliveries.enqueue(rows, now);
    log.info(
        "reminder slot {} for {}: {} of {} workspaces enqueued",
        slot.key(),
        slot.milestoneDate(),
        added,
        rows.size());
    return added;
  }
}
