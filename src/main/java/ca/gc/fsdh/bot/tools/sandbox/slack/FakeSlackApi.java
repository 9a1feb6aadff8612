package ca.gc.fsdh.bot.tools.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for the Slack Web API, for tests, the demo and benchmarks. It keeps state
 * (posted messages and their updates, views, uploaded files), records every call for assertions,
 * checks the bot token, and can answer 429 with {@code Retry-After} or a 5xx on demand ({@link
 * SlackFault}).
 *
 * <p>It is as strict as Slack about Block Kit: every message, {@code response_url} post and view is
 * checked against {@link BlockKitLimits} and refused as Slack refuses it ({@code invalid_blocks}
 * for a message, {@code invalid_arguments} for a view, each problem with its JSON pointer in {@code
 * response_metadata.messages}). Each refusal is also kept ({@link #refusals()}).
 *
 * <p>Files a person uploads through a modal's {@code file_input} are seeded with {@link #userFile};
 * the bot reads them as Slack lets it: {@code files.info}, then {@code url_private_download} with
 * its token.
 *
 * <p>Point the bot at it with {@code SLACK_API_URL=}{@link #apiUrl()}. Slash commands sent by
 * {@link SlackSender} carry a {@code response_url} on this server ({@link #responseUrl()}). For
 * Socket Mode, {@link #socketMode} names the app token and the WebSocket URL that {@code
 * apps.connections.open} hands out.
 */
public final class FakeSlackApi implements AutoCloseable {
  public static final String TEAM_ID = "T0SANDBOX";
  public static final String BOT_USER_ID = "U0FSDHBOT";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** files.getUploadURLExternal's {@code alt_txt}: at most 1,000 characters. */
  static final int ALT_TXT = 1000;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final String botToken;
  private final List<SlackCall> calls = new CopyOnWriteArrayList<>();
  private final List<SlackFault> faults = new CopyOnWriteArrayList<>();
  private final Map<String, Map<String, ObjectNode>> messages = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> views = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> homeTabs = new ConcurrentHashMap<>();
  private final Map<String, UploadedFile> files = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
  private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
  private final Map<String, List<String>> channelMembers = new ConcurrentHashMap<>();
  private final UserFiles userFiles;
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong(1_700_000_000L);
  private volatile SocketModeEndpoint socketMode;
  private volatile boolean down;

  /**
   * A file received through {@code files.uploadV2}: announced ({@code length} bytes), its bytes
   * received ({@code uploaded}), then completed: {@code channel} is where it was shared, null while
   * it is private (only the bot can see it).
   */
  public record UploadedFile(
      String id,
      String name,
      byte[] bytes,
      String channel,
      long length,
      boolean uploaded,
      String altText,
      String title) {}

  /** A call refused for its blocks or view: the method, Slack's error and its messages. */
  public record Refusal(String method, String error, List<String> messages) {}

  /** Where {@code apps.connections.open} sends the holder of {@code appToken}. */
  private record SocketModeEndpoint(String appToken, String url) {}

  public FakeSlackApi(String botToken) throws IOException {
    this.botToken = botToken;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(executor);
    server.createContext("/api/", this::api);
    server.createContext("/upload/", this::upload);
    server.createContext("/response/", this::responseUrlPost);
    server.createContext("/files-pri/", this::privateDownload);
    userFiles =
        new UserFiles("http://127.0.0.1:" + server.getAddress().getPort() + "/files-pri/", TEAM_ID);
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** A fresh {@code response_url} for one slash command or action. */
  public String responseUrl() {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/response/"
        + sequence.incrementAndGet();
  }

  // ---- seeding --------------------------------------------------------------------------------

  public FakeSlackApi user(String id, String realName, String locale) {
    ObjectNode u =
        JSON.createObjectNode()
            .put("id", id)
            .put("name", realName.toLowerCase().replace(' ', '.'))
            .put("real_name", realName)
            .put("locale", locale)
            .put("tz", "America/Toronto")
            .put("team_id", TEAM_ID);
    u.putObject("profile").put("real_name", realName).put("display_name", realName);
    users.put(id, u);
    return this;
  }

  public FakeSlackApi userGroup(String id, List<String> members) {
    userGroups.put(id, List.copyOf(members));
    return this;
  }

  /**
   * Who is in a channel: a file shared there is visible to them only. A channel never named here is
   * taken as public (every member of the workspace can see what is shared in it); a direct message
   * {@code D<user>} (as {@code conversations.open} answers here) is visible to that user.
   */
  public FakeSlackApi channelMembers(String channel, List<String> members) {
    channelMembers.put(channel, List.copyOf(members));
    return this;
  }

  /**
   * Answers {@code apps.connections.open} for {@code appToken} (an {@code xapp-} token) with {@code
   * url}.
   */
  public FakeSlackApi socketMode(String appToken, String url) {
    socketMode = new SocketModeEndpoint(appToken, url);
    return this;
  }

  /**
   * A file {@code user} uploaded through a modal's {@code file_input}. Returns the file object
   * Slack puts in the {@code view_submission}'s state ({@code
   * state.values[block][action].files[]}).
   */
  public ObjectNode userFile(String user, String name, String mimetype, byte[] bytes) {
    return userFiles.add("F" + sequence.incrementAndGet(), user, name, mimetype, bytes);
  }

  public void inject(SlackFault fault) {
    faults.add(fault);
  }

  /**
   * An outage: while down, every Web API call is recorded and answered 503, until {@code
   * down(false)}.
   */
  public void down(boolean down) {
    this.down = down;
  }

  // ---- what was received ----------------------------------------------------------------------

  public List<SlackCall> calls() {
    return List.copyOf(calls);
  }

  public List<SlackCall> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public List<SlackCall> calls(Predicate<SlackCall> filter) {
    return calls.stream().filter(filter).toList();
  }

  /** The messages of a channel as they are now (updates applied), oldest first. */
  public List<JsonNode> messages(String channel) {
    return List.copyOf(messages.getOrDefault(channel, Map.of()).values());
  }

  public JsonNode homeTab(String userId) {
    return homeTabs.get(userId);
  }

  public Map<String, UploadedFile> files() {
    return Map.copyOf(files);
  }

  /** Every call refused for its blocks or view, oldest first. */
  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  /** Forgets the refusals seen so far (after a test checked those it provoked). */
  public void clearRefusals() {
    refusals.clear();
  }

  public void clearCalls() {
    calls.clear();
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  private void api(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestURI().getPath().substring("/api/".length());
      Map<String, String> params = parseBody(ex);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String token =
          auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
      calls.add(new SlackCall(method, Map.copyOf(params), token));
      if (down) {
        send(ex, 503, "text/plain", "sandbox outage");
        return;
      }
      if (fault(ex, method)) {
        return;
      }
      SocketModeEndpoint endpoint = socketMode;
      if (endpoint != null && endpoint.appToken().equals(token)) {
        reply(ex, appTokenAnswer(method, endpoint));
        return;
      }
      if (!botToken.equals(token)) {
        reply(ex, error("invalid_auth"));
        return;
      }
      reply(ex, answer(method, params));
    }
  }

  private ObjectNode answer(String method, Map<String, String> p) throws IOException {
    return switch (method) {
      case "auth.test" ->
          ok().put("url", "https://fsdh-sandbox.slack.com/")
              .put("team", "FSDH sandbox")
              .put("user", "fsdh")
              .put("team_id", TEAM_ID)
              .put("user_id", BOT_USER_ID)
              .put("bot_id", "B0FSDHBOT");
      case "chat.postMessage" -> postMessage(p);
      case "chat.update" -> updateMessage(p);
      case "chat.postEphemeral" ->
          refusedBlocks(method, p).orElseGet(() -> ok().put("message_ts", nextTs()));
      case "views.open", "views.push" ->
          refusedView(method, p).orElseGet(() -> saveView(p, "V" + sequence.incrementAndGet()));
      case "views.update" ->
          refusedView(method, p)
              .orElseGet(() ->
                  p.containsKey("view_id") && views.containsKey(p.get("view_id"))
                      ? saveView(p, p.get("view_id"))
                      : error("not_found"));
      case "views.publish" ->
          refusedView(method, p)
              .or(() ->
                  refusedFiles(
                      method,
                      readTree(p.get("view")).path("blocks"),
                      "/view/blocks",
                      p.get("user_id")))
              .orElseGet(() -> publishHome(p));
      case "files.info" ->
          userFiles
              .info(p.getOrDefault("file", ""))
              .map(f -> ok().<ObjectNode>set("file", f))
              .orElseGet(() -> error("file_not_found"));
      case "usergroups.users.list" ->
          userGroups.containsKey(p.get("usergroup"))
              ? withUsers(ok(), userGroups.get(p.get("usergroup")))
              : error("no_such_subteam");
      case "users.info" ->
          users.containsKey(p.get("user"))
              ? ok().set("user", users.get(p.get("user")))
              : error("user_not_found");
      case "conversations.open" -> openIm(p);
      case "files.getUploadURLExternal" -> uploadUrl(p);
      case "files.completeUploadExternal" -> completeUpload(p);
      case "apps.connections.open" -> error("not_allowed_token_type"); // needs the app-level token
      default -> error("unknown_method");
    };
  }

  /**
   * The app-level token opens Socket Mode connections; the SDK also checks it with {@code
   * auth.test}. Like Slack, it calls nothing else.
   */
  private static ObjectNode appTokenAnswer(String method, SocketModeEndpoint endpoint) {
    return switch (method) {
      case "apps.connections.open" -> ok().put("url", endpoint.url());
      case "auth.test" -> ok().put("team_id", TEAM_ID).put("app_id", SlackPayloads.APP_ID);
      default -> error("not_allowed_token_type");
    };
  }

  private ObjectNode postMessage(Map<String, String> p) throws IOException {
    String channel = p.get("channel");
    if (channel == null || channel.isBlank()) {
      return error("channel_not_found");
    }
    if (isBlank(p.get("text")) && isBlank(p.get("blocks")) && isBlank(p.get("attachments"))) {
      return error("no_text");
    }
    Optional<ObjectNode> refused =
        refusedBlocks("chat.postMessage", p)
            .or(() -> refusedFiles("chat.postMessage", readTree(p.get("blocks")), "/blocks", null));
    if (refused.isPresent()) {
      return refused.get();
    }
    String ts = nextTs();
    ObjectNode message = message(p, ts);
    if (p.containsKey("thread_ts")) {
      message.put("thread_ts", p.get("thread_ts"));
    }
    messages
        .computeIfAbsent(channel, c -> Collections.synchronizedMap(new LinkedHashMap<>()))
        .put(ts, message);
    ObjectNode r = ok().put("channel", channel).put("ts", ts);
    r.set("message", message);
    return r;
  }

  private ObjectNode updateMessage(Map<String, String> p) throws IOException {
    Optional<ObjectNode> refused = refusedBlocks("chat.update", p);
    if (refused.isPresent()) {
      return refused.get();
    }
    Map<String, ObjectNode> channel = messages.get(p.get("channel"));
    ObjectNode existing = channel == null ? null : channel.get(p.get("ts"));
    if (existing == null) {
      return error("message_not_found");
    }
    ObjectNode updated = message(p, p.get("ts"));
    if (existing.has("thread_ts")) {
      updated.put("thread_ts", existing.get("thread_ts").asText());
    }
    channel.put(p.get("ts"), updated);
    return ok().put("channel", p.get("channel")).put("ts", p.get("ts"));
  }

  private ObjectNode message(Map<String, String> p, String ts) throws IOException {
    String text = p.getOrDefault("text", "");
    // chat.postMessage: "Slack will truncate messages containing more than 40,000 characters."
    ObjectNode m =
        JSON.createObjectNode()
            .put("type", "message")
            .put("ts", ts)
            .put("user", BOT_USER_ID)
            .put(
                "text",
                text.length() > BlockKitLimits.MESSAGE_TEXT
                    ? text.substring(0, BlockKitLimits.MESSAGE_TEXT)
                    : text);
    if (!isBlank(p.get("blocks"))) {
      m.set("blocks", JSON.readTree(p.get("blocks")));
    }
    return m;
  }

  /**
   * A message's blocks as Slack checks them: {@code invalid_blocks_format} when they are not a JSON
   * array, {@code invalid_blocks} with each problem, {@code msg_blocks_too_long} past the text
   * Slack takes.
   */
  private Optional<ObjectNode> refusedBlocks(String method, Map<String, String> p) {
    if (isBlank(p.get("blocks"))) {
      return Optional.empty();
    }
    JsonNode blocks;
    try {
      blocks = JSON.readTree(p.get("blocks"));
    } catch (IOException e) {
      blocks = null;
    }
    if (blocks == null || !blocks.isArray()) {
      return Optional.of(refuse(method, "invalid_blocks_format", List.of()));
    }
    List<BlockKitLimits.Violation> problems = BlockKitLimits.message(blocks);
    if (!problems.isEmpty()) {
      ObjectNode answer = refuse(method, "invalid_blocks", problems);
      ArrayNode errors = answer.putArray("errors");
      problems.forEach(v -> errors.add(v.shortMessage()));
      return Optional.of(answer);
    }
    if (BlockKitLimits.textLength(blocks) > BlockKitLimits.MESSAGE_BLOCKS_TEXT) {
      return Optional.of(refuse(method, "msg_blocks_too_long", List.of()));
    }
    return Optional.empty();
  }

  /**
   * A view as Slack checks it: any problem is {@code invalid_arguments}, each named in the
   * messages.
   */
  private Optional<ObjectNode> refusedView(String method, Map<String, String> p) {
    JsonNode view;
    try {
      view = isBlank(p.get("view")) ? null : JSON.readTree(p.get("view"));
    } catch (IOException e) {
      view = null;
    }
    if (view == null || !view.isObject()) {
      return Optional.of(
          refuse(
              method,
              "invalid_arguments",
              List.of(new BlockKitLimits.Violation("/view", "missing required field: view"))));
    }
    List<BlockKitLimits.Violation> problems = BlockKitLimits.view(view);
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(refuse(method, "invalid_arguments", problems));
  }

  private ObjectNode refuse(String method, String code, List<BlockKitLimits.Violation> problems) {
    List<String> messages = problems.stream().map(BlockKitLimits.Violation::slackMessage).toList();
    refusals.add(new Refusal(method, code, messages));
    ObjectNode answer = error(code);
    ArrayNode list = answer.putObject("response_metadata").putArray("messages");
    messages.forEach(list::add);
    return answer;
  }

  private ObjectNode saveView(Map<String, String> p, String id) {
    ObjectNode view = (ObjectNode) readTree(p.get("view"));
    view.put("id", id);
    views.put(id, view);
    return (ObjectNode) ok().set("view", view);
  }

  private ObjectNode publishHome(Map<String, String> p) {
    if (isBlank(p.get("user_id"))) {
      return error("invalid_arguments");
    }
    ObjectNode view = (ObjectNode) readTree(p.get("view"));
    view.put("id", "V" + sequence.incrementAndGet());
    homeTabs.put(p.get("user_id"), view);
    return (ObjectNode) ok().set("view", view);
  }

  private ObjectNode openIm(Map<String, String> p) {
    String users = p.get("users");
    if (isBlank(users)) {
      return error("users_list_not_supplied");
    }
    ObjectNode r = ok();
    r.putObject("channel").put("id", "D" + users.split(",")[0].trim());
    return r;
  }

  /**
   * files.getUploadURLExternal (docs.slack.dev reference/methods/files.getUploadURLExternal):
   * {@code filename} and {@code length} (the size in bytes) are required; {@code alt_txt} at most
   * 1,000 characters ({@code alt_txt_too_large}, Slack's method spec as mirrored by slack_kit on
   * hex.pm). The upload URL is absolute: the SDK posts the bytes to it with its own HTTP client,
   * not through the API URL prefix (java-slack-sdk 1.51 FilesUploadV2Helper).
   */
  private ObjectNode uploadUrl(Map<String, String> p) {
    if (isBlank(p.get("filename")) || isBlank(p.get("length"))) {
      return error("invalid_arguments");
    }
    long length;
    try {
      length = Long.parseLong(p.get("length").trim());
    } catch (NumberFormatException e) {
      return error("invalid_arguments");
    }
    if (length <= 0) {
      return error("invalid_arguments");
    }
    String alt = p.get("alt_txt");
    if (alt != null && alt.length() > ALT_TXT) {
      return error("alt_txt_too_large");
    }
    String id = "F" + sequence.incrementAndGet();
    files.put(
        id, new UploadedFile(id, p.get("filename"), new byte[0], null, length, false, alt, null));
    return ok().put("file_id", id)
        .put("upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + id);
  }

  /**
   * files.completeUploadExternal (docs.slack.dev reference/methods/files.completeUploadExternal):
   * {@code files} is required, a JSON array of {@code {"id", "title"}}; each file must have been
   * announced and its bytes received; without {@code channel_id} (or {@code channels}) "the file
   * will be private": shared nowhere, so no one but the bot can see it. {@code thread_ts} needs a
   * channel.
   */
  private ObjectNode completeUpload(Map<String, String> p) throws IOException {
    if (isBlank(p.get("files"))) {
      return error("invalid_arguments");
    }
    JsonNode list = readTree(p.get("files"));
    if (list == null || !list.isArray() || list.isEmpty()) {
      return error("invalid_arguments");
    }
    String channel = isBlank(p.get("channel_id")) ? p.get("channels") : p.get("channel_id");
    if (isBlank(channel) && !isBlank(p.get("thread_ts"))) {
      return error("invalid_arguments");
    }
    ArrayNode done = JSON.createArrayNode();
    for (JsonNode f : list) {
      UploadedFile file = files.get(f.path("id").asText());
      if (file == null || !file.uploaded()) {
        return error("file_not_found");
      }
    }
    for (JsonNode f : list) {
      UploadedFile file = files.get(f.path("id").asText());
      String title = f.path("title").asText(file.name());
      files.put(
          file.id(),
          new UploadedFile(
              file.id(),
              file.name(),
              file.bytes(),
              isBlank(channel) ? null : channel,
              file.length(),
              true,
              file.altText(),
              title));
      done.addObject()
          .put("id", file.id())
          .put("title", title)
          .put("name", file.name())
          .put("size", file.bytes().length);
    }
    return (ObjectNode) ok().set("files", done);
  }

  /**
   * The raw upload to an {@code upload_url}: HTTP 200 once the bytes are in (docs.slack.dev
   * files.getUploadURLExternal, "Slack will respond with HTTP 200"). Bytes whose count differs from
   * the announced {@code length} are refused (400): the length is the file's size in bytes.
   */
  private void upload(HttpExchange ex) throws IOException {
    try (ex) {
      String id = ex.getRequestURI().getPath().substring("/upload/".length());
      byte[] bytes = ex.getRequestBody().readAllBytes();
      calls.add(
          new SlackCall(
              "upload", Map.of("file_id", id, "length", Integer.toString(bytes.length)), null));
      UploadedFile file = files.get(id);
      if (file == null || !ex.getRequestMethod().equals("POST")) {
        send(ex, 404, "text/plain", "no such upload");
        return;
      }
      if (bytes.length != file.length()) {
        send(ex, 400, "text/plain", "length mismatch: " + bytes.length + " != " + file.length());
        return;
      }
      files.put(
          id,
          new UploadedFile(
              id,
              file.name(),
              bytes,
              file.channel(),
              file.length(),
              true,
              file.altText(),
              file.title()));
      send(ex, 200, "text/plain", "OK - " + bytes.length);
    }
  }

  /**
   * A {@code slack_file} named by id in image blocks must be a file "the user posting these blocks"
   * (or, in a Home tab, its viewer) can see (docs.slack.dev composition-objects/slack-file-object):
   * a private file, never shared, is refused as Slack refuses it ("invalid slack file", with its
   * JSON pointer: python-slack-sdk issue 1658, java-slack-sdk issue 1349); for a Home tab, the file
   * must be shared where the viewer is.
   */
  private Optional<ObjectNode> refusedFiles(
      String method, JsonNode blocks, String at, String viewer) {
    if (blocks == null || !blocks.isArray()) {
      return Optional.empty();
    }
    List<BlockKitLimits.Violation> problems = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode id = blocks.get(i).path("slack_file").path("id");
      if (!id.isTextual()) {
        continue;
      }
      UploadedFile file = files.get(id.asText());
      if (file == null
          || file.channel() == null
          || (viewer != null && !canSee(viewer, file.channel()))) {
        problems.add(
            new BlockKitLimits.Violation(at + "/" + i + "/slack_file", "invalid slack file"));
      }
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        refuse(
            method,
            method.equals("chat.postMessage") ? "invalid_blocks" : "invalid_arguments",
            problems));
  }

  private boolean canSee(String user, String channel) {
    if (channel.startsWith("D")) {
      return channel.equals("D" + user);
    }
    List<String> members = channelMembers.get(channel);
    return members == null || members.contains(user);
  }

  private void responseUrlPost(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      calls.add(
          new SlackCall(
              "response_url", Map.of("url", ex.getRequestURI().getPath(), "json", body), null));
      if (fault(ex, "response_url")) {
        return;
      }
      // A response_url answers like an incoming webhook: HTTP 400 with the error as plain text.
      JsonNode message = readTree(body);
      if (message == null || !message.isObject()) {
        send(ex, 400, "text/plain", "invalid_payload");
        return;
      }
      if (message.has("blocks")) {
        List<BlockKitLimits.Violation> problems =
            message.get("blocks").isArray()
                ? BlockKitLimits.message(message.get("blocks"))
                : List.of(new BlockKitLimits.Violation("/blocks", "must be an array"));
        if (!problems.isEmpty()) {
          refusals.add(
              new Refusal(
                  "response_url",
                  "invalid_blocks",
                  problems.stream().map(BlockKitLimits.Violation::slackMessage).toList()));
          send(ex, 400, "text/plain", "invalid_blocks");
          return;
        }
      }
      reply(ex, ok());
    }
  }

  /**
   * {@code url_private_download}: the file's bytes, only with the bot's token in an {@code
   * Authorization: Bearer} header ("Important Changes to Files in the Web API", Slack platform
   * blog, 2015: url_private and url_private_download require it, from a token with files:read).
   */
  private void privateDownload(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath().substring("/files-pri/".length());
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      calls.add(
          new SlackCall(
              "files-pri",
              Map.of("path", path),
              auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null));
      if (!fault(ex, "files-pri")) {
        userFiles.download(
            ex, path, ex.getRequestMethod().equals("GET") && ("Bearer " + botToken).equals(auth));
      }
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private boolean fault(HttpExchange ex, String method) throws IOException {
    for (SlackFault f : faults) {
      if (f.appliesTo(method)) {
        synchronized (faults) {
          if (!faults.remove(f)) {
            continue;
          }
          if (f.times() > 1) {
            faults.add(
                new SlackFault(f.method(), f.status(), f.retryAfterSeconds(), f.times() - 1));
          }
        }
        if (f.status() == 429) {
          ex.getResponseHeaders().set("Retry-After", Integer.toString(f.retryAfterSeconds()));
          send(ex, 429, "application/json", error("ratelimited").toString());
        } else {
          send(ex, f.status(), "text/plain", "sandbox fault " + f.status());
        }
        return true;
      }
    }
    return false;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String nextTs() {
    return sequence.incrementAndGet() + ".000100";
  }

  private static ObjectNode ok() {
    return JSON.createObjectNode().put("ok", true);
  }

  private static ObjectNode error(String error) {
    return JSON.createObjectNode().put("ok", false).put("error", error);
  }

  private static ObjectNode withUsers(ObjectNode node, List<String> users) {
    ArrayNode array = node.putArray("users");
    users.forEach(array::add);
    return node;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static Map<String, String> parseBody(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> params = new HashMap<>();
    if (type != null && type.startsWith("application/json") && !body.isBlank()) {
      JSON.readTree(body)
          .properties()
          .forEach(e ->
              params.put(
                  e.getKey(),
                  e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    String query = ex.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.putIfAbsent(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }

  private static void reply(HttpExchange ex, JsonNode body) throws IOException {
    send(ex, 200, "application/json; charset=utf-8", body.toString());
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Channels that received at least one message. */
  public List<String> channels() {
    return new ArrayList<>(messages.keySet());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
