package ca.gc.fsdh.bot.migration.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link MappingFile} applied to one bundle and one target: renames principals, rewrites paths,
 * and finds PROD compute by name. Methods that cannot map return empty; callers report that, never
 * drop it.
 *
 * <p>A renamed user also moves that user's home: {@code /Users/old/...} and {@code /Repos/old/...}
 * become {@code /Users/new/...} unless an explicit path rewrite says otherwise.
 */
public final class Mapping {
  private final MappingFile file;
  private final SourceCompute source;
  private final TargetCompute target;
  private final List<MappingFile.PathRewrite> rewrites;

  public Mapping(MappingFile file, SourceCompute source, TargetCompute target) {
    this.file = file;
    this.source = source;
    this.target = target;
    this.rewrites =
        file.paths().stream()
            .sorted(
                Comparator.comparingInt((MappingFile.PathRewrite r) -> r.from().length())
                    .reversed())
            .toList();
  }

  public MappingFile file() {
    return file;
  }

  public SourceCompute source() {
    return source;
  }

  /** A user, group or service principal as PROD knows it (unchanged when not renamed). */
  public String principal(String name) {
    if (name == null) return null;
    var p = file.principals();
    for (Map<String, String> m : List.of(p.users(), p.groups(), p.servicePrincipals())) {
      String to = m.get(name);
      if (to != null) return to;
    }
    return name;
  }

  public String user(String name) {
    return name == null ? null : file.principals().users().getOrDefault(name, name);
  }

  public String group(String name) {
    return name == null ? null : file.principals().groups().getOrDefault(name, name);
  }

  public String servicePrincipal(String name) {
    return name == null ? null : file.principals().servicePrincipals().getOrDefault(name, name);
  }

  /** A workspace path as it is in PROD. */
  public String path(String path) {
    if (path == null) return null;
    for (var r : rewrites) {
      if (path.equals(r.from()) || path.startsWith(withSlash(r.from()))) {
        return r.to() + path.substring(r.from().length());
      }
    }
    for (String root : List.of("/Users/", "/Repos/", "/Workspace/Users/", "/Workspace/Repos/")) {
      if (!path.startsWith(root)) continue;
      String rest = path.substring(root.length());
      int slash = rest.indexOf('/');
      String user = slash < 0 ? rest : rest.substring(0, slash);
      String renamed =
          file.principals()
              .users()
              .getOrDefault(user, file.principals().servicePrincipals().getOrDefault(user, user));
      if (!renamed.equals(user)) return root + renamed + (slash < 0 ? "" : rest.substring(slash));
    }
    return path;
  }

  private static String withSlash(String s) {
    return s.endsWith("/") ? s : s + "/";
  }

  /** The PROD pool for a POC pool id: by the mapping, else by the POC pool's name. */
  public Optional<String> poolId(String pocId) {
    return name(file.instancePools(), pocId, source.poolName(pocId)).flatMap(target::poolId);
  }

  public Optional<String> policyId(String pocId) {
    return name(file.policies(), pocId, source.policyName(pocId)).flatMap(target::policyId);
  }

  public Optional<String> warehouseId(String pocId) {
    return name(file.warehouses(), pocId, Optional.empty()).flatMap(target::warehouseId);
  }

  public Optional<String> clusterIdByName(String prodName) {
    return target.clusterId(prodName);
  }

  public Optional<String> policyIdByName(String prodName) {
    return target.policyId(prodName);
  }

  /**
   * The rule for jobs on a POC all-purpose cluster: by id, then name, then {@code "*"}; none means
   * a job cluster.
   */
  public MappingFile.ClusterRule clusterRule(String pocClusterId) {
    var byId = file.clusters().get(pocClusterId);
    if (byId != null) return byId;
    var byName = source.clusterName(pocClusterId).map(file.clusters()::get).orElse(null);
    if (byName != null) return byName;
    return file.clusters().getOrDefault("*", new MappingFile.ClusterRule(null, null));
  }

  /** The PROD vault of a Key Vault-backed scope, by scope name then POC DNS name. */
  public Optional<MappingFile.KeyVault> keyVault(String scope, String pocDnsName) {
    var byScope = file.keyVaults().get(scope);
    if (byScope != null) return Optional.of(byScope);
    return Optional.ofNullable(pocDnsName == null ? null : file.keyVaults().get(pocDnsName));
  }

  private static Optional<String> name(
      Map<String, String> map, String pocId, Optional<String> pocName) {
    String byId = map.get(pocId);
    if (byId != null) return Optional.of(byId);
    if (pocName.isPresent()) return Optional.of(map.getOrDefault(pocName.get(), pocName.get()));
    return Optional.empty();
  }
}
