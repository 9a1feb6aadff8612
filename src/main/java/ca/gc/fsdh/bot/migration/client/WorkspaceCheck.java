package ca.gc.fsdh.bot.migration.client;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.service.iam.MeRequest;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Checks, before a run reads or writes anything, that a workspace answers and accepts the
 * credentials: one cheap signed-in call (SCIM {@code Me}, {@code GET /api/2.0/preview/scim/v2/Me},
 * the SDK's {@code currentUser().me()}), with short timeouts and no retries. A wrong token, an
 * unknown host or a closed port is then one line within seconds, instead of minutes of retries (the
 * SDK's default timeout is 300 s) ending in a stack trace, or an export of nothing.
 *
 * <p>The check has its own transport; the run's paced client is built afterwards as before.
 */
public final class WorkspaceCheck {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final String ME = "/api/2.0/preview/scim/v2/Me";

  private final Duration timeout;

  public WorkspaceCheck() {
    this(DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout connect and read timeout of the call (whole seconds, at least 1)
   */
  public WorkspaceCheck(Duration timeout) {
    this.timeout =
        timeout.toSeconds() < 1 ? Duration.ofSeconds(1) : Duration.ofSeconds(timeout.toSeconds());
  }

  /**
   * Signs in to one workspace.
   *
   * @param role how the run names this workspace ({@code source}, {@code target}, {@code POC}…):
   *     the first word of the message
   * @param config a fresh configuration of the workspace, not used for anything else (this check
   *     sets its transport)
   * @return the user name the workspace knows the credentials as
   * @throws WorkspaceUnavailableException one line: the role, the host, and why
   */
  public String signIn(String role, DatabricksConfig config) {
    int seconds = (int) timeout.toSeconds();
    int millis = seconds * 1000;
    var quick =
        RequestConfig.custom()
            .setConnectTimeout(millis)
            .setConnectionRequestTimeout(millis)
            .setSocketTimeout(millis)
            .build();
    config.setHttpTimeoutSeconds(seconds).setDisableRetries(true);
    config.setHttpClient(
        new CommonsHttpClient.Builder()
            .withDatabricksConfig(config)
            .withRequestConfig(quick)
            .withRequestRetryHandler((exception, count, context) -> false)
            .build());
    try {
      var me = new WorkspaceClient(config).currentUser().me(new MeRequest());
      return me.getUserName() == null ? "" : me.getUserName();
    } catch (RuntimeException e) {
      String secret = "pat".equals(config.getAuthType()) ? "token" : "credentials";
      throw new WorkspaceUnavailableException(
          role + " " + config.getHost() + ": " + why(e, secret, seconds), e);
    }
  }

  /**
   * Why the call failed, in a few words: the network first (whatever wraps it), then the answer.
   */
  static String why(Throwable e, String secret, int seconds) {
    ConnectException refused = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UnknownHostException)
        return "cannot connect (unknown host " + c.getMessage() + ")";
      if (c instanceof ConnectTimeoutException)
        return "cannot connect (no answer within " + seconds + " s)";
      if (c instanceof ConnectException ce) refused = ce; // the innermost one has the plain reason
    }
    if (refused != null) {
      String m = String.valueOf(refused.getMessage());
      if (m.toLowerCase(Locale.ROOT).contains("refused"))
        return "cannot connect (connection refused)";
      int at = m.lastIndexOf("failed: "); // Apache's "Connect to host:port [...] failed: <reason>"
      return "cannot connect ("
          + oneLine(at >= 0 ? m.substring(at + "failed: ".length()) : m)
          + ")";
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SocketTimeoutException)
        return "no answer within " + seconds + " s (read timed out)";
      if (c instanceof SSLException)
        return "the TLS connection failed (" + oneLine(c.getMessage()) + ")";
      if (c instanceof NoHttpResponseException || c instanceof SocketException)
        return "the connection was closed (" + oneLine(c.getMessage()) + ")";
    }
    if (e instanceof DatabricksError d
        && d.getStatusCode() != 523) { // 523: the SDK's code for an I/O error
      int status = d.getStatusCode();
      String said = oneLine(d.getMessage()).replaceAll("\\.$", "");
      if (status == 401 || status == 403)
        return "the " + secret + " was refused (" + status + " " + said + ")";
      if (status == 404)
        return "answered 404 to " + ME + ": is this the URL of a Databricks workspace?";
      return "answered HTTP " + status + " (" + said + ")";
    }
    if (e instanceof DatabricksException) return "cannot sign in (" + oneLine(e.getMessage()) + ")";
    return "answered, but not as a Databricks workspace (" + e.getClass().getSimpleName() + ")";
  }

  private static String oneLine(String s) {
    String flat = String.valueOf(s).replaceAll("\\s+", " ").strip();
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
  }
}
