package ca.gc.fsdh.bot.testing;

import ca.gc.fsdh.bot.tools.sandbox.slack.SlackPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * A local stand-in for Slack's Socket Mode server, over a real WebSocket: it greets each connection
 * with {@code hello}, sends envelopes ({@code slash_commands}, {@code interactive}, {@code
 * events_api}) to the open connection, and keeps the acks the client sends back, by envelope id.
 */
public final class FakeSocketMode implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Server server = new Server();
  private final Map<String, JsonNode> acks = new ConcurrentHashMap<>();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;

  public FakeSocketMode() throws InterruptedException {
    server.setReuseAddr(true);
    server.start();
    if (!server.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the Socket Mode stand-in did not start");
    }
  }

  /** What {@code apps.connections.open} returns: Slack's URLs carry a one-time ticket too. */
  public String url() {
    return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + UUID.randomUUID();
  }

  /** Connections open now (the bot keeps one). */
  public int openConnections() {
    return (int) server.getConnections().stream().filter(WebSocket::isOpen).count();
  }

  /** Connections opened since the start, closed or not. */
  public int connectionsOpened() {
    return server.opened.get();
  }

  /**
   * Sends one envelope to the open connection, as Slack does when the app is in Socket Mode.
   *
   * @param type {@code slash_commands}, {@code interactive} or {@code events_api}
   * @return its envelope id, to find the ack with {@link #ack}
   */
  public String send(String type, JsonNode payload) {
    Eventually.await("a Socket Mode connection", () -> openConnections() > 0);
    String id = UUID.randomUUID().toString();
    ObjectNode envelope =
        JSON.createObjectNode()
            .put("envelope_id", id)
            .put("type", type)
            .put("accepts_response_payload", !type.equals("events_api"));
    envelope.set("payload", payload);
    if (type.equals("events_api")) {
      envelope.put("retry_attempt", 0).put("retry_reason", "");
    }
    server.getConnections().stream()
        .filter(WebSocket::isOpen)
        .findFirst()
        .orElseThrow()
        .send(envelope.toString());
    return id;
  }

  /**
   * The client's ack of an envelope, waited for: {@code {"envelope_id":…}} with an optional {@code
   * payload}.
   */
  public JsonNode ack(String envelopeId) {
    return Eventually.value("the ack of envelope " + envelopeId, () -> acks.get(envelopeId));
  }

  /**
   * Slack is unreachable: open connections are dropped and new ones refused until {@link #accept}.
   */
  public void dropAndRefuse() {
    refusing = true;
    server.getConnections().forEach(c -> c.close(CloseFrame.GOING_AWAY, "sandbox outage"));
  }

  /** Slack is reachable again. */
  public void accept() {
    refusing = false;
  }

  /** Messages from the client that were not acks (none expected). */
  public List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  @Override
  public void close() {
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread()
          .interrupt(); // keep the interrupt for the caller (AutoCloseable's advice)
    }
  }

  private void received(String message) {
    try {
      JsonNode json = JSON.readTree(message);
      if (json.hasNonNull("envelope_id")) {
        acks.put(json.get("envelope_id").asText(), json);
        return;
      }
    } catch (IOException e) {
      // not JSON: kept below
    }
    unexpected.add(message);
  }

  private final class Server extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicInteger opened = new AtomicInteger();

    Server() {
      super(new InetSocketAddress("127.0.0.1", 0));
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
        WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
      if (refusing) {
        throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "sandbox outage");
      }
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      opened.incrementAndGet();
      ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("num_connections", 1);
      hello
          .putObject("debug_info")
          .put("host", "applink-sandbox")
          .put("build_number", 1)
          .put("approximate_connection_time", 3600);
      hello.putObject("connection_info").put("app_id", SlackPayloads.APP_ID);
      conn.send(hello.toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception e) {
      unexpected.add("error: " + e);
    }
  }
}
