package ca.gc.fsdh.bot.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Quartz's triggers equal to the reminder plan: one one-shot trigger per milestone and
 * offset, plus a periodic sweep. Planning is idempotent and safe on several instances at once: an
 * unchanged slot keeps its trigger (so a trigger missed while down still fires once), a moved slot
 * is re-timed if still ahead and removed if its new time has passed, a slot that left the plan is
 * removed.
 *
 * <p>Quartz runs on the system clock; the plan on {@link #clock}. Fire times are shifted by their
 * difference, which is zero in production and lets tests and the demo run at a chosen date.
 */
public final class ReminderScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);
  private static final long SAME_TIME_MILLIS = 1000;
  private final Scheduler quartz;
  private final CurrentDeadlines deadlines;
  private final ReminderCourier courier;
  private final Clock clock;
  private final Duration sweepEvery;

  /** What one planning pass changed. */
  public record PlanResult(int kept, int added, int moved, int removed, Duration took) {}

  public ReminderScheduler(
      Scheduler quartz,
      CurrentDeadlines deadlines,
      ReminderCourier courier,
      Clock clock,
      Duration sweepEvery) {
    this.quartz = quartz;
    this.deadlines = deadlines;
    this.courier = courier;
    this.clock = clock;
    this.sweepEvery = sweepEvery;
  }

  /** Plans, then starts firing (misfired triggers fire now, once). */
  public void start() throws SchedulerException {
    plan();
    quartz.start();
  }

  public synchronized PlanResult plan() throws SchedulerException {
    long started = System.nanoTime();
    quartz.addJob(
        JobBuilder.newJob(FanOutJob.class)
            .withIdentity(SlotTriggers.FAN_OUT)
            .storeDurably()
            .requestRecovery()
            .build(),
        true);
    quartz.addJob(
        JobBuilder.newJob(SweepJob.class).withIdentity(SlotTriggers.SWEEP).storeDurably().build(),
        true);
    ensureSweep();
    Instant now = clock.instant();
    int kept = 0;
    int added = 0;
    int moved = 0;
    int removed = 0;
    Set<TriggerKey> wanted = new HashSet<>();
    for (ReminderSlot slot : ReminderPlanner.slots(deadlines.get())) {
      TriggerKey key = SlotTriggers.key(slot);
      wanted.add(key);
      Trigger existing = quartz.getTrigger(key);
      Date fireAt = schedulerTime(slot.dueAt());
      if (existing == null) {
        if (slot.dueAt().isAfter(now) && schedule(slot, fireAt)) {
          added++;
        }
      } else if (SlotTriggers.slotOf(existing.getJobDataMap()).equals(slot)) {
        if (Math.abs(existing.getStartTime().getTime() - fireAt.getTime()) > SAME_TIME_MILLIS) {
          // The plan's clock jumped (tests, demo): a time now behind fires at once, not after
          // misfire detection.
          quartz.rescheduleJob(key, SlotTriggers.trigger(slot, latest(fireAt, new Date())));
        }
        kept++;
      } else if (slot.dueAt().isAfter(now)) {
        quartz.rescheduleJob(key, SlotTriggers.trigger(slot, fireAt));
        moved++;
      } else {
        quartz.unscheduleJob(key); // its new time has passed: not a reminder missed while down
        removed++;
      }
    }
    for (TriggerKey key :
        quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(SlotTriggers.GROUP))) {
      if (!wanted.contains(key)) {
        quartz.unscheduleJob(key);
        removed++;
      }
    }
    var result =
        new PlanResult(kept, added, moved, removed, Duration.ofNanos(System.nanoTime() - started));
    log.info("reminders planned: {}", result);
    return result;
  }

  /** The slots Quartz will fire, soonest first. */
  public List<ReminderSlot> upcoming() throws SchedulerException {
    List<ReminderSlot> out = new ArrayList<>();
    for (TriggerKey key :
        quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(SlotTriggers.GROUP))) {
      Trigger t = quartz.getTrigger(key);
      if (t != null) {
        out.add(SlotTriggers.slotOf(t.getJobDataMap()));
      }
    }
    out.sort(Comparator.comparing(ReminderSlot::dueAt));
    return out;
  }

  /** Stops delivering after the post under way, waits for running jobs, stops this instance. */
  @Override
  public void close() throws SchedulerException {
    courier.stop();
    quartz.shutdown(true);
  }

  private boolean schedule(ReminderSlot slot, Date fireAt) throws SchedulerException {
    try {
      quartz.scheduleJob(SlotTriggers.trigger(slot, fireAt));
      return true;
    } catch (ObjectAlreadyExistsException e) {
      return false; // another instance planned it at the same moment
    }
  }

  private void ensureSweep() throws SchedulerException {
    if (quartz.checkExists(SlotTriggers.SWEEP_TRIGGER)) {
      return;
    }
    try {
      quartz.scheduleJob(
          TriggerBuilder.newTrigger()
              .withIdentity(SlotTriggers.SWEEP_TRIGGER)
              .forJob(SlotTriggers.SWEEP)
              .startNow()
              .withSchedule(
                  SimpleScheduleBuilder.simpleSchedule()
                      .withIntervalInMilliseconds(sweepEvery.toMillis())
                      .repeatForever()
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build());
    } catch (ObjectAlreadyExistsException e) {
      // planned by another instance
    }
  }

  private static Date latest(Date a, Date b) {
    return a.after(b) ? a : b;
  }

  /** The scheduler's (system) time at which the plan's clock reads {@code due}. */
  private Date schedulerTime(Instant due) {
    Duration ahead = Duration.between(Instant.now(), clock.instant());
    return Date.from(due.minus(ahead));
  }
}
