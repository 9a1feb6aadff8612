package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretValuesSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an import finds the values of a Databricks-backed scope. Values are never in a plain bundle
 * file: a migration holds them in memory ({@link InMemorySecretValues}) or reads them again from
 * the source cluster; an offboarding bundle holds them encrypted to the lead's key, which {@link
 * OpenPgpSecretValuesSource} opens with the lead's secret key.
 */
public interface SecretValueSource {
  /** The values of the given keys, by key; empty when this source has none for the scope. */
  Optional<Map<String, byte[]>> values(String scope, List<String> keys) throws Exception;

  SecretValueSource NONE = (scope, keys) -> Optional.empty();
}
