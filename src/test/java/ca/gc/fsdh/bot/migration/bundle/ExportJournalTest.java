package ca.gc.fsdh.bot.migration.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportJournalTest {
  @TempDir Path dir;

  @Test
  void aReopenedJournalKnowsWhatIsFinished() throws Exception {
    try (var j = ExportJournal.open(dir)) {
      j.record(JournalEntry.exported(ResourceType.JOBS, "1", List.of(), null));
      j.record(JournalEntry.skipped(ResourceType.NOTEBOOKS, "/Users/a/big", "over 10 MB", null));
      j.record(JournalEntry.failed(ResourceType.REPOS, "7", "HTTP 500"));
    }
    try (var j = ExportJournal.open(dir)) {
      assertThat(j.isFinished(ResourceType.JOBS, "1")).isTrue();
      assertThat(j.isFinished(ResourceType.NOTEBOOKS, "/Users/a/big")).isTrue();
      assertThat(j.isFinished(ResourceType.REPOS, "7")).as("failed items are retried").isFalse();
      assertThat(j.resumedCount()).isEqualTo(2);
    }
  }

  @Test
  void refusesToFinishAnItemTwice() throws Exception {
    try (var j = ExportJournal.open(dir)) {
      j.record(JournalEntry.exported(ResourceType.JOBS, "1", List.of(), null));
      assertThatThrownBy(
              () -> j.record(JournalEntry.exported(ResourceType.JOBS, "1", List.of(), null)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("jobs:1");
    }
  }

  @Test
  void ignoresATornLastLineAndKeepsAppendingOnANewLine() throws Exception {
    try (var j = ExportJournal.open(dir)) {
      j.record(JournalEntry.exported(ResourceType.JOBS, "1", List.of(), null));
    }
    Files.writeString(
        dir.resolve(ExportJournal.FILE),
        "{\"type\":\"JOBS\",\"id\":\"2\",\"sta",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (var j = ExportJournal.open(dir)) {
      assertThat(j.isFinished(ResourceType.JOBS, "2")).isFalse();
      j.record(JournalEntry.exported(ResourceType.JOBS, "2", List.of(), null));
    }
    var entries = new ArrayList<JournalEntry>();
    ExportJournal.forEach(dir.resolve(ExportJournal.FILE), entries::add);
    assertThat(entries).extracting(JournalEntry::id).containsExactly("1", "2");
    assertThat(entries).extracting(JournalEntry::status).containsOnly(ItemStatus.EXPORTED);
  }
}
