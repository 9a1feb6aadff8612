package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RunReport;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.requests.TypeProgress;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words of a run's progress and of its final report. */
public final class RunReportText {
  static final int LIST_LIMIT = 15;
  private final RequestText text;

  public RunReportText(RequestText text) {
    this.text = text;
  }

  /**
   * @param phase the core's stage ({@code EXPORT}, {@code IMPORT}, {@code VERIFY}, {@code
   *     PACKAGE}), or empty
   */
  public Bilingual progress(
      Language first, MigrationRequest r, String phase, Map<ResourceType, TypeProgress> progress) {
    return Bilingual.build(
        first,
        l -> {
          StringBuilder b =
              new StringBuilder(
                  text.messages()
                      .text(l, "run.progress", r.number(), text.kind(l, r), r.workspace()));
          if (!phase.isEmpty()) {
            b.append('\n')
                .append(text.messages().text(l, "run.phase." + phase.toLowerCase(Locale.ROOT)));
          }
          for (ResourceType t : r.resourceTypes().stream().sorted().toList()) {
            TypeProgress p = progress.getOrDefault(t, TypeProgress.NONE);
            b.append('\n')
                .append(
                    text.messages()
                        .text(
                            l,
                            "run.progress.type",
                            text.type(l, t),
                            p.done(),
                            p.total(),
                            p.failed()));
          }
          return b.toString();
        });
  }

  /** What a finished run tells: its state, the error that ended it or its report. */
  public Bilingual report(Language first, MigrationRequest r, StoredResult result) {
    return Bilingual.build(
        first,
        l -> {
          StringBuilder b =
              new StringBuilder(
                  text.messages()
                      .text(
                          l,
                          "run.finished",
                          r.number(),
                          text.kind(l, r),
                          r.workspace(),
                          text.state(l, r)));
          result
              .error()
              .ifPresent(e -> b.append('\n').append(text.messages().text(l, "run.error", e)));
          result.report().ifPresent(rep -> appendReport(b, l, r, rep));
          return b.toString();
        });
  }

  private void appendReport(StringBuilder b, Language l, MigrationRequest r, RunReport rep) {
    var m = text.messages();
    for (ResourceType t : r.resourceTypes().stream().sorted().toList()) {
      TypeProgress p = rep.counts().getOrDefault(t, TypeProgress.NONE);
      b.append('\n')
          .append(m.text(l, "run.count", text.type(l, t), p.done() - p.failed(), p.failed()));
    }
    list(b, l, "run.failures", rep.failures());
    list(b, l, "run.manual", rep.manual());
    if (r.kind() == RequestKind.MIGRATE) {
      b.append('\n')
          .append(
              rep.verified() && rep.mismatches().isEmpty()
                  ? m.text(l, "run.verified")
                  : m.text(l, "run.mismatches", rep.mismatches().size()));
      list(b, l, null, rep.mismatches());
      b.append('\n').append(m.text(l, "run.jobs-paused"));
    }
  }

  private void list(StringBuilder b, Language l, String titleKey, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    if (titleKey != null) {
      b.append('\n').append(text.messages().text(l, titleKey, items.size()));
    }
    for (String item : items.stream().limit(LIST_LIMIT).toList()) {
      b.append("\n• ").append(Mrkdwn.escape(item));
    }
    if (items.size() > LIST_LIMIT) {
      b.append('\n').append(text.messages().text(l, "run.more", items.size() - LIST_LIMIT));
    }
  }
}
