package ca.gc.fsdh.bot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the bot logs while a test runs: a logback {@link ListAppender} on the root logger, behind
 * the levels of the real {@code logback.xml} with the root at its production default, INFO (the
 * demo, run in process by another test, lowers it and leaves it so), so a test sees the lines
 * production would write. The appender adds under its own lock, which is why reads take it too.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level levelBefore = root.getLevel();

  public LogCapture() {
    root.setLevel(Level.INFO);
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
  }

  /**
   * Each event as one text: level, logger, message and stack trace, as a log line would hold them.
   */
  public List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(LogCapture::line).toList();
    }
  }

  /** Characters logged so far, all lines together. */
  public long totalChars() {
    return lines().stream().mapToLong(String::length).sum();
  }

  public void clear() {
    synchronized (appender) {
      appender.list.clear();
    }
  }

  private static String line(ILoggingEvent e) {
    String trace =
        e.getThrowableProxy() == null
            ? ""
            : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
    return e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage() + trace;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    root.setLevel(levelBefore);
  }
}
