package ca.gc.fsdh.bot.slackkit;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Bilingual} message as Slack blocks: first language, a divider, the second.
 *
 * <p>Each language's text goes into as many sections as it needs, cut between lines, each under
 * Slack's 3,000 characters. Past {@link #LANGUAGE_LIMIT} characters a language's text is cut after
 * a whole line and ends with "… and N more lines" in that language, so that a message never exceeds
 * what Slack takes (about 13,000 characters of text in a message's blocks; see {@code
 * sandbox/BlockKitLimits}), whatever the length of a report or a plan.
 */
public final class BilingualBlocks {
  /** Slack refuses a section text over 3,000 characters (Block Kit, "Section block"). */
  public static final int SECTION_LIMIT = 3000;

  /**
   * Each language's share of a message: both together, with buttons, stay under Slack's ~13,000.
   */
  static final int LANGUAGE_LIMIT = 6000;

  private static final Messages MESSAGES = new Messages();

  private BilingualBlocks() {}

  public static List<LayoutBlock> of(Bilingual message) {
    List<LayoutBlock> blocks = new ArrayList<>(sections(message.firstText(), message.first()));
    blocks.add(divider());
    blocks.addAll(sections(message.secondText(), message.first().other()));
    return blocks;
  }

  private static List<LayoutBlock> sections(String text, Language language) {
    return chunks(text, SECTION_LIMIT, LANGUAGE_LIMIT, language).stream()
        .<LayoutBlock>map(chunk -> section(s -> s.text(markdownText(chunk))))
        .toList();
  }

  /**
   * {@code text} within {@code limit} characters, cut after a whole line, with "… and N more
   * lines".
   */
  public static String fit(String text, int limit, Language language) {
    return chunks(text, limit, limit, language).get(0);
  }

  /**
   * Splits {@code text} between lines into pieces of at most {@code pieceLimit} characters, at most
   * {@code totalLimit} in all; what does not fit is counted in a last line. A single line longer
   * than a piece is shortened with "…".
   */
  static List<String> chunks(String text, int pieceLimit, int totalLimit, Language language) {
    String[] lines = text.split("\n", -1);
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int total = 0;
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].length() > pieceLimit - 1
              ? lines[i].substring(0, pieceLimit - 2) + "…"
              : lines[i];
      String more = more(lines.length - i, language);
      boolean last = i == lines.length - 1;
      // Room is kept for the "more" line unless this is the last line.
      if (total + line.length() + 1 + (last ? 0 : more.length() + 1) > totalLimit) {
        append(pieces, piece, more, pieceLimit);
        return finish(pieces, piece, text);
      }
      if (!piece.isEmpty() && piece.length() + 1 + line.length() > pieceLimit) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
      if (!piece.isEmpty()) {
        piece.append('\n');
      }
      piece.append(line);
      total += line.length() + 1;
    }
    return finish(pieces, piece, text);
  }

  private static void append(
      List<String> pieces, StringBuilder piece, String line, int pieceLimit) {
    if (!piece.isEmpty() && piece.length() + 1 + line.length() > pieceLimit) {
      pieces.add(piece.toString());
      piece.setLength(0);
    }
    piece.append(piece.isEmpty() ? "" : "\n").append(line);
  }

  private static List<String> finish(List<String> pieces, StringBuilder piece, String text) {
    if (!piece.isEmpty() || pieces.isEmpty()) {
      pieces.add(piece.isEmpty() ? (text.isEmpty() ? " " : text) : piece.toString());
    }
    return pieces;
  }

  private static String more(int lines, Language language) {
    return MESSAGES.text(language, "blocks.more-lines", lines);
  }
}
