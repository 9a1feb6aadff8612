package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.http.BotMetrics;
import ca.gc.fsdh.bot.platform.http.HttpExchanges;
import com.slack.api.app_backend.SlackSignature;
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
 * {@code POST /slack/events}: checks the signature over the raw body, then parses it and hands it
 * to the Bolt {@link App}, which routes it (slash commands, interactivity and events on one URL).
 *
 * <p>The order matters: nothing reads, parses or logs a body before its signature is checked, so an
 * unsigned request costs one HMAC and gets a 401 whatever it holds. A signed body that Bolt cannot
 * parse (not JSON, a JSON array, a payload without its {@code user}, {@code view} or {@code event},
 * a broken percent escape) gets a 400 with a short body, never a dropped connection, and one short
 * log line. Deep nesting is one of these: Gson's reader (the version pinned in pom.xml) stops at
 * 255 levels with a parse error ("Nesting limit 255 reached"), long before a stack could overflow.
 *
 * <p>A handler that throws never becomes a 500: the person gets a short bilingual apology with a
 * reference that is also in the log.
 */
public final class SlackEndpoint implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

  /** Slack's payloads are a few kilobytes; a view submission stays well under this. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** Longest piece of a parse error's message that goes into the log. */
  static final int LOGGED_ERROR_CHARS = 160;

  private final App app;
  private final SlackSignatureCheck signature;
  private final SlackRequestParser parser;
  private final FailureReply failureReply;
  private final BotMetrics metrics;

  public SlackEndpoint(App app, FailureReply failureReply, BotMetrics metrics, Clock clock) {
    this.app = app;
    this.signature = new SlackSignatureCheck(app.config().getSigningSecret(), clock);
    this.parser = new SlackRequestParser(app.config());
    this.failureReply = failureReply;
    this.metrics = metrics;
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
      String text = new String(body, StandardCharsets.UTF_8);
      if (!signature.verifies(
          headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
          headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE),
          text)) {
        HttpExchanges.send(
            exchange, status = 401, "application/json", "{\"error\":\"invalid request\"}");
        return;
      }
      Request<?> request;
      try {
        request =
            parser.parse(
                SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(Map.of())
                    .headers(headers)
                    .requestBody(text)
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
      } catch (RuntimeException e) {
        log.warn("signed Slack request refused (400): payload cannot be parsed: {}", shortly(e));
        HttpExchanges.send(exchange, status = 400, "text/plain", "Malformed Slack payload");
        return;
      }
      if (request == null) {
        log.warn(
            "signed Slack request refused (400): not a payload type the bot knows ({} bytes)",
            body.length);
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

  /** What went wrong, on one short line: a parse error's message may quote the payload. */
  private static String shortly(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
    String line = e.getClass().getSimpleName() + message;
    return line.length() <= LOGGED_ERROR_CHARS ? line : line.substring(0, LOGGED_ERROR_CHARS) + "…";
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
