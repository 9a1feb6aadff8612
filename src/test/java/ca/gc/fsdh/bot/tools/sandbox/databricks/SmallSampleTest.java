package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.WorkspaceClient;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up the stand-in's own tests share: one stand-in per test class, seeded with the small
 * sample workspace, and the real SDK client on it. Test classes run one after another (no parallel
 * execution is configured), so the static fields belong to one class at a time.
 */
abstract class SmallSampleTest {
  static FakeDatabricks server;
  static WorkspaceClient client;

  @BeforeAll
  static void startSmallSample() {
    server = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    SampleWorkspace.seed(server.state(), SampleSpec.small());
    client = SdkClients.workspace(server);
  }

  @AfterAll
  static void stopSmallSample() {
    server.close();
  }

  /** Every element of a (paged) SDK listing. */
  static <T> List<T> all(Iterable<T> it) {
    return StreamSupport.stream(it.spliterator(), false).toList();
  }
}
