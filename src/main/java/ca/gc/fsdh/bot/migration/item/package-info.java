/**
 * The words every part of the core and its callers share about the items it moves: the six {@code
 * ResourceType}s, how an item's export ended ({@code ItemStatus}), what its import did ({@code
 * ImportOutcome}), and the {@code ProgressListener} that hears each item finish. The bottom of the
 * core: imports no other package of the bot.
 */
package ca.gc.fsdh.bot.migration.item;
