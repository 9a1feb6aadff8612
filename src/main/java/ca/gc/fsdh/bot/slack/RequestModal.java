package ca.gc.fsdh.bot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import ca.gc.fsdh.bot.config.Language;
import ca.gc.fsdh.bot.config.Workspace;
import ca.gc.fsdh.bot.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.i18n.Bilingual;
import ca.gc.fsdh.bot.requests.NewRequest;
import ca.gc.fsdh.bot.requests.OpenPgpPublicKey;
import ca.gc.fsdh.bot.requests.Outcome;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.migration.ResourceType;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.ViewState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request form: which workspace (only those the person leads or administers), which resource
 * types (all selected), and for an offboarding the notebook format and an optional OpenPGP public key
 * for secret values; a note for the support team. Everything is checked again on submission.
 */
public final class RequestModal {
  static final int NOTE_LIMIT = 500;
  private static final int OPTION_TEXT_LIMIT = 75;
  private final RequestService service;
  private final WorkspaceDirectory directory;
  private final RequestText text;
  private final OutcomeReply reply;

  public RequestModal(RequestService service, WorkspaceDirectory directory, RequestText text, OutcomeReply reply) {
    this.service = service;
    this.directory = directory;
    this.text = text;
    this.reply = reply;
  }

  RequestText text() {
    return text;
  }

  /** Opens the form; returns a message instead when the person has no workspace to choose. */
  public Optional<Bilingual> open(MethodsClient client, String triggerId, String userId, RequestKind kind,
      Optional<String> preselected, Language language) throws IOException, SlackApiException {
    List<Workspace> choices = directory.managedBy(userId).stream()
        .filter(w -> kind == RequestKind.OFFBOARD || !w.offboardOnly()).toList();
    if (choices.isEmpty()) {
      return Optional.of(text.messages().both(language, "request.no-workspace"));
    }
    var response = client.viewsOpen(r -> r.triggerId(triggerId).view(view(v -> v.type("modal")
        .callbackId(SlackIds.REQUEST_MODAL).privateMetadata(kind.name())
        .title(viewTitle(t -> t.type("plain_text").text(inline(language, "modal.title." + kind.name().toLowerCase(Locale.ROOT)))))
        .submit(viewSubmit(s -> s.type("plain_text").text(inline(language, "modal.submit"))))
        .close(viewClose(c -> c.type("plain_text").text(inline(language, "modal.close"))))
        .blocks(blocks(kind, choices, preselected, language)))));
    if (!response.isOk()) {
      throw new IllegalStateException("views.open failed: " + response.getError());
    }
    return Optional.empty();
  }

  private List<LayoutBlock> blocks(RequestKind kind, List<Workspace> choices, Optional<String> preselected,
      Language language) {
    List<OptionObject> workspaces = choices.stream().map(w -> option(plainText(clip(w.acronym() + " — "
        + w.name(language))), w.acronym())).toList();
    Optional<OptionObject> initial = preselected.map(p -> p.toUpperCase(Locale.ROOT))
        .flatMap(p -> workspaces.stream().filter(o -> o.getValue().equals(p)).findFirst())
        .or(() -> workspaces.size() == 1 ? Optional.of(workspaces.get(0)) : Optional.empty());
    List<OptionObject> types = ResourceType.ALL.stream().sorted()
        .map(t -> option(plainText(clip(text.messages().both(language, t.messageKey()).inline())), t.folder())).toList();

    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(input(i -> i.blockId(SlackIds.WORKSPACE_BLOCK).label(plainText(inline(language, "modal.workspace")))
        .element(staticSelect(s -> {
          s.actionId(SlackIds.WORKSPACE_INPUT).options(workspaces);
          initial.ifPresent(s::initialOption);
          return s;
        }))));
    blocks.add(input(i -> i.blockId(SlackIds.TYPES_BLOCK).label(plainText(inline(language, "modal.types")))
        .element(checkboxes(c -> c.actionId(SlackIds.TYPES_INPUT).options(types).initialOptions(types)))));
    if (kind == RequestKind.OFFBOARD) {
      List<OptionObject> formats = List.of(
          option(plainText(clip(inline(language, "modal.format.source"))), "SOURCE"),
          option(plainText(clip(inline(language, "modal.format.jupyter"))), "JUPYTER"));
      blocks.add(input(i -> i.blockId(SlackIds.FORMAT_BLOCK).label(plainText(inline(language, "modal.format")))
          .element(radioButtons(r -> r.actionId(SlackIds.FORMAT_INPUT).options(formats).initialOption(formats.get(0))))));
      blocks.add(input(i -> i.blockId(SlackIds.KEY_BLOCK).optional(true)
          .label(plainText(inline(language, "modal.key"))).hint(plainText(inline(language, "modal.key.hint")))
          .element(plainTextInput(p -> p.actionId(SlackIds.KEY_INPUT).multiline(true).maxLength(20_000)))));
    }
    blocks.add(input(i -> i.blockId(SlackIds.NOTE_BLOCK).optional(true).label(plainText(inline(language, "modal.note")))
        .element(plainTextInput(p -> p.actionId(SlackIds.NOTE_INPUT).multiline(true).maxLength(NOTE_LIMIT)))));
    return blocks;
  }

  /** The form was submitted: check it again, create the request, close the form or show what is wrong. */
  public Response submit(ViewSubmissionRequest request, ViewSubmissionContext context) {
    var payload = request.getPayload();
    String userId = payload.getUser().getId();
    Language language = directory.languageOf(userId, Language.EN);
    RequestKind kind;
    try {
      kind = RequestKind.valueOf(payload.getView().getPrivateMetadata());
    } catch (RuntimeException e) {
      service.refuseUnreadable(userId, "request.form", payload.getView().getPrivateMetadata());
      return context.ack(r -> r.responseAction("errors").errors(
          Map.of(SlackIds.WORKSPACE_BLOCK, inline(language, "modal.error.stale"))));
    }
    Map<String, Map<String, ViewState.Value>> values = Optional.ofNullable(payload.getView().getState())
        .map(ViewState::getValues).orElse(null);
    String acronym = selected(values, SlackIds.WORKSPACE_BLOCK, SlackIds.WORKSPACE_INPUT).orElse("");
    Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
    for (String id : selectedAll(values, SlackIds.TYPES_BLOCK, SlackIds.TYPES_INPUT)) {
      try {
        types.add(ResourceType.ofName(id));
      } catch (IllegalArgumentException ignored) {
        // a forged option: not a resource type, not selected
      }
    }
    if (types.isEmpty()) {
      return context.ack(r -> r.responseAction("errors").errors(
          Map.of(SlackIds.TYPES_BLOCK, inline(language, "modal.error.no-types"))));
    }
    String format = selected(values, SlackIds.FORMAT_BLOCK, SlackIds.FORMAT_INPUT).filter("JUPYTER"::equals)
        .orElse("SOURCE");
    Optional<String> key = typed(values, SlackIds.KEY_BLOCK, SlackIds.KEY_INPUT);
    if (key.isPresent() && OpenPgpPublicKey.encryptionFingerprint(key.get()).isEmpty()) {
      return context.ack(r -> r.responseAction("errors").errors(
          Map.of(SlackIds.KEY_BLOCK, inline(language, "modal.error.key"))));
    }
    Optional<String> note = typed(values, SlackIds.NOTE_BLOCK, SlackIds.NOTE_INPUT)
        .map(n -> n.length() > NOTE_LIMIT ? n.substring(0, NOTE_LIMIT) : n);
    Outcome outcome = service.create(new NewRequest(kind, acronym, userId, types,
        new RequestOptions(format, key), note, "view:" + payload.getView().getId()));
    if (outcome.done() || outcome.status() == Outcome.Status.REPLAYED) {
      return context.ack(); // closes the form; the requester gets a direct message with the request
    }
    String problem = reply.render(outcome, language, userId, "request.created", "request.not-lead", acronym).inline();
    return context.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.WORKSPACE_BLOCK, clip(problem, 2000))));
  }

  private String inline(Language language, String key) {
    return text.messages().both(language, key).inline();
  }

  private static Optional<String> selected(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    return value(values, block, action).map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue);
  }

  private static List<String> selectedAll(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    return value(values, block, action).map(ViewState.Value::getSelectedOptions)
        .map(options -> options.stream().map(ViewState.SelectedOption::getValue).toList()).orElse(List.of());
  }

  private static Optional<String> typed(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    return value(values, block, action).map(ViewState.Value::getValue).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String block,
      String action) {
    return Optional.ofNullable(values).map(v -> v.get(block)).map(b -> b.get(action));
  }

  private static String clip(String text) {
    return clip(text, OPTION_TEXT_LIMIT);
  }

  private static String clip(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
