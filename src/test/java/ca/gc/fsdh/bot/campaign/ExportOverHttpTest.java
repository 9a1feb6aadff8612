package ca.gc.fsdh.bot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /fsdh export} over real signed HTTP: the two CSV files arrive in the support member's
 * direct message through files.uploadV2, and read back with commons-csv's parser; text that people
 * typed cannot start a formula, numbers stay numbers.
 */
class ExportOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPORT = "U0SUPPORT1";
  private static BotHarness h;
  private static long rejected;

  @BeforeAll
  static void start() throws Exception {
    h = BotHarness.start();
    var rows = new CampaignRows(h.bot.database().dataSource());
    Instant now = Instant.now();
    rows.request(
        "MIGRATE",
        "OCEAN",
        "U0ADALOVE",
        "PARTLY_SUCCEEDED",
        now.minus(Duration.ofDays(5)),
        now.minus(Duration.ofDays(4)),
        "U0SUPPORT2",
        "{\"report\":{\"counts\":{\"NOTEBOOKS\":{\"total\":3,\"done\":3,\"failed\":1}},"
            + "\"failures\":[\"@SUM(A1:A9) notebook refused\"]},\"error\":null}");
    rejected =
        rows.request(
            "MIGRATE",
            "FORET",
            "U0MARIECU",
            "REJECTED",
            now.minus(Duration.ofDays(2)),
            now.minus(Duration.ofDays(1)),
            "U0SUPPORT1",
            null);
    try (Connection c = h.bot.database().dataSource().getConnection();
        var s =
            c.prepareStatement("UPDATE migration_request SET decision_reason = ? WHERE id = ?")) {
      s.setString(1, "=HYPERLINK(\"http://evil.example\",\"click\")");
      s.setLong(2, rejected);
      s.executeUpdate();
    }
    new JdbcAuditLog(h.bot.database().dataSource())
        .record(
            new AuditEntry(
                now,
                "U0ADALOVE",
                "request.create",
                "ok",
                Optional.of("OCEAN"),
                Optional.of(1L),
                Optional.of("+1-555 note, with \"quotes\"\nand a new line")));
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String say(String user, String text) throws Exception {
    var reply = h.sender.slashCommand(user, "C0FSDHSUPPORT", text, h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    return JSON.readTree(reply.body()).path("text").asText();
  }

  private static List<CSVRecord> read(FakeSlackApi.UploadedFile file) throws Exception {
    String csv = new String(file.bytes(), StandardCharsets.UTF_8);
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }

  @Test
  void supportGetsBothFilesInTheirDirectMessageReadBackByACsvParserWithFormulasDefused()
      throws Exception {
    assertThat(say(SUPPORT, "export")).contains("Preparing the export", "Préparation");
    var files =
        Eventually.value(
            "the export's files",
            () -> {
              var shared =
                  h.slack.files().values().stream()
                      .filter(f -> ("D" + SUPPORT).equals(f.channel()))
                      .toList();
              return shared.size() == 2 ? shared : null;
            });
    var requests =
        files.stream().filter(f -> f.name().startsWith("fsdh-campaign-")).findFirst().orElseThrow();
    var auditFile =
        files.stream().filter(f -> f.name().startsWith("fsdh-audit-")).findFirst().orElseThrow();

    List<CSVRecord> rows = read(requests);
    assertThat(rows).hasSize(3); // OCEAN, FORET (one request each), ARCTIC (none)
    assertThat(rows.getFirst().getParser().getHeaderNames())
        .containsExactlyElementsOf(CampaignExport.REQUEST_COLUMNS);
    CSVRecord ocean = rows.get(0);
    assertThat(ocean.get("workspace")).isEqualTo("OCEAN");
    assertThat(ocean.get("stage")).isEqualTo("done");
    assertThat(ocean.get("state")).isEqualTo("partly_succeeded");
    assertThat(ocean.get("decided_by")).isEqualTo("U0SUPPORT2");
    assertThat(ocean.get("items_failed")).isEqualTo("1");
    assertThat(ocean.get("failures")).isEqualTo("'@SUM(A1:A9) notebook refused");
    CSVRecord foret = rows.get(1);
    assertThat(foret.get("stage")).isEqualTo("rejected_or_failed");
    assertThat(foret.get("request_id")).isEqualTo(Long.toString(rejected));
    assertThat(foret.get("decision_reason"))
        .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
    assertThat(foret.get("name_fr")).isEqualTo("Inventaire du carbone forestier");
    CSVRecord arctic = rows.get(2);
    assertThat(arctic.get("offboard_only")).isEqualTo("true");
    assertThat(arctic.get("stage")).isEqualTo("not_started");
    assertThat(arctic.get("request_id")).isEmpty();
    // Numbers are bare numbers in the file, not quoted text.
    String raw = new String(requests.bytes(), StandardCharsets.UTF_8);
    assertThat(raw)
        .contains(",partly_succeeded,U0ADALOVE,")
        .contains(",0,1,'@SUM")
        .contains("\r\n");

    List<CSVRecord> audit = read(auditFile);
    assertThat(audit.getFirst().getParser().getHeaderNames())
        .containsExactlyElementsOf(CampaignExport.AUDIT_COLUMNS);
    assertThat(audit)
        .anySatisfy(r -> {
          assertThat(r.get("action")).isEqualTo("request.create");
          assertThat(r.get("detail")).isEqualTo("'+1-555 note, with \"quotes\"\nand a new line");
          assertThat(r.get("request_id")).isEqualTo("1");
        });
    assertThat(
            Eventually.value(
                    "the export's audit entry",
                    () ->
                        new JdbcAuditLog(h.bot.database().dataSource())
                            .recent(50).stream()
                                .filter(e ->
                                    e.action().equals("campaign.export")
                                        && e.outcome().equals("ok"))
                                .findFirst()
                                .orElse(null))
                .detail())
        .hasValue("3 workspaces, 2 requests, " + audit.size() + " audit entries");
    assertThat(h.slack.calls("files.completeUploadExternal").getLast().params())
        .containsEntry("channel_id", "D" + SUPPORT);
  }

  @Test
  void aLeadIsRefusedAndAudited() throws Exception {
    assertThat(say("U0ADALOVE", "export"))
        .contains("Only members of the FSDH support team can see the campaign’s progress");
    assertThat(new JdbcAuditLog(h.bot.database().dataSource()).recent(20))
        .anySatisfy(e -> {
          assertThat(e.actor()).isEqualTo("U0ADALOVE");
          assertThat(e.action()).isEqualTo("campaign.export");
          assertThat(e.outcome()).isEqualTo("refused");
        });
    assertThat(h.slack.files().values()).noneMatch(f -> "DU0ADALOVE".equals(f.channel()));
  }
}
