package ca.gc.fsdh.bot.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.requests.Outcome.Status;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refused action changes nothing: the real store on H2 behind a Mockito spy proves the refused
 * call never reaches its writes ({@code decide}, {@code transition}) nor the listener that tells
 * Slack, and the audit log holds one short row per refusal.
 */
class RequestServiceRefusalsTest {
  private static final Set<String> SUPPORT = Set.of("U0SUPPORT1");
  private Database db;
  private JdbcAuditLog audit;
  private RequestStore store;
  private RequestListener listener;
  private RequestService service;
  private long pending;

  @BeforeEach
  void setUp() {
    db = Database.open(TestDatabases.h2());
    audit = new JdbcAuditLog(db.dataSource());
    store = spy(new JdbcRequestStore(db.dataSource()));
    listener = mock(RequestListener.class);
    var directory =
        SandboxConfig.load(SandboxConfig.environment("http://127.0.0.1:9/api/", Path.of("/tmp")))
            .directory();
    service =
        new RequestService(
            store,
            audit,
            directory,
            SUPPORT::contains,
            listener,
            Clock.fixed(Instant.parse("2025-11-03T14:00:00Z"), ZoneOffset.UTC));
    pending = service.create(RequestFixtures.migrate("OCEAN")).request().orElseThrow().id();
    clearInvocations(store, listener);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private List<String> refusals() {
    return audit.recent(100).stream()
        .filter(e -> e.outcome().equals("refused"))
        .map(e ->
            e.actor()
                + " "
                + e.action()
                + " "
                + e.requestId().map(String::valueOf).orElse("-")
                + " "
                + e.detail().orElse(""))
        .toList();
  }

  private void assertNoWrite() {
    verify(store, never()).decide(anyLong(), any(), any(), any(), any());
    verify(store, never()).transition(anyLong(), any(), any(), any());
    verifyNoInteractions(listener);
    assertThat(store.find(pending).orElseThrow().state()).isEqualTo(RequestState.PENDING_APPROVAL);
  }

  @Test
  void anUnreadableIdIsRefusedWithoutLookingAnythingUp() {
    Outcome o =
        service.refuseUnreadable("U0SUPPORT1", "request.approve", "1 OR 1=1\n" + "x".repeat(5000));
    assertThat(o.status()).isEqualTo(Status.NOT_FOUND);
    verifyNoInteractions(store, listener);
    assertThat(refusals())
        .containsExactly(
            "U0SUPPORT1 request.approve - unreadable target '1 OR 1=1 " + "x".repeat(31) + "…'");
  }

  @Test
  void aNonMembersApproveRejectAndRetryNeverReachTheStoresWrites() {
    assertThat(service.approve(pending, "U0ADALOVE").status()).isEqualTo(Status.NOT_ALLOWED);
    assertThat(service.mayDecide(pending, "U0ADALOVE").status()).isEqualTo(Status.NOT_ALLOWED);
    assertThat(service.reject(pending, "U0ADALOVE", "no").status()).isEqualTo(Status.NOT_ALLOWED);
    assertThat(service.retry(pending, "U0ADALOVE").status()).isEqualTo(Status.NOT_ALLOWED);
    assertNoWrite();
    assertThat(refusals())
        .containsExactly(
            "U0ADALOVE request.retry " + pending + " not_allowed",
            "U0ADALOVE request.reject " + pending + " not_allowed",
            "U0ADALOVE request.reject " + pending + " not_allowed",
            "U0ADALOVE request.approve " + pending + " not_allowed");
  }

  @Test
  void anotherWorkspacesLeadCannotCancel() {
    assertThat(service.cancel(pending, "U0MARIECU").status()).isEqualTo(Status.NOT_ALLOWED);
    assertNoWrite();
    assertThat(refusals()).containsExactly("U0MARIECU request.cancel " + pending + " not_allowed");
  }

  @Test
  void viewPlanIsForSupportOnlyAndReadsNoPlanForOthers() {
    assertThat(service.mayViewPlan(pending, "U0ADALOVE").status()).isEqualTo(Status.NOT_ALLOWED);
    assertThat(service.mayViewPlan(pending, "U0SUPPORT1").status()).isEqualTo(Status.DONE);
    assertThat(service.mayViewPlan(4242, "U0SUPPORT1").status()).isEqualTo(Status.NOT_FOUND);
    assertNoWrite();
    assertThat(refusals())
        .containsExactly(
            "U0SUPPORT1 request.view-plan 4242 not_found",
            "U0ADALOVE request.view-plan " + pending + " not_allowed");
  }

  @Test
  void theStatusOfARequestThatDoesNotExistIsAudited() {
    assertThat(service.status(4242, "U0ADALOVE").status()).isEqualTo(Status.NOT_FOUND);
    assertThat(refusals()).containsExactly("U0ADALOVE request.status 4242 not_found");
  }
}
