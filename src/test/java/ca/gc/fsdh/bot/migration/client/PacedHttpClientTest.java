package ca.gc.fsdh.bot.migration.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacedHttpClientTest {
  private static final String HOST = "http://127.0.0.1:1";
  private final FakeTicker ticker = new FakeTicker();

  /** Answers from a script; records what it was asked. */
  private static final class ScriptedHttp implements HttpClient {
    final Deque<Object> script = new ArrayDeque<>();
    final List<Request> sent = new ArrayList<>();

    ScriptedHttp then(int status, Map<String, List<String>> headers) {
      script.add(new Object[] {status, headers});
      return this;
    }

    ScriptedHttp then(int status) {
      return then(status, Map.of());
    }

    ScriptedHttp thenThrow(IOException e) {
      script.add(e);
      return this;
    }

    @Override
    public Response execute(Request in) throws IOException {
      sent.add(in);
      Object next = script.removeFirst();
      if (next instanceof IOException e) throw e;
      Object[] a = (Object[]) next;
      @SuppressWarnings("unchecked")
      var headers = (Map<String, List<String>>) a[1];
      return new Response(in, (int) a[0], "", headers, "{}");
    }
  }

  private PacedHttpClient client(ScriptedHttp http) {
    return new PacedHttpClient(
        http,
        new EndpointRateLimiter(RateLimits.defaults(), ticker),
        RetryPolicy.defaults(),
        ticker);
  }

  private static Request get(String path) {
    return new Request("GET", HOST + path);
  }

  private static Request post(String path) {
    return new Request("POST", HOST + path, "{}");
  }

  @Test
  void waitsForRetryAfterThenRetriesA429() throws Exception {
    var http = new ScriptedHttp().then(429, Map.of("Retry-After", List.of("3"))).then(200);
    var c = client(http);
    long start = ticker.nanoTime();
    assertThat(c.execute(post("/api/2.2/jobs/create")).getStatusCode()).isEqualTo(200);
    assertThat(http.sent).hasSize(2);
    assertThat(ticker.nanoTime() - start).isGreaterThanOrEqualTo(3_000_000_000L);
    assertThat(c.throttled()).isEqualTo(1);
  }

  @Test
  void retriesReadsOnServerErrors() throws Exception {
    var http = new ScriptedHttp().then(500).then(502).then(503).then(504).then(200);
    assertThat(client(http).execute(get("/api/2.0/workspace/export")).getStatusCode())
        .isEqualTo(200);
    assertThat(http.sent).hasSize(5);
  }

  @Test
  void neverRetriesAWriteAfterAServerError() throws Exception {
    var http = new ScriptedHttp().then(500);
    assertThat(client(http).execute(post("/api/2.2/jobs/create")).getStatusCode()).isEqualTo(500);
    assertThat(http.sent).hasSize(1);
  }

  @Test
  void retriesIdempotentPostsSuchAsSqlStatements() throws Exception {
    var http = new ScriptedHttp().then(503).then(200);
    assertThat(client(http).execute(post("/api/2.0/sql/statements")).getStatusCode())
        .isEqualTo(200);
    assertThat(http.sent).hasSize(2);
  }

  @Test
  void retriesDroppedConnectionsOnReadsOnly() throws Exception {
    var reads = new ScriptedHttp().thenThrow(new SocketException("reset")).then(200);
    assertThat(client(reads).execute(get("/api/2.0/repos")).getStatusCode()).isEqualTo(200);

    var writes = new ScriptedHttp().thenThrow(new SocketException("reset"));
    assertThatThrownBy(() -> client(writes).execute(post("/api/2.0/workspace/import")))
        .isInstanceOf(SocketException.class);
    assertThat(writes.sent).hasSize(1);
  }

  @Test
  void retriesAWriteWhoseConnectionWasRefused() throws Exception {
    var http = new ScriptedHttp().thenThrow(new ConnectException("refused")).then(200);
    assertThat(client(http).execute(post("/api/2.2/jobs/create")).getStatusCode()).isEqualTo(200);
  }

  @Test
  void neverRetriesAStreamingBody() throws Exception {
    var http = new ScriptedHttp().then(429);
    var upload =
        new Request("PUT", HOST + "/api/2.0/fs/files/a", new ByteArrayInputStream(new byte[] {1}));
    assertThat(client(http).execute(upload).getStatusCode()).isEqualTo(429);
    assertThat(http.sent).hasSize(1);
  }

  @Test
  void givesUpAfterMaxAttemptsAndReturnsTheLastAnswer() throws Exception {
    var http = new ScriptedHttp();
    for (int i = 0; i < 10; i++) http.then(503);
    assertThat(client(http).execute(get("/api/2.0/repos")).getStatusCode()).isEqualTo(503);
    assertThat(http.sent).hasSize(10);
  }

  @Test
  void backsOffExponentially() throws Exception {
    var http = new ScriptedHttp().then(500).then(500).then(500).then(200);
    client(http).execute(get("/api/2.0/repos"));
    // 100 + 200 + 400 ms, each with at most 25% jitter
    assertThat(ticker.slept.get()).isBetween(700_000_000L, 875_000_000L + 100_000_000L);
  }
}
