package ca.gc.fsdh.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import ca.gc.fsdh.bot.config.Language;
import ca.gc.fsdh.bot.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestState;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The message in the support channel for one request: its summary in both languages and, while it
 * waits for a decision, the Approve and Reject buttons. Once decided, the same message
 * shows who decided, when and why, and has no buttons.
 */
public final class ApprovalMessage {
  private final RequestText text;
  private final Language language;

  public ApprovalMessage(RequestText text, Language supportLanguage) {
    this.text = text;
    this.language = supportLanguage;
  }

  public Bilingual headline(MigrationRequest r) {
    return Bilingual.build(language, l -> text.messages().text(l, "support.headline", r.number(), text.kind(l, r), r.workspace()));
  }

  public String fallback(MigrationRequest r) {
    return headline(r).inline();
  }

  public List<LayoutBlock> blocks(MigrationRequest r) {
    Bilingual body = headline(r).then(text.summary(language, r));
    List<LayoutBlock> blocks = new ArrayList<>(BilingualBlocks.of(body));
    if (r.state() == RequestState.PENDING_APPROVAL) {
      String id = Long.toString(r.id());
      blocks.add(divider());
      blocks.add(actions(a -> a.blockId("decision").elements(List.of(
          button(b -> b.actionId(SlackIds.APPROVE).value(id).style("primary")
              .text(plainText(label("button.approve")))),
          button(b -> b.actionId(SlackIds.REJECT).value(id).style("danger")
              .text(plainText(label("button.reject"))))))));
    }
    return blocks;
  }

  private String label(String key) {
    return text.messages().both(language, key).inline();
  }
}
