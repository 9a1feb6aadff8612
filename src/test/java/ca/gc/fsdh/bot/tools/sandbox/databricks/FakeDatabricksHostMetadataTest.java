package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.testing.LogCapture;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import org.junit.jupiter.api.Test;

/**
 * The SDK resolves a workspace host's discovery document ({@code /.well-known/databricks-config})
 * while it builds its configuration; the stand-in answers it as a real host does, so the SDK
 * neither warns nor falls back (the demo printed "Failed to resolve host metadata" before).
 */
class FakeDatabricksHostMetadataTest {
  @Test
  void theSdkResolvesTheStandInsHostMetadataWithoutAWarning() throws Exception {
    try (var server = FakeDatabricks.start(FakeDatabricksOptions.defaults());
        var log = new LogCapture()) {
      var config =
          new DatabricksConfig()
              .setHost(server.host())
              .setToken(server.token())
              .setAuthType("pat")
              .setCredentialsProvider(new PatCredentialsProvider());
      var client = new WorkspaceClient(config);
      assertThat(client.workspace().getStatus("/").getPath()).isEqualTo("/");
      assertThat(log.lines())
          .filteredOn(l -> l.startsWith("WARN") || l.startsWith("ERROR"))
          .isEmpty();
      assertThat(config.getWorkspaceId()).isEqualTo(server.host().replaceAll(".*:", ""));
    }
  }
}
