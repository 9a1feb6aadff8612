package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.REPOS_READ;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.REPOS_WRITE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/2.0/repos}: list (20 a page with {@code next_page_token}: the page size that loses
 * repos for tools reading one page only), get, create, update (checkout), delete.
 */
final class ReposRoutes implements Routes {
  static final int PAGE_SIZE = 20;
  private static final List<String> PROVIDERS =
      List.of(
          "gitHub",
          "bitbucketCloud",
          "gitLab",
          "azureDevOpsServices",
          "gitHubEnterprise",
          "bitbucketServer",
          "gitLabEnterpriseEdition",
          "awsCodeCommit");
  private static final String PREFIX = "/api/2.0/repos/";

  private final WorkspaceState state;

  ReposRoutes(WorkspaceState state) {
    this.state = state;
  }

  @Override
  public void register(Router r) {
    r.add("GET", "/api/2.0/repos", REPOS_READ, this::list);
    r.add("POST", "/api/2.0/repos", REPOS_WRITE, this::create);
    r.addPrefix("GET", PREFIX, REPOS_READ, c -> Reply.json(json(require(c))));
    r.addPrefix("PATCH", PREFIX, REPOS_WRITE, this::update);
    r.addPrefix(
        "DELETE",
        PREFIX,
        REPOS_WRITE,
        c -> {
          state.repos().delete(require(c).id());
          return Reply.ok();
        });
  }

  static ObjectNode json(Repo repo) {
    ObjectNode n =
        Json.object()
            .put("id", repo.id())
            .put("path", repo.path())
            .put("url", repo.url())
            .put("provider", repo.provider())
            .put("branch", repo.branch())
            .put("head_commit_id", repo.headCommitId());
    if (!repo.sparseCheckoutPatterns().isEmpty()) {
      ArrayNode patterns = n.putObject("sparse_checkout").putArray("patterns");
      repo.sparseCheckoutPatterns().forEach(patterns::add);
    }
    return n;
  }

  private Repo require(ApiCall call) {
    String id = call.path().substring(PREFIX.length());
    try {
      long repoId = Long.parseLong(id);
      return state
          .repos()
          .get(repoId)
          .orElseThrow(() -> ApiError.notFound("Repo " + id + " does not exist."));
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid repo id: " + id);
    }
  }

  private Reply list(ApiCall call) {
    String prefix = call.param("path_prefix");
    String after = PageToken.decode(call.param("next_page_token"), "");
    List<Repo> page = new ArrayList<>();
    boolean more = false;
    for (Repo repo : state.repos().all()) {
      if (repo.path().compareTo(after) <= 0
          || (prefix != null && !repo.path().startsWith(prefix))) {
        continue;
      }
      if (page.size() == PAGE_SIZE) {
        more = true;
        break;
      }
      page.add(repo);
    }
    ObjectNode body = Json.object();
    ArrayNode repos = body.putArray("repos");
    page.forEach(r -> repos.add(json(r)));
    if (more) {
      body.put("next_page_token", PageToken.encode(page.get(page.size() - 1).path()));
    }
    return Reply.json(body);
  }

  private Reply create(ApiCall call) {
    String url = call.required("url");
    String provider = provider(call.required("provider"));
    String path = call.param("path");
    if (path == null) {
      String name = url.replaceAll("/+$", "").replaceAll("\\.git$", "");
      path = "/Repos/" + state.currentUser() + "/" + name.substring(name.lastIndexOf('/') + 1);
    }
    List<String> sparse = new ArrayList<>();
    call.json().path("sparse_checkout").path("patterns").forEach(p -> sparse.add(p.asText()));
    Repo repo = state.repos().add(path, url, provider, "main", sparse);
    return Reply.json(json(repo));
  }

  private Reply update(ApiCall call) {
    Repo repo = require(call);
    JsonNode body = call.json();
    String branch = body.path("branch").asText(null);
    String tag = body.path("tag").asText(null);
    if (branch != null && tag != null) {
      throw ApiError.invalid("Only one of branch and tag may be given.");
    }
    if (branch != null || tag != null) {
      state.repos().checkout(repo.id(), branch != null ? branch : tag);
    }
    return Reply.ok();
  }

  private static String provider(String given) {
    for (String p : PROVIDERS) {
      if (p.toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw ApiError.invalid(
        "Invalid Git provider " + given + "; expected one of " + PROVIDERS + ".");
  }
}
