package ca.gc.fsdh.bot.migration.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which workspace URLs the tool talks to: {@code https://} with a host name, or {@code http://}
 * only on this machine (127.0.0.1, localhost, [::1]), where the local stand-ins run. Anything else
 * is refused before any call: the Databricks SDK would otherwise turn a bare word into {@code
 * https://word}, keep an {@code ftp:} URL, or send a token in clear over {@code http://}.
 */
public final class WorkspaceHost {
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private WorkspaceHost() {}

  /** Why {@code host} cannot be a workspace URL, quoting it, or empty when it can. */
  public static Optional<String> problem(String host) {
    if (host == null || host.isBlank())
      return Optional.of(
          "is empty: give the workspace URL, such as https://adb-1234567890123456.7.azuredatabricks.net");
    String quoted = "'" + host + "'";
    URI uri;
    try {
      uri = new URI(host.strip());
    } catch (URISyntaxException e) {
      return Optional.of(
          host.contains("://")
              ? quoted + " is not a valid URL (" + e.getReason() + ")"
              : quoted
                  + " is not an https:// URL, such as https://adb-1234567890123456.7.azuredatabricks.net");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of(
          quoted
              + " is not an https:// URL, such as https://adb-1234567890123456.7.azuredatabricks.net");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty())
      return Optional.of(quoted + " has no host name");
    if (uri.getRawUserInfo() != null)
      return Optional.of(
          quoted
              + " holds a user name or password: give only the URL (the token comes from its variable)");
    if (scheme.equals("http") && !LOCAL.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return Optional.of(
          quoted
              + " is not an https:// URL (http:// only for a local stand-in on 127.0.0.1 or localhost)");
    }
    return Optional.empty();
  }
}
