package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.service.workspace.ObjectType;
import java.util.List;

/**
 * Direct permissions on home folders, some folders and notebooks, jobs, repos, models and clusters.
 */
final class SamplePermissions {
  private SamplePermissions() {}

  static void seed(
      WorkspaceState state, List<String> users, List<String> folders, List<String> notebooks) {
    PermissionStore p = state.permissions();
    WorkspaceTree tree = state.workspace();
    for (String u : users) {
      tree.get("/Users/" + u)
          .ifPresent(home ->
              p.set(
                  "directories",
                  Long.toString(home.id()),
                  List.of(AclEntry.user(u, "CAN_MANAGE"))));
    }
    for (int i = 0; i < folders.size(); i += 3) {
      tree.get(folders.get(i))
          .ifPresent(dir ->
              p.set(
                  "directories",
                  Long.toString(dir.id()),
                  List.of(AclEntry.group("analystes", "CAN_EDIT"))));
    }
    for (int i = 0; i < notebooks.size(); i += 5) {
      String u = users.get(i % users.size());
      tree.get(notebooks.get(i))
          .filter(o -> o.type() == ObjectType.NOTEBOOK)
          .ifPresent(nb ->
              p.set(
                  "notebooks",
                  Long.toString(nb.id()),
                  List.of(AclEntry.group("lecteurs", "CAN_READ"), AclEntry.user(u, "CAN_RUN"))));
    }
    int i = 0;
    for (Job job : state.jobs().all()) {
      p.set(
          "jobs",
          Long.toString(job.jobId()),
          List.of(
              AclEntry.user(job.creatorUserName(), "IS_OWNER"),
              AclEntry.group(i++ % 2 == 0 ? "operateurs" : "analystes", "CAN_MANAGE_RUN")));
    }
    for (Repo repo : state.repos().all()) {
      String owner = repo.path().split("/")[2];
      p.set(
          "repos",
          Long.toString(repo.id()),
          List.of(AclEntry.user(owner, "CAN_MANAGE"), AclEntry.group("analystes", "CAN_EDIT")));
    }
    for (RegisteredModel m : state.models().models()) {
      p.set(
          "registered-models",
          m.id(),
          List.of(
              AclEntry.user(m.userId(), "CAN_MANAGE"),
              AclEntry.group("lecteurs", "CAN_READ"),
              AclEntry.group("scientifiques", "CAN_MANAGE_STAGING_VERSIONS")));
    }
    state
        .compute()
        .clusters()
        .forEach(c ->
            p.set(
                "clusters",
                c.path("cluster_id").asText(),
                List.of(AclEntry.group("users", "CAN_ATTACH_TO"))));
  }
}
