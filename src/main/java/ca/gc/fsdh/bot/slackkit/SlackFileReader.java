package ca.gc.fsdh.bot.slackkit;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the bytes of a file a person uploaded through a modal's {@code file_input}, as Slack lets
 * an app: {@code files.info} for its size and {@code url_private_download}, then that URL with the
 * bot token ({@code files:read}). Within a deadline, because it runs before the form's answer,
 * which Slack waits for 3 seconds.
 *
 * <p>The URL comes from the Web API's answer, never from the form's payload, and the token goes
 * only over HTTPS (plain HTTP only to this machine, for the stand-in); redirects are not followed,
 * so the token never reaches another host.
 */
public final class SlackFileReader {
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final long maxBytes;
  private final Duration deadline;

  /**
   * What came of reading the file: its bytes, or that it is too large, or that it could not be
   * read.
   */
  public record Read(Optional<byte[]> bytes, boolean tooLarge) {
    static Read failed() {
      return new Read(Optional.empty(), false);
    }
  }

  public SlackFileReader(long maxBytes, Duration deadline) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  public Read read(MethodsClient slack, String botToken, String fileId) {
    CompletableFuture<Read> reading =
        CompletableFuture.supplyAsync(
            () -> fetch(slack, botToken, fileId),
            task -> Thread.ofVirtual().name("slack-file-read").start(task));
    try {
      return reading.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      reading.cancel(true);
      return Read.failed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Read.failed();
    }
  }

  private Read fetch(MethodsClient slack, String botToken, String fileId) {
    try {
      var info = slack.filesInfo(r -> r.file(fileId));
      if (!info.isOk()
          || info.getFile() == null
          || info.getFile().getUrlPrivateDownload() == null) {
        return Read.failed();
      }
      if (info.getFile().getSize() != null && info.getFile().getSize() > maxBytes) {
        return new Read(Optional.empty(), true);
      }
      URI url = URI.create(info.getFile().getUrlPrivateDownload());
      if (!safe(url)) {
        return Read.failed();
      }
      var response =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(deadline)
                  .header("Authorization", "Bearer " + botToken)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          return Read.failed();
        }
        byte[] bytes = body.readNBytes((int) maxBytes + 1);
        return bytes.length > maxBytes
            ? new Read(Optional.empty(), true)
            : new Read(Optional.of(bytes), false);
      }
    } catch (IOException | SlackApiException | RuntimeException e) {
      return Read.failed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Read.failed();
    }
  }

  private static boolean safe(URI url) {
    String host = url.getHost() == null ? "" : url.getHost();
    return "https".equals(url.getScheme())
        || "http".equals(url.getScheme()) && (host.equals("127.0.0.1") || host.equals("localhost"));
  }
}
