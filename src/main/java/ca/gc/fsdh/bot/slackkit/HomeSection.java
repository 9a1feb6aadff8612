package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.config.Language;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A feature's part of the support view of App Home (the campaign's counts and chart): the screen
 * that owns App Home renders it under its own, for members of the support team only, so that the
 * features need not know each other. Called after the event is acked.
 */
@FunctionalInterface
public interface HomeSection {
  /** The blocks to show {@code viewerId}, their language first; empty when there is nothing. */
  List<LayoutBlock> supportBlocks(String viewerId, Language first);
}
