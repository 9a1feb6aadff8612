package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.item.ResourceType;

/**
 * Exports every item of one resource type into the bundle. Implementations list the workspace, hand
 * each item to {@link ExportContext#item} on their own {@link WorkQueue}, and return when all items
 * are journaled. They throw only when the run must stop (interruption).
 */
public interface ResourceExporter {
  ResourceType type();

  void export(ExportContext context) throws Exception;
}
