package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.database.Database;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the request tests build again and again: a request asked for, a clean run's report. */
public final class RequestFixtures {
  private RequestFixtures() {}

  /**
   * Ada Lovelace asks to migrate every resource type of {@code workspace}, once (its own origin).
   */
  public static NewRequest migrate(String workspace) {
    return new NewRequest(
        RequestKind.MIGRATE,
        workspace,
        "U0ADALOVE",
        ResourceType.ALL,
        RequestOptions.DEFAULT,
        Optional.empty(),
        "t-" + workspace);
  }

  /** A run where {@code notebooks} notebooks moved, none failed, verification clean. */
  public static RunReport cleanReport(long notebooks, String... manual) {
    return new RunReport(
        Map.of(ResourceType.NOTEBOOKS, new TypeProgress(notebooks, notebooks, 0)),
        List.of(),
        List.of(manual),
        true,
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /** A database and the request tables' stores on it, closed together. */
  public record Stores(Database db, RequestStores on) implements AutoCloseable {
    public static Stores open(DatabaseSettings settings) {
      Database db = Database.open(settings);
      return new Stores(db, RequestStores.jdbc(db.dataSource()));
    }

    public RequestStore requests() {
      return on.requests();
    }

    public RunLeases leases() {
      return on.leases();
    }

    public PlansAndResults plans() {
      return on.plans();
    }

    /** {@link #migrate} saved: pending approval. */
    public MigrationRequest pending(String workspace, Instant at) {
      return requests().save(migrate(workspace), at).request();
    }

    /** {@link #pending}, then approved by support. */
    public MigrationRequest approved(String workspace, Instant at) {
      long id = pending(workspace, at).id();
      requests().decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), at);
      return requests().find(id).orElseThrow();
    }

    @Override
    public void close() {
      db.close();
    }
  }
}
