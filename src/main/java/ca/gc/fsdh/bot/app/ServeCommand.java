package ca.gc.fsdh.bot.app;

import ca.gc.fsdh.bot.migration.client.WorkspaceHost;
import ca.gc.fsdh.bot.platform.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the bot until the process is stopped. */
@Command(
    name = "serve",
    description = "Run the bot: Slack over HTTP (or Socket Mode), health and metrics.")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration file (default: $FSDH_CONFIG, else fsdh.yml)")
  Path config;

  @Override
  public Integer call() throws Exception {
    Path file = ConfigFile.resolve(config, System.getenv());
    var loaded = new ConfigLoader(System.getenv(), WorkspaceHost::problem).load(file);
    var bot = Wiring.wire(loaded, Clock.systemUTC());
    var stopped = new CountDownLatch(1);
    // The hook is there before the bot starts, so a SIGTERM that comes while it starts (or just
    // after it says it listens) still stops it cleanly; the lock keeps a stop from running beside
    // a start, and a bot stopped before it started is not started.
    var lifecycle = new Object();
    var stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  synchronized (lifecycle) {
                    if (stopping.getAndSet(true)) {
                      return; // never started: nothing to stop
                    }
                    try {
                      bot.close();
                    } catch (Exception e) {
                      LoggerFactory.getLogger(ServeCommand.class)
                          .warn("unclean shutdown: {}", e.toString());
                    } finally {
                      stopped.countDown();
                    }
                  }
                },
                "fsdh-shutdown"));
    synchronized (lifecycle) {
      if (!stopping.get()) {
        try {
          bot.start();
        } catch (Exception e) {
          stopping.set(true); // as before the hook existed: a failed start is reported, not stopped
          throw e;
        }
      }
    }
    stopped.await();
    return 0;
  }
}
