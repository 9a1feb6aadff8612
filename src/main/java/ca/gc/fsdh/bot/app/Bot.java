package ca.gc.fsdh.bot.app;

import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.http.HttpFront;
import ca.gc.fsdh.bot.reminders.Reminders;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: its Bolt app, its HTTP server, its reminder scheduler, Socket Mode when
 * configured, and what they use.
 */
public final class Bot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);
  private final App app;
  private final HttpFront http;
  private final Database database;
  private final Reminders reminders;
  private final List<Service> services;
  private final List<AutoCloseable> resources;
  private final Optional<SocketModeApp> socketMode;

  /** Something that starts with the bot (its scheduled work). */
  @FunctionalInterface
  interface Service {
    void start() throws Exception;
  }

  /**
   * @param services started in order once the Slack token is checked, before the HTTP server opens
   * @param resources closed after everything else stops, last one first (the database among them)
   */
  Bot(
      App app,
      HttpFront http,
      Database database,
      Reminders reminders,
      List<Service> services,
      List<AutoCloseable> resources,
      Optional<SocketModeApp> socketMode) {
    this.app = app;
    this.http = http;
    this.database = database;
    this.reminders = reminders;
    this.services = List.copyOf(services);
    this.resources = List.copyOf(resources);
    this.socketMode = socketMode;
  }

  /**
   * Checks the bot token with Slack ({@code auth.test}), starts the scheduled work, then starts
   * listening.
   */
  public Bot start() throws Exception {
    app.start();
    for (Service s : services) {
      s.start();
    }
    http.start();
    if (socketMode.isPresent()) {
      socketMode.get().startAsync();
      log.info("fsdh-bot connected in Socket Mode; health on port {}", http.port());
    } else {
      log.info("fsdh-bot listening on port {} (POST /slack/events)", http.port());
    }
    return this;
  }

  public int port() {
    return http.port();
  }

  public Database database() {
    return database;
  }

  public Reminders reminders() {
    return reminders;
  }

  /**
   * Stops Socket Mode or the HTTP server, the reminders and Bolt, then closes what they used.
   * Bolt's own stops throw {@code Exception}: a failure is rethrown unchecked once everything is
   * closed, and an interrupt stays on the thread (a close that throws InterruptedException could
   * lose it).
   */
  @Override
  public void close() {
    try {
      if (socketMode.isPresent()) {
        closeSocketMode(socketMode.get());
      }
      http.close();
      reminders.close();
      app.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the bot", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the bot cleanly: " + e, e);
    } finally {
      closeAll(resources);
    }
  }

  /**
   * {@link SocketModeApp#close} leaves its client running: the threads that poll for messages and
   * watch the session live on, and when the connection does not answer a ping just then it is not
   * even disconnected, so the session monitor reconnects a closed bot. Closing the client ends
   * both.
   */
  private static void closeSocketMode(SocketModeApp socketMode) throws Exception {
    SocketModeClient client = socketMode.getClient();
    if (client != null) {
      client.close();
    }
    socketMode.close();
  }

  static void closeAll(List<AutoCloseable> resources) {
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    for (AutoCloseable r : reversed) {
      try {
        r.close();
      } catch (Exception e) {
        log.warn("could not close {}: {}", r, e.toString());
      }
    }
  }
}
