package ca.gc.fsdh.bot.reminders;

import static ca.gc.fsdh.bot.reminders.ReminderFixture.TORONTO;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Milestone;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReminderPlannerTest {
  private static Map<Integer, LocalDateTime> localDueTimes(Deadlines d) {
    return ReminderPlanner.slots(d).stream()
        .collect(
            Collectors.toMap(
                ReminderSlot::offsetDays, s -> LocalDateTime.ofInstant(s.dueAt(), TORONTO)));
  }

  @Test
  void eachOffsetIsDueAtTheReminderTimeOnTheBusinessDayOnOrBefore() {
    // 2025-11-30 is a Sunday; 2025-11-11 (Remembrance Day) is a configured holiday.
    var d =
        new Deadlines(
            TORONTO,
            LocalTime.of(9, 30),
            List.of(30, 19, 14, 7, 3, 1, 0),
            Set.of(LocalDate.of(2025, 11, 11)),
            List.of(new Milestone("final-date", LocalDate.of(2025, 11, 30), "Final", "Finale")));
    assertThat(localDueTimes(d))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                30, LocalDateTime.of(2025, 10, 31, 9, 30), // Friday
                19, LocalDateTime.of(2025, 11, 10, 9, 30), // the 11th is a holiday: Monday the 10th
                14, LocalDateTime.of(2025, 11, 14, 9, 30), // Sunday the 16th → Friday the 14th
                7, LocalDateTime.of(2025, 11, 21, 9, 30), // Sunday the 23rd → Friday
                3, LocalDateTime.of(2025, 11, 27, 9, 30), // Thursday
                1, LocalDateTime.of(2025, 11, 28, 9, 30), // Saturday the 29th → Friday
                0, LocalDateTime.of(2025, 11, 28, 9, 30))); // Sunday the 30th → Friday
  }

  @Test
  void theLocalTimeHoldsAcrossTheEndAndTheStartOfDaylightSavingTime() {
    // DST ends in Toronto on 2025-11-02 (UTC-4 → UTC-5) and starts on 2026-03-08 (UTC-5 → UTC-4).
    var autumn =
        ReminderPlanner.slots(
            new Deadlines(
                TORONTO,
                LocalTime.of(9, 30),
                List.of(7, 0),
                Set.of(),
                List.of(new Milestone("m", LocalDate.of(2025, 11, 4), "M", "M"))));
    assertThat(autumn)
        .extracting(s -> s.dueAt().atOffset(ZoneOffset.UTC).toLocalDateTime())
        .containsExactly(
            LocalDateTime.of(2025, 10, 28, 13, 30), LocalDateTime.of(2025, 11, 4, 14, 30));
    var spring =
        ReminderPlanner.slots(
            new Deadlines(
                TORONTO,
                LocalTime.of(9, 30),
                List.of(3, 0),
                Set.of(),
                List.of(new Milestone("m", LocalDate.of(2026, 3, 10), "M", "M"))));
    assertThat(spring)
        .extracting(s -> s.dueAt().atOffset(ZoneOffset.UTC).toLocalDateTime())
        .containsExactly(
            LocalDateTime.of(2026, 3, 6, 14, 30), LocalDateTime.of(2026, 3, 10, 13, 30));
  }

  @Test
  void aReminderTimeInsideTheSpringGapStillFallsOnItsDay() {
    // 02:30 does not exist on 2026-03-08 in Toronto; java.time moves it forward an hour, same day.
    var d =
        new Deadlines(
            TORONTO,
            LocalTime.of(2, 30),
            List.of(0),
            Set.of(),
            List.of(new Milestone("m", LocalDate.of(2026, 3, 9), "M", "M"))); // Monday; offset 0
    var sundayMilestone =
        new Deadlines(
            TORONTO,
            LocalTime.of(2, 30),
            List.of(0),
            Set.of(),
            List.of(
                new Milestone("m", LocalDate.of(2026, 3, 8), "M", "M"))); // Sunday → Friday the 6th
    assertThat(LocalDateTime.ofInstant(ReminderPlanner.slots(d).getFirst().dueAt(), TORONTO))
        .isEqualTo(LocalDateTime.of(2026, 3, 9, 2, 30));
    assertThat(
            LocalDateTime.ofInstant(
                ReminderPlanner.slots(sundayMilestone).getFirst().dueAt(), TORONTO))
        .isEqualTo(LocalDateTime.of(2026, 3, 6, 2, 30));
  }

  @Test
  void slotsAreSortedByDueTimeAndKeyedByMilestoneAndOffset() {
    var d = ReminderFixture.deadlines(LocalDate.of(2025, 11, 28), 20);
    var slots = ReminderPlanner.slots(d);
    assertThat(slots)
        .extracting(ReminderSlot::key)
        .containsExactly(
            "final-date.30",
            "final-date.14",
            "final-date.7",
            "final-date.3",
            "final-date.1",
            "final-date.0");
    assertThat(ReminderPlanner.slot(d, "final-date", 5)).isEmpty();
    assertThat(ReminderPlanner.passedAt(d, LocalDate.of(2025, 11, 28)))
        .isEqualTo(LocalDate.of(2025, 11, 29).atStartOfDay(TORONTO).toInstant());
  }
}
