package ca.gc.fsdh.bot.tools.demo;

import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The demo's script. Each step is what one person does in Slack, then what they would read. */
final class DemoScenario {
  private final Transcript transcript;
  private final FakeSlackApi slack;
  private final SlackSender sender;
  private final int botPort;

  DemoScenario(Transcript transcript, FakeSlackApi slack, SlackSender sender, int botPort) {
    this.transcript = transcript;
    this.slack = slack;
    this.sender = sender;
    this.botPort = botPort;
  }

  void run() throws Exception {
    transcript.heading("fsdh-bot demo");
    transcript.say(
        "Slack stand-in: "
            + slack.apiUrl()
            + "   bot: http://127.0.0.1:"
            + botPort
            + "/slack/events");

    transcript.action("Ada Lovelace, lead of OCEAN (English first)", "/fsdh help");
    var reply = sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "help", slack.responseUrl());
    transcript.slackMessage("only Ada sees this, HTTP " + reply.status(), reply.body());

    transcript.action("Marie Curie, lead of FORET (French first)", "/fsdh");
    reply = sender.slashCommand("U0MARIECU", "C0FORETLEAD", "", slack.responseUrl());
    transcript.slackMessage("only Marie sees this, HTTP " + reply.status(), reply.body());

    transcript.action("Ada Lovelace", "/fsdh nonsense <!channel>");
    reply =
        sender.slashCommand("U0ADALOVE", "C0OCEANLEAD", "nonsense <!channel>", slack.responseUrl());
    transcript.slackMessage("only Ada sees this, HTTP " + reply.status(), reply.body());

    transcript.action(
        "Someone without the signing secret", "POST /slack/events with a forged signature");
    reply =
        sender.slashCommand(
            "U0ADALOVE",
            "C0OCEANLEAD",
            "help",
            slack.responseUrl(),
            SlackSender.Signing.WRONG_SECRET);
    transcript.say("  HTTP " + reply.status() + " (refused)");

    transcript.action("An operator", "GET /healthz");
    var health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + botPort + "/healthz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    transcript.say("  HTTP " + health.statusCode() + " " + health.body().strip());
  }
}
