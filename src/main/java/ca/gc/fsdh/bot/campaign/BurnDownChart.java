package ca.gc.fsdh.bot.campaign;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link BurnDown} to PNG with XChart (Apache 2.0; chosen over JFreeChart, LGPL 2.1, for
 * its licence and its smaller jar; only its bitmap encoder is used). Rendering is AWT, headless:
 * the first chart of a JVM costs seconds (fonts, classes), so callers draw off the ack path.
 */
public final class BurnDownChart {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 400;

  static {
    // No display on a server; set before AWT's first use unless the JVM was told otherwise.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final Messages messages;
  private final ZoneId zone;

  public BurnDownChart(Messages messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
  }

  /** The chart as PNG bytes, {@link #WIDTH} × {@link #HEIGHT}, titled in both languages. */
  public byte[] png(BurnDown burnDown, Language first) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(both(first, "campaign.chart.title"))
            .xAxisTitle(both(first, "campaign.chart.axis.date"))
            .yAxisTitle(both(first, "campaign.chart.axis.count"))
            .build();
    chart.getStyler().setDatePattern("yyyy-MM-dd");
    chart.getStyler().setTimezone(TimeZone.getTimeZone(zone));
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(Math.max(1.0, burnDown.total()));
    chart.getStyler().setYAxisDecimalPattern("#");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);

    List<Date> days = new ArrayList<>();
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < burnDown.days().size(); i++) {
      days.add(date(burnDown.days().get(i)));
      remaining.add(burnDown.remaining().get(i));
    }
    if (days.isEmpty()) {
      days.add(date(burnDown.start()));
      remaining.add(burnDown.total());
    }
    // Few days: a dot on each, so that a single day still shows.
    chart
        .addSeries(both(first, "campaign.chart.series.remaining"), days, remaining)
        .setMarker(days.size() <= 31 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    LocalDate last = burnDown.lastDay();
    chart
        .addSeries(
            both(first, "campaign.chart.series.ideal"),
            List.of(date(burnDown.start()), date(last)),
            List.of(burnDown.idealOn(burnDown.start()), burnDown.idealOn(last)))
        .setMarker(SeriesMarkers.NONE);
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  private String both(Language first, String key) {
    String one = messages.text(first, key);
    String other = messages.text(first.other(), key);
    return one.equals(other) ? one : one + " / " + other;
  }

  private Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }
}
