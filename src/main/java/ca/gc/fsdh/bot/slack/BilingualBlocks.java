package ca.gc.fsdh.bot.slack;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import ca.gc.fsdh.bot.i18n.Bilingual;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Renders a {@link Bilingual} message as Slack blocks: first language, a divider, the second. */
public final class BilingualBlocks {
  /** Slack refuses a section text over 3,000 characters. */
  static final int SECTION_LIMIT = 3000;

  private BilingualBlocks() {}

  public static List<LayoutBlock> of(Bilingual message) {
    return List.of(
        section(s -> s.text(markdownText(clip(message.firstText())))),
        divider(),
        section(s -> s.text(markdownText(clip(message.secondText())))));
  }

  private static String clip(String text) {
    return text.length() <= SECTION_LIMIT ? text : text.substring(0, SECTION_LIMIT - 1) + "…";
  }
}
