package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace model registry: models, versions, stages and tags. A version's artifacts live in
 * {@link DbfsStore} under its storage location; creating a version copies them from its source
 * folder, as the registry copies run artifacts.
 */
public final class ModelRegistryStore {
  public static final List<String> STAGES = List.of("None", "Staging", "Production", "Archived");

  private final Map<String, RegisteredModel> models = new ConcurrentSkipListMap<>();
  private final Map<String, Map<Integer, ModelVersion>> versions = new ConcurrentSkipListMap<>();
  private final DbfsStore dbfs;
  private final AtomicLong ids = new AtomicLong(0x5a17_0000_0000L);

  ModelRegistryStore(DbfsStore dbfs) {
    this.dbfs = dbfs;
  }

  public synchronized RegisteredModel createModel(
      String name, String description, String user, Map<String, String> tags) {
    if (models.containsKey(name)) {
      throw ApiError.alreadyExists("Registered Model (name=" + name + ") already exists.");
    }
    long now = System.currentTimeMillis();
    RegisteredModel m =
        new RegisteredModel(
            Long.toHexString(ids.incrementAndGet()), name, description, user, now, now, tags);
    models.put(name, m);
    versions.put(name, new ConcurrentSkipListMap<>());
    return m;
  }

  public List<RegisteredModel> models() {
    return List.copyOf(models.values());
  }

  public Optional<RegisteredModel> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  public Optional<RegisteredModel> modelById(String id) {
    return models.values().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  RegisteredModel require(String name) {
    return model(name)
        .orElseThrow(() -> ApiError.notFound("Registered Model with name=" + name + " not found"));
  }

  synchronized void setModelTag(String name, String key, String value) {
    RegisteredModel m = require(name);
    Map<String, String> tags = new LinkedHashMap<>(m.tags());
    tags.put(key, value);
    models.put(
        name,
        new RegisteredModel(
            m.id(),
            name,
            m.description(),
            m.userId(),
            m.created(),
            System.currentTimeMillis(),
            tags));
  }

  /**
   * Registers a new version; copies the files under {@code source} (a DBFS folder) when there are
   * any.
   */
  public synchronized ModelVersion createVersion(
      String name,
      String source,
      String runId,
      String description,
      String user,
      Map<String, String> tags) {
    RegisteredModel m = require(name);
    Map<Integer, ModelVersion> vs = versions.get(name);
    int number = vs.size() + 1;
    String location =
        "dbfs:/databricks/mlflow-registry/" + m.id() + "/models/" + m.id() + "-v" + number;
    if (source != null && source.startsWith("dbfs:") && dbfs.exists(source)) {
      copy(DbfsStore.normalize(source), DbfsStore.normalize(location));
    } else {
      dbfs.mkdirs(location);
    }
    long now = System.currentTimeMillis();
    ModelVersion v =
        new ModelVersion(
            name,
            Integer.toString(number),
            "None",
            description,
            source,
            runId,
            user,
            now,
            now,
            tags,
            location);
    vs.put(number, v);
    return v;
  }

  private void copy(String from, String to) {
    for (DbfsStore.Entry e : dbfs.list(from)) {
      String target = to + e.path().substring(from.length());
      if (e.directory()) {
        copy(e.path(), target);
      } else {
        dbfs.put(target, dbfs.read(e.path()).orElseThrow(), true);
      }
    }
  }

  public List<ModelVersion> versions(String name) {
    var vs = versions.get(name);
    return vs == null ? List.of() : List.copyOf(vs.values());
  }

  public Optional<ModelVersion> version(String name, String version) {
    var vs = versions.get(name);
    try {
      return vs == null ? Optional.empty() : Optional.ofNullable(vs.get(Integer.parseInt(version)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  ModelVersion requireVersion(String name, String version) {
    require(name);
    return version(name, version)
        .orElseThrow(() ->
            ApiError.notFound(
                "Model Version (name=" + name + ", version=" + version + ") not found"));
  }

  /**
   * Moves a version to a stage; with {@code archiveOthers}, other versions in that stage go to
   * Archived.
   */
  public synchronized ModelVersion transition(
      String name, String version, String stage, boolean archiveOthers) {
    String normalized =
        STAGES.stream()
            .filter(s -> s.equalsIgnoreCase(stage))
            .findFirst()
            .orElseThrow(() ->
                ApiError.invalid("Invalid stage " + stage + "; expected one of " + STAGES + "."));
    ModelVersion v = requireVersion(name, version);
    Map<Integer, ModelVersion> vs = versions.get(name);
    if (archiveOthers && (normalized.equals("Staging") || normalized.equals("Production"))) {
      for (ModelVersion other : List.copyOf(vs.values())) {
        if (!other.version().equals(version) && other.stage().equals(normalized)) {
          vs.put(
              Integer.parseInt(other.version()),
              other.with("Archived", other.description(), other.tags()));
        }
      }
    }
    ModelVersion moved = v.with(normalized, v.description(), v.tags());
    vs.put(Integer.parseInt(version), moved);
    return moved;
  }

  synchronized ModelVersion update(
      String name, String version, String description, String tagKey, String tagValue) {
    ModelVersion v = requireVersion(name, version);
    Map<String, String> tags = new HashMap<>(v.tags());
    if (tagKey != null) {
      tags.put(tagKey, tagValue);
    }
    ModelVersion updated =
        v.with(v.stage(), description != null ? description : v.description(), tags);
    versions.get(name).put(Integer.parseInt(version), updated);
    return updated;
  }

  /** The latest version of each stage (all stages when {@code stages} is empty). */
  List<ModelVersion> latest(String name, List<String> stages) {
    Map<String, ModelVersion> byStage = new LinkedHashMap<>();
    for (ModelVersion v : versions(name)) {
      byStage.put(v.stage(), v);
    }
    List<ModelVersion> out = new ArrayList<>();
    byStage.forEach((stage, v) -> {
      if (stages.isEmpty()
          || stages.stream()
              .anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(stage.toLowerCase(Locale.ROOT)))) {
        out.add(v);
      }
    });
    return out;
  }
}
