package ca.gc.fsdh.bot.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.ImportResult;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.migration.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request's report never calls a verification that compared nothing, or only part, verified.
 */
class CoreReportsTest {
  @TempDir Path bundle;

  static MigrationRequest request() {
    var ask =
        new MigrationRequest.Ask(
            RequestKind.MIGRATE,
            "OCEAN",
            "U0ADALOVE",
            Set.of(ResourceType.NOTEBOOKS),
            RequestOptions.DEFAULT,
            Optional.empty());
    return new MigrationRequest(
        7,
        ask,
        RequestState.RUNNING,
        Instant.EPOCH,
        Instant.EPOCH,
        Optional.empty(),
        Optional.empty(),
        new MigrationRequest.Run(1, Optional.empty()));
  }

  RunReport report(List<ItemCheck> checks) throws Exception {
    var verification =
        VerifyReport.of(
            "https://poc",
            "https://prod",
            checks,
            "the bundle holds no item of the types verified");
    var imported =
        new ImportResult("https://prod", false, Map.of(), List.of(), List.of(), 0, 0, null, null);
    var result =
        new CoreMigration.Result(
            new CoreMigration.BundleInfo(bundle, Map.of(), List.of()),
            imported,
            verification,
            null);
    return CoreReports.of(request(), result);
  }

  @Test
  void aVerificationThatComparedNothingIsNotVerifiedAndSaysWhy() throws Exception {
    var r = report(List.of());
    assertThat(r.verified()).isFalse();
    assertThat(r.mismatches())
        .containsExactly(
            "nothing could be compared: the bundle holds no item of the types verified");
    assertThat(r.outcome()).isEqualTo(RequestState.PARTLY_SUCCEEDED);
  }

  @Test
  void itemsThatCouldNotBeComparedAreListed() throws Exception {
    var r =
        report(
            List.of(
                ItemCheck.of("notebooks", "/a", "/a", List.of()),
                ItemCheck.unread(
                    "notebooks", "/b", "/b", "the target could not be read (Read timed out)")));
    assertThat(r.verified()).isFalse();
    assertThat(r.mismatches())
        .containsExactly(
            "notebooks /b: could not be compared: the target could not be read (Read timed out)");
  }
}
