package ca.gc.fsdh.bot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The burn-down drawn headless to a PNG that opens, at the chart's size. */
class BurnDownChartTest {
  private static final LocalDate START = LocalDate.of(2025, 9, 1);
  private static final LocalDate FINAL = LocalDate.of(2025, 11, 30);

  @Test
  void theStraightLineGoesFromEveryWorkspaceOnTheFirstDayToNoneOnTheFinalDate() {
    BurnDown d = new BurnDown(START, FINAL, 30, List.of(START), List.of(30));
    assertThat(d.idealOn(START)).isEqualTo(30.0);
    assertThat(d.idealOn(START.plusDays(45))).isEqualTo(15.0);
    assertThat(d.idealOn(FINAL)).isEqualTo(0.0);
    assertThat(d.idealOn(FINAL.plusDays(10))).isEqualTo(0.0);
    assertThat(d.lastDay()).isEqualTo(FINAL);
  }

  @Test
  void rendersHeadlessToAPngOfTheChartsSizeThatOpens() throws Exception {
    List<LocalDate> days = new ArrayList<>();
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i <= 60; i++) {
      days.add(START.plusDays(i));
      remaining.add(30 - i / 3);
    }
    byte[] png =
        new BurnDownChart(new Messages(), ZoneId.of("America/Toronto"))
            .png(new BurnDown(START, FINAL, 30, days, remaining), Language.FR);

    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(BurnDownChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(BurnDownChart.HEIGHT);
    // Something is drawn: a plain image would compress to a few hundred bytes and hold one colour.
    assertThat(png.length).isGreaterThan(5_000);
    assertThat(image.getRGB(5, 5)).isNotEqualTo(image.getRGB(400, 200));
  }
}
