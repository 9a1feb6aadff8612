package ca.gc.fsdh.bot.tools.demo;

import ca.gc.fsdh.bot.requests.slack.SlackIds;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The demo's requests scene: a lead asks for a migration, support approves, the run moves the
 * sample workspace from the POC stand-in to the PROD stand-in and verifies it, and the lead reads
 * the report; then an offboarding through the form, ending with the bundle in the lead's direct
 * messages.
 */
final class RequestsDemo {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
  private final Transcript transcript;
  private final FakeSlackApi slack;
  private final SlackSender sender;

  RequestsDemo(Transcript transcript, FakeSlackApi slack, SlackSender sender) {
    this.transcript = transcript;
    this.slack = slack;
    this.sender = sender;
  }

  void run() throws Exception {
    transcript.heading("A migration: OCEAN moves from POC to PROD");
    transcript.action("Ada Lovelace, lead of OCEAN", "/fsdh migrate OCEAN");
    var reply =
        sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "migrate OCEAN", slack.responseUrl());
    transcript.slackMessage("only Ada sees this, HTTP " + reply.status(), reply.body());

    JsonNode approval =
        await(
            "the request in the support channel",
            () ->
                slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream()
                    .filter(m -> !m.has("thread_ts"))
                    .findFirst());
    transcript.slackMessage(
        "#fsdh-support: posted by the bot, with Approve and Reject buttons", approval.toString());

    transcript.action("Ada Lovelace (not in the support group)", "clicks Approve");
    sender.blockAction(
        "U0ADALOVE",
        SlackIds.APPROVE,
        "1",
        SandboxConfig.SUPPORT_CHANNEL,
        approval.path("ts").asText(),
        slack.responseUrl());
    JsonNode refusal =
        await(
            "the refusal",
            () ->
                slack.calls("response_url").stream()
                    .map(c -> c.param("json"))
                    .filter(j -> j.contains("support team"))
                    .findFirst()
                    .map(RequestsDemo::json));
    transcript.slackMessage("only Ada sees this", refusal.toString());

    transcript.action("Sam Support, in the support group", "clicks Approve");
    sender.blockAction(
        "U0SUPPORT1",
        SlackIds.APPROVE,
        "1",
        SandboxConfig.SUPPORT_CHANNEL,
        approval.path("ts").asText(),
        slack.responseUrl());
    JsonNode report =
        awaitLong(
            "the migration's report",
            () -> directMessage("U0ADALOVE", t -> t.contains("Verification")));
    JsonNode decided = slack.messages(SandboxConfig.SUPPORT_CHANNEL).getFirst();
    transcript.slackMessage(
        "#fsdh-support: the same message, now decided (no buttons)", decided.toString());
    slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream()
        .filter(m -> m.path("text").asText().contains("is running"))
        .findFirst()
        .ifPresent(p ->
            transcript.slackMessage(
                "#fsdh-support, in the request's thread: the progress message, "
                    + "edited every few seconds while the run goes",
                p.toString()));
    for (JsonNode dm : slack.messages("DU0ADALOVE")) {
      if (dm != report) {
        transcript.slackMessage("direct message to Ada", shortened(dm));
      }
    }
    transcript.slackMessage("direct message to Ada: the report", report.toString());

    transcript.heading("An offboarding: ARCTIC takes its resources away");
    transcript.action(
        "Alan Turing, lead of ARCTIC (offboard only)",
        "/fsdh offboard ARCTIC, then fills in the form");
    sender.slashCommand("U0ALANTUR", "C0ARCTICLEAD", "offboard ARCTIC", slack.responseUrl());
    transcript.say(
        "  [a form opens: workspace ARCTIC, the six resource types (all ticked), notebook format,"
            + " an optional OpenPGP public key file for secret values (or a short key pasted), a note]");
    sender.viewSubmission(
        "U0ALANTUR", SlackIds.REQUEST_MODAL, "OFFBOARD", form("ARCTIC", "JUPYTER"));
    JsonNode second =
        await(
            "the second request",
            () ->
                slack.messages(SandboxConfig.SUPPORT_CHANNEL).stream()
                    .filter(m -> !m.has("thread_ts") && m.path("text").asText().contains("ARCTIC"))
                    .findFirst());
    transcript.action("Sophie Soutien, in the support group", "clicks Approve");
    sender.blockAction(
        "U0SUPPORT2",
        SlackIds.APPROVE,
        "2",
        SandboxConfig.SUPPORT_CHANNEL,
        second.path("ts").asText(),
        slack.responseUrl());
    JsonNode offboarded =
        awaitLong(
            "the offboarding's report",
            () -> directMessage("U0ALANTUR", t -> t.contains("offboarding.zip")));
    transcript.slackMessage("direct message to Alan: the report", offboarded.toString());
    slack.files().values().stream()
        .filter(f -> f.channel() != null)
        .forEach(f ->
            transcript.say(
                "  [file in Alan's direct messages: "
                    + f.name()
                    + ", "
                    + f.bytes().length
                    + " bytes]"));
  }

  private static ObjectNode form(String workspace, String format) {
    ObjectNode values = JSON.createObjectNode();
    values
        .putObject(SlackIds.WORKSPACE_BLOCK)
        .putObject(SlackIds.WORKSPACE_INPUT)
        .put("type", "static_select")
        .putObject("selected_option")
        .put("value", workspace);
    var types =
        values
            .putObject(SlackIds.TYPES_BLOCK)
            .putObject(SlackIds.TYPES_INPUT)
            .put("type", "checkboxes")
            .putArray("selected_options");
    for (String t : new String[] {"notebooks", "repos", "jobs", "secrets", "tableacls", "models"}) {
      types.addObject().put("value", t);
    }
    values
        .putObject(SlackIds.FORMAT_BLOCK)
        .putObject(SlackIds.FORMAT_INPUT)
        .put("type", "radio_buttons")
        .putObject("selected_option")
        .put("value", format);
    return values;
  }

  private Optional<JsonNode> directMessage(String user, Predicate<String> text) {
    return slack.messages("D" + user).stream()
        .filter(m -> text.test(m.path("text").asText()))
        .findFirst();
  }

  private static String shortened(JsonNode message) {
    return JSON.createObjectNode().put("text", message.path("text").asText()).toString();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode await(String what, Supplier<Optional<JsonNode>> probe)
      throws InterruptedException {
    return await(what, probe, Duration.ofSeconds(15));
  }

  private static JsonNode awaitLong(String what, Supplier<Optional<JsonNode>> probe)
      throws InterruptedException {
    return await(what, probe, RUN_LIMIT);
  }

  private static JsonNode await(String what, Supplier<Optional<JsonNode>> probe, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonNode> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the demo waited " + limit.toSeconds() + " s for " + what);
  }
}
