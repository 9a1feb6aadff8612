package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.catalog.EffectivePrivilege;
import com.databricks.sdk.service.catalog.EffectivePrivilegeAssignment;
import com.databricks.sdk.service.catalog.GetGrantRequest;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.PrivilegeAssignment;
import com.databricks.sdk.service.catalog.SecurableType;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unity Catalog grants through the SDK's grants API: direct, effective, updates and every refusal.
 */
class FakeDatabricksUcGrantsTest {
  private static final String TABLE = "fsdh_prod.hydro.debits";
  private FakeDatabricks server;
  private WorkspaceClient client;

  @BeforeEach
  void start() {
    server = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    var state = server.state();
    state.tables().createTable("hydro", "debits", false);
    state
        .unityCatalog()
        .enable(UnityCatalog.Mode.WITH_HIVE_METASTORE, "fsdh_prod")
        .addUser("marie@example.gc.ca")
        .addGroup("analystes")
        .addServicePrincipal("6f1c2b8e-0d5a-4e3b-9a57-1c2d3e4f5a6b")
        .addWorkspaceGroup("stagiaires");
    state.unityCatalog().createSchema("fsdh_prod", "hydro", "marie@example.gc.ca");
    state.unityCatalog().createTable("fsdh_prod", "hydro", "debits", false, "marie@example.gc.ca");
    state.unityCatalog().createTable("fsdh_prod", "hydro", "resume", true, "marie@example.gc.ca");
    client = SdkClients.workspace(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private UpdatePermissions change(String type, String name, String principal, Privilege... add) {
    return new UpdatePermissions()
        .setSecurableType(type)
        .setFullName(name)
        .setChanges(List.of(new PermissionsChange().setPrincipal(principal).setAdd(List.of(add))));
  }

  private static DatabricksError error(Throwable t) {
    return (DatabricksError) t;
  }

  @Test
  void grantsAreDirectOnGetAndInheritedOnGetEffective() {
    client.grants().update(change("catalog", "fsdh_prod", "analystes", Privilege.USE_CATALOG));
    client
        .grants()
        .update(
            change(
                "SCHEMA", "fsdh_prod.hydro", "analystes", Privilege.USE_SCHEMA, Privilege.SELECT));
    var answer =
        client
            .grants()
            .update(
                change("table", TABLE, "marie@example.gc.ca", Privilege.SELECT, Privilege.MODIFY));
    assertThat(answer.getPrivilegeAssignments())
        .extracting(PrivilegeAssignment::getPrincipal)
        .containsExactly("marie@example.gc.ca");

    var direct = client.grants().get("table", TABLE).getPrivilegeAssignments();
    assertThat(direct).hasSize(1);
    assertThat(direct.iterator().next().getPrivileges())
        .containsExactlyInAnyOrder(Privilege.SELECT, Privilege.MODIFY);

    var effective = client.grants().getEffective("table", TABLE).getPrivilegeAssignments();
    EffectivePrivilegeAssignment analystes =
        effective.stream()
            .filter(a -> a.getPrincipal().equals("analystes"))
            .findFirst()
            .orElseThrow();
    assertThat(analystes.getPrivileges())
        .extracting(
            EffectivePrivilege::getPrivilege,
            EffectivePrivilege::getInheritedFromType,
            EffectivePrivilege::getInheritedFromName)
        .containsExactlyInAnyOrder(
            Tuple.tuple(Privilege.SELECT, SecurableType.SCHEMA, "fsdh_prod.hydro"),
            Tuple.tuple(Privilege.USE_SCHEMA, SecurableType.SCHEMA, "fsdh_prod.hydro"),
            Tuple.tuple(Privilege.USE_CATALOG, SecurableType.CATALOG, "fsdh_prod"));
    EffectivePrivilegeAssignment marie =
        effective.stream()
            .filter(a -> a.getPrincipal().equals("marie@example.gc.ca"))
            .findFirst()
            .orElseThrow();
    assertThat(marie.getPrivileges())
        .allSatisfy(p -> assertThat(p.getInheritedFromName()).isNull());
  }

  @Test
  void grantingTwiceChangesNothingAndRemoveTakesAway() {
    client.grants().update(change("table", TABLE, "analystes", Privilege.SELECT));
    client.grants().update(change("table", TABLE, "ANALYSTES", Privilege.SELECT));
    assertThat(server.state().unityCatalog().grantsOn("table", TABLE))
        .containsExactly(Map.entry("analystes", List.of("SELECT")));
    client
        .grants()
        .update(
            new UpdatePermissions()
                .setSecurableType("table")
                .setFullName(TABLE)
                .setChanges(
                    List.of(
                        new PermissionsChange()
                            .setPrincipal("analystes")
                            .setRemove(List.of(Privilege.SELECT)))));
    assertThat(client.grants().get("table", TABLE).getPrivilegeAssignments()).isNullOrEmpty();
  }

  @Test
  void unknownPrincipalsWorkspaceLocalGroupsIncludedAreRefused() {
    assertThatThrownBy(
            () -> client.grants().update(change("table", TABLE, "stagiaires", Privilege.SELECT)))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("Could not find principal with name stagiaires")
        .satisfies(e -> assertThat(error(e).getErrorCode()).isEqualTo("PRINCIPAL_DOES_NOT_EXIST"));
    assertThatThrownBy(() ->
            client
                .grants()
                .update(change("table", TABLE, "personne@example.gc.ca", Privilege.SELECT)))
        .isInstanceOf(NotFound.class);
    client
        .grants()
        .update(change("table", TABLE, "6f1c2b8e-0d5a-4e3b-9a57-1c2d3e4f5a6b", Privilege.SELECT));
    client
        .grants()
        .update(change("catalog", "fsdh_prod", UnityCatalog.ACCOUNT_USERS, Privilege.USE_CATALOG));
  }

  @Test
  void privilegesThatDoNotApplyOrAreLegacyAreRefused() {
    assertThatThrownBy(
            () -> client.grants().update(change("table", TABLE, "analystes", Privilege.USE_SCHEMA)))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("USE SCHEMA is not applicable");
    assertThatThrownBy(() ->
            client
                .grants()
                .update(change("schema", "fsdh_prod.hydro", "analystes", Privilege.USAGE)))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("legacy");
    assertThatThrownBy(() ->
            client.grants().update(change("table", TABLE, "analystes", Privilege.READ_METADATA)))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("BROWSE");
    assertThatThrownBy(() ->
            client
                .grants()
                .update(change("table", "fsdh_prod.hydro.resume", "analystes", Privilege.MODIFY)))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("view");
    assertThatThrownBy(() ->
            client
                .grants()
                .update(change("catalog", "fsdh_prod", "analystes", Privilege.CREATE_CATALOG)))
        .isInstanceOf(InvalidParameterValue.class);
    client
        .grants()
        .update(change("table", TABLE, "analystes", Privilege.BROWSE, Privilege.ALL_PRIVILEGES));
  }

  @Test
  void aRefusedChangeLeavesTheOthersUnapplied() {
    var both =
        new UpdatePermissions()
            .setSecurableType("table")
            .setFullName(TABLE)
            .setChanges(
                List.of(
                    new PermissionsChange()
                        .setPrincipal("analystes")
                        .setAdd(List.of(Privilege.SELECT)),
                    new PermissionsChange()
                        .setPrincipal("stagiaires")
                        .setAdd(List.of(Privilege.SELECT))));
    assertThatThrownBy(() -> client.grants().update(both)).isInstanceOf(NotFound.class);
    assertThat(server.state().unityCatalog().grantsOn("table", TABLE)).isEmpty();
  }

  @Test
  void missingSecurablesHiveMetastoreAndUnknownTypesAreRefused() {
    assertThatThrownBy(() ->
            client
                .grants()
                .update(change("table", "fsdh_prod.hydro.nulle", "analystes", Privilege.SELECT)))
        .isInstanceOf(NotFound.class)
        .satisfies(e -> assertThat(error(e).getErrorCode()).isEqualTo("TABLE_DOES_NOT_EXIST"));
    assertThatThrownBy(() -> client.grants().get("catalog", "nulle"))
        .isInstanceOf(NotFound.class)
        .satisfies(e -> assertThat(error(e).getErrorCode()).isEqualTo("CATALOG_DOES_NOT_EXIST"));
    assertThatThrownBy(() -> client.grants().get("table", "hydro.debits"))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> client.grants().get("view", "fsdh_prod.hydro.resume"))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() ->
            client
                .grants()
                .update(
                    change("table", "hive_metastore.hydro.debits", "analystes", Privilege.SELECT)))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("SQL");
  }

  @Test
  void paginatedGetsMayStartEmptyAndListFollowsTokens() {
    var uc = server.state().unityCatalog().maxPageSize(1);
    uc.grant("table", TABLE, "analystes", "SELECT");
    uc.grant("table", TABLE, "marie@example.gc.ca", "select", "modify");
    var first =
        client
            .grants()
            .get(
                new GetGrantRequest()
                    .setSecurableType("table")
                    .setFullName(TABLE)
                    .setMaxResults(0L));
    assertThat(first.getPrivilegeAssignments()).isEmpty();
    var second =
        client
            .grants()
            .get(
                new GetGrantRequest()
                    .setSecurableType("table")
                    .setFullName(TABLE)
                    .setMaxResults(0L)
                    .setPageToken(first.getNextPageToken()));
    assertThat(second.getPrivilegeAssignments())
        .extracting(PrivilegeAssignment::getPrincipal)
        .containsExactly("analystes");
    assertThat(second.getNextPageToken()).isNotEmpty();
    List<PrivilegeAssignment> all =
        StreamSupport.stream(client.grants().list("table", TABLE).spliterator(), false).toList();
    assertThat(all)
        .extracting(PrivilegeAssignment::getPrincipal)
        .containsExactly("analystes", "marie@example.gc.ca");
    assertThat(
            StreamSupport.stream(client.grants().listEffective("table", TABLE).spliterator(), false)
                .toList())
        .hasSize(2);
  }
}
