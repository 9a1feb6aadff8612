package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * The size of a sample workspace made by {@link SampleWorkspace}. Same spec, same seed, same
 * workspace (paths, contents, ids aside).
 *
 * @param notebooks notebooks outside Trash (the over-10 MB one not counted)
 * @param folders folders holding them, spread over users and {@code /Shared}
 * @param files workspace files (modules, CSV, YAML, README)
 * @param users user home folders, each with a Trash
 * @param jobs jobs in all
 * @param bigJobs of which this many have more than 100 tasks
 * @param repos Git folders (over 20 to need paging)
 * @param scopes Databricks-backed secret scopes (one Azure Key Vault scope is added)
 * @param keysPerScope secrets in each scope
 * @param grants table ACL grants, DENY and ownership included
 * @param models registered models
 * @param versionsPerModel versions of each model
 * @param hugeNotebook adds one notebook over the 10 MB export limit
 */
public record SampleSpec(
    int notebooks,
    int folders,
    int files,
    int users,
    int jobs,
    int bigJobs,
    int repos,
    int scopes,
    int keysPerScope,
    int grants,
    int models,
    int versionsPerModel,
    boolean hugeNotebook,
    long seed) {

  public SampleSpec {
    if (notebooks < 0
        || folders < 1
        || users < 1
        || bigJobs > jobs
        || repos < 0
        || scopes < 0
        || models < 0
        || versionsPerModel < 1 && models > 0) {
      throw new IllegalArgumentException("inconsistent sample spec: " + this);
    }
  }

  /** A workspace a person can read in a minute, yet with every case: paging, limits, all types. */
  public static SampleSpec small() {
    return new SampleSpec(40, 8, 6, 4, 30, 1, 25, 3, 4, 40, 3, 3, true, 42);
  }

  /** The scale of the largest POC workspaces: 20,000 notebooks in 400 folders. */
  public static SampleSpec large() {
    return new SampleSpec(20_000, 400, 500, 40, 100, 3, 50, 10, 10, 500, 20, 3, true, 42);
  }

  public static Builder builder() {
    return small().toBuilder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.notebooks = notebooks;
    b.folders = folders;
    b.files = files;
    b.users = users;
    b.jobs = jobs;
    b.bigJobs = bigJobs;
    b.repos = repos;
    b.scopes = scopes;
    b.keysPerScope = keysPerScope;
    b.grants = grants;
    b.models = models;
    b.versionsPerModel = versionsPerModel;
    b.hugeNotebook = hugeNotebook;
    b.seed = seed;
    return b;
  }

  /** Builder starting from {@link #small()}. */
  public static final class Builder {
    private int notebooks;
    private int folders;
    private int files;
    private int users;
    private int jobs;
    private int bigJobs;
    private int repos;
    private int scopes;
    private int keysPerScope;
    private int grants;
    private int models;
    private int versionsPerModel;
    private boolean hugeNotebook;
    private long seed;

    public Builder notebooks(int n) {
      notebooks = n;
      return this;
    }

    public Builder folders(int n) {
      folders = n;
      return this;
    }

    public Builder files(int n) {
      files = n;
      return this;
    }

    public Builder users(int n) {
      users = n;
      return this;
    }

    public Builder jobs(int n, int withOver100Tasks) {
      jobs = n;
      bigJobs = withOver100Tasks;
      return this;
    }

    public Builder repos(int n) {
      repos = n;
      return this;
    }

    public Builder secrets(int scopeCount, int keysEach) {
      scopes = scopeCount;
      keysPerScope = keysEach;
      return this;
    }

    public Builder grants(int n) {
      grants = n;
      return this;
    }

    public Builder models(int n, int versionsEach) {
      models = n;
      versionsPerModel = versionsEach;
      return this;
    }

    public Builder hugeNotebook(boolean include) {
      hugeNotebook = include;
      return this;
    }

    public Builder seed(long s) {
      seed = s;
      return this;
    }

    public SampleSpec build() {
      return new SampleSpec(
          notebooks,
          folders,
          files,
          users,
          jobs,
          bigJobs,
          repos,
          scopes,
          keysPerScope,
          grants,
          models,
          versionsPerModel,
          hugeNotebook,
          seed);
    }
  }
}
