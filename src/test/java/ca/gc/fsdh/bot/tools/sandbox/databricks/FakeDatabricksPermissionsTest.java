package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.iam.AccessControlRequest;
import com.databricks.sdk.service.iam.AccessControlResponse;
import com.databricks.sdk.service.iam.GetPermissionRequest;
import com.databricks.sdk.service.iam.Permission;
import com.databricks.sdk.service.iam.PermissionLevel;
import com.databricks.sdk.service.iam.SetObjectPermissions;
import com.databricks.sdk.service.iam.UpdateObjectPermissions;
import com.databricks.sdk.service.jobs.CreateJob;
import com.databricks.sdk.service.jobs.JobAccessControlRequest;
import com.databricks.sdk.service.jobs.JobPermissionLevel;
import com.databricks.sdk.service.workspace.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Object permissions with inherited entries, for every object kind a migration moves. */
class FakeDatabricksPermissionsTest extends SmallSampleTest {
  private static List<AccessControlResponse> acl(String type, String id) {
    return List.copyOf(
        client
            .permissions()
            .get(new GetPermissionRequest().setRequestObjectType(type).setRequestObjectId(id))
            .getAccessControlList());
  }

  @Test
  void notebookPermissionsIncludeThoseInheritedFromTheHomeFolder() {
    String path =
        server
            .state()
            .workspace()
            .all()
            .filter(o -> o.path().startsWith("/Users/élodie") && o.type() == ObjectType.NOTEBOOK)
            .findFirst()
            .orElseThrow()
            .path();
    long id = client.workspace().getStatus(path).getObjectId();
    List<AccessControlResponse> acl = acl("notebooks", Long.toString(id));
    AccessControlResponse owner =
        acl.stream()
            .filter(a -> "élodie.tremblay@nrc-cnrc.gc.ca".equals(a.getUserName()))
            .findFirst()
            .orElseThrow();
    Permission inherited =
        owner.getAllPermissions().stream()
            .filter(Permission::getInherited)
            .findFirst()
            .orElseThrow();
    assertThat(inherited.getPermissionLevel()).isEqualTo(PermissionLevel.CAN_MANAGE);
    assertThat(inherited.getInheritedFromObject())
        .singleElement()
        .asString()
        .startsWith("/directories/");
    assertThat(acl).anyMatch(a -> "admins".equals(a.getGroupName()));
  }

  @Test
  void putReplacesAndPatchAddsDirectEntriesOnRepos() {
    long repo = server.state().repos().all().get(0).id();
    client
        .permissions()
        .set(
            new SetObjectPermissions()
                .setRequestObjectType("repos")
                .setRequestObjectId(Long.toString(repo))
                .setAccessControlList(
                    List.of(
                        new AccessControlRequest()
                            .setGroupName("equipe-a")
                            .setPermissionLevel(PermissionLevel.CAN_READ))));
    client
        .permissions()
        .update(
            new UpdateObjectPermissions()
                .setRequestObjectType("repos")
                .setRequestObjectId(Long.toString(repo))
                .setAccessControlList(
                    List.of(
                        new AccessControlRequest()
                            .setUserName("x@y.ca")
                            .setPermissionLevel(PermissionLevel.CAN_EDIT))));
    assertThat(server.state().permissions().direct("repos", Long.toString(repo)))
        .containsExactly(
            AclEntry.group("equipe-a", "CAN_READ"), AclEntry.user("x@y.ca", "CAN_EDIT"));
  }

  @Test
  void jobsAndModelsHaveOwnersAndRefuseInvalidLevels() {
    long jobId =
        client
            .jobs()
            .create(
                new CreateJob()
                    .setName("avec acl")
                    .setAccessControlList(
                        List.of(
                            new JobAccessControlRequest()
                                .setGroupName("ops")
                                .setPermissionLevel(JobPermissionLevel.CAN_MANAGE_RUN))))
            .getJobId();
    assertThat(acl("jobs", Long.toString(jobId)))
        .anyMatch(a ->
            a.getAllPermissions().stream()
                .anyMatch(p -> p.getPermissionLevel() == PermissionLevel.IS_OWNER));
    String modelId = server.state().models().models().get(0).id();
    assertThat(acl("registered-models", modelId))
        .anyMatch(a -> "lecteurs".equals(a.getGroupName()));
    assertThatThrownBy(() ->
            client
                .permissions()
                .set(
                    new SetObjectPermissions()
                        .setRequestObjectType("jobs")
                        .setRequestObjectId(Long.toString(jobId))
                        .setAccessControlList(
                            List.of(
                                new AccessControlRequest()
                                    .setGroupName("g")
                                    .setPermissionLevel(PermissionLevel.CAN_READ)))))
        .isInstanceOfSatisfying(
            DatabricksError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_PARAMETER_VALUE"));
    assertThatThrownBy(() -> acl("notebooks", "1")).isInstanceOf(ResourceDoesNotExist.class);
  }
}
