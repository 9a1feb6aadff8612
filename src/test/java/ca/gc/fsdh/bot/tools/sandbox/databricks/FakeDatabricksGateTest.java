package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Token, rate limits, faults: what happens before a route is reached. */
class FakeDatabricksGateTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(FakeDatabricks server, String path, String token)
      throws Exception {
    var b = HttpRequest.newBuilder(URI.create(server.host() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void missingOrWrongTokenIsRefusedWithJsonErrors() throws Exception {
    try (var server = FakeDatabricks.start(FakeDatabricksOptions.defaults())) {
      var none = get(server, "/api/2.0/workspace/list?path=/", null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(none.body()).contains("\"error_code\":\"UNAUTHENTICATED\"");
      assertThat(get(server, "/api/2.0/workspace/list?path=/", "wrong").statusCode())
          .isEqualTo(403);
      var client = new WorkspaceClient(FakeDatabricksConfig.pat(server, "wrong"));
      assertThatThrownBy(() -> client.workspace().getStatus("/"))
          .isInstanceOf(PermissionDenied.class);
    }
  }

  @Test
  void unknownEndpointIsA404WithErrorCode() throws Exception {
    try (var server = FakeDatabricks.start(FakeDatabricksOptions.defaults())) {
      var r = get(server, "/api/2.0/nothing/here", server.token());
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("ENDPOINT_NOT_FOUND");
    }
  }

  @Test
  void burstAboveTheLimitGets429WithRetryAfterAndTheSdkRetriesThrough() throws Exception {
    var options =
        FakeDatabricksOptions.builder().rateLimit(EndpointGroup.WORKSPACE_READ, 5).build();
    try (var server = FakeDatabricks.start(options)) {
      List<Integer> statuses = new ArrayList<>();
      String retryAfter = null;
      for (int i = 0; i < 12; i++) {
        var r = get(server, "/api/2.0/workspace/get-status?path=/Shared", server.token());
        statuses.add(r.statusCode());
        if (r.statusCode() == 429) {
          retryAfter = r.headers().firstValue("Retry-After").orElse(null);
          assertThat(r.body()).contains("REQUEST_LIMIT_EXCEEDED");
        }
      }
      assertThat(statuses).contains(200, 429);
      assertThat(retryAfter).isEqualTo("1");
    }
  }

  @Test
  void theSdkWaitsForRetryAfterAndGetsThrough() throws Exception {
    var options =
        FakeDatabricksOptions.builder().rateLimit(EndpointGroup.WORKSPACE_READ, 5).build();
    try (var server = FakeDatabricks.start(options)) {
      var client = SdkClients.workspace(server);
      try (var pool = Executors.newFixedThreadPool(8)) {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(pool.submit(() -> client.workspace().getStatus("/Shared")));
        }
        for (Future<?> f : calls) {
          f.get();
        }
      }
      assertThat(server.requestLog().throttled(EndpointGroup.WORKSPACE_READ)).isPositive();
      assertThat(server.requestLog().served(EndpointGroup.WORKSPACE_READ)).isEqualTo(8);
    }
  }

  @Test
  void faultsAreDeterministicForASeed() throws Exception {
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      var options =
          FakeDatabricksOptions.builder()
              .noRateLimits()
              .faults(new FaultRates(0.2, 0.2, 0, 7))
              .build();
      try (var server = FakeDatabricks.start(options)) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          statuses.add(
              get(server, "/api/2.0/workspace/get-status?path=/", server.token()).statusCode());
        }
        runs.add(statuses);
        assertThat(statuses).contains(200, 500, 503);
      }
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
  }

  @Test
  void droppedConnectionsAreRetriedByTheSdk() {
    var options =
        FakeDatabricksOptions.builder()
            .noRateLimits()
            .faults(new FaultRates(0, 0, 0.3, 11))
            .build();
    try (var server = FakeDatabricks.start(options)) {
      var client = SdkClients.workspace(server);
      for (int i = 0; i < 10; i++) {
        assertThat(client.workspace().getStatus("/Shared").getPath()).isEqualTo("/Shared");
      }
      assertThat(server.requestLog().faulted(EndpointGroup.WORKSPACE_READ)).isPositive();
    }
  }
}
