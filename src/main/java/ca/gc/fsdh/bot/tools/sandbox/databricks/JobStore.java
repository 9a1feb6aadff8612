package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The workspace's jobs, ordered by id. */
public final class JobStore {
  /** The most tasks a job may have (the real service's limit). */
  public static final int MAX_TASKS = 1000;

  private final ConcurrentSkipListMap<Long, Job> jobs = new ConcurrentSkipListMap<>();
  private final AtomicLong ids;

  JobStore(AtomicLong ids) {
    this.ids = ids;
  }

  /** Adds a job with these settings ({@code JobSettings} JSON); returns it with its new id. */
  public Job create(ObjectNode settings, String creator) {
    validate(settings);
    long id = ids.incrementAndGet();
    Job job = new Job(id, creator, System.currentTimeMillis(), settings.deepCopy());
    jobs.put(id, job);
    return job;
  }

  public Optional<Job> get(long id) {
    return Optional.ofNullable(jobs.get(id));
  }

  public List<Job> all() {
    return List.copyOf(jobs.values());
  }

  /** Jobs with an id above {@code afterId}, in id order, at most {@code limit}. */
  List<Job> page(long afterId, int limit) {
    return jobs.tailMap(afterId, false).values().stream().limit(limit).toList();
  }

  public int size() {
    return jobs.size();
  }

  Job reset(long id, ObjectNode settings) {
    validate(settings);
    return replace(id, settings.deepCopy());
  }

  /**
   * Merges the top-level fields of {@code changes} into the settings, then removes {@code remove}.
   */
  synchronized Job update(long id, ObjectNode changes, List<String> remove) {
    ObjectNode merged = require(id).settings().deepCopy();
    if (changes != null) {
      changes.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
    }
    for (String field : remove) {
      merged.remove(field);
    }
    validate(merged);
    return replace(id, merged);
  }

  void delete(long id) {
    if (jobs.remove(id) == null) {
      throw ApiError.invalid("Job " + id + " does not exist.");
    }
  }

  private synchronized Job replace(long id, ObjectNode settings) {
    Job old = require(id);
    Job job = new Job(id, old.creatorUserName(), old.createdTime(), settings);
    jobs.put(id, job);
    return job;
  }

  private Job require(long id) {
    Job job = jobs.get(id);
    if (job == null) {
      throw ApiError.invalid("Job " + id + " does not exist.");
    }
    return job;
  }

  private static void validate(ObjectNode settings) {
    JsonNode tasks = settings.path("tasks");
    if (tasks.size() > MAX_TASKS) {
      throw ApiError.invalid(
          "A job can have at most " + MAX_TASKS + " tasks; got " + tasks.size() + ".");
    }
    Set<String> keys = new HashSet<>();
    for (JsonNode t : tasks) {
      String key = t.path("task_key").asText("");
      if (key.isEmpty()) {
        throw ApiError.invalid("Every task needs a task_key.");
      }
      if (!keys.add(key)) {
        throw ApiError.invalid("Task key " + key + " is used by more than one task.");
      }
    }
  }
}
