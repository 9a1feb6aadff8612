package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps (method, path) to a handler and its {@link EndpointGroup}. Exact paths first, then the
 * longest matching prefix (for paths that carry an id or a file path, like {@code
 * /api/2.0/repos/42}).
 */
final class Router {
  /** Handles one call; throws {@link ApiError} for error answers. */
  interface Handler {
    Reply handle(ApiCall call) throws IOException;
  }

  record Route(EndpointGroup group, Handler handler) {}

  private record Prefix(String method, String prefix, Route route) {}

  private final Map<String, Route> exact = new HashMap<>();
  private final List<Prefix> prefixes = new ArrayList<>();

  void add(String method, String path, EndpointGroup group, Handler handler) {
    exact.put(method + " " + path, new Route(group, handler));
  }

  /** A route for every path under {@code prefix} (which should end with a slash). */
  void addPrefix(String method, String prefix, EndpointGroup group, Handler handler) {
    prefixes.add(new Prefix(method, prefix, new Route(group, handler)));
    prefixes.sort((a, b) -> b.prefix().length() - a.prefix().length());
  }

  /** The route for this call, or null. */
  Route find(String method, String path) {
    Route r = exact.get(method + " " + path);
    if (r != null) {
      return r;
    }
    for (Prefix p : prefixes) {
      if (p.method().equals(method) && path.startsWith(p.prefix())) {
        return p.route();
      }
    }
    return null;
  }

  /** True when some method is routed for this path (to tell 405 from 404). */
  boolean knowsPath(String path) {
    return exact.keySet().stream().anyMatch(k -> k.substring(k.indexOf(' ') + 1).equals(path))
        || prefixes.stream().anyMatch(p -> path.startsWith(p.prefix()));
  }
}
