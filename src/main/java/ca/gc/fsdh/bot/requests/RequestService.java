package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import ca.gc.fsdh.bot.platform.audit.AuditLog;
import ca.gc.fsdh.bot.platform.config.SupportTeam;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.requests.Outcome.Status;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Moves requests through their lifecycle and decides who may do what. Every action is checked here,
 * whatever the UI showed, and recorded in the audit log, refusals included.
 *
 * <ul>
 *   <li>a workspace's lead or admins (from the directory) may request for it and cancel a pending
 *       request;
 *   <li>members of the support team may approve, reject and retry, and see every request;
 *   <li>the requester, lead and admins may see their workspace's requests.
 * </ul>
 */
public final class RequestService {
  /** Longest piece of an unreadable target kept in the audit log. */
  static final int ECHO_LIMIT = 40;

  private final RequestStore store;
  private final AuditLog audit;
  private final WorkspaceDirectory directory;
  private final SupportTeam support;
  private final RequestListener listener;
  private final Clock clock;

  public RequestService(
      RequestStore store,
      AuditLog audit,
      WorkspaceDirectory directory,
      SupportTeam support,
      RequestListener listener,
      Clock clock) {
    this.store = store;
    this.audit = audit;
    this.directory = directory;
    this.support = support;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Whether this person may ask for this kind of request on this workspace: DONE, or the refusal
   * (audited). Used before a form opens, and again when a request is created.
   */
  public Outcome mayRequest(RequestKind kind, String acronym, String userId) {
    String action = "request." + kind.name().toLowerCase(Locale.ROOT);
    Optional<Workspace> workspace = directory.find(acronym);
    if (workspace.isEmpty()) {
      return refuse(userId, action, Optional.empty(), Optional.empty(), Status.UNKNOWN_WORKSPACE);
    }
    Workspace w = workspace.get();
    if (!w.isManagedBy(userId)) {
      return refuse(userId, action, Optional.of(w.acronym()), Optional.empty(), Status.NOT_ALLOWED);
    }
    if (kind == RequestKind.MIGRATE && w.offboardOnly()) {
      return refuse(
          userId, action, Optional.of(w.acronym()), Optional.empty(), Status.NO_PROD_WORKSPACE);
    }
    return Outcome.of(Status.DONE);
  }

  public Outcome create(NewRequest r) {
    String action = "request." + r.kind().name().toLowerCase(Locale.ROOT);
    Outcome allowed = mayRequest(r.kind(), r.workspace(), r.requester());
    if (!allowed.done()) {
      return allowed;
    }
    Workspace w = directory.find(r.workspace()).orElseThrow();
    var saved =
        store.save(
            new NewRequest(
                r.kind(),
                w.acronym(),
                r.requester(),
                r.resourceTypes(),
                r.options(),
                r.note(),
                r.originKey()),
            clock.instant());
    MigrationRequest request = saved.request();
    return switch (saved.outcome()) {
      case CREATED -> {
        record(
            r.requester(),
            action,
            "ok",
            request,
            "types " + ResourceTypes.join(request.resourceTypes()));
        listener.changed(request, r.requester());
        yield Outcome.of(Status.DONE, request);
      }
      case REPLAYED -> Outcome.of(Status.REPLAYED, request);
      case WORKSPACE_BUSY -> {
        record(
            r.requester(),
            action,
            "refused",
            request,
            "workspace has active request " + request.id());
        yield Outcome.of(Status.WORKSPACE_BUSY, request);
      }
    };
  }

  /**
   * Whether this person may decide this request now (before a form asks for a reason); refusals
   * audited.
   */
  public Outcome mayDecide(long id, String userId) {
    Optional<MigrationRequest> found = store.find(id);
    if (found.isEmpty()) {
      return notFound(userId, "request.reject", id);
    }
    if (!support.isMember(userId)) {
      return refuse(userId, "request.reject", found, Status.NOT_ALLOWED);
    }
    if (found.get().state() != RequestState.PENDING_APPROVAL) {
      return refuse(userId, "request.reject", found, Status.WRONG_STATE);
    }
    return Outcome.of(Status.DONE, found.get());
  }

  public Outcome approve(long id, String userId) {
    return decide(id, userId, RequestState.APPROVED, Optional.empty());
  }

  public Outcome reject(long id, String userId, String reason) {
    return decide(id, userId, RequestState.REJECTED, Optional.of(reason));
  }

  private Outcome decide(long id, String userId, RequestState to, Optional<String> reason) {
    String action = to == RequestState.APPROVED ? "request.approve" : "request.reject";
    Optional<MigrationRequest> found = store.find(id);
    if (found.isEmpty()) {
      return notFound(userId, action, id);
    }
    if (!support.isMember(userId)) {
      return refuse(userId, action, found, Status.NOT_ALLOWED);
    }
    if (!store.decide(id, to, userId, reason, clock.instant())) {
      return refuse(userId, action, store.find(id), Status.WRONG_STATE);
    }
    MigrationRequest decided = store.find(id).orElseThrow();
    record(userId, action, "ok", decided, reason.orElse(null));
    listener.changed(decided, userId);
    return Outcome.of(Status.DONE, decided);
  }

  /** The requester, the lead or an admin may cancel while the request waits for approval. */
  public Outcome cancel(long id, String userId) {
    Optional<MigrationRequest> found = store.find(id);
    if (found.isEmpty()) {
      return notFound(userId, "request.cancel", id);
    }
    if (!mayManage(found.get(), userId)) {
      return refuse(userId, "request.cancel", found, Status.NOT_ALLOWED);
    }
    return move(
        found.get(),
        RequestState.PENDING_APPROVAL,
        RequestState.CANCELLED,
        userId,
        "request.cancel");
  }

  /** Support resumes a failed or partly successful run; it restarts from the core's journal. */
  public Outcome retry(long id, String userId) {
    Optional<MigrationRequest> found = store.find(id);
    if (found.isEmpty()) {
      return notFound(userId, "request.retry", id);
    }
    if (!support.isMember(userId)) {
      return refuse(userId, "request.retry", found, Status.NOT_ALLOWED);
    }
    RequestState from = found.get().state();
    if (from != RequestState.FAILED && from != RequestState.PARTLY_SUCCEEDED) {
      return refuse(userId, "request.retry", found, Status.WRONG_STATE);
    }
    Outcome moved = move(found.get(), from, RequestState.APPROVED, userId, "request.retry");
    return moved.status() == Status.WRONG_STATE
            && store.activeFor(found.get().workspace()).isPresent()
        ? Outcome.of(Status.WORKSPACE_BUSY, store.activeFor(found.get().workspace()).get())
        : moved;
  }

  /** A request, if this person may see it. */
  public Outcome status(long id, String userId) {
    Optional<MigrationRequest> found = store.find(id);
    if (found.isEmpty()) {
      return notFound(userId, "request.status", id);
    }
    if (!mayManage(found.get(), userId) && !support.isMember(userId)) {
      return refuse(userId, "request.status", found, Status.NOT_ALLOWED);
    }
    return Outcome.of(Status.DONE, found.get());
  }

  /** Whether this person may read a request's plan (support only); refusals audited. */
  public Outcome mayViewPlan(long id, String userId) {
    Optional<MigrationRequest> found = store.find(id);
    if (found.isEmpty()) {
      return notFound(userId, "request.view-plan", id);
    }
    if (!support.isMember(userId)) {
      return refuse(userId, "request.view-plan", found, Status.NOT_ALLOWED);
    }
    return Outcome.of(Status.DONE, found.get());
  }

  /**
   * Refuses an action whose target cannot be read: a request number that is not one ({@code 1 OR
   * 1=1}, {@code 99999999999999999999}, empty), as a forged button or form would carry. Nothing is
   * looked up; the refusal is audited with what was sent, shortened.
   */
  public Outcome refuseUnreadable(String userId, String action, String sent) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            userId,
            action,
            "refused",
            Optional.empty(),
            Optional.empty(),
            Optional.of("unreadable target " + shortened(sent))));
    return Outcome.of(Status.NOT_FOUND);
  }

  /** The newest requests of the workspaces this person leads or administers. */
  public List<MigrationRequest> listFor(String userId, int limit) {
    return store.forWorkspaces(
        directory.managedBy(userId).stream().map(Workspace::acronym).toList(), limit);
  }

  /** Requests waiting for a decision, for the support queue. */
  public List<MigrationRequest> pending() {
    return store.inStates(EnumSet.of(RequestState.PENDING_APPROVAL));
  }

  public boolean isSupport(String userId) {
    return support.isMember(userId);
  }

  private Outcome move(
      MigrationRequest r, RequestState from, RequestState to, String userId, String action) {
    if (!store.transition(r.id(), from, to, clock.instant())) {
      return refuse(userId, action, store.find(r.id()), Status.WRONG_STATE);
    }
    MigrationRequest moved = store.find(r.id()).orElseThrow();
    record(userId, action, "ok", moved, null);
    listener.changed(moved, userId);
    return Outcome.of(Status.DONE, moved);
  }

  private boolean mayManage(MigrationRequest r, String userId) {
    return r.requester().equals(userId)
        || directory.find(r.workspace()).map(w -> w.isManagedBy(userId)).orElse(false);
  }

  /** No request {@code id}: refused, audited with the number asked for. */
  private Outcome notFound(String userId, String action, long id) {
    return refuse(userId, action, Optional.empty(), Optional.of(id), Status.NOT_FOUND);
  }

  private Outcome refuse(
      String userId, String action, Optional<MigrationRequest> request, Status status) {
    return refuse(
            userId,
            action,
            request.map(MigrationRequest::workspace),
            request.map(MigrationRequest::id),
            status)
        .withRequest(request);
  }

  private Outcome refuse(
      String userId, String action, Optional<String> workspace, Optional<Long> id, Status status) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            userId,
            action,
            "refused",
            workspace,
            id,
            Optional.of(status.name().toLowerCase(Locale.ROOT))));
    return Outcome.of(status);
  }

  /**
   * Text someone sent, for the audit log: quoted, on one line, at most {@value #ECHO_LIMIT}
   * characters.
   */
  static String shortened(String sent) {
    if (sent == null) {
      return "(none)";
    }
    String flat = sent.replaceAll("\\p{Cntrl}|\\s", " ");
    return "'" + (flat.length() <= ECHO_LIMIT ? flat : flat.substring(0, ECHO_LIMIT) + "…") + "'";
  }

  private void record(
      String userId, String action, String outcome, MigrationRequest r, String detail) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            userId,
            action,
            outcome,
            Optional.of(r.workspace()),
            Optional.of(r.id()),
            Optional.ofNullable(detail)));
  }
}
