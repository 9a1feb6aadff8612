package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.WORKSPACE_EXPORT;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.WORKSPACE_IMPORT;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.WORKSPACE_READ;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.WORKSPACE_WRITE;

import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.ObjectType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/2.0/workspace/*}: list (not recursive, not paged, like the real one), get-status,
 * export, import, mkdirs, delete. Export and import refuse objects over 10 MB with {@code
 * MAX_NOTEBOOK_SIZE_EXCEEDED}, the error code the real service uses.
 */
final class WorkspaceRoutes implements Routes {
  /** The real service's limit on one exported or imported object: 10 MB. */
  static final int MAX_SIZE = 10 * 1024 * 1024;

  private final WorkspaceTree tree;

  WorkspaceRoutes(WorkspaceState state) {
    this.tree = state.workspace();
  }

  @Override
  public void register(Router r) {
    r.add("GET", "/api/2.0/workspace/list", WORKSPACE_READ, this::list);
    r.add("GET", "/api/2.0/workspace/get-status", WORKSPACE_READ, this::getStatus);
    r.add("GET", "/api/2.0/workspace/export", WORKSPACE_EXPORT, this::export);
    r.add("POST", "/api/2.0/workspace/import", WORKSPACE_IMPORT, this::importObject);
    r.add("POST", "/api/2.0/workspace/mkdirs", WORKSPACE_WRITE, this::mkdirs);
    r.add("POST", "/api/2.0/workspace/delete", WORKSPACE_WRITE, this::delete);
  }

  static ObjectNode info(WorkspaceObject o) {
    ObjectNode n =
        Json.object()
            .put("object_type", o.type().name())
            .put("path", o.path())
            .put("object_id", o.id())
            .put("resource_id", Long.toString(o.id()));
    if (o.type() != ObjectType.DIRECTORY) {
      n.put("created_at", o.createdAt()).put("modified_at", o.modifiedAt());
    }
    if (o.language() != null) {
      n.put("language", o.language().name());
    }
    if (o.type() == ObjectType.FILE) {
      n.put("size", o.content().size());
    }
    return n;
  }

  private WorkspaceObject require(String path) {
    return tree.get(path)
        .orElseThrow(() -> ApiError.notFound("Path (" + path + ") doesn't exist."));
  }

  private Reply list(ApiCall call) {
    WorkspaceObject o = require(call.required("path"));
    String after = call.param("notebooks_modified_after");
    long modifiedAfter = after == null ? Long.MIN_VALUE : Long.parseLong(after);
    List<WorkspaceObject> items = o.isDirectoryLike() ? tree.children(o.path()) : List.of(o);
    ObjectNode body = Json.object();
    if (!items.isEmpty()) {
      ArrayNode objects = body.putArray("objects");
      for (WorkspaceObject child : items) {
        if (child.type() != ObjectType.NOTEBOOK || child.modifiedAt() > modifiedAfter) {
          objects.add(info(child));
        }
      }
    }
    return Reply.json(body);
  }

  private Reply getStatus(ApiCall call) {
    return Reply.json(info(require(call.required("path"))));
  }

  private Reply export(ApiCall call) {
    WorkspaceObject o = require(call.required("path"));
    String format =
        call.param("format") == null ? "SOURCE" : call.param("format").toUpperCase(Locale.ROOT);
    Exported e =
        switch (o.type()) {
          case NOTEBOOK -> exportNotebook(o, format);
          case FILE -> exportFile(o, format);
          case DIRECTORY, REPO -> exportDirectory(o, format);
          default -> throw ApiError.invalid("Cannot export " + o.type() + " " + o.path() + ".");
        };
    if (e.bytes().length > MAX_SIZE) {
      throw new ApiError(
          400,
          "MAX_NOTEBOOK_SIZE_EXCEEDED",
          "File size exported is ("
              + e.bytes().length
              + " bytes), exceeded max size ("
              + MAX_SIZE
              + " bytes)");
    }
    if (call.flag("direct_download")) {
      return Reply.bytes(e.bytes(), "application/octet-stream", Map.of());
    }
    return Reply.json(
        Json.object()
            .put("content", Base64.getEncoder().encodeToString(e.bytes()))
            .put("file_type", e.fileType()));
  }

  private record Exported(byte[] bytes, String fileType) {}

  private static Exported exportNotebook(WorkspaceObject o, String format) {
    byte[] source = o.content().bytes();
    return switch (format) {
      case "SOURCE", "AUTO" -> new Exported(source, NotebookFormats.extension(o.language()));
      case "JUPYTER" ->
          new Exported(NotebookFormats.toJupyter(o.name(), o.language(), source), "ipynb");
      case "HTML" -> new Exported(NotebookFormats.toHtml(o.name(), source), "html");
      case "DBC" ->
          new Exported(
              NotebookFormats.toDbc(
                  List.of(new NotebookFormats.Entry(o.name(), o.language(), source))),
              "dbc");
      case "R_MARKDOWN" -> {
        if (o.language() != Language.R) {
          throw ApiError.invalid("R_MARKDOWN export is only for R notebooks.");
        }
        yield new Exported(source, "Rmd");
      }
      default ->
          throw ApiError.invalid("Export format " + format + " is not supported for notebooks.");
    };
  }

  private static Exported exportFile(WorkspaceObject o, String format) {
    if (!format.equals("SOURCE") && !format.equals("AUTO") && !format.equals("RAW")) {
      throw ApiError.invalid("Export format " + format + " is not supported for files.");
    }
    String name = o.name();
    int dot = name.lastIndexOf('.');
    return new Exported(o.content().bytes(), dot < 0 ? "" : name.substring(dot + 1));
  }

  private Exported exportDirectory(WorkspaceObject dir, String format) {
    List<NotebookFormats.Entry> entries = new ArrayList<>();
    collect(dir, "", entries, format.equals("DBC"));
    return switch (format) {
      case "DBC" -> new Exported(NotebookFormats.toDbc(entries), "dbc");
      case "SOURCE", "AUTO" -> new Exported(NotebookFormats.sourceZip(entries), "zip");
      default ->
          throw ApiError.invalid("Export format " + format + " is not supported for directories.");
    };
  }

  private void collect(
      WorkspaceObject dir, String prefix, List<NotebookFormats.Entry> out, boolean notebooksOnly) {
    long total = 0;
    for (WorkspaceObject child : tree.children(dir.path())) {
      String rel = prefix + child.name();
      if (child.isDirectoryLike()) {
        collect(child, rel + "/", out, notebooksOnly);
      } else if (child.type() == ObjectType.NOTEBOOK || !notebooksOnly) {
        byte[] bytes = child.content().bytes();
        total += bytes.length;
        if (total > MAX_SIZE) {
          throw new ApiError(
              400,
              "MAX_NOTEBOOK_SIZE_EXCEEDED",
              "Size of the exported folder "
                  + dir.path()
                  + " exceeded max size ("
                  + MAX_SIZE
                  + " bytes)");
        }
        out.add(new NotebookFormats.Entry(rel, child.language(), bytes));
      }
    }
  }

  private Reply importObject(ApiCall call) {
    String path = WorkspaceTree.normalize(call.required("path"));
    String encoded = call.param("content");
    byte[] content;
    try {
      content = encoded == null ? new byte[0] : Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("The content is not valid base64.");
    }
    if (content.length > MAX_SIZE) {
      throw new ApiError(
          400,
          "MAX_NOTEBOOK_SIZE_EXCEEDED",
          "File size imported is ("
              + content.length
              + " bytes), exceeded max size ("
              + MAX_SIZE
              + " bytes)");
    }
    String format =
        call.param("format") == null ? "SOURCE" : call.param("format").toUpperCase(Locale.ROOT);
    boolean overwrite = call.flag("overwrite");
    String language = call.param("language");
    switch (format) {
      case "SOURCE" -> {
        if (language == null) {
          throw ApiError.invalid("The language field is required when format is SOURCE.");
        }
        tree.importObject(
            path, ObjectType.NOTEBOOK, languageOf(language), Content.of(content), overwrite);
      }
      case "JUPYTER" -> {
        var parsed = NotebookFormats.fromJupyter(content);
        tree.importObject(
            stripExtension(path, ".ipynb"),
            ObjectType.NOTEBOOK,
            parsed.language(),
            Content.of(parsed.source()),
            overwrite);
      }
      case "RAW" -> tree.importObject(path, ObjectType.FILE, null, Content.of(content), overwrite);
      case "AUTO" -> importAuto(path, content, overwrite);
      case "DBC" -> importDbc(path, content);
      default ->
          throw ApiError.invalid("Import format " + format + " is not supported by the sandbox.");
    }
    return Reply.ok();
  }

  private void importAuto(String path, byte[] content, boolean overwrite) {
    Language lang = NotebookFormats.languageOfSource(content, path);
    if (lang != null) {
      String ext = "." + NotebookFormats.extension(lang);
      tree.importObject(
          stripExtension(path, ext), ObjectType.NOTEBOOK, lang, Content.of(content), overwrite);
    } else if (path.endsWith(".ipynb")) {
      var parsed = NotebookFormats.fromJupyter(content);
      tree.importObject(
          stripExtension(path, ".ipynb"),
          ObjectType.NOTEBOOK,
          parsed.language(),
          Content.of(parsed.source()),
          overwrite);
    } else {
      tree.importObject(path, ObjectType.FILE, null, Content.of(content), overwrite);
    }
  }

  private void importDbc(String path, byte[] content) {
    if (tree.get(path).isPresent()) {
      throw ApiError.alreadyExists("Path (" + path + ") already exists.");
    }
    var entries = NotebookFormats.fromDbc(content);
    if (tree.get(WorkspaceTree.parentOf(path)).isEmpty()) {
      throw ApiError.notFound(
          "The parent folder (" + WorkspaceTree.parentOf(path) + ") does not exist.");
    }
    for (var e : entries) {
      tree.putNotebook(path + "/" + e.relativePath(), e.language(), Content.of(e.source()));
    }
  }

  private static String stripExtension(String path, String ext) {
    return path.toLowerCase(Locale.ROOT).endsWith(ext.toLowerCase(Locale.ROOT))
        ? path.substring(0, path.length() - ext.length())
        : path;
  }

  private static Language languageOf(String language) {
    try {
      return Language.valueOf(language.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(
          "Unknown language " + language + "; expected PYTHON, SQL, SCALA or R.");
    }
  }

  private Reply mkdirs(ApiCall call) {
    tree.mkdirs(call.required("path"));
    return Reply.ok();
  }

  private Reply delete(ApiCall call) {
    tree.delete(call.required("path"), call.flag("recursive"));
    return Reply.ok();
  }
}
