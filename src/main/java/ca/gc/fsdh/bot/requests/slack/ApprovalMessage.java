package ca.gc.fsdh.bot.requests.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.PlanStep;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The message in the support channel for one request: its summary in both languages and, while it
 * waits for a decision, the Approve and Reject buttons, and View plan once the plan is ready. Once
 * decided, the same message shows who decided, when and why, and has no buttons.
 */
public final class ApprovalMessage {
  private final RequestText text;
  private final Language language;

  public ApprovalMessage(RequestText text, Language supportLanguage) {
    this.text = text;
    this.language = supportLanguage;
  }

  public Bilingual headline(MigrationRequest r) {
    return Bilingual.build(
        language,
        l ->
            text.messages()
                .text(l, "support.headline", r.number(), text.kind(l, r), r.workspace()));
  }

  public String fallback(MigrationRequest r) {
    return headline(r).inline();
  }

  /**
   * @param plan the stored plan (see {@link PlanStep}), empty while it is computed
   */
  public List<LayoutBlock> blocks(MigrationRequest r, Optional<JsonNode> plan) {
    Bilingual body = headline(r).then(text.summary(language, r)).then(planLine(plan));
    List<LayoutBlock> blocks = new ArrayList<>(BilingualBlocks.of(body));
    if (r.state() == RequestState.PENDING_APPROVAL) {
      String id = Long.toString(r.id());
      List<BlockElement> buttons =
          new ArrayList<>(
              List.of(
                  button(b ->
                      b.actionId(SlackIds.APPROVE)
                          .value(id)
                          .style("primary")
                          .text(plainText(label("button.approve")))),
                  button(b ->
                      b.actionId(SlackIds.REJECT)
                          .value(id)
                          .style("danger")
                          .text(plainText(label("button.reject"))))));
      if (plan.isPresent() && !plan.get().has("error")) {
        buttons.add(
            button(b ->
                b.actionId(SlackIds.VIEW_PLAN)
                    .value(id)
                    .text(plainText(label("button.view-plan")))));
      }
      blocks.add(divider());
      blocks.add(actions(a -> a.blockId("decision").elements(buttons)));
    }
    return blocks;
  }

  /**
   * The message key of one of the plan's counts (the planner's own names: "notebooks", "secret
   * keys" ...).
   */
  private static String countKey(String name) {
    return "plan.count." + name.replace(' ', '-');
  }

  Bilingual planLine(Optional<JsonNode> plan) {
    var m = text.messages();
    if (plan.isEmpty()) {
      return m.both(language, "plan.pending");
    }
    JsonNode p = plan.get();
    if (p.has("error")) {
      return m.both(language, "plan.failed", p.path("error").asText());
    }
    Bilingual summary =
        Bilingual.build(
            language,
            l -> {
              StringBuilder counts = new StringBuilder();
              p.path("counts")
                  .properties()
                  .forEach(e -> {
                    String name =
                        m.has(countKey(e.getKey())) ? m.text(l, countKey(e.getKey())) : e.getKey();
                    counts
                        .append(counts.isEmpty() ? "" : ", ")
                        .append(name)
                        .append(' ')
                        .append(e.getValue().asLong());
                  });
              return m.text(
                  l,
                  "plan.summary",
                  counts.toString(),
                  p.path("bytes").asLong() / (1024.0 * 1024.0),
                  p.path("cannotExport").size(),
                  p.path("manual").size(),
                  Math.ceil(p.path("estimatedSeconds").asDouble() / 60));
            });
    // A part that could not be read would make the counts look whole: say so next to them.
    Bilingual line =
        p.path("unread").isEmpty()
            ? summary
            : summary.then(m.both(language, "plan.unread", p.path("unread").size()));
    JsonNode t = p.path("tableAcls");
    if (t.isObject()) {
      line =
          line.then(
              t.path("target").asText().equals("unity-catalog")
                  ? m.both(
                      language,
                      "plan.tableacls.unity-catalog",
                      t.path("catalog").asText(),
                      t.path("notCarried").size())
                  : m.both(language, "plan.tableacls.hive-metastore", t.path("notCarried").size()));
      if (!t.path("problem").isMissingNode() && !t.path("problem").isNull())
        line = line.then(m.both(language, "plan.tableacls.problem", t.path("problem").asText()));
    }
    return line;
  }

  private String label(String key) {
    return text.messages().both(language, key).inline();
  }
}
