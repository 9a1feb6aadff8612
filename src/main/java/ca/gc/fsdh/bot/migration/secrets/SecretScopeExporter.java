package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.compute.ClusterCommands;
import ca.gc.fsdh.bot.migration.compute.OptionCheck;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.ResourceExporter;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.service.workspace.AclItem;
import com.databricks.sdk.service.workspace.ScopeBackendType;
import com.databricks.sdk.service.workspace.SecretMetadata;
import com.databricks.sdk.service.workspace.SecretScope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Exports secret scopes: backend (and the vault of a Key Vault-backed scope), keys and ACLs to
 * {@code secrets/scopes/<scope>.json}; values of Databricks-backed scopes only when a cluster and a
 * {@link SecretValueSink} are given, read by {@link SecretReadCommand} (REST cannot read them).
 */
public final class SecretScopeExporter implements ResourceExporter {
  @Override
  public ResourceType type() {
    return ResourceType.SECRETS;
  }

  public static String scopeFile(String scope) {
    return "secrets/scopes/" + fileName(scope) + ".json";
  }

  public static String valuesFile(String scope) {
    return "secrets/values/" + fileName(scope) + ".json.gpg";
  }

  /** Scope names allow letters, digits, '-', '_', '.' and '@'; anything else is percent-encoded. */
  private static String fileName(String scope) {
    return URLEncoder.encode(scope, StandardCharsets.UTF_8);
  }

  @Override
  public void export(ExportContext ctx) throws Exception {
    var opts = ctx.options();
    boolean readValues =
        opts.secretsCluster().isPresent()
            && !opts.secretValues().mode().equals("NONE")
            && ctx.optionProblem(OptionCheck.SECRETS_CLUSTER).isEmpty();
    try (var loop = ctx.loop(type());
        var commands =
            readValues
                ? new ClusterCommands(
                    ctx.workspace(), opts.secretsCluster().get(), Duration.ofMinutes(5))
                : null) {
      ctx.eachListed(
          type(),
          "scopes",
          () -> ctx.workspace().secrets().listScopes(),
          (SecretScope scope) -> loop.item(scope.getName(), () -> scope(ctx, scope, commands)));
      loop.finish();
    }
  }

  private JournalEntry scope(ExportContext ctx, SecretScope scope, ClusterCommands commands)
      throws Exception {
    var secrets = ctx.workspace().secrets();
    String name = scope.getName();
    boolean keyVault = scope.getBackendType() == ScopeBackendType.AZURE_KEYVAULT;
    var keys = new ArrayList<SecretScopeItem.Key>();
    String keysUnread = null;
    try {
      for (SecretMetadata m : secrets.listSecrets(name)) {
        keys.add(new SecretScopeItem.Key(m.getKey(), m.getLastUpdatedTimestamp()));
      }
    } catch (PermissionDenied e) {
      // a vault that does not let Databricks list its secrets: the scope and its ACLs are still
      // recreated (its keys stay in the vault); a Databricks-backed scope needs its keys, so it
      // fails
      if (!keyVault) throw e;
      keysUnread = ExportContext.reason(e);
    }
    var acls = new ArrayList<SecretScopeItem.Acl>();
    for (AclItem a : secrets.listAcls(name)) {
      acls.add(new SecretScopeItem.Acl(a.getPrincipal(), String.valueOf(a.getPermission())));
    }
    SecretScopeItem.KeyVault vault =
        keyVault && scope.getKeyvaultMetadata() != null
            ? new SecretScopeItem.KeyVault(
                scope.getKeyvaultMetadata().getResourceId(),
                scope.getKeyvaultMetadata().getDnsName())
            : null;

    String values;
    String note = null;
    FileRef valuesRef = null;
    if (keyVault) {
      values = "IN_KEY_VAULT";
      note =
          "values live in Azure Key Vault"
              + (vault == null ? "" : " " + vault.dnsName())
              + ": recreate the scope pointing at the right vault"
              + (keysUnread == null ? "" : "; its keys could not be listed (" + keysUnread + ")");
    } else if (keys.isEmpty()) {
      values = "NOT_EXPORTED";
      note = "the scope holds no keys";
    } else if (ctx.optionProblem(OptionCheck.SECRETS_CLUSTER).isPresent()
        && !ctx.options().secretValues().mode().equals("NONE")) {
      // values were asked for: failing (not skipping them) makes a rerun with a good cluster read
      // them
      throw new IllegalStateException(
          ctx.optionProblem(OptionCheck.SECRETS_CLUSTER).get() + ": values not read");
    } else if (commands == null) {
      values = "NOT_EXPORTED";
      note =
          ctx.options().secretsCluster().isEmpty()
              ? "no cluster given (--secrets-cluster; in the bot, the workspace's secretsCluster): values not read"
              : "no destination for values (--gpg-key; in the bot, the OpenPGP key of the offboarding form): values not read";
    } else {
      Map<String, byte[]> read =
          SecretReadCommand.parse(commands.run(SecretReadCommand.python(name)));
      try {
        if (!read.keySet()
            .equals(keys.stream().map(SecretScopeItem.Key::key).collect(Collectors.toSet()))) {
          throw new IllegalStateException(
              "the cluster returned values for " + read.size() + " of " + keys.size() + " keys");
        }
        valuesRef = ctx.options().secretValues().accept(name, read, ctx.bundle()).orElse(null);
        values = ctx.options().secretValues().mode();
      } finally {
        read.values().forEach(b -> Arrays.fill(b, (byte) 0));
      }
    }
    var item =
        new SecretScopeItem(
            name,
            keyVault ? "AZURE_KEYVAULT" : "DATABRICKS",
            vault,
            keys,
            acls,
            values,
            valuesRef == null ? null : valuesRef.path(),
            note);
    FileRef file = ctx.bundle().writeJson(scopeFile(name), item);
    List<FileRef> files = valuesRef == null ? List.of(file) : List.of(file, valuesRef);
    return JournalEntry.exported(type(), name, files, BundleJson.MAPPER.valueToTree(item));
  }
}
