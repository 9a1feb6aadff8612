package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Direct Unity Catalog grants: securable to principal to privileges. Adding a privilege already
 * held and removing one not held change nothing (the REST update is a PATCH of changes; terraform
 * diffs against {@code get} before it). Ownership is not a grant and lives with each object.
 */
final class UcGrants {
  /** One principal's privileges on one securable, sorted. */
  record Assignment(String principal, List<String> privileges) {}

  private final Map<UcSecurable, Map<String, Set<String>>> grants =
      new TreeMap<>(
          (a, b) -> (a.type() + ":" + a.fullName()).compareTo(b.type() + ":" + b.fullName()));

  synchronized void add(UcSecurable s, String principal, Collection<String> privileges) {
    grants
        .computeIfAbsent(s, k -> new TreeMap<>())
        .computeIfAbsent(principal, k -> new TreeSet<>())
        .addAll(privileges);
  }

  synchronized void remove(UcSecurable s, String principal, Collection<String> privileges) {
    var byPrincipal = grants.get(s);
    if (byPrincipal == null || !byPrincipal.containsKey(principal)) {
      return;
    }
    byPrincipal.get(principal).removeAll(privileges);
    if (byPrincipal.get(principal).isEmpty()) {
      byPrincipal.remove(principal);
    }
  }

  /** The direct grants on {@code s}, by principal. */
  synchronized List<Assignment> on(UcSecurable s) {
    List<Assignment> out = new ArrayList<>();
    grants
        .getOrDefault(s, Map.of())
        .forEach((p, privs) -> out.add(new Assignment(p, List.copyOf(privs))));
    return out;
  }

  /** Forgets every grant on {@code s} and below it (a deleted model, a renamed one). */
  synchronized void forget(UcSecurable s) {
    grants.keySet().removeIf(k -> k.equals(s) || k.fullName().startsWith(s.fullName() + "."));
  }
}
