package ca.gc.fsdh.bot.slackkit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.requests.slack.SlackIds;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.LogCapture;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackPayloads;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender.Signing;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge of {@code POST /slack/events} over real HTTP: the signature is checked before the body
 * is read as anything, a signed body Bolt cannot parse gets a 400 (never a dropped connection), and
 * nothing a sender controls reaches the log beyond one short line. On H2 and on PostgreSQL.
 */
class SlackEndpointOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SlackPayloads PAYLOADS = new SlackPayloads(Clock.systemUTC());

  /** Longest log line a malformed or unsigned request may cause. */
  private static final int SHORT_LINE = 300;

  private static final Map<TestDatabases.Kind, BotHarness> BOTS =
      new EnumMap<>(TestDatabases.Kind.class);

  private static synchronized BotHarness bot(TestDatabases.Kind kind) throws Exception {
    BotHarness h = BOTS.get(kind);
    if (h == null) {
      h = BotHarness.start(kind);
      BOTS.put(kind, h);
    }
    return h;
  }

  @AfterAll
  static void stop() throws Exception {
    for (BotHarness h : BOTS.values()) {
      h.close();
    }
  }

  private static String form(String payload) {
    return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
  }

  private static String deep(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static ObjectNode without(ObjectNode payload, String field) {
    payload.remove(field);
    return payload;
  }

  /** Signed bodies that Bolt's parser cannot turn into a request, on each database. */
  static Stream<Arguments> malformed() {
    String form = "application/x-www-form-urlencoded";
    String json = "application/json";
    var cases =
        List.of(
            Arguments.of("payload that is not JSON", form("{not json"), form),
            Arguments.of("payload that is a JSON array", form("[1,2,3]"), form),
            Arguments.of(
                "block_actions without user",
                form(
                    without(
                            PAYLOADS.blockAction(
                                "U0SUPPORT1",
                                SlackIds.APPROVE,
                                "1",
                                SandboxConfig.SUPPORT_CHANNEL,
                                "1.000001",
                                "http://127.0.0.1:9/r"),
                            "user")
                        .toString()),
                form),
            Arguments.of(
                "view_submission without view",
                form(
                    without(
                            PAYLOADS.viewSubmission(
                                "U0SUPPORT1", SlackIds.REJECT_MODAL, "1", Map.of()),
                            "view")
                        .toString()),
                form),
            Arguments.of(
                "event_callback without event",
                without(
                        PAYLOADS.eventCallback(
                            JSON.createObjectNode()
                                .put("type", "app_home_opened")
                                .put("user", "U0ADALOVE"),
                            "Ev1"),
                        "event")
                    .toString(),
                json),
            Arguments.of("a JSON array as the body", "[" + "1,".repeat(1000) + "1]", json),
            Arguments.of(
                "payload nested 20,000 deep",
                form("{\"type\":\"block_actions\",\"x\":" + deep(20_000) + "}"),
                form),
            Arguments.of(
                "event nested 20,000 deep",
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_home_opened\",\"x\":"
                    + deep(20_000)
                    + "}}",
                json),
            Arguments.of(
                "payload with a broken percent escape", "payload=%7B%22type%22%3A%2", form),
            Arguments.of(
                "payload of a type Bolt does not know",
                form("{\"type\":\"no_such_type\",\"filler\":\"" + "x".repeat(100_000) + "\"}"),
                form));
    return TestDatabases.both()
        .flatMap(kind ->
            cases.stream().map(c -> Arguments.of(kind, c.get()[0], c.get()[1], c.get()[2])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("malformed")
  void aSignedMalformedPayloadIs400WithAShortLogLine(
      TestDatabases.Kind kind, String what, String body, String contentType) throws Exception {
    BotHarness h = bot(kind);
    try (var log = new LogCapture()) {
      var reply =
          h.sender.send(body, contentType, Signing.VALID); // throws if the connection is dropped
      assertThat(reply.status()).as(what).isEqualTo(400);
      assertThat(reply.body()).hasSizeLessThan(100);
      assertThat(log.lines())
          .as("log lines")
          .allSatisfy(line -> assertThat(line).hasSizeLessThan(SHORT_LINE));
    }
    assertThat(h.get("/metrics").body())
        .contains("fsdh_slack_requests_total{kind=\"invalid\",status=\"400\"}")
        .doesNotContain("status=\"500\"");
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void theConnectionStaysOpenAfterAMalformedPayload(TestDatabases.Kind kind) throws Exception {
    BotHarness h = bot(kind);
    try (var socket = new Socket("127.0.0.1", h.bot.port())) {
      socket.setSoTimeout(10_000);
      var in = new BufferedInputStream(socket.getInputStream());
      assertThat(
              exchange(
                  socket.getOutputStream(),
                  in,
                  form("{not json"),
                  "application/x-www-form-urlencoded"))
          .startsWith("HTTP/1.1 400");
      String help =
          h.sender.slashCommandBody(
              "U0ADALOVE", "C0OCEANLEAD", "help", h.slack.responseUrl(), "trigger-1");
      assertThat(exchange(socket.getOutputStream(), in, help, "application/x-www-form-urlencoded"))
          .startsWith("HTTP/1.1 200")
          .contains("/fsdh migrate");
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void anUnsignedLargeBodyIs401AndAddsAtMostOneShortLineToTheLog(TestDatabases.Kind kind)
      throws Exception {
    BotHarness h = bot(kind);
    try (var log = new LogCapture()) {
      for (String body :
          new String[] {"A".repeat(512 * 1024), "payload=" + "A".repeat(512 * 1024)}) {
        for (Signing signing :
            new Signing[] {Signing.NONE, Signing.WRONG_SECRET, Signing.STALE, Signing.FUTURE}) {
          assertThat(h.sender.send(body, "application/x-www-form-urlencoded", signing).status())
              .isEqualTo(401);
        }
      }
      assertThat(log.totalChars()).isLessThan(500);
      assertThat(log.lines()).noneMatch(line -> line.contains("AAAAAAAAAA"));
    }
  }

  @Test
  void aSignedPayloadOfAnUnknownTypeIsNeverLoggedWhole() throws Exception {
    BotHarness h = bot(TestDatabases.Kind.H2);
    String marker = "M".repeat(10_000);
    try (var log = new LogCapture()) {
      var reply =
          h.sender.send(
              form("{\"type\":\"no_such_type\",\"filler\":\"" + marker + "\"}"),
              "application/x-www-form-urlencoded",
              Signing.VALID);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(log.lines()).hasSize(1).noneMatch(line -> line.contains("MMMMMMMMMM"));
    }
  }

  /**
   * One signed request on an open socket; returns the status line, headers and body of the answer.
   */
  private static String exchange(OutputStream out, InputStream in, String body, String contentType)
      throws IOException {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    String signature =
        new SlackSignature.Generator(SandboxConfig.SIGNING_SECRET).generate(ts, body);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + contentType
                + "\r\nContent-Length: "
                + bytes.length
                + "\r\nX-Slack-Request-Timestamp: "
                + ts
                + "\r\nX-Slack-Signature: "
                + signature
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
    String head = readHead(in);
    int length =
        head.lines()
            .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
            .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim()))
            .findFirst()
            .orElse(0);
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after: " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
