package ca.gc.fsdh.bot.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The Quartz side of a {@link ReminderSlot}: its trigger, and the slot read back from a trigger.
 */
final class SlotTriggers {
  static final String GROUP = "reminders";
  static final JobKey FAN_OUT = JobKey.jobKey("fan-out", GROUP);
  static final JobKey SWEEP = JobKey.jobKey("sweep", GROUP);
  static final TriggerKey SWEEP_TRIGGER = TriggerKey.triggerKey("sweep", "reminder-sweep");

  private SlotTriggers() {}

  static TriggerKey key(ReminderSlot slot) {
    return TriggerKey.triggerKey(slot.key(), GROUP);
  }

  /**
   * A one-shot trigger at {@code fireAt} (scheduler time). Fire-now on misfire: a reminder missed
   * while every instance was down fires once at the next start.
   */
  static Trigger trigger(ReminderSlot slot, Date fireAt) {
    JobDataMap data = new JobDataMap();
    data.put("milestoneId", slot.milestoneId());
    data.put("milestoneDate", slot.milestoneDate().toString());
    data.put("offsetDays", Integer.toString(slot.offsetDays()));
    data.put("dueAt", slot.dueAt().toString());
    return TriggerBuilder.newTrigger()
        .withIdentity(key(slot))
        .forJob(FAN_OUT)
        .usingJobData(data)
        .startAt(fireAt)
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
  }

  static ReminderSlot slotOf(JobDataMap data) {
    return new ReminderSlot(
        data.getString("milestoneId"),
        LocalDate.parse(data.getString("milestoneDate")),
        Integer.parseInt(data.getString("offsetDays")),
        Instant.parse(data.getString("dueAt")));
  }
}
