package ca.gc.fsdh.bot.requests.slack;

/**
 * Every action_id, callback_id and block_id of the request screens, so that handlers and views
 * cannot drift apart. The slash command itself is {@code FsdhCommand.COMMAND}.
 */
public final class SlackIds {
  private SlackIds() {}

  public static final String APPROVE = "request.approve";
  public static final String REJECT = "request.reject";
  public static final String VIEW_PLAN = "request.view-plan";

  public static final String REJECT_MODAL = "request.reject-modal";
  public static final String REASON_BLOCK = "reason";
  public static final String REASON_INPUT = "reason-input";

  public static final String REQUEST_MODAL = "request.modal";
  public static final String WORKSPACE_BLOCK = "workspace";
  public static final String WORKSPACE_INPUT = "workspace-input";
  public static final String TYPES_BLOCK = "types";
  public static final String TYPES_INPUT = "types-input";
  public static final String FORMAT_BLOCK = "format";
  public static final String FORMAT_INPUT = "format-input";
  public static final String KEY_FILE_BLOCK = "public-key-file";
  public static final String KEY_FILE_INPUT = "public-key-file-input";
  public static final String KEY_BLOCK = "public-key";
  public static final String KEY_INPUT = "public-key-input";
  public static final String NOTE_BLOCK = "note";
  public static final String NOTE_INPUT = "note-input";

  public static final String HOME_MIGRATE = "home.migrate";
  public static final String HOME_OFFBOARD = "home.offboard";
}
