package ca.gc.fsdh.bot.campaign;

import ca.gc.fsdh.bot.platform.config.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The campaign as two RFC 4180 CSV files for FSDH reporting (columns in the README, "/fsdh
 * export"): one row per request, with every workspace of the directory (one without a request has
 * one row with empty request columns), and the audit log. Every text cell goes through {@link
 * CsvCells}; counts and ids are numbers; times are ISO-8601 UTC.
 */
public final class CampaignExport {
  public static final List<String> REQUEST_COLUMNS =
      List.of(
          "workspace",
          "name_en",
          "name_fr",
          "offboard_only",
          "stage",
          "request_id",
          "kind",
          "state",
          "requester",
          "created_at",
          "updated_at",
          "decided_by",
          "decided_at",
          "decision_reason",
          "attempts",
          "items_failed",
          "failures",
          "error");
  public static final List<String> AUDIT_COLUMNS =
      List.of("at", "actor", "action", "outcome", "workspace", "request_id", "detail");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CSVFormat REQUESTS =
      CSVFormat.RFC4180.builder().setHeader(REQUEST_COLUMNS.toArray(String[]::new)).get();
  private static final CSVFormat AUDIT =
      CSVFormat.RFC4180.builder().setHeader(AUDIT_COLUMNS.toArray(String[]::new)).get();

  private final RequestHistory requests;
  private final AuditHistory audit;

  public CampaignExport(RequestHistory requests, AuditHistory audit) {
    this.requests = requests;
    this.audit = audit;
  }

  /** The two files' text and what they hold. */
  public record Files(
      String requestsCsv, String auditCsv, int workspaces, int requests, long audit) {}

  public Files write(CampaignSnapshot snapshot) {
    try {
      Map<String, List<RequestHistory.Row>> byWorkspace =
          requests.all().stream().collect(Collectors.groupingBy(RequestHistory.Row::workspace));
      StringWriter out = new StringWriter();
      int requestRows = 0;
      try (CSVPrinter csv = new CSVPrinter(out, REQUESTS)) {
        for (Map.Entry<Workspace, Stage> e : snapshot.stages().entrySet()) {
          Workspace w = e.getKey();
          List<Object> head =
              List.of(
                  CsvCells.text(w.acronym()),
                  CsvCells.text(w.nameEn()),
                  CsvCells.text(w.nameFr()),
                  w.offboardOnly(),
                  e.getValue().name().toLowerCase(Locale.ROOT));
          List<RequestHistory.Row> rows = byWorkspace.getOrDefault(w.acronym(), List.of());
          if (rows.isEmpty()) {
            List<Object> line = new ArrayList<>(head);
            while (line.size() < REQUEST_COLUMNS.size()) {
              line.add("");
            }
            csv.printRecord(line);
          }
          for (RequestHistory.Row r : rows) {
            List<Object> line = new ArrayList<>(head);
            Result result = Result.of(r.result());
            line.add(r.id());
            line.add(CsvCells.text(r.kind().toLowerCase(Locale.ROOT)));
            line.add(CsvCells.text(r.state().toLowerCase(Locale.ROOT)));
            line.add(CsvCells.text(r.requester()));
            line.add(time(r.createdAt()));
            line.add(time(r.updatedAt()));
            line.add(CsvCells.text(r.decidedBy()));
            line.add(r.decidedAt().map(CampaignExport::time).orElse(""));
            line.add(CsvCells.text(r.decisionReason()));
            line.add(r.attempt());
            line.add(result.itemsFailed().map(Object.class::cast).orElse(""));
            line.add(CsvCells.text(String.join("; ", result.failures())));
            line.add(CsvCells.text(result.error()));
            csv.printRecord(line);
            requestRows++;
          }
        }
      }
      StringWriter auditOut = new StringWriter();
      long entries;
      try (CSVPrinter csv = new CSVPrinter(auditOut, AUDIT)) {
        entries =
            audit.forEach(a -> {
              try {
                csv.printRecord(
                    time(a.at()),
                    CsvCells.text(a.actor()),
                    CsvCells.text(a.action()),
                    CsvCells.text(a.outcome()),
                    CsvCells.text(a.workspace()),
                    a.requestId().map(Object.class::cast).orElse(""),
                    CsvCells.text(a.detail()));
              } catch (IOException ex) {
                throw new UncheckedIOException(ex);
              }
            });
      }
      return new Files(out.toString(), auditOut.toString(), snapshot.total(), requestRows, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String time(Instant at) {
    return at.toString();
  }

  /** What the export says of a run's stored result: failed items, failure lines, the error. */
  private record Result(Optional<Long> itemsFailed, List<String> failures, Optional<String> error) {
    static Result of(Optional<String> json) {
      if (json.isEmpty()) {
        return new Result(Optional.empty(), List.of(), Optional.empty());
      }
      try {
        JsonNode node = JSON.readTree(json.get());
        JsonNode report = node.path("report");
        Optional<Long> failed = Optional.empty();
        List<String> failures = new ArrayList<>();
        if (report.isObject()) {
          long sum = 0;
          for (JsonNode c : report.path("counts")) {
            sum += c.path("failed").asLong(0);
          }
          failed = Optional.of(sum);
          report.path("failures").forEach(f -> failures.add(f.asText()));
        }
        return new Result(failed, failures, Optional.ofNullable(node.path("error").textValue()));
      } catch (IOException e) {
        return new Result(Optional.empty(), List.of(), Optional.of("(result not readable)"));
      }
    }
  }
}
