package ca.gc.fsdh.bot.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the YAML file and the environment into a {@link Config}, checking everything at once. A bad
 * configuration throws {@link ConfigException} with one line per problem, each naming its key or
 * environment variable; secret values never appear in a problem.
 */
public final class ConfigLoader {
  private static final Pattern ACRONYM = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,9}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
  private static final Pattern USERGROUP_ID = Pattern.compile("S[A-Z0-9]{2,}");
  private static final Pattern MILESTONE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<Integer> DEFAULT_OFFSETS = List.of(30, 14, 7, 3, 1, 0);

  private final Map<String, String> env;
  private final Function<String, Optional<String>> hostProblem;

  /**
   * @param env the process environment ({@code System.getenv()}), or a test's own map
   * @param hostProblem why a workspace URL ({@code pocHost}, {@code prodHost}) cannot be used, or
   *     empty: the rule of the migration core's command line ({@code WorkspaceHost::problem}),
   *     handed in by the caller so that platform code imports nothing of a feature
   */
  public ConfigLoader(Map<String, String> env, Function<String, Optional<String>> hostProblem) {
    this.env = Map.copyOf(env);
    this.hostProblem = hostProblem;
  }

  public Config load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of("config file " + file + ": not found"));
    } catch (IOException e) {
      throw new ConfigException(
          List.of("config file " + file + ": cannot be read (" + e.getMessage() + ")"));
    }
  }

  public Config parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new ConfigException(
          List.of(
              "config file "
                  + source
                  + ": not valid YAML"
                  + (loc == null
                      ? ""
                      : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                  + " ("
                  + e.getOriginalMessage()
                  + ")"));
    }
    List<String> problems = new ArrayList<>();
    var top = new ConfigNode(root, "", problems);
    if (!top.isMissing() && !root.isObject()) {
      throw new ConfigException(List.of("config file " + source + ": must be a YAML mapping"));
    }
    top.allowOnly(
        Set.of(
            "slack",
            "server",
            "database",
            "databricks",
            "workspaces",
            "deadlines",
            "bundles",
            "approvals",
            "campaign"));

    SlackSettings slack = slack(top.object("slack"), problems);
    int port = port(top.object("server"), problems);
    DatabaseSettings database = database(top.object("database"));
    Map<String, DatabricksAuth> databricks = databricks(top.object("databricks"), problems);
    List<Workspace> workspaces = workspaces(top, databricks.keySet(), problems);
    Deadlines deadlines = deadlines(top.object("deadlines"), problems);
    BundleSettings bundles = bundles(top.object("bundles"));
    ApprovalSettings approvals = approvals(top.object("approvals"), deadlines);
    CampaignSettings campaign = campaign(top.object("campaign"), deadlines);

    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Config(
        port,
        slack,
        database,
        databricks,
        new WorkspaceDirectory(workspaces),
        deadlines,
        bundles,
        approvals,
        campaign,
        Optional.ofNullable(env.get("AZURE_BLOB_ENDPOINT")).filter(e -> !e.isBlank()));
  }

  private SlackSettings slack(ConfigNode n, List<String> problems) {
    n.allowOnly(Set.of("supportChannel", "supportUserGroup", "defaultLanguage"));
    Optional<Secret> appToken = secret("SLACK_APP_TOKEN");
    Optional<Secret> botToken = secret("SLACK_BOT_TOKEN");
    if (botToken.isEmpty()) {
      problems.add("environment variable SLACK_BOT_TOKEN: is required (the bot token, xoxb-...)");
    }
    Optional<Secret> signing = secret("SLACK_SIGNING_SECRET");
    if (signing.isEmpty() && appToken.isEmpty()) {
      problems.add(
          "environment variable SLACK_SIGNING_SECRET: is required in HTTP mode "
              + "(or set SLACK_APP_TOKEN for Socket Mode)");
    }
    String apiUrl =
        Optional.ofNullable(env.get("SLACK_API_URL"))
            .filter(s -> !s.isBlank())
            .orElse(SlackSettings.DEFAULT_API_URL);
    if (!isHttpUrl(apiUrl)) {
      problems.add("environment variable SLACK_API_URL: '" + apiUrl + "' is not an http(s) URL");
    }
    apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    String channel = matching(n, "supportChannel", CHANNEL_ID, "a channel id such as C012AB3CD");
    String group =
        matching(n, "supportUserGroup", USERGROUP_ID, "a user group id such as S012AB3CD");
    Language language =
        n.parsed("defaultLanguage", Language::parse, "en or fr").orElse(Language.EN);
    return new SlackSettings(
        botToken.orElse(new Secret("SLACK_BOT_TOKEN", "")),
        signing,
        appToken,
        apiUrl,
        channel,
        group,
        language);
  }

  private int port(ConfigNode n, List<String> problems) {
    n.allowOnly(Set.of("port"));
    String fromEnv = env.get("FSDH_PORT");
    String text =
        fromEnv != null && !fromEnv.isBlank()
            ? fromEnv.trim()
            : n.optionalText("port").orElse("3000");
    String where =
        fromEnv != null && !fromEnv.isBlank() ? "environment variable FSDH_PORT" : n.key("port");
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      problems.add(where + ": '" + text + "' is not a port number (0 to 65535)");
      return 0;
    }
  }

  private DatabaseSettings database(ConfigNode n) {
    n.allowOnly(Set.of("url", "user"));
    String url =
        firstNonBlank(
            env.get("FSDH_DB_URL"),
            n.optionalText("url").orElse(null),
            DatabaseSettings.DEFAULT_URL);
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      n.problem(
          "url",
          "'"
              + url
              + "' is neither an H2 (jdbc:h2:) nor a PostgreSQL (jdbc:postgresql:) URL"
              + " (also settable as FSDH_DB_URL)");
    }
    Optional<String> user =
        Optional.ofNullable(
            firstNonBlank(env.get("FSDH_DB_USER"), n.optionalText("user").orElse(null), null));
    return new DatabaseSettings(url, user, secret("FSDH_DB_PASSWORD"));
  }

  private Map<String, DatabricksAuth> databricks(ConfigNode n, List<String> problems) {
    n.allowOnly(Set.of("poc", "prod"));
    Map<String, DatabricksAuth> out = new LinkedHashMap<>();
    for (String name : List.of("poc", "prod")) {
      ConfigNode e = n.object(name);
      if (e.isMissing()) {
        continue;
      }
      e.allowOnly(
          Set.of(
              "auth", "clientId", "tenantId", "profile", "tokenVariable", "clientSecretVariable"));
      String type = e.text("auth", String.join(" | ", DatabricksAuth.TYPES));
      if (!type.isEmpty() && !DatabricksAuth.TYPES.contains(type)) {
        e.problem(
            "auth", "'" + type + "' is not one of " + String.join(", ", DatabricksAuth.TYPES));
        continue;
      }
      Optional<String> clientId = e.optionalText("clientId");
      Optional<String> tenantId = e.optionalText("tenantId");
      Optional<String> profile = e.optionalText("profile");
      Optional<Secret> secret = Optional.empty();
      switch (type) {
        case "pat" -> secret = requiredSecret(e, "tokenVariable", problems);
        case "oauth-m2m" -> {
          requirePresent(e, "clientId", clientId);
          secret = requiredSecret(e, "clientSecretVariable", problems);
        }
        case "azure-client-secret" -> {
          requirePresent(e, "clientId", clientId);
          requirePresent(e, "tenantId", tenantId);
          secret = requiredSecret(e, "clientSecretVariable", problems);
        }
        case "profile" -> requirePresent(e, "profile", profile);
        default -> {}
      }
      out.put(name, new DatabricksAuth(type, clientId, tenantId, profile, secret));
    }
    return out;
  }

  private Optional<Secret> requiredSecret(ConfigNode n, String key, List<String> problems) {
    Optional<String> variable = n.optionalText(key);
    if (variable.isEmpty()) {
      n.problem(key, "is required: the name of the environment variable that holds the secret");
      return Optional.empty();
    }
    if (!VARIABLE.matcher(variable.get()).matches()) {
      n.problem(
          key,
          "'"
              + variable.get()
              + "' is not an environment variable name (write the name, never the secret)");
      return Optional.empty();
    }
    Optional<Secret> secret = secret(variable.get());
    if (secret.isEmpty()) {
      problems.add(
          "environment variable " + variable.get() + ": is required (named by " + n.key(key) + ")");
    }
    return secret;
  }

  private List<Workspace> workspaces(
      ConfigNode top, Set<String> environments, List<String> problems) {
    List<Workspace> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ConfigNode w : top.list("workspaces")) {
      w.allowOnly(
          Set.of(
              "acronym",
              "nameEn",
              "nameFr",
              "lead",
              "admins",
              "leadChannel",
              "language",
              "pocHost",
              "prodHost",
              "secretsCluster",
              "sqlWarehouse",
              "mappingFile",
              "prodSqlWarehouse",
              "tableAclTarget",
              "databases",
              "prodModelRegistry",
              "prodModelSchema"));
      String acronym = matching(w, "acronym", ACRONYM, "ABC (upper case, at most 10 characters)");
      if (!acronym.isEmpty() && !seen.add(acronym)) {
        w.problem("acronym", "'" + acronym + "' appears more than once");
      }
      String nameEn = w.text("nameEn", "Ocean Acoustics");
      String nameFr = w.text("nameFr", "Acoustique océanique");
      String lead = matching(w, "lead", USER_ID, "a Slack user id such as U012AB3CD");
      List<String> admins = w.texts("admins");
      for (String admin : admins) {
        if (!USER_ID.matcher(admin).matches()) {
          w.problem("admins", "'" + admin + "' is not a Slack user id such as U012AB3CD");
        }
      }
      String channel = matching(w, "leadChannel", CHANNEL_ID, "a channel id such as C012AB3CD");
      Language language = w.parsed("language", Language::parse, "en or fr").orElse(Language.EN);
      // https:// only (http:// for a local stand-in), the rule of the core's command line
      String poc = w.text("pocHost", "https://adb-1234567890123456.7.azuredatabricks.net");
      if (!poc.isEmpty()) {
        hostProblem.apply(poc).ifPresent(p -> w.problem("pocHost", p));
      }
      Optional<String> prod = w.optionalText("prodHost");
      prod.flatMap(hostProblem).ifPresent(p -> w.problem("prodHost", p));
      Optional<Path> mapping = w.optionalText("mappingFile").map(Path::of);
      mapping
          .filter(f -> !Files.isReadable(f))
          .ifPresent(f -> w.problem("mappingFile", "'" + f + "' is not a readable file"));
      out.add(
          new Workspace(
              acronym,
              nameEn,
              nameFr,
              lead,
              admins,
              channel,
              language,
              poc,
              prod,
              w.optionalText("secretsCluster"),
              w.optionalText("sqlWarehouse"),
              mapping,
              w.optionalText("prodSqlWarehouse"),
              tableAclTarget(w),
              databases(w),
              modelRegistry(w),
              modelSchema(w)));
    }
    if (!out.isEmpty() && !environments.contains("poc")) {
      problems.add(
          "databricks.poc: is required when workspaces are listed (how to sign in to POC)");
    }
    if (out.stream().anyMatch(w -> w.prodHost().isPresent()) && !environments.contains("prod")) {
      problems.add("databricks.prod: is required because a workspace has a prodHost");
    }
    return out;
  }

  /** The core's words for a model registry (its {@code ModelRegistryTarget}). */
  private static final Pattern MODEL_REGISTRY =
      Pattern.compile("(?i)auto|workspace|unity[-_]catalog");

  /** A Unity Catalog {@code catalog.schema}: two parts without space, slash or another period. */
  private static final Pattern MODEL_SCHEMA = Pattern.compile("[^.\\s/]+\\.[^.\\s/]+");

  private static Optional<String> modelRegistry(ConfigNode w) {
    Optional<String> r = w.optionalText("prodModelRegistry");
    r.filter(v -> !MODEL_REGISTRY.matcher(v).matches())
        .ifPresent(v ->
            w.problem("prodModelRegistry", "'" + v + "' is not auto, workspace or unity-catalog"));
    return r;
  }

  private static Optional<String> modelSchema(ConfigNode w) {
    Optional<String> s = w.optionalText("prodModelSchema");
    s.filter(v -> !MODEL_SCHEMA.matcher(v).matches())
        .ifPresent(
            v -> w.problem("prodModelSchema", "'" + v + "' is not a Unity Catalog catalog.schema"));
    return s;
  }

  private Deadlines deadlines(ConfigNode n, List<String> problems) {
    n.allowOnly(
        Set.of(
            "timeZone",
            "reminderTime",
            "reminderOffsetsDays",
            "holidays",
            "milestones",
            "reminderRatePerSecond"));
    ZoneId zone =
        n.parsed("timeZone", ZoneId::of, "a time zone such as America/Toronto")
            .orElse(ZoneId.of("America/Toronto"));
    LocalTime time =
        n.parsed("reminderTime", LocalTime::parse, "a time such as 09:30")
            .orElse(LocalTime.of(9, 30));
    List<Integer> offsets = new ArrayList<>();
    for (String text : n.texts("reminderOffsetsDays")) {
      try {
        int days = Integer.parseInt(text);
        if (days < 0 || days > 365) {
          throw new NumberFormatException();
        }
        offsets.add(days);
      } catch (NumberFormatException e) {
        n.problem("reminderOffsetsDays", "'" + text + "' is not a number of days from 0 to 365");
      }
    }
    if (offsets.isEmpty() && n.list("reminderOffsetsDays").isEmpty()) {
      offsets.addAll(DEFAULT_OFFSETS);
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (String text : n.texts("holidays")) {
      try {
        holidays.add(LocalDate.parse(text));
      } catch (RuntimeException e) {
        n.problem("holidays", "'" + text + "' is not a date such as 2025-12-25");
      }
    }
    List<Milestone> milestones = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ConfigNode m : n.list("milestones")) {
      m.allowOnly(Set.of("id", "date", "titleEn", "titleFr"));
      String id = matching(m, "id", MILESTONE_ID, "final-date (lower case, digits and dashes)");
      if (!id.isEmpty() && !ids.add(id)) {
        m.problem("id", "'" + id + "' appears more than once");
      }
      Optional<LocalDate> date = m.parsed("date", LocalDate::parse, "a date such as 2025-11-30");
      if (date.isEmpty() && m.optionalText("date").isEmpty()) {
        m.problem("date", "is required (for example: 2025-11-30)");
      }
      milestones.add(
          new Milestone(
              id,
              date.orElse(LocalDate.MIN),
              m.text("titleEn", "Final date to migrate"),
              m.text("titleFr", "Date limite de migration")));
    }
    double rate =
        n.parsed(
                "reminderRatePerSecond",
                Double::parseDouble,
                "a number of messages per second such as 20")
            .filter(r -> {
              if (r > 0 && r <= 1000) {
                return true;
              }
              n.problem(
                  "reminderRatePerSecond",
                  "'" + r + "' is not a rate from above 0 to 1000 messages per second");
              return false;
            })
            .orElse(Deadlines.DEFAULT_RATE_PER_SECOND);
    return new Deadlines(zone, time, offsets, holidays, milestones, rate);
  }

  private static CampaignSettings campaign(ConfigNode n, Deadlines deadlines) {
    n.allowOnly(Set.of("finalMilestone", "start", "digestDay", "digestTime", "digest"));
    CampaignSettings d = CampaignSettings.DEFAULT;
    Optional<String> finalMilestone = n.optionalText("finalMilestone");
    finalMilestone.ifPresent(id -> {
      if (deadlines.milestones().stream().noneMatch(m -> m.id().equals(id))) {
        n.problem("finalMilestone", "'" + id + "' is not the id of a milestone under deadlines");
      }
    });
    return new CampaignSettings(
        finalMilestone,
        n.parsed("start", LocalDate::parse, "a date such as 2025-09-01"),
        n.parsed(
                "digestDay",
                s -> DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT)),
                "a day of the week such as monday")
            .orElse(d.digestDay()),
        n.parsed("digestTime", LocalTime::parse, "a time such as 09:00").orElse(d.digestTime()),
        n.parsed("digest", ConfigLoader::bool, "true or false").orElse(d.digest()));
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  private static BundleSettings bundles(ConfigNode n) {
    n.allowOnly(Set.of("directory", "maxUploadMegabytes", "retentionDays", "fetchCommand"));
    Path directory =
        n.optionalText("directory").map(Path::of).orElse(BundleSettings.DEFAULT_DIRECTORY);
    long maxMb =
        n.parsed("maxUploadMegabytes", Long::parseLong, "a whole number of megabytes such as 100")
            .filter(mb -> mb >= 0 || fail(n, "maxUploadMegabytes", mb + " is negative"))
            .orElse(BundleSettings.DEFAULT_MAX_UPLOAD_MB);
    int days =
        n.parsed("retentionDays", Integer::parseInt, "a whole number of days such as 30")
            .filter(d -> d >= 1 || fail(n, "retentionDays", d + " is not at least 1 day"))
            .orElse(BundleSettings.DEFAULT_RETENTION_DAYS);
    return new BundleSettings(
        directory, maxMb * 1024 * 1024, Duration.ofDays(days), n.optionalText("fetchCommand"));
  }

  private static ApprovalSettings approvals(ConfigNode n, Deadlines deadlines) {
    n.allowOnly(
        Set.of(
            "allowOwnDecisions",
            "nudgeAfterBusinessDays",
            "escalateAfterBusinessDays",
            "escalateTo",
            "finalMilestone"));
    boolean allowOwn =
        n.parsed("allowOwnDecisions", ConfigLoader::bool, "true or false").orElse(false);
    int nudge = businessDays(n, "nudgeAfterBusinessDays", ApprovalSettings.DEFAULT_NUDGE_AFTER);
    int escalate =
        businessDays(n, "escalateAfterBusinessDays", ApprovalSettings.DEFAULT_ESCALATE_AFTER);
    Optional<String> escalateTo = n.optionalText("escalateTo");
    escalateTo.ifPresent(t -> {
      if (!CHANNEL_ID.matcher(t).matches() && !USERGROUP_ID.matcher(t).matches()) {
        n.problem(
            "escalateTo",
            "'"
                + t
                + "' is not a channel id such as C012AB3CD or a user group id such as S012AB3CD");
      }
    });
    String finalMilestone =
        n.optionalText("finalMilestone").orElse(ApprovalSettings.DEFAULT_FINAL_MILESTONE);
    boolean known = deadlines.milestones().stream().anyMatch(m -> m.id().equals(finalMilestone));
    if (!known && n.optionalText("finalMilestone").isPresent()) {
      n.problem("finalMilestone", "'" + finalMilestone + "' is not the id of a milestone");
    }
    return new ApprovalSettings(allowOwn, nudge, escalate, escalateTo, finalMilestone);
  }

  private static int businessDays(ConfigNode n, String key, int fallback) {
    return n.parsed(key, Integer::parseInt, "a whole number of business days such as 1")
        .filter(d -> (d >= 1 && d <= 60) || fail(n, key, d + " is not from 1 to 60 business days"))
        .orElse(fallback);
  }

  private static boolean fail(ConfigNode n, String key, String what) {
    n.problem(key, what);
    return false;
  }

  private static String matching(ConfigNode n, String key, Pattern pattern, String example) {
    String value = n.text(key, example);
    if (!value.isEmpty() && !pattern.matcher(value).matches()) {
      n.problem(key, "'" + value + "' is not " + example);
    }
    return value;
  }

  private static void requirePresent(ConfigNode n, String key, Optional<String> value) {
    if (value.isEmpty()) {
      n.problem(key, "is required for this auth type");
    }
  }

  private Optional<Secret> secret(String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(new Secret(variable, value));
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = URI.create(text);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  /** The core's {@code TableAclTarget} words (the platform names no core type). */
  private static final Pattern TABLE_ACL_TARGET =
      Pattern.compile("auto|hive-metastore|unity-catalog");

  private static final Pattern CATALOG_SCHEMA = Pattern.compile("[^.\\s]+\\.[^.\\s]+");

  private static Optional<String> tableAclTarget(ConfigNode w) {
    Optional<String> t = w.optionalText("tableAclTarget");
    t.filter(v -> !TABLE_ACL_TARGET.matcher(v).matches())
        .ifPresent(v ->
            w.problem(
                "tableAclTarget", "'" + v + "' is not auto, hive-metastore or unity-catalog"));
    return t;
  }

  private static Map<String, String> databases(ConfigNode w) {
    Map<String, String> d = w.textMap("databases");
    d.forEach((db, target) -> {
      if (!CATALOG_SCHEMA.matcher(target).matches())
        w.problem("databases", db + ": '" + target + "' is not catalog.schema");
    });
    return d;
  }
}
