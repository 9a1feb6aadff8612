package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table ACLs read with SHOW GRANTS and replayed with GRANT / DENY / ALTER OWNER, through a
 * warehouse.
 */
class FakeDatabricksSqlTest extends SmallSampleTest {
  private static StatementResponse sql(String statement) {
    return client
        .statementExecution()
        .executeStatement(
            new ExecuteStatementRequest()
                .setWarehouseId(SampleWorkspace.WAREHOUSE_ID)
                .setStatement(statement));
  }

  private static Collection<Collection<String>> rows(String statement) {
    StatementResponse r = sql(statement);
    assertThat(r.getStatus().getState()).as(statement).isEqualTo(StatementState.SUCCEEDED);
    return r.getResult().getDataArray() == null ? List.of() : r.getResult().getDataArray();
  }

  @Test
  void showDatabasesTablesAndGrantsOnEverySecurableKind() {
    assertThat(rows("SHOW DATABASES"))
        .extracting(row -> row.iterator().next())
        .contains("hydrometrie", "climat");
    assertThat(rows("SHOW TABLES IN hydrometrie")).isNotEmpty();
    assertThat(rows("SHOW GRANTS ON CATALOG")).contains(List.of("users", "USAGE", "CATALOG$", ""));
    assertThat(rows("SHOW GRANTS ON ANY FILE"))
        .contains(List.of("stagiaires", "DENIED_SELECT", "ANY_FILE", ""));
    assertThat(rows("SHOW GRANTS ON ANONYMOUS FUNCTION")).isNotEmpty();
    assertThat(rows("SHOW GRANTS ON DATABASE hydrometrie")).isNotEmpty();
    assertThat(server.state().tables().all())
        .hasSizeGreaterThanOrEqualTo(40)
        .anyMatch(g -> g.actionType().equals("OWN"))
        .anyMatch(g -> g.actionType().startsWith("DENIED_"));
  }

  @Test
  void grantDenyOwnerAndRevokeRoundTrip() {
    rows("CREATE DATABASE IF NOT EXISTS copie");
    rows("CREATE TABLE copie.mesures (id INT)");
    rows("CREATE VIEW copie.resume AS SELECT 1");
    rows("GRANT SELECT, READ_METADATA ON TABLE `copie`.`mesures` TO `analystes`");
    rows("DENY MODIFY ON TABLE copie.mesures TO `stagiaires`");
    rows("ALTER TABLE copie.mesures OWNER TO `élodie.tremblay@nrc-cnrc.gc.ca`");
    rows("GRANT SELECT ON VIEW copie.resume TO analystes");
    assertThat(rows("SHOW GRANTS ON TABLE copie.mesures"))
        .containsExactlyInAnyOrder(
            List.of("élodie.tremblay@nrc-cnrc.gc.ca", "OWN", "TABLE", "`copie`.`mesures`"),
            List.of("analystes", "SELECT", "TABLE", "`copie`.`mesures`"),
            List.of("analystes", "READ_METADATA", "TABLE", "`copie`.`mesures`"),
            List.of("stagiaires", "DENIED_MODIFY", "TABLE", "`copie`.`mesures`"));
    assertThat(rows("SHOW GRANTS `analystes` ON VIEW copie.resume")).hasSize(1);
    rows("REVOKE SELECT ON TABLE copie.mesures FROM `analystes`");
    assertThat(rows("SHOW GRANTS ON TABLE copie.mesures")).hasSize(3);
  }

  @Test
  void showGrantsPrintsKeysBackQuotedOrPlainAsTheRuntimeDoes() {
    var store = new TableAclStore();
    store.createTable("hydro", "debits", false);
    store.grant("analystes", "SELECT", "TABLE", "hydro.debits", false);
    store.grant("analystes", "USAGE", "DATABASE", "hydro", false);
    var sql = new SqlInterpreter(store);
    assertThat(sql.run("SHOW GRANTS ON TABLE hydro.debits").rows())
        .containsExactly(List.of("analystes", "SELECT", "TABLE", "`hydro`.`debits`"));
    assertThat(sql.run("SHOW GRANTS ON DATABASE `hydro`").rows())
        .containsExactly(List.of("analystes", "USAGE", "DATABASE", "`hydro`"));
    store.printKeys(TableAclStore.KeyForm.PLAIN);
    assertThat(sql.run("SHOW GRANTS ON TABLE `hydro`.`debits`").rows())
        .containsExactly(List.of("analystes", "SELECT", "TABLE", "hydro.debits"));
    assertThat(sql.run("SHOW GRANTS ON DATABASE hydro").rows())
        .containsExactly(List.of("analystes", "USAGE", "DATABASE", "hydro"));
  }

  @Test
  void aNameQuotedTwiceIsAnotherNameThatDoesNotExist() {
    rows("CREATE DATABASE IF NOT EXISTS quotes");
    rows("CREATE TABLE quotes.t (id INT)");
    assertThat(error("SHOW GRANTS ON DATABASE ```quotes```"))
        .startsWith("[SCHEMA_NOT_FOUND]")
        .contains("```quotes```");
    assertThat(error("SHOW GRANTS ON TABLE ```quotes`.`t```"))
        .startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
    assertThat(error("GRANT SELECT ON TABLE `quotes.t` TO x"))
        .startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
    assertThat(error("SHOW GRANTS ON TABLE `quotes`.`t")).startsWith("[PARSE_SYNTAX_ERROR]");
    assertThat(rows("SHOW GRANTS ON TABLE `quotes`.t")).isEmpty();
  }

  @Test
  void aViewIsNotATableNorATableAView() {
    rows("CREATE DATABASE IF NOT EXISTS genres");
    rows("CREATE TABLE genres.mesures (id INT)");
    rows("CREATE VIEW genres.resume AS SELECT 1");
    assertThat(error("GRANT SELECT ON TABLE genres.resume TO analystes"))
        .startsWith("[EXPECT_TABLE_NOT_VIEW");
    assertThat(error("DENY SELECT ON TABLE `genres`.`resume` TO analystes"))
        .startsWith("[EXPECT_TABLE_NOT_VIEW");
    assertThat(error("ALTER TABLE genres.resume OWNER TO `a@b.c`"))
        .startsWith("[EXPECT_TABLE_NOT_VIEW")
        .contains("`genres`.`resume`");
    assertThat(error("GRANT SELECT ON VIEW genres.mesures TO analystes"))
        .startsWith("[EXPECT_VIEW_NOT_TABLE");
    assertThat(error("ALTER VIEW genres.mesures OWNER TO `a@b.c`"))
        .startsWith("[EXPECT_VIEW_NOT_TABLE");
    rows("GRANT SELECT ON VIEW genres.resume TO analystes");
    rows("GRANT SELECT ON genres.resume TO lecteurs"); // a bare name is either
    rows("ALTER VIEW genres.resume OWNER TO `a@b.c`");
    assertThat(server.state().tables().all())
        .contains(
            new TableGrant("analystes", "SELECT", "TABLE", "genres.resume"),
            new TableGrant("lecteurs", "SELECT", "TABLE", "genres.resume"),
            new TableGrant("a@b.c", "OWN", "TABLE", "genres.resume"));
  }

  @Test
  void hiveMetastoreNamesAreWordsOnly() {
    assertThat(error("CREATE TABLE `relevés 2024` (id INT)"))
        .startsWith("[INVALID_SCHEMA_OR_RELATION_NAME]");
    assertThat(error("CREATE DATABASE `a-b`")).startsWith("[INVALID_SCHEMA_OR_RELATION_NAME]");
  }

  private static String error(String statement) {
    StatementResponse r = sql(statement);
    assertThat(r.getStatus().getState()).as(statement).isEqualTo(StatementState.FAILED);
    return r.getStatus().getError().getMessage();
  }

  @Test
  void statementsOnMissingObjectsFail() {
    StatementResponse r = sql("SHOW GRANTS ON TABLE nulle.part");
    assertThat(r.getStatus().getState()).isEqualTo(StatementState.FAILED);
    assertThat(r.getStatus().getError().getMessage()).contains("TABLE_OR_VIEW_NOT_FOUND");
    assertThat(client.statementExecution().getStatement(r.getStatementId()).getStatus().getState())
        .isEqualTo(StatementState.FAILED);
  }
}
