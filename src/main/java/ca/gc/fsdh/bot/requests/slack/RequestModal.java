package ca.gc.fsdh.bot.requests.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.fileInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.Workspace;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.NewRequest;
import ca.gc.fsdh.bot.requests.OpenPgpPublicKey;
import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.slackkit.SlackFileReader;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.File;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The request form: which workspace (only those the person leads or administers), which resource
 * types (all selected), and for an offboarding the notebook format and an optional OpenPGP public
 * key for secret values; a note for the support team. Everything is checked again on submission.
 *
 * <p>The key is a file ({@code file_input}): an armored RSA-4096 public key (about 3,100
 * characters) does not fit a text input, which Slack caps at 3,000. A short key (ed25519, about 700
 * characters) may be pasted instead. Either is read and checked while the submission waits (within
 * Slack's 3 seconds): a file that is not a public key, a secret key, an expired, revoked or
 * sign-only key is refused at once, on the form, in both languages.
 */
public final class RequestModal {
  static final int NOTE_LIMIT = 500;

  /** Slack's cap on a plain_text_input's max_length (Block Kit, "Plain-text input element"). */
  static final int PASTED_KEY_LIMIT = 3000;

  /**
   * A public key with many signatures runs to tens of kilobytes; this is far above any real one.
   */
  static final long KEY_FILE_LIMIT = 1024 * 1024;

  /** Read and checked before the form's answer, which Slack waits for 3 seconds. */
  static final Duration KEY_READ_DEADLINE = Duration.ofMillis(2000);

  /**
   * File extensions offered by the file picker (Slack: "for convenience only"; the content is
   * checked).
   */
  static final List<String> KEY_FILE_TYPES = List.of("asc", "gpg", "pgp", "pub", "key", "txt");

  /** Block Kit, "Select menu element": at most 100 options. */
  static final int WORKSPACE_OPTIONS = 100;

  private static final int OPTION_TEXT_LIMIT = 75;
  private final RequestService service;
  private final WorkspaceDirectory directory;
  private final RequestText text;
  private final OutcomeReply reply;
  private final SlackFileReader files;
  private final Clock clock;

  public RequestModal(
      RequestService service,
      WorkspaceDirectory directory,
      RequestText text,
      OutcomeReply reply,
      SlackFileReader files,
      Clock clock) {
    this.service = service;
    this.directory = directory;
    this.text = text;
    this.reply = reply;
    this.files = files;
    this.clock = clock;
  }

  /** Reads an uploaded key file within the submission's deadline. */
  public static SlackFileReader keyFileReader() {
    return new SlackFileReader(KEY_FILE_LIMIT, KEY_READ_DEADLINE);
  }

  RequestText text() {
    return text;
  }

  /** Opens the form; returns a message instead when the person has no workspace to choose. */
  public Optional<Bilingual> open(
      MethodsClient client,
      String triggerId,
      String userId,
      RequestKind kind,
      Optional<String> preselected,
      Language language)
      throws IOException, SlackApiException {
    List<Workspace> choices =
        directory.managedBy(userId).stream()
            .filter(w -> kind == RequestKind.OFFBOARD || !w.offboardOnly())
            .toList();
    if (choices.isEmpty()) {
      return Optional.of(text.messages().both(language, "request.no-workspace"));
    }
    var response =
        client.viewsOpen(
            r -> r.triggerId(triggerId).view(form(kind, choices, preselected, language)));
    if (!response.isOk()) {
      throw new IllegalStateException(
          "views.open failed: "
              + response.getError()
              + (response.getResponseMetadata() == null
                  ? ""
                  : " " + response.getResponseMetadata().getMessages()));
    }
    return Optional.empty();
  }

  /**
   * The form as it is opened (also read by the test of every payload against Block Kit's limits).
   */
  View form(
      RequestKind kind, List<Workspace> choices, Optional<String> preselected, Language language) {
    return view(v ->
        v.type("modal")
            .callbackId(SlackIds.REQUEST_MODAL)
            .privateMetadata(kind.name())
            .title(
                viewTitle(t ->
                    t.type("plain_text")
                        .text(
                            inline(
                                language, "modal.title." + kind.name().toLowerCase(Locale.ROOT)))))
            .submit(viewSubmit(s -> s.type("plain_text").text(inline(language, "modal.submit"))))
            .close(viewClose(c -> c.type("plain_text").text(inline(language, "modal.close"))))
            .blocks(blocks(kind, choices, preselected, language)));
  }

  private List<LayoutBlock> blocks(
      RequestKind kind, List<Workspace> choices, Optional<String> preselected, Language language) {
    // A select holds at most 100 options: the preselected workspace first, then the others in
    // order.
    Optional<String> wanted = preselected.map(p -> p.toUpperCase(Locale.ROOT));
    List<Workspace> listed =
        Stream.concat(
                choices.stream()
                    .filter(w -> wanted.isPresent() && w.acronym().equals(wanted.get())),
                choices.stream().filter(w -> wanted.isEmpty() || !w.acronym().equals(wanted.get())))
            .limit(WORKSPACE_OPTIONS)
            .toList();
    List<OptionObject> workspaces =
        listed.stream()
            .map(w -> option(plainText(clip(w.acronym() + " — " + w.name(language))), w.acronym()))
            .toList();
    Optional<OptionObject> initial =
        wanted
            .flatMap(p -> workspaces.stream().filter(o -> o.getValue().equals(p)).findFirst())
            .or(() -> workspaces.size() == 1 ? Optional.of(workspaces.get(0)) : Optional.empty());
    List<OptionObject> types =
        ResourceType.ALL.stream()
            .sorted()
            .map(t ->
                option(
                    plainText(clip(text.messages().both(language, t.messageKey()).inline())),
                    t.folder()))
            .toList();

    List<LayoutBlock> blocks = new ArrayList<>();
    int unlisted = choices.size() - listed.size();
    blocks.add(
        input(i -> {
          i.blockId(SlackIds.WORKSPACE_BLOCK)
              .label(plainText(inline(language, "modal.workspace")))
              .element(
                  staticSelect(s -> {
                    s.actionId(SlackIds.WORKSPACE_INPUT).options(workspaces);
                    initial.ifPresent(s::initialOption);
                    return s;
                  }));
          if (unlisted > 0) {
            i.hint(
                plainText(
                    text.messages()
                        .both(
                            language,
                            "modal.workspace.more",
                            unlisted,
                            kind.name().toLowerCase(Locale.ROOT))
                        .inline()));
          }
          return i;
        }));
    blocks.add(
        input(i ->
            i.blockId(SlackIds.TYPES_BLOCK)
                .label(plainText(inline(language, "modal.types")))
                .element(
                    checkboxes(c ->
                        c.actionId(SlackIds.TYPES_INPUT).options(types).initialOptions(types)))));
    if (kind == RequestKind.OFFBOARD) {
      List<OptionObject> formats =
          List.of(
              option(plainText(clip(inline(language, "modal.format.source"))), "SOURCE"),
              option(plainText(clip(inline(language, "modal.format.jupyter"))), "JUPYTER"));
      blocks.add(
          input(i ->
              i.blockId(SlackIds.FORMAT_BLOCK)
                  .label(plainText(inline(language, "modal.format")))
                  .element(
                      radioButtons(r ->
                          r.actionId(SlackIds.FORMAT_INPUT)
                              .options(formats)
                              .initialOption(formats.get(0))))));
      blocks.add(
          input(i ->
              i.blockId(SlackIds.KEY_FILE_BLOCK)
                  .optional(true)
                  .label(plainText(inline(language, "modal.key")))
                  .hint(plainText(inline(language, "modal.key.hint")))
                  .element(
                      fileInput(f ->
                          f.actionId(SlackIds.KEY_FILE_INPUT)
                              .filetypes(KEY_FILE_TYPES)
                              .maxFiles(1)))));
      blocks.add(
          input(i ->
              i.blockId(SlackIds.KEY_BLOCK)
                  .optional(true)
                  .label(plainText(inline(language, "modal.key.pasted")))
                  .hint(plainText(inline(language, "modal.key.pasted.hint")))
                  .element(
                      plainTextInput(p ->
                          p.actionId(SlackIds.KEY_INPUT)
                              .multiline(true)
                              .maxLength(PASTED_KEY_LIMIT)))));
    }
    blocks.add(
        input(i ->
            i.blockId(SlackIds.NOTE_BLOCK)
                .optional(true)
                .label(plainText(inline(language, "modal.note")))
                .element(
                    plainTextInput(p ->
                        p.actionId(SlackIds.NOTE_INPUT).multiline(true).maxLength(NOTE_LIMIT)))));
    return blocks;
  }

  /**
   * The form was submitted: check it again, create the request, close the form or show what is
   * wrong.
   */
  public Response submit(ViewSubmissionRequest request, ViewSubmissionContext context) {
    var payload = request.getPayload();
    String userId = payload.getUser().getId();
    Language language = directory.languageOf(userId, Language.EN);
    RequestKind kind;
    try {
      kind = RequestKind.valueOf(payload.getView().getPrivateMetadata());
    } catch (RuntimeException e) {
      service.refuseUnreadable(userId, "request.form", payload.getView().getPrivateMetadata());
      return context.ack(r ->
          r.responseAction("errors")
              .errors(Map.of(SlackIds.WORKSPACE_BLOCK, inline(language, "modal.error.stale"))));
    }
    Map<String, Map<String, ViewState.Value>> values =
        Optional.ofNullable(payload.getView().getState()).map(ViewState::getValues).orElse(null);
    String acronym =
        selected(values, SlackIds.WORKSPACE_BLOCK, SlackIds.WORKSPACE_INPUT).orElse("");
    Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
    for (String id : selectedAll(values, SlackIds.TYPES_BLOCK, SlackIds.TYPES_INPUT)) {
      try {
        types.add(ResourceType.ofName(id));
      } catch (IllegalArgumentException ignored) {
        // a forged option: not a resource type, not selected
      }
    }
    if (types.isEmpty()) {
      return context.ack(r ->
          r.responseAction("errors")
              .errors(Map.of(SlackIds.TYPES_BLOCK, inline(language, "modal.error.no-types"))));
    }
    String format =
        selected(values, SlackIds.FORMAT_BLOCK, SlackIds.FORMAT_INPUT)
            .filter("JUPYTER"::equals)
            .orElse("SOURCE");
    Optional<String> key;
    try {
      key = publicKey(values, context, language);
    } catch (KeyRefused refused) {
      return context.ack(
          r -> r.responseAction("errors").errors(Map.of(refused.block, refused.message)));
    }
    Optional<String> note =
        typed(values, SlackIds.NOTE_BLOCK, SlackIds.NOTE_INPUT)
            .map(n -> n.length() > NOTE_LIMIT ? n.substring(0, NOTE_LIMIT) : n);
    Outcome outcome =
        service.create(
            new NewRequest(
                kind,
                acronym,
                userId,
                types,
                new RequestOptions(format, key),
                note,
                "view:" + payload.getView().getId()));
    if (outcome.done() || outcome.status() == Outcome.Status.REPLAYED) {
      return context.ack(); // closes the form; the requester gets a direct message with the request
    }
    String problem =
        reply
            .render(outcome, language, userId, "request.created", "request.not-lead", acronym)
            .inline();
    return context.ack(r ->
        r.responseAction("errors").errors(Map.of(SlackIds.WORKSPACE_BLOCK, clip(problem, 2000))));
  }

  /** A key the form cannot take: on which block to say so, and what. */
  private static final class KeyRefused extends Exception {
    final String block;
    final String message;

    KeyRefused(String block, String message) {
      super(null, null, false, false);
      this.block = block;
      this.message = message;
    }
  }

  /**
   * The key given in the form, uploaded or pasted, checked and re-armored; empty when none was
   * given.
   */
  private Optional<String> publicKey(
      Map<String, Map<String, ViewState.Value>> values,
      ViewSubmissionContext context,
      Language language)
      throws KeyRefused {
    List<File> uploaded =
        value(values, SlackIds.KEY_FILE_BLOCK, SlackIds.KEY_FILE_INPUT)
            .map(ViewState.Value::getFiles)
            .orElse(List.of());
    Optional<String> pasted = typed(values, SlackIds.KEY_BLOCK, SlackIds.KEY_INPUT);
    if (uploaded.isEmpty() && pasted.isEmpty()) {
      return Optional.empty();
    }
    if (uploaded.size() > 1 || !uploaded.isEmpty() && pasted.isPresent()) {
      throw new KeyRefused(SlackIds.KEY_FILE_BLOCK, inline(language, "modal.error.key.one"));
    }
    OpenPgpPublicKey.Check check;
    if (uploaded.isEmpty()) {
      check = OpenPgpPublicKey.check(pasted.get(), clock.instant());
    } else {
      SlackFileReader.Read read =
          files.read(context.client(), context.getBotToken(), uploaded.get(0).getId());
      if (read.tooLarge()) {
        throw new KeyRefused(
            SlackIds.KEY_FILE_BLOCK, inline(language, "modal.error.key.too-large"));
      }
      if (read.bytes().isEmpty()) {
        throw new KeyRefused(SlackIds.KEY_FILE_BLOCK, inline(language, "modal.error.key.unread"));
      }
      check = OpenPgpPublicKey.check(read.bytes().get(), clock.instant());
    }
    if (!check.usable()) {
      String problem = check.problem().name().toLowerCase(Locale.ROOT).replace('_', '-');
      throw new KeyRefused(
          uploaded.isEmpty() ? SlackIds.KEY_BLOCK : SlackIds.KEY_FILE_BLOCK,
          inline(language, "modal.error.key." + problem));
    }
    return Optional.of(check.armored());
  }

  private String inline(Language language, String key) {
    return text.messages().both(language, key).inline();
  }

  private static Optional<String> selected(
      Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    return value(values, block, action)
        .map(ViewState.Value::getSelectedOption)
        .map(ViewState.SelectedOption::getValue);
  }

  private static List<String> selectedAll(
      Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    return value(values, block, action)
        .map(ViewState.Value::getSelectedOptions)
        .map(options -> options.stream().map(ViewState.SelectedOption::getValue).toList())
        .orElse(List.of());
  }

  private static Optional<String> typed(
      Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    return value(values, block, action)
        .map(ViewState.Value::getValue)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static Optional<ViewState.Value> value(
      Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    return Optional.ofNullable(values).map(v -> v.get(block)).map(b -> b.get(action));
  }

  private static String clip(String text) {
    return clip(text, OPTION_TEXT_LIMIT);
  }

  private static String clip(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
