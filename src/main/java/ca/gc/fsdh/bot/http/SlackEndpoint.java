package ca.gc.fsdh.bot.http;

import ca.gc.fsdh.bot.slack.FailureReply;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: hands the raw request to the Bolt {@link App}, which verifies its
 * signature and routes it (slash commands, interactivity and events on one URL).
 *
 * <p>Two checks Bolt does not make happen here: a timestamp more than five minutes in the future is
 * refused like a stale one, and a handler that throws never becomes a 500: the person gets a short
 * bilingual apology with a reference that is also in the log.
 */
public final class SlackEndpoint implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);
  /** Slack's payloads are a few kilobytes; a view submission stays well under this. */
  static final int MAX_BODY_BYTES = 1 << 20;
  static final long MAX_CLOCK_SKEW_SECONDS = 5 * 60;

  private final App app;
  private final SlackRequestParser parser;
  private final FailureReply failureReply;
  private final BotMetrics metrics;
  private final Clock clock;

  public SlackEndpoint(App app, FailureReply failureReply, BotMetrics metrics, Clock clock) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.failureReply = failureReply;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String kind = "invalid";
    int status = 500;
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        HttpExchanges.send(exchange, status = 405, "text/plain", "POST only");
        return;
      }
      byte[] body = HttpExchanges.readBody(exchange, MAX_BODY_BYTES);
      if (body == null) {
        HttpExchanges.send(exchange, status = 413, "text/plain", "Request too large");
        return;
      }
      RequestHeaders headers = new RequestHeaders(exchange.getRequestHeaders());
      if (fromTheFuture(headers.getFirstValue("X-Slack-Request-Timestamp"))) {
        HttpExchanges.send(exchange, status = 401, "application/json", "{\"error\":\"invalid request\"}");
        return;
      }
      Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
          .requestUri(exchange.getRequestURI().getPath())
          .queryString(Map.of())
          .headers(headers)
          .requestBody(new String(body, StandardCharsets.UTF_8))
          .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
          .build());
      if (request == null) {
        HttpExchanges.send(exchange, status = 400, "text/plain", "Not a Slack request");
        return;
      }
      kind = request.getRequestType().name();
      Response response = run(request);
      status = response.getStatusCode();
      write(exchange, response);
    } finally {
      metrics.slackRequest(kind, status, System.nanoTime() - started);
    }
  }

  private Response run(Request<?> request) {
    try {
      return app.run(request);
    } catch (Exception e) {
      String reference = FailureReply.newReference();
      log.error("Slack {} failed (reference {})", request.getRequestType(), reference, e);
      metrics.error("slack_handler");
      return request.getRequestType() == RequestType.Command
          ? Response.json(200, failureReply.slashCommandReply(reference))
          : Response.ok();
    }
  }

  private boolean fromTheFuture(String timestamp) {
    if (timestamp == null) {
      return false; // Bolt refuses a missing timestamp itself
    }
    try {
      return Long.parseLong(timestamp.trim()) > clock.instant().getEpochSecond() + MAX_CLOCK_SKEW_SECONDS;
    } catch (NumberFormatException e) {
      return false; // and a malformed one
    }
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    if (response.getHeaders() != null) {
      for (Map.Entry<String, List<String>> h : response.getHeaders().entrySet()) {
        exchange.getResponseHeaders().put(h.getKey(), h.getValue());
      }
    }
    String body = response.getBody() == null ? "" : response.getBody();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (response.getContentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.getContentType());
    }
    exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
