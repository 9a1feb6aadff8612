package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the export journal: the outcome of one item.
 *
 * @param type resource type
 * @param id the item's identity within its type (workspace path, job id, scope name, ...)
 * @param status outcome
 * @param reason why it was skipped or failed; null when exported
 * @param files bundle files written for the item, with their checksums
 * @param record what the importer needs to know about the item (small: no content, no secret)
 * @param at when the outcome was recorded
 */
public record JournalEntry(
    ResourceType type,
    String id,
    ItemStatus status,
    String reason,
    List<FileRef> files,
    JsonNode record,
    Instant at) {
  public JournalEntry {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    files = files == null ? List.of() : List.copyOf(files);
  }

  public String key() {
    return key(type, id);
  }

  static String key(ResourceType type, String id) {
    return type.folder() + ":" + id;
  }

  public static JournalEntry exported(
      ResourceType type, String id, List<FileRef> files, JsonNode record) {
    return new JournalEntry(type, id, ItemStatus.EXPORTED, null, files, record, Instant.now());
  }

  public static JournalEntry skipped(ResourceType type, String id, String reason, JsonNode record) {
    return new JournalEntry(type, id, ItemStatus.SKIPPED, reason, List.of(), record, Instant.now());
  }

  public static JournalEntry failed(ResourceType type, String id, String reason) {
    return new JournalEntry(type, id, ItemStatus.FAILED, reason, List.of(), null, Instant.now());
  }
}
