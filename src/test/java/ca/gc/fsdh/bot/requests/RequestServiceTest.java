package ca.gc.fsdh.bot.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.requests.Outcome.Status;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestServiceTest {
  private static final Set<String> SUPPORT = Set.of("U0SUPPORT1", "U0SUPPORT2");
  private Database db;
  private JdbcAuditLog audit;
  private RequestService service;
  private final List<String> notified = new ArrayList<>();
  private int origin;

  @BeforeEach
  void setUp() {
    db = Database.open(TestDatabases.h2());
    audit = new JdbcAuditLog(db.dataSource());
    WorkspaceDirectory directory =
        SandboxConfig.load(SandboxConfig.environment("http://127.0.0.1:9/api/", Path.of("/tmp")))
            .directory();
    service =
        new RequestService(
            new JdbcRequestStore(db.dataSource()),
            audit,
            directory,
            SUPPORT::contains,
            (r, actor) -> notified.add(r.id() + ":" + r.state() + ":" + actor),
            Clock.fixed(Instant.parse("2025-11-03T14:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private Outcome request(RequestKind kind, String workspace, String user) {
    return service.create(
        new NewRequest(
            kind,
            workspace,
            user,
            ResourceType.ALL,
            RequestOptions.DEFAULT,
            Optional.empty(),
            "trigger-" + (++origin)));
  }

  private long pendingOcean() {
    return request(RequestKind.MIGRATE, "OCEAN", "U0ADALOVE").request().orElseThrow().id();
  }

  private List<String> refusals() {
    return audit.recent(100).stream()
        .filter(e -> e.outcome().equals("refused"))
        .map(e -> e.actor() + " " + e.action() + " " + e.detail().orElse(""))
        .toList();
  }

  @Nested
  class Creating {
    @Test
    void theLeadOrAnAdminMayRequestAndTheListenerHearsOfIt() {
      Outcome byLead = request(RequestKind.MIGRATE, "ocean", "U0ADALOVE");
      assertThat(byLead.status()).isEqualTo(Status.DONE);
      assertThat(byLead.request().orElseThrow().workspace()).isEqualTo("OCEAN");
      assertThat(notified)
          .containsExactly(byLead.request().get().id() + ":PENDING_APPROVAL:U0ADALOVE");
      Outcome byAdmin = request(RequestKind.MIGRATE, "OCEAN", "U0GRACEHO");
      assertThat(byAdmin.status()).isEqualTo(Status.WORKSPACE_BUSY);
      assertThat(byAdmin.request().orElseThrow().id()).isEqualTo(byLead.request().get().id());
    }

    @Test
    void anotherWorkspacesLeadIsRefusedAndAudited() {
      assertThat(request(RequestKind.MIGRATE, "OCEAN", "U0MARIECU").status())
          .isEqualTo(Status.NOT_ALLOWED);
      assertThat(refusals()).containsExactly("U0MARIECU request.migrate not_allowed");
      assertThat(notified).isEmpty();
    }

    @Test
    void unknownWorkspacesAndMigratingAnOffboardOnlyWorkspaceAreRefused() {
      assertThat(request(RequestKind.MIGRATE, "NOPE", "U0ADALOVE").status())
          .isEqualTo(Status.UNKNOWN_WORKSPACE);
      assertThat(request(RequestKind.MIGRATE, "ARCTIC", "U0ALANTUR").status())
          .isEqualTo(Status.NO_PROD_WORKSPACE);
      assertThat(request(RequestKind.OFFBOARD, "ARCTIC", "U0ALANTUR").status())
          .isEqualTo(Status.DONE);
    }

    @Test
    void aReplayedInteractionCreatesNothingNew() {
      NewRequest ask = RequestFixtures.migrate("OCEAN");
      var first = service.create(ask);
      var again = service.create(ask);
      assertThat(again.status()).isEqualTo(Status.REPLAYED);
      assertThat(again.request().orElseThrow().id()).isEqualTo(first.request().orElseThrow().id());
      assertThat(notified).hasSize(1);
    }
  }

  @Nested
  class Deciding {
    @Test
    void onlySupportMayApproveAndTheRefusalIsAudited() {
      long id = pendingOcean();
      assertThat(service.approve(id, "U0ADALOVE").status()).isEqualTo(Status.NOT_ALLOWED);
      assertThat(refusals()).containsExactly("U0ADALOVE request.approve not_allowed");
      Outcome approved = service.approve(id, "U0SUPPORT1");
      assertThat(approved.status()).isEqualTo(Status.DONE);
      assertThat(approved.request().orElseThrow().decision().map(MigrationRequest.Decision::by))
          .contains("U0SUPPORT1");
    }

    @Test
    void aSecondDecisionIsToldWhoDecidedFirst() {
      long id = pendingOcean();
      service.reject(id, "U0SUPPORT2", "PROD workspace not ready");
      Outcome late = service.approve(id, "U0SUPPORT1");
      assertThat(late.status()).isEqualTo(Status.WRONG_STATE);
      MigrationRequest r = late.request().orElseThrow();
      assertThat(r.state()).isEqualTo(RequestState.REJECTED);
      assertThat(r.decision().map(MigrationRequest.Decision::by)).contains("U0SUPPORT2");
      assertThat(r.decision().flatMap(MigrationRequest.Decision::reason))
          .contains("PROD workspace not ready");
    }

    @Test
    void aCancelledRequestCannotBeApproved() {
      long id = pendingOcean();
      assertThat(service.cancel(id, "U0ADALOVE").status()).isEqualTo(Status.DONE);
      assertThat(service.approve(id, "U0SUPPORT1").status()).isEqualTo(Status.WRONG_STATE);
    }

    @Test
    void decidingAMissingRequestIsNotFound() {
      assertThat(service.approve(999, "U0SUPPORT1").status()).isEqualTo(Status.NOT_FOUND);
    }
  }

  @Nested
  class CancellingRetryingAndReading {
    @Test
    void onlyTheWorkspacesPeopleMayCancelAndOnlyWhilePending() {
      long id = pendingOcean();
      assertThat(service.cancel(id, "U0MARIECU").status()).isEqualTo(Status.NOT_ALLOWED);
      assertThat(service.cancel(id, "U0SUPPORT1").status()).isEqualTo(Status.NOT_ALLOWED);
      service.approve(id, "U0SUPPORT1");
      assertThat(service.cancel(id, "U0ADALOVE").status()).isEqualTo(Status.WRONG_STATE);
    }

    @Test
    void retryIsForSupportAndForFailedRunsOnly() {
      long id = pendingOcean();
      assertThat(service.retry(id, "U0SUPPORT1").status()).isEqualTo(Status.WRONG_STATE);
      service.approve(id, "U0SUPPORT1");
      var store = new JdbcRequestStore(db.dataSource());
      store.transition(id, RequestState.APPROVED, RequestState.RUNNING, Instant.now());
      store.transition(id, RequestState.RUNNING, RequestState.FAILED, Instant.now());
      assertThat(service.retry(id, "U0ADALOVE").status()).isEqualTo(Status.NOT_ALLOWED);
      Outcome retried = service.retry(id, "U0SUPPORT2");
      assertThat(retried.status()).isEqualTo(Status.DONE);
      assertThat(retried.request().orElseThrow().state()).isEqualTo(RequestState.APPROVED);
    }

    @Test
    void statusIsVisibleToTheWorkspaceAndSupportOnly() {
      long id = pendingOcean();
      assertThat(service.status(id, "U0GRACEHO").status()).isEqualTo(Status.DONE);
      assertThat(service.status(id, "U0SUPPORT1").status()).isEqualTo(Status.DONE);
      assertThat(service.status(id, "U0MARIECU").status()).isEqualTo(Status.NOT_ALLOWED);
      assertThat(service.listFor("U0MARIECU", 10)).isEmpty();
      assertThat(service.listFor("U0GRACEHO", 10))
          .extracting(MigrationRequest::id)
          .containsExactly(id);
    }

    @Test
    void everyActionIsAuditedWithItsRequest() {
      long id = pendingOcean();
      service.approve(id, "U0SUPPORT1");
      assertThat(audit.forRequest(id))
          .extracting(AuditEntry::action, AuditEntry::actor)
          .containsExactly(
              Tuple.tuple("request.migrate", "U0ADALOVE"),
              Tuple.tuple("request.approve", "U0SUPPORT1"));
    }
  }
}
