package ca.gc.fsdh.bot.campaign.slack;

import ca.gc.fsdh.bot.campaign.Campaign;
import ca.gc.fsdh.bot.campaign.CampaignExport;
import ca.gc.fsdh.bot.campaign.CampaignSnapshot;
import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.AuditLog;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.SupportTeam;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.slackkit.DirectMessageChannels;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.slackkit.Subcommand;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesUploadV2Request.UploadFile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /fsdh export} (support team): the campaign's two CSV files (requests per workspace, the
 * audit log) uploaded with {@code files.uploadV2} into the requester's direct message with the bot.
 * Acked at once; the files are written and uploaded after the ack. Refusals and exports are
 * audited.
 */
public final class CampaignExportCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(CampaignExportCommand.class);

  private final Campaign campaign;
  private final CampaignExport export;
  private final CampaignText text;
  private final SupportTeam support;
  private final AuditLog audit;
  private final DirectMessageChannels dms;
  private final MethodsClient slack;
  private final Executor background;
  private final Clock clock;

  public CampaignExportCommand(
      Campaign campaign,
      CampaignExport export,
      CampaignText text,
      SupportTeam support,
      AuditLog audit,
      DirectMessageChannels dms,
      MethodsClient slack,
      Executor background,
      Clock clock) {
    this.campaign = campaign;
    this.export = export;
    this.text = text;
    this.support = support;
    this.audit = audit;
    this.dms = dms;
    this.slack = slack;
    this.background = background;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "export";
  }

  @Override
  public Response handle(Invocation in) {
    if (!support.isMember(in.userId())) {
      record(in.userId(), "refused", "not in the support group");
      return in.context()
          .ack(
              SlackReplies.ephemeral(text.messages().both(in.language(), "campaign.support.only")));
    }
    background.execute(() -> send(in.userId(), in.language(), in.context()));
    return in.context()
        .ack(
            SlackReplies.ephemeral(text.messages().both(in.language(), "campaign.export.started")));
  }

  private void send(String userId, Language first, SlashCommandContext context) {
    try {
      CampaignSnapshot s = campaign.snapshot();
      CampaignExport.Files files = export.write(s);
      String channel = dms.of(userId);
      Bilingual comment =
          text.messages()
              .both(
                  first,
                  "campaign.export.comment",
                  s.today().toString(),
                  files.workspaces(),
                  files.requests(),
                  files.audit());
      var r =
          slack.filesUploadV2(u ->
              u.channel(channel)
                  .initialComment(comment.mrkdwn())
                  .uploadFiles(
                      List.of(
                          csv("fsdh-campaign-" + s.today() + ".csv", files.requestsCsv()),
                          csv("fsdh-audit-" + s.today() + ".csv", files.auditCsv()))));
      if (!r.isOk()) {
        throw new IllegalStateException("files.uploadV2: " + r.getError());
      }
      record(
          userId,
          "ok",
          files.workspaces()
              + " workspaces, "
              + files.requests()
              + " requests, "
              + files.audit()
              + " audit entries");
    } catch (Exception e) {
      log.warn("the campaign export for {} failed: {}", userId, e.toString());
      record(userId, "failed", e.getClass().getSimpleName());
      try {
        Bilingual failed =
            text.messages().both(first, "campaign.export.failed", e.getClass().getSimpleName());
        context.respond(r -> r.responseType("ephemeral").text(failed.mrkdwn()));
      } catch (Exception told) {
        log.warn("could not tell {} that the export failed: {}", userId, told.toString());
      }
    }
  }

  private static UploadFile csv(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return UploadFile.builder().fileData(bytes).filename(name).title(name).build();
  }

  private void record(String actor, String outcome, String detail) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            actor,
            "campaign.export",
            outcome,
            Optional.empty(),
            Optional.empty(),
            Optional.of(detail)));
  }
}
