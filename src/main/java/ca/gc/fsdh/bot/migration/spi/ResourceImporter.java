package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.item.ResourceType;

/**
 * Imports every item of one resource type from a bundle into the target. Implementations read the
 * type's index, hand each item to {@link ImportContext#item} and return when all are journaled.
 * Each item converges: it looks for the item in the target first, so a rerun never duplicates.
 */
public interface ResourceImporter {
  ResourceType type();

  void importAll(ImportContext context) throws Exception;
}
