package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.List;

/**
 * Fills a {@link WorkspaceState} with a realistic POC workspace: notebooks in four languages under
 * accented folder names, workspace files, Trash, a notebook over 10 MB, repos beyond one page, jobs
 * beyond one page and with over 100 tasks, the compute that cannot move, and (as the stores exist)
 * secrets, grants, models and mounts. Deterministic for a given {@link SampleSpec}.
 */
public final class SampleWorkspace {
  /** A notebook over the 10 MB export limit (when {@link SampleSpec#hugeNotebook()}). */
  public static final String HUGE_NOTEBOOK =
      "/Users/" + SampleTree.FIRST_USER + "/Analyse données/Résultats volumineux";

  /**
   * A folder whose notebooks and files have names with quotes, emoji, back-slashes and characters
   * Windows refuses.
   */
  public static final String AWKWARD_FOLDER = SampleTree.AWKWARD_FOLDER;

  /** A legacy workspace library (object type LIBRARY), which the workspace API cannot export. */
  public static final String WORKSPACE_LIBRARY = SampleTree.WORKSPACE_LIBRARY;

  /** The running single-user cluster to send commands to (secret values, mounts). */
  public static final String MIGRATION_CLUSTER_ID = "0101-000000-migrat01";

  public static final String SHARED_CLUSTER_ID = "0101-000000-shared01";
  public static final String CONDA_CLUSTER_ID = "0101-000000-conda001";
  public static final String POOL_CLUSTER_ID = "0101-000000-pooled01";
  public static final String POOL_ID = "0101-000000-pool0001";
  public static final String POLICY_ID = "E0A1B2C3D4E5F607";
  public static final String WAREHOUSE_ID = "a1b2c3d4e5f60001";

  /** The Azure Key Vault-backed scope, as FSDH's own {@code datahub} scope. */
  public static final String KEY_VAULT_SCOPE = "datahub";

  private SampleWorkspace() {}

  public static void seed(WorkspaceState state, SampleSpec spec) {
    List<String> users = SampleTree.users(spec);
    List<String> folders = SampleTree.folders(spec, users);
    List<String> notebooks = SampleTree.seed(state.workspace(), spec, users, folders);
    SampleCompute.seed(state.compute(), state.currentUser());
    SampleJobs.seed(state.jobs(), spec, notebooks, users);
    seedRepos(state.repos(), spec, users);
    SampleSecrets.seed(state, spec, users);
    SampleGrants.seed(state.tables(), spec, users);
    SampleModels.seed(state, spec, users);
    SamplePermissions.seed(state, users, folders, notebooks);
  }

  private static void seedRepos(RepoStore repos, SampleSpec spec, List<String> users) {
    String[] providers = {"gitHub", "azureDevOpsServices", "gitLab"};
    for (int i = 0; i < spec.repos(); i++) {
      String name = "projet-" + String.format("%03d", i);
      String provider = providers[i % providers.length];
      String url =
          switch (provider) {
            case "gitHub" -> "https://github.com/fsdh-poc/" + name + ".git";
            case "gitLab" -> "https://gitlab.com/fsdh-poc/" + name + ".git";
            default -> "https://dev.azure.com/fsdh-poc/Analyse/_git/" + name;
          };
      List<String> sparse = i % 10 == 9 ? List.of("notebooks/", "src/") : List.of();
      repos.add(
          "/Repos/" + users.get(i % users.size()) + "/" + name,
          url,
          provider,
          i % 4 == 3 ? "develop" : "main",
          sparse);
    }
  }
}
