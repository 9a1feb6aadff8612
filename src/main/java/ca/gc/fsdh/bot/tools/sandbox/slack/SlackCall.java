package ca.gc.fsdh.bot.tools.sandbox.slack;

import java.util.Map;

/**
 * One call received by {@link FakeSlackApi}: a Web API method with its form fields, a {@code
 * response_url} post, a file upload, or the download of a file a person uploaded.
 *
 * @param method the Web API method ({@code chat.postMessage}), {@code response_url}, {@code upload}
 *     or {@code files-pri} (a {@code url_private_download}, with the token it carried)
 * @param params form fields; for {@code response_url}, the JSON body under {@code "json"}
 */
public record SlackCall(String method, Map<String, String> params, String token) {
  public String param(String name) {
    return params.get(name);
  }
}
