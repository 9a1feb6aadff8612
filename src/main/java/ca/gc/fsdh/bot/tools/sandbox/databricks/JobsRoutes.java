package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.JOBS_CREATE;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.JOBS_READ;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.JOBS_WRITE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs API 2.2 ({@code /api/2.2/jobs/*}) and its 2.1 twin. In 2.2, {@code get} returns at most 100
 * tasks and job clusters a page with a {@code next_page_token}, and {@code list} with {@code
 * expand_tasks} truncates the same way and flags {@code has_more}: a client that ignores either
 * silently loses tasks. 2.1 returns everything at once.
 */
final class JobsRoutes implements Routes {
  static final int ARRAY_PAGE = 100;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  private static final String[] PAGED_ARRAYS = {"tasks", "job_clusters"};

  private final WorkspaceState state;

  JobsRoutes(WorkspaceState state) {
    this.state = state;
  }

  @Override
  public void register(Router r) {
    for (String v : new String[] {"2.2", "2.1"}) {
      boolean paged = v.equals("2.2");
      String base = "/api/" + v + "/jobs/";
      r.add("GET", base + "list", JOBS_READ, c -> list(c, paged));
      r.add("GET", base + "get", JOBS_READ, c -> get(c, paged));
      r.add("POST", base + "create", JOBS_CREATE, this::create);
      r.add("POST", base + "reset", JOBS_WRITE, this::reset);
      r.add("POST", base + "update", JOBS_WRITE, this::update);
      r.add(
          "POST",
          base + "delete",
          JOBS_WRITE,
          c -> {
            state.jobs().delete(c.requiredLong("job_id"));
            return Reply.ok();
          });
    }
  }

  private Reply list(ApiCall call, boolean paged) {
    int limit = call.intParam("limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiError.invalid("limit must be between 1 and " + MAX_LIMIT + "; got " + limit + ".");
    }
    boolean expand = call.flag("expand_tasks");
    String name = call.param("name");
    long after = PageToken.decodeLong(call.param("page_token"), Long.MIN_VALUE);
    int offset = call.intParam("offset", 0);
    List<Job> matching = new ArrayList<>();
    int skipped = 0;
    boolean more = false;
    for (Job job : state.jobs().page(after, Integer.MAX_VALUE)) {
      if (name != null && !name.equals(job.name())) {
        continue;
      }
      if (skipped++ < offset) {
        continue;
      }
      if (matching.size() == limit) {
        more = true;
        break;
      }
      matching.add(job);
    }
    ObjectNode body = Json.object();
    ArrayNode jobs = body.putArray("jobs");
    for (Job job : matching) {
      ObjectNode j = header(job);
      ObjectNode settings = job.settings().deepCopy();
      if (expand) {
        boolean truncated = paged && truncate(settings, 0);
        if (truncated) {
          j.put("has_more", true);
        }
      } else {
        for (String array : PAGED_ARRAYS) {
          settings.remove(array);
        }
      }
      j.set("settings", settings);
      jobs.add(j);
    }
    body.put("has_more", more);
    if (more) {
      body.put(
          "next_page_token",
          PageToken.encode(Long.toString(matching.get(matching.size() - 1).jobId())));
    }
    return Reply.json(body);
  }

  private Reply get(ApiCall call, boolean paged) {
    Job job = require(call.requiredLong("job_id"));
    int offset = (int) PageToken.decodeLong(call.param("page_token"), 0);
    ObjectNode j = header(job).put("run_as_user_name", job.creatorUserName());
    ObjectNode settings = job.settings().deepCopy();
    if (paged) {
      boolean more = truncate(settings, offset);
      if (more) {
        j.put("has_more", true)
            .put("next_page_token", PageToken.encode(Integer.toString(offset + ARRAY_PAGE)));
      }
    }
    j.set("settings", settings);
    return Reply.json(j);
  }

  /** Keeps elements [offset, offset + 100) of each paged array; true when any array has more. */
  private static boolean truncate(ObjectNode settings, int offset) {
    boolean more = false;
    for (String name : PAGED_ARRAYS) {
      JsonNode array = settings.get(name);
      if (array == null || !array.isArray()) {
        continue;
      }
      ArrayNode page = Json.array();
      for (int i = offset; i < Math.min(array.size(), offset + ARRAY_PAGE); i++) {
        page.add(array.get(i));
      }
      more |= array.size() > offset + ARRAY_PAGE;
      if (page.isEmpty() && offset > 0) {
        settings.remove(name);
      } else {
        settings.set(name, page);
      }
    }
    return more;
  }

  private static ObjectNode header(Job job) {
    return Json.object()
        .put("job_id", job.jobId())
        .put("creator_user_name", job.creatorUserName())
        .put("created_time", job.createdTime());
  }

  private Job require(long id) {
    return state
        .jobs()
        .get(id)
        .orElseThrow(() -> ApiError.invalid("Job " + id + " does not exist."));
  }

  private Reply create(ApiCall call) {
    ObjectNode settings = ((ObjectNode) call.json()).deepCopy();
    JsonNode acl = settings.remove("access_control_list");
    checkReferences(settings);
    List<AclEntry> entries = new ArrayList<>();
    if (acl != null) {
      acl.forEach(a -> entries.add(PermissionsRoutes.parse(a, "jobs")));
    }
    Job job = state.jobs().create(settings, state.currentUser());
    if (entries.stream().noneMatch(e -> e.level().equals("IS_OWNER"))) {
      entries.add(AclEntry.user(state.currentUser(), "IS_OWNER"));
    }
    state.permissions().set("jobs", Long.toString(job.jobId()), entries);
    return Reply.json(Json.object().put("job_id", job.jobId()));
  }

  private Reply reset(ApiCall call) {
    long id = call.requiredLong("job_id");
    require(id);
    JsonNode settings = call.json().get("new_settings");
    if (settings == null || !settings.isObject()) {
      throw ApiError.invalid("Missing required field: new_settings");
    }
    checkReferences((ObjectNode) settings);
    state.jobs().reset(id, (ObjectNode) settings);
    return Reply.ok();
  }

  private Reply update(ApiCall call) {
    long id = call.requiredLong("job_id");
    require(id);
    JsonNode changes = call.json().get("new_settings");
    List<String> remove = new ArrayList<>();
    call.json().path("fields_to_remove").forEach(f -> remove.add(f.asText()));
    if (changes != null && changes.isObject()) {
      checkReferences((ObjectNode) changes);
    }
    state
        .jobs()
        .update(id, changes != null && changes.isObject() ? (ObjectNode) changes : null, remove);
    return Reply.ok();
  }

  /**
   * Refuses references to clusters, pools and policies this workspace does not have, as the real
   * service.
   */
  private void checkReferences(ObjectNode settings) {
    for (JsonNode task : settings.path("tasks")) {
      String cluster = task.path("existing_cluster_id").asText(null);
      if (cluster != null && state.compute().cluster(cluster).isEmpty()) {
        throw ApiError.invalid("Cluster " + cluster + " does not exist");
      }
      checkNewCluster(task.path("new_cluster"));
    }
    for (JsonNode jc : settings.path("job_clusters")) {
      checkNewCluster(jc.path("new_cluster"));
    }
  }

  private void checkNewCluster(JsonNode spec) {
    String pool = spec.path("instance_pool_id").asText(null);
    if (pool != null && state.compute().pool(pool).isEmpty()) {
      throw ApiError.invalid("Instance pool " + pool + " does not exist");
    }
    String policy = spec.path("policy_id").asText(null);
    if (policy != null && state.compute().policy(policy).isEmpty()) {
      throw ApiError.invalid("Cluster policy " + policy + " does not exist");
    }
  }
}
