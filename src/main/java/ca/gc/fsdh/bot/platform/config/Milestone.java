package ca.gc.fsdh.bot.platform.config;

import java.time.LocalDate;

/** A cutoff date set by the FSDH team, e.g. the final date to migrate or offboard. */
public record Milestone(String id, LocalDate date, String titleEn, String titleFr) {
  public String title(Language language) {
    return language == Language.FR ? titleFr : titleEn;
  }
}
