package ca.gc.fsdh.bot.reminders;

import java.time.Instant;
import java.time.LocalDate;

/** One workspace's reminder of one slot: a row of {@code reminder_delivery}. */
public record Delivery(
    String workspace,
    String milestoneId,
    int offsetDays,
    LocalDate milestoneDate,
    String channel,
    DeliveryStatus status,
    int attempts,
    Instant dueAt) {

  public String describe() {
    return workspace + "/" + milestoneId + "/" + offsetDays + "d/" + milestoneDate;
  }
}
