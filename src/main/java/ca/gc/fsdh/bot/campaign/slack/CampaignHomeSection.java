package ca.gc.fsdh.bot.campaign.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import ca.gc.fsdh.bot.campaign.Campaign;
import ca.gc.fsdh.bot.campaign.CampaignSnapshot;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import ca.gc.fsdh.bot.slackkit.HomeSection;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.SlackFileObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The campaign in App Home's support view: the counts, days left and workspaces at risk in both
 * languages, then the burn-down chart as an image block naming the uploaded file ({@code
 * slack_file}), with its text alternative for screen readers ({@code alt_text}).
 */
public final class CampaignHomeSection implements HomeSection {
  private static final int HALF_SECTION = BilingualBlocks.SECTION_LIMIT / 2 - 10;

  private final Campaign campaign;
  private final CampaignText text;
  private final ChartUpload chart;

  public CampaignHomeSection(Campaign campaign, CampaignText text, ChartUpload chart) {
    this.campaign = campaign;
    this.text = text;
    this.chart = chart;
  }

  @Override
  public List<LayoutBlock> supportBlocks(String viewerId, Language first) {
    CampaignSnapshot s = campaign.snapshot();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(divider());
    String title =
        text.messages().text(first, "campaign.home.title")
            + " / "
            + text.messages().text(first.other(), "campaign.home.title");
    blocks.add(header(h -> h.text(plainText(title))));
    String both =
        BilingualBlocks.fit(text.progress(s, first), HALF_SECTION, first)
            + "\n\n"
            + BilingualBlocks.fit(text.progress(s, first.other()), HALF_SECTION, first.other());
    blocks.add(section(x -> x.text(markdownText(both))));
    Optional<String> fileId = chart.fileId(s, first);
    if (fileId.isPresent()) {
      blocks.add(
          ImageBlock.builder()
              .blockId("campaign-chart")
              .slackFile(SlackFileObject.builder().id(fileId.get()).build())
              .altText(text.chartAlternative(first, s))
              .title(plainText(text.chartTitle(first) + " / " + text.chartTitle(first.other())))
              .build());
    } else {
      blocks.add(
          context(c ->
              c.elements(
                  List.of(
                      markdownText(text.messages().both(first, "campaign.chart.none").inline())))));
    }
    return blocks;
  }
}
