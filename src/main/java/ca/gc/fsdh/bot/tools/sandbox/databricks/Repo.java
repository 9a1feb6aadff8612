package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.List;

/**
 * A Git folder (repo) in the workspace. {@code provider} uses the API's spellings ({@code gitHub},
 * {@code azureDevOpsServices}, {@code gitLab} ...). Uncommitted changes are not modelled: the real
 * API cannot reach them either.
 */
public record Repo(
    long id,
    String path,
    String url,
    String provider,
    String branch,
    String headCommitId,
    List<String> sparseCheckoutPatterns) {
  public Repo {
    sparseCheckoutPatterns =
        sparseCheckoutPatterns == null ? List.of() : List.copyOf(sparseCheckoutPatterns);
  }

  Repo withBranch(String newBranch, String newHead) {
    return new Repo(id, path, url, provider, newBranch, newHead, sparseCheckoutPatterns);
  }
}
