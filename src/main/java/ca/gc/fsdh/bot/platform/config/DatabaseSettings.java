package ca.gc.fsdh.bot.platform.config;

import java.util.Optional;

/** JDBC URL and credentials. The default is an H2 file under {@code ./data}. */
public record DatabaseSettings(String url, Optional<String> user, Optional<Secret> password) {
  public static final String DEFAULT_URL =
      "jdbc:h2:file:./data/fsdh;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
