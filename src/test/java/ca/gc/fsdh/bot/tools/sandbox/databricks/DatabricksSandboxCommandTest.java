package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code sandbox databricks} serves, by its options. */
class DatabricksSandboxCommandTest {
  private static WorkspaceState served(String... args) {
    var command = new DatabricksSandboxCommand();
    new CommandLine(command).parseArgs(args);
    return command.seededState();
  }

  @Test
  void byDefaultTheSamplePocWithoutMetastore() {
    WorkspaceState state = served();
    assertThat(state.unityCatalog().enabled()).isFalse();
    assertThat(state.tables().databases()).isNotEmpty();
  }

  @Test
  void unityCatalogServesAProdPreparedForTheSample() {
    WorkspaceState state = served("--unity-catalog", "WITHOUT_HIVE_METASTORE");
    assertThat(state.unityCatalog().mode()).isEqualTo(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    assertThat(state.unityCatalog().schemaNames(SampleProd.PROD_CATALOG))
        .contains("hydrometrie", SampleProd.PROD_MODEL_SCHEMA);
    assertThat(state.tables().databases()).isEmpty();
    assertThat(
            served("--unity-catalog", "WITH_HIVE_METASTORE", "--sample", "empty")
                .unityCatalog()
                .catalogNames())
        .containsExactly(SampleProd.PROD_CATALOG, UnityCatalog.HIVE_METASTORE);
  }
}
