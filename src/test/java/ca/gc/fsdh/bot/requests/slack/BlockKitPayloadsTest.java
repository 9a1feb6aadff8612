package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.reminders.ReminderMessage;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding;
import ca.gc.fsdh.bot.requests.JdbcPlansAndResults;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.NewRequest;
import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.requests.RunReport;
import ca.gc.fsdh.bot.requests.StoredResult;
import ca.gc.fsdh.bot.requests.TypeProgress;
import ca.gc.fsdh.bot.slackkit.BilingualBlocks;
import ca.gc.fsdh.bot.slackkit.SlackReplies;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.slack.BlockKitLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.Gson;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Block Kit payload the bot builds, from its real classes, with the worst data it can meet
 * (long names, notes and reasons, hundreds of workspaces and requests, plans and reports of
 * thousands of items), checked against the same limits the Slack stand-in applies ({@link
 * BlockKitLimits}). Serialized with the Slack SDK's own Gson, as the bot sends them.
 */
class BlockKitPayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Gson GSON = GsonFactory.createSnakeCase();
  private static final String LEAD = "U0LEADMANY";
  private static final int WORKSPACES = 250;
  private static final String LONG =
      "Très long nom d’espace de travail <!channel> & <https://x|y> ".repeat(4);

  private static Database database;
  private static Messages messages;
  private static WorkspaceDirectory directory;
  private static RequestText text;
  private static RequestService service;
  private static MigrationRequest worst;

  @BeforeAll
  static void manyWorkspacesAndRequests() {
    database = Database.open(TestDatabases.h2());
    messages = new Messages();
    List<Workspace> workspaces = new ArrayList<>();
    for (int i = 0; i < WORKSPACES; i++) {
      workspaces.add(
          new Workspace(
              "W" + i,
              LONG + i,
              LONG + "fr " + i,
              LEAD,
              List.of("U0SUPPORT1"),
              "C0LEAD" + i,
              i % 2 == 0 ? Language.EN : Language.FR,
              "https://poc",
              i % 3 == 0 ? Optional.empty() : Optional.of("https://prod"),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
    }
    directory = new WorkspaceDirectory(workspaces);
    text = new RequestText(messages, directory);
    var store = new JdbcRequestStore(database.dataSource());
    service =
        new RequestService(
            store,
            new JdbcAuditLog(database.dataSource()),
            directory,
            id -> id.startsWith("U0SUPPORT"),
            (r, actor) -> {},
            Clock.systemUTC());
    for (int i = 0; i < WORKSPACES; i++) {
      service.create(
          new NewRequest(
              i % 3 == 0 ? RequestKind.OFFBOARD : RequestKind.MIGRATE,
              "W" + i,
              LEAD,
              ResourceType.ALL,
              RequestOptions.DEFAULT,
              Optional.of(note()),
              "test:" + i));
    }
    Outcome rejected = service.reject(1, "U0SUPPORT1", "r<!here>".repeat(125));
    worst = rejected.request().orElseThrow();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static String note() {
    return "n<!channel>&".repeat(RequestModal.NOTE_LIMIT / 12) + "\nline two";
  }

  // ---- messages
  // ----------------------------------------------------------------------------------

  @Test
  void theApprovalMessageWithABigPlanAndAPendingOrDecidedRequest() {
    var approval = new ApprovalMessage(text, Language.EN);
    MigrationRequest pending = service.status(2, "U0SUPPORT1").request().orElseThrow();
    assertMessage(
        "approval, pending, plan", () -> approval.blocks(pending, Optional.of(bigPlan())));
    assertMessage(
        "approval, pending, plan failed",
        () ->
            approval.blocks(
                pending, Optional.of(JSON.createObjectNode().put("error", "e".repeat(5000)))));
    assertMessage(
        "approval, rejected with a long reason", () -> approval.blocks(worst, Optional.empty()));
  }

  @Test
  void theProgressAndTheReportOfARunWithThousandsOfItems() {
    var words = new RunReportText(text);
    Map<ResourceType, TypeProgress> counts = new EnumMap<>(ResourceType.class);
    ResourceType.ALL.forEach(t -> counts.put(t, new TypeProgress(1_000_000, 999_999, 123_456)));
    List<String> items =
        IntStream.range(0, 5000)
            .mapToObj(i -> "notebooks: /Users/x/" + LONG + i + ": " + "why ".repeat(100))
            .toList();
    var report =
        new RunReport(
            counts,
            items,
            items,
            false,
            items,
            Optional.of("/b/ARCTIC-offboarding.zip"),
            Optional.of(1L << 40));
    for (Language l : Language.values()) {
      assertMessage(
          "progress", () -> BilingualBlocks.of(words.progress(l, worst, "EXPORT", counts)));
      assertMessage(
          "report",
          () ->
              BilingualBlocks.of(
                  words.report(
                      l,
                      worst,
                      new StoredResult(Optional.of(report), Optional.of("x".repeat(20_000))))));
    }
  }

  @Test
  void directMessagesRepliesAndReminders() {
    var reply = new OutcomeReply(text, directory);
    for (Outcome.Status status : Outcome.Status.values()) {
      assertMessage(
          "outcome " + status,
          () ->
              BilingualBlocks.of(
                  reply.render(
                      new Outcome(status, Optional.of(worst)),
                      Language.FR,
                      LEAD,
                      "request.created",
                      "request.not-lead",
                      "A".repeat(3000))));
    }
    assertMessage("summary", () -> BilingualBlocks.of(text.summary(Language.EN, worst)));
    assertMessage(
        "failure",
        () ->
            SlackReplies.ephemeral(messages.both(Language.EN, "error.internal", "abcd1234"))
                .getBlocks());
    Milestone far =
        new Milestone("m", LocalDate.now().plusDays(400), "t".repeat(500), "t".repeat(500));
    for (WorkspaceStanding.Standing p :
        List.of(
            WorkspaceStanding.Standing.NONE,
            WorkspaceStanding.Standing.PENDING,
            WorkspaceStanding.Standing.RUNNING,
            WorkspaceStanding.Standing.REJECTED)) {
      assertMessage(
          "reminder " + p,
          () ->
              BilingualBlocks.of(
                  new ReminderMessage(messages)
                      .render(directory.find("W0").orElseThrow(), far, p, LocalDate.now())));
    }
    Bilingual everyLine = messages.both(Language.EN, "help.title");
    for (int i = 0; i < 2000; i++) {
      everyLine =
          everyLine.then(
              messages.both(Language.EN, "request.wrong-state", "#" + i, "x".repeat(50)));
    }
    Bilingual many = everyLine;
    assertMessage("a message of 2,000 lines", () -> BilingualBlocks.of(many));
  }

  // ---- views
  // --------------------------------------------------------------------------------------

  @Test
  void theRequestFormForSomeoneWithHundredsOfWorkspaces() {
    RequestModal modal =
        new RequestModal(
            service,
            directory,
            text,
            new OutcomeReply(text, directory),
            RequestModal.keyFileReader(),
            Clock.systemUTC());
    for (RequestKind kind : RequestKind.values()) {
      for (Language l : Language.values()) {
        View form = modal.form(kind, directory.managedBy(LEAD), Optional.of("W200"), l);
        assertView("request form " + kind + " " + l, form);
        assertThat(GSON.toJson(form)).contains("\"value\":\"W200\"");
      }
    }
  }

  @Test
  void theRejectionFormAndThePlanModal() {
    var decisions =
        new DecisionButtons(
            service,
            new OutcomeReply(text, directory),
            text,
            Language.FR,
            Runnable::run,
            new JdbcPlansAndResults(database.dataSource()),
            new ApprovalMessage(text, Language.FR));
    assertView(
        "rejection form",
        decisions.rejectForm(service.status(3, "U0SUPPORT1").request().orElseThrow()));
    View plan = decisions.planView(Optional.of(bigPlan()));
    assertView("plan modal", plan);
    assertThat(GSON.toJson(plan))
        .contains("… and ", "… et ")
        .contains("Unity Catalog has no DENY", "Unity Catalog n’a pas de DENY")
        .contains("Grants that will not carry over", "ne seront pas reprises")
        .doesNotContain("<!here>");
  }

  @Test
  void theHomeTabOfALeadOfHundredsOfWorkspacesWhoIsAlsoSupport() {
    List<Milestone> milestones =
        IntStream.range(0, 60)
            .mapToObj(i ->
                new Milestone(
                    "m" + i,
                    LocalDate.of(2026, 1, 1).plusDays(i),
                    "Milestone " + LONG,
                    "Jalon " + LONG))
            .toList();
    var deadlines =
        new Deadlines(
            ZoneId.of("America/Toronto"),
            LocalTime.of(9, 30),
            List.of(30, 7, 1),
            Set.of(),
            milestones);
    RequestModal modal =
        new RequestModal(
            service,
            directory,
            text,
            new OutcomeReply(text, directory),
            RequestModal.keyFileReader(),
            Clock.systemUTC());
    for (String user : List.of(LEAD, "U0SUPPORT1", "U0NOBODY")) {
      View home =
          new HomeTab(
                  service,
                  directory,
                  deadlines,
                  text,
                  modal,
                  Language.EN,
                  Clock.systemUTC(),
                  Runnable::run)
              .build(user);
      assertView("home of " + user, home);
    }
    View lead =
        new HomeTab(
                service,
                directory,
                deadlines,
                text,
                modal,
                Language.EN,
                Clock.systemUTC(),
                Runnable::run)
            .build(LEAD);
    assertThat(GSON.toJson(lead))
        .contains("… and 220 more workspaces", "… et 220 autres espaces de travail");
  }

  // ---- the check itself
  // ---------------------------------------------------------------------------

  @Test
  void theCheckFailsWhenALimitIsBroken() {
    // One block too many, and a section one character too long: the same check must notice.
    List<LayoutBlock> tooMany = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      tooMany.add(Blocks.divider());
    }
    assertThat(BlockKitLimits.message(parse(GSON.toJson(tooMany)))).isNotEmpty();
    assertThat(
            BlockKitLimits.message(
                parse(
                    GSON.toJson(
                        List.of(
                            Blocks.section(
                                s -> s.text(BlockCompositions.markdownText("x".repeat(3001)))))))))
        .isNotEmpty();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertMessage(String what, Supplier<List<LayoutBlock>> build) {
    JsonNode blocks = parse(GSON.toJson(build.get()));
    assertThat(BlockKitLimits.message(blocks)).as(what).isEmpty();
    assertThat(BlockKitLimits.textLength(blocks))
        .as(what + ": text in all blocks")
        .isLessThanOrEqualTo(BlockKitLimits.MESSAGE_BLOCKS_TEXT);
  }

  private static void assertView(String what, View view) {
    assertThat(BlockKitLimits.view(parse(GSON.toJson(view)))).as(what).isEmpty();
  }

  /** A plan as the planner stores it, with thousands of items in each list. */
  private static ObjectNode bigPlan() {
    ObjectNode plan =
        JSON.createObjectNode().put("bytes", 1L << 40).put("estimatedSeconds", 86_400 * 30);
    ObjectNode counts = plan.putObject("counts");
    for (String name :
        List.of(
            "notebooks",
            "files",
            "directories",
            "repos",
            "jobs",
            "tasks",
            "secret scopes",
            "secret keys",
            "models",
            "model versions",
            "something new")) {
      counts.put(name, 123_456_789L);
    }
    for (String list : List.of("unread", "cannotExport", "manual")) {
      var array = plan.putArray(list);
      for (int i = 0; i < 3000; i++) {
        array.add(list + " " + i + " " + LONG + "z".repeat(i % 7 == 0 ? 4000 : 10));
      }
    }
    ObjectNode acls =
        plan.putObject("tableAcls")
            .put("target", "unity-catalog")
            .put("catalog", "<!channel> *" + LONG)
            .put("hiveMetastore", false)
            .put("grants", 5000)
            .put("problem", "p".repeat(3000));
    var reasons =
        List.of(
            "DENY",
            "ANY_FILE",
            "ANONYMOUS_FUNCTION",
            "NO_UC_EQUIVALENT",
            "CATALOG_WIDE",
            "CATALOG_OWNER",
            "WORKSPACE_LOCAL_PRINCIPAL",
            "MISSING_IN_TARGET",
            "REFUSED_BY_TARGET",
            "SOMETHING_NEW");
    var notCarried = acls.putArray("notCarried");
    for (int i = 0; i < 3000; i++) {
      notCarried
          .addObject()
          .put("grant", "SELECT on TABLE `db`.`t" + i + "` to <!here> " + LONG)
          .put("reason", reasons.get(i % reasons.size()))
          .put("text", "why " + i);
    }
    return plan;
  }
}
