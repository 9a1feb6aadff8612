package ca.gc.fsdh.bot.tools.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.SlackFileObject;
import com.slack.api.model.view.View;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's {@code files.uploadV2} (three calls) and image blocks naming a {@code slack_file},
 * driven by the real java-slack-sdk: what Slack refuses, it refuses.
 */
class FakeSlackFilesTest {
  private static final String TOKEN = "xoxb-files-test";
  private FakeSlackApi api;
  private Slack slack;
  private MethodsClient client;

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi(TOKEN).channelMembers("C0SUPPORT", List.of("U0MEMBER"));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(api.apiUrl());
    slack = Slack.getInstance(config);
    client = slack.methods(TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    api.close();
  }

  private String upload(String channel) throws Exception {
    var r =
        client.filesUploadV2(u -> {
          u.fileData("png-bytes".getBytes(StandardCharsets.UTF_8))
              .filename("c.png")
              .altTxt("a chart");
          if (channel != null) {
            u.channel(channel);
          }
          return u;
        });
    assertThat(r.isOk()).as(r.getError()).isTrue();
    return r.getFile().getId();
  }

  private List<LayoutBlock> image(String fileId) {
    return List.of(
        ImageBlock.builder()
            .slackFile(SlackFileObject.builder().id(fileId).build())
            .altText("a chart")
            .build());
  }

  private String publish(String user, String fileId) throws Exception {
    var r =
        client.viewsPublish(
            p -> p.userId(user).view(View.builder().type("home").blocks(image(fileId)).build()));
    return r.isOk() ? "ok" : r.getError() + " " + r.getResponseMetadata().getMessages();
  }

  @Test
  void theSdksThreeCallsLandTheBytesSharedInTheChannel() throws Exception {
    String id = upload("C0SUPPORT");
    assertThat(api.calls().stream().map(SlackCall::method))
        .containsSubsequence(
            "files.getUploadURLExternal", "upload", "files.completeUploadExternal");
    var first = api.calls("files.getUploadURLExternal").getFirst().params();
    assertThat(first).containsEntry("filename", "c.png").containsEntry("length", "9");
    assertThat(api.calls("files.completeUploadExternal").getFirst().params())
        .containsEntry("channel_id", "C0SUPPORT");
    var file = api.files().get(id);
    assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).isEqualTo("png-bytes");
    assertThat(file.channel()).isEqualTo("C0SUPPORT");
    assertThat(file.altText()).isEqualTo("a chart");
    assertThat(publish("U0MEMBER", id)).isEqualTo("ok");
  }

  @Test
  void anAltTextOver1000CharactersIsRefused() throws Exception {
    var r =
        client.filesGetUploadURLExternal(
            u -> u.filename("c.png").length(3).altTxt("x".repeat(1001)));
    assertThat(r.getError()).isEqualTo("alt_txt_too_large");
    assertThat(
            client
                .filesGetUploadURLExternal(
                    u -> u.filename("c.png").length(3).altTxt("x".repeat(1000)))
                .isOk())
        .isTrue();
  }

  @Test
  void bytesThatAreNotTheAnnouncedLengthAreRefusedAndTheFileCannotBeCompleted() throws Exception {
    var url = client.filesGetUploadURLExternal(u -> u.filename("c.png").length(10));
    assertThat(URI.create(url.getUploadUrl()).isAbsolute()).isTrue();
    var posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[9]))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(400);
    var done =
        client.filesCompleteUploadExternal(c ->
            c.files(List.of(FileDetails.builder().id(url.getFileId()).build()))
                .channelId("C0SUPPORT"));
    assertThat(done.getError()).isEqualTo("file_not_found");
  }

  @Test
  void aHomeTabMayShowOnlyAFileItsViewerCanSee() throws Exception {
    String shared = upload("C0SUPPORT");
    String privateFile = upload(null);
    String someoneElsesDm = upload("DU0SOMEONE");
    assertThat(publish("U0OUTSIDER", shared))
        .startsWith("invalid_arguments")
        .contains("invalid slack file [json-pointer:/view/blocks/0/slack_file]");
    assertThat(publish("U0MEMBER", privateFile)).startsWith("invalid_arguments");
    assertThat(publish("U0MEMBER", someoneElsesDm)).startsWith("invalid_arguments");
    assertThat(publish("U0SOMEONE", someoneElsesDm)).isEqualTo("ok");
    assertThat(publish("U0MEMBER", "F123")).contains("does not match pattern");
    api.clearRefusals();
  }

  @Test
  void aMessageMayNotShowAPrivateFile() throws Exception {
    String privateFile = upload(null);
    var r =
        client.chatPostMessage(p -> p.channel("C0SUPPORT").text("x").blocks(image(privateFile)));
    assertThat(r.getError()).isEqualTo("invalid_blocks");
    String shared = upload("C0SUPPORT");
    assertThat(
            client
                .chatPostMessage(p -> p.channel("C0SUPPORT").text("x").blocks(image(shared)))
                .isOk())
        .isTrue();
  }
}
