package ca.gc.fsdh.bot.tools.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Block Kit's limits as the stand-in applies them, one rule at a time, and how the stand-in
 * refuses.
 */
class BlockKitLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode text(String type, String text) {
    return JSON.createObjectNode().put("type", type).put("text", text);
  }

  private static ObjectNode section(String text) {
    ObjectNode s = JSON.createObjectNode().put("type", "section");
    s.set("text", text("mrkdwn", text));
    return s;
  }

  private static ArrayNode blocks(JsonNode... blocks) {
    ArrayNode array = JSON.createArrayNode();
    for (JsonNode b : blocks) {
      array.add(b);
    }
    return array;
  }

  private static ObjectNode modal(String title, JsonNode... blocks) {
    ObjectNode view = JSON.createObjectNode().put("type", "modal").put("callback_id", "cb");
    view.set("title", text("plain_text", title));
    view.set("submit", text("plain_text", "Send"));
    view.set("blocks", blocks(blocks));
    return view;
  }

  private static ObjectNode input(String blockId, ObjectNode element) {
    ObjectNode input = JSON.createObjectNode().put("type", "input").put("block_id", blockId);
    input.set("label", text("plain_text", "Label"));
    input.set("element", element);
    return input;
  }

  private static List<String> problems(List<BlockKitLimits.Violation> violations) {
    return violations.stream().map(BlockKitLimits.Violation::slackMessage).toList();
  }

  @Nested
  class Messages {
    @Test
    void fiftyBlocksAreTakenAndTheFiftyFirstIsRefused() {
      ArrayNode fifty = JSON.createArrayNode();
      for (int i = 0; i < 50; i++) {
        fifty.add(section("line " + i));
      }
      assertThat(BlockKitLimits.message(fifty)).isEmpty();
      fifty.add(section("one too many"));
      assertThat(problems(BlockKitLimits.message(fifty)))
          .containsExactly("[ERROR] no more than 50 items allowed [json-pointer:/blocks]");
    }

    @Test
    void aSectionTextIsAtMost3000Characters() {
      assertThat(BlockKitLimits.message(blocks(section("x".repeat(3000))))).isEmpty();
      assertThat(problems(BlockKitLimits.message(blocks(section("x".repeat(3001))))))
          .containsExactly(
              "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
    }

    @Test
    void anEmptyTextASectionWithNothingAndAnUnknownFieldAreRefused() {
      ObjectNode nothing = JSON.createObjectNode().put("type", "section");
      ObjectNode extra = section("ok").put("colour", "red");
      assertThat(problems(BlockKitLimits.message(blocks(section(""), nothing, extra))))
          .containsExactly(
              "[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]",
              "[ERROR] must define either `text` or `fields` [json-pointer:/blocks/1]",
              "[ERROR] invalid additional property: colour [json-pointer:/blocks/2]");
    }

    @Test
    void buttonsHeadersIdsAndActionsCountsHaveTheirLimits() {
      ObjectNode header = JSON.createObjectNode().put("type", "header");
      header.set("text", text("plain_text", "h".repeat(151)));
      ObjectNode actions =
          JSON.createObjectNode().put("type", "actions").put("block_id", "b".repeat(256));
      ArrayNode elements = actions.putArray("elements");
      for (int i = 0; i < 26; i++) {
        ObjectNode button =
            elements.addObject().put("type", "button").put("action_id", "a" + i).put("value", "v");
        button.set("text", text("plain_text", i == 0 ? "t".repeat(76) : "ok"));
      }
      assertThat(problems(BlockKitLimits.message(blocks(header, actions))))
          .containsExactly(
              "[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]",
              "[ERROR] must be less than 256 characters [json-pointer:/blocks/1/block_id]",
              "[ERROR] no more than 25 items allowed [json-pointer:/blocks/1/elements]",
              "[ERROR] must be less than 76 characters [json-pointer:/blocks/1/elements/0/text/text]");
    }

    @Test
    void anUnknownBlockTypeFailsAllSchemas() {
      assertThat(
              problems(
                  BlockKitLimits.message(blocks(JSON.createObjectNode().put("type", "banner")))))
          .containsExactly("[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0]");
    }
  }

  @Nested
  class Views {
    @Test
    void aPlainTextInputMaxLengthIsAtMost3000() {
      ObjectNode ok =
          JSON.createObjectNode()
              .put("type", "plain_text_input")
              .put("action_id", "a")
              .put("max_length", 3000);
      ObjectNode tooLong = ok.deepCopy().put("max_length", 20_000);
      assertThat(BlockKitLimits.view(modal("Offboard", input("k", ok)))).isEmpty();
      assertThat(problems(BlockKitLimits.view(modal("Offboard", input("k", tooLong)))))
          .containsExactly(
              "[ERROR] must be less than 3001 characters [json-pointer:/view/blocks/0/element/max_length]");
    }

    @Test
    void aModalTitleIsAtMost24CharactersAndAFormNeedsASubmitButton() {
      ObjectNode form =
          modal(
              "t".repeat(25), input("k", JSON.createObjectNode().put("type", "plain_text_input")));
      form.remove("submit");
      assertThat(problems(BlockKitLimits.view(form)))
          .containsExactly(
              "[ERROR] must be less than 25 characters [json-pointer:/view/title/text]",
              "[ERROR] missing required field: submit [json-pointer:/view]");
    }

    @Test
    void optionsHaveTheirCountsAndLengths() {
      ObjectNode select =
          JSON.createObjectNode().put("type", "static_select").put("action_id", "w");
      ArrayNode options = select.putArray("options");
      for (int i = 0; i < 101; i++) {
        ObjectNode option = options.addObject().put("value", i == 1 ? "v".repeat(151) : "v" + i);
        option.set("text", text("plain_text", i == 0 ? "o".repeat(76) : "option"));
      }
      assertThat(problems(BlockKitLimits.view(modal("Migrate", input("w", select)))))
          .containsExactly(
              "[ERROR] no more than 100 items allowed [json-pointer:/view/blocks/0/element/options]",
              "[ERROR] must be less than 76 characters [json-pointer:/view/blocks/0/element/options/0/text/text]",
              "[ERROR] must be less than 151 characters [json-pointer:/view/blocks/0/element/options/1/value]");
    }

    @Test
    void aFileInputIsForModalsOnlyWithAtMostTenFiles() {
      ObjectNode file =
          JSON.createObjectNode()
              .put("type", "file_input")
              .put("action_id", "key")
              .put("max_files", 1);
      file.putArray("filetypes").add("asc").add("gpg");
      assertThat(BlockKitLimits.view(modal("Offboard", input("k", file)))).isEmpty();
      assertThat(
              problems(
                  BlockKitLimits.view(
                      modal("Offboard", input("k", file.deepCopy().put("max_files", 11))))))
          .containsExactly(
              "[ERROR] must be less than 11 characters [json-pointer:/view/blocks/0/element/max_files]");
      ObjectNode home = JSON.createObjectNode().put("type", "home");
      home.set("blocks", blocks(input("k", file)));
      assertThat(problems(BlockKitLimits.view(home)))
          .containsExactly(
              "[ERROR] failed to match all allowed schemas [json-pointer:/view/blocks/0/element]");
    }

    @Test
    void aHomeTabHoldsAtMost100BlocksAndPrivateMetadataAtMost3000Characters() {
      ObjectNode home =
          JSON.createObjectNode().put("type", "home").put("private_metadata", "m".repeat(3001));
      ArrayNode many = home.putArray("blocks");
      for (int i = 0; i < 101; i++) {
        many.addObject().put("type", "divider");
      }
      assertThat(problems(BlockKitLimits.view(home)))
          .containsExactly(
              "[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]",
              "[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]");
    }
  }

  @Nested
  class TheStandIn {
    @Test
    void refusesAViewWithInvalidArgumentsAndTheMessagesSlackSends() throws Exception {
      try (FakeSlackApi slack = SandboxConfig.slack()) {
        var methods = methods(slack);
        var tooLong =
            modal(
                "Offboard",
                input(
                    "k",
                    JSON.createObjectNode()
                        .put("type", "plain_text_input")
                        .put("action_id", "a")
                        .put("max_length", 20_000)));
        var refused = methods.viewsOpen(r -> r.triggerId("t").viewAsString(tooLong.toString()));
        assertThat(refused.isOk()).isFalse();
        assertThat(refused.getError()).isEqualTo("invalid_arguments");
        assertThat(refused.getResponseMetadata().getMessages())
            .containsExactly(
                "[ERROR] must be less than 3001 characters [json-pointer:/view/blocks/0/element/max_length]");
        assertThat(slack.refusals())
            .singleElement()
            .extracting(FakeSlackApi.Refusal::method)
            .isEqualTo("views.open");
        assertThat(
                methods
                    .viewsOpen(r -> r.triggerId("t").viewAsString(modal("Offboard").toString()))
                    .isOk())
            .isTrue();
      }
    }

    @Test
    void refusesAMessageWithInvalidBlocksAndKeepsNothing() throws Exception {
      try (FakeSlackApi slack = SandboxConfig.slack()) {
        var posted =
            methods(slack)
                .chatPostMessage(r ->
                    r.channel("C1")
                        .text("long")
                        .blocksAsString(blocks(section("x".repeat(3001))).toString()));
        assertThat(posted.isOk()).isFalse();
        assertThat(posted.getError()).isEqualTo("invalid_blocks");
        assertThat(posted.getErrors())
            .containsExactly(
                "must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
        assertThat(slack.messages("C1")).isEmpty();
      }
    }

    @Test
    void refusesAMessageWhoseBlocksHoldMoreTextThanSlackTakes() throws Exception {
      try (FakeSlackApi slack = SandboxConfig.slack()) {
        ArrayNode five = JSON.createArrayNode();
        for (int i = 0; i < 5; i++) {
          five.add(section("y".repeat(2900)));
        }
        var posted =
            methods(slack)
                .chatPostMessage(r -> r.channel("C1").text("t").blocksAsString(five.toString()));
        assertThat(posted.getError()).isEqualTo("msg_blocks_too_long");
      }
    }

    @Test
    void aResponseUrlRefusesInvalidBlocksWithA400AsAWebhookDoes() throws Exception {
      try (FakeSlackApi slack = SandboxConfig.slack()) {
        ObjectNode reply =
            JSON.createObjectNode().put("response_type", "ephemeral").put("text", "t");
        reply.set("blocks", blocks(section("z".repeat(3001))));
        var answer =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(slack.responseUrl()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(reply.toString()))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("invalid_blocks");
      }
    }

    @Test
    void aUserFileIsReadWithFilesInfoThenItsPrivateUrlWithTheBotTokenOnly() throws Exception {
      try (FakeSlackApi slack = SandboxConfig.slack()) {
        ObjectNode file =
            slack.userFile("U0ALANTUR", "lead.asc", "text/plain", "key bytes".getBytes());
        var info = methods(slack).filesInfo(r -> r.file(file.path("id").asText()));
        assertThat(info.isOk()).isTrue();
        String url = info.getFile().getUrlPrivateDownload();
        assertThat(url).isEqualTo(file.path("url_private_download").asText());
        var http = HttpClient.newHttpClient();
        var withToken =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + SandboxConfig.BOT_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        var without =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).isEqualTo("key bytes");
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).doesNotContain("key bytes");
        assertThat(methods(slack).filesInfo(r -> r.file("F0NOPE")).getError())
            .isEqualTo("file_not_found");
      }
    }

    @Test
    void theSenderRefusesABotAnswerWhoseBlocksSlackWouldRefuse() throws Exception {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ObjectNode answer =
          JSON.createObjectNode().put("response_type", "ephemeral").put("text", "t");
      answer.set("blocks", blocks(section("a".repeat(3001))));
      server.createContext(
          "/slack/events",
          ex -> {
            byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
          });
      server.start();
      try {
        var sender =
            new SlackSender(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events"),
                SandboxConfig.SIGNING_SECRET,
                Clock.systemUTC());
        Assertions.assertThatThrownBy(
                () -> sender.slashCommand("U1", "C1", "help", "http://127.0.0.1:9/r"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(
                "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
      } finally {
        server.stop(0);
      }
    }

    private MethodsClient methods(FakeSlackApi slack) {
      SlackConfig config = new SlackConfig();
      config.setMethodsEndpointUrlPrefix(slack.apiUrl());
      return Slack.getInstance(config).methods(SandboxConfig.BOT_TOKEN);
    }
  }
}
