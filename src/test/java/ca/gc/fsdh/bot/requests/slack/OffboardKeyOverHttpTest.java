package ca.gc.fsdh.bot.requests.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.secrets.LeadKey;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.MigrationRequest;
import ca.gc.fsdh.bot.requests.OpenPgpPublicKey;
import ca.gc.fsdh.bot.testing.BotHarness;
import ca.gc.fsdh.bot.testing.Eventually;
import ca.gc.fsdh.bot.testing.OpenPgpKeys;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackCall;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackFault;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackSender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /fsdh offboard} with the lead's OpenPGP public key, end to end over signed HTTP: the form
 * opens (the strict Slack stand-in takes it), a real armored RSA-4096 public key uploaded through
 * its file input makes the request, and what is not a usable public key is refused at once, on the
 * form, in both languages, with no request made.
 */
class OffboardKeyOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LEAD = "U0ALANTUR"; // leads ARCTIC, an offboard-only workspace
  private BotHarness h;

  @BeforeEach
  void start() throws Exception {
    h = BotHarness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void offboardOpensAFormSlackTakesWithAFileInputForTheKey() throws Exception {
    var reply =
        h.sender.slashCommand(LEAD, "C0ARCTICLEAD", "offboard ARCTIC", h.slack.responseUrl());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).as("no apology: the form opened").isEmpty();
    SlackCall opened =
        Eventually.value(
            "the form", () -> h.slack.calls("views.open").stream().findFirst().orElse(null));
    assertThat(h.slack.refusals()).isEmpty();
    JsonNode view = JSON.readTree(opened.param("view"));
    JsonNode file = block(view, SlackIds.KEY_FILE_BLOCK).path("element");
    assertThat(file.path("type").asText()).isEqualTo("file_input");
    assertThat(file.path("max_files").asInt()).isEqualTo(1);
    assertThat(block(view, SlackIds.KEY_BLOCK).path("element").path("max_length").asInt())
        .isEqualTo(3000);
  }

  @Test
  void anUploadedRsa4096PublicKeyMakesTheRequestWithThatKey() throws Exception {
    OpenPgpKeys key = OpenPgpKeys.rsa4096();
    String armored = key.armoredPublic();
    assertThat(armored.length()).as("too long for any text input").isGreaterThan(3000);

    var accepted =
        submit(
            Map.of(
                SlackIds.KEY_FILE_BLOCK,
                uploaded("lead.asc", armored.getBytes(StandardCharsets.US_ASCII))));
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body()).doesNotContain("errors");

    MigrationRequest request =
        new JdbcRequestStore(h.bot.database().dataSource()).find(1).orElseThrow();
    String stored = request.options().publicKey().orElseThrow();
    assertThat(OpenPgpPublicKey.check(stored, Instant.now()).fingerprint())
        .isEqualTo(OpenPgpPublicKey.check(armored, Instant.now()).fingerprint())
        .isNotNull();
    // The file was read as Slack lets an app read it: files.info, then the private URL with the bot
    // token.
    assertThat(h.slack.calls("files.info"))
        .singleElement()
        .extracting(SlackCall::token)
        .isEqualTo(SandboxConfig.BOT_TOKEN);
    assertThat(h.slack.calls("files-pri"))
        .singleElement()
        .extracting(SlackCall::token)
        .isEqualTo(SandboxConfig.BOT_TOKEN);
    Eventually.await(
        "the approval message", () -> !h.slack.messages(SandboxConfig.SUPPORT_CHANNEL).isEmpty());
  }

  @Test
  void aBinaryPublicKeyFileIsTakenAndKeptArmored() throws Exception {
    var accepted =
        submit(
            Map.of(
                SlackIds.KEY_FILE_BLOCK,
                uploaded("lead.gpg", OpenPgpKeys.rsa4096().publicKey(false))));
    assertThat(accepted.body()).doesNotContain("errors");
    assertThat(
            new JdbcRequestStore(h.bot.database().dataSource())
                .find(1)
                .orElseThrow()
                .options()
                .publicKey()
                .orElseThrow())
        .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
  }

  @Test
  void aShortPublicKeyMayBePasted() throws Exception {
    String pasted = Files.readString(new LeadKey().writePublic(h.dataDir().resolve("lead.asc")));
    assertThat(pasted.length()).isLessThanOrEqualTo(3000);
    var accepted = submit(Map.of(SlackIds.KEY_BLOCK, typed(pasted)));
    assertThat(accepted.body()).doesNotContain("errors");
    assertThat(new JdbcRequestStore(h.bot.database().dataSource()).find(1)).isPresent();
  }

  @Test
  void aFileThatIsNotAKeyIsRefusedAtOnceInBothLanguages() throws Exception {
    assertRefused(
        uploaded("notes.txt", "my key is on my laptop".getBytes(StandardCharsets.UTF_8)),
        "This is not an OpenPGP public key",
        "Ce n’est pas une clé publique OpenPGP");
  }

  @Test
  void aSecretKeyIsRefusedWithAWarningNeverToShareIt() throws Exception {
    assertRefused(
        uploaded(
            "secret.asc",
            OpenPgpKeys.rsa4096().armoredSecret().getBytes(StandardCharsets.US_ASCII)),
        "This is a secret key: never share it",
        "C’est une clé secrète : ne la communiquez jamais");
  }

  @Test
  void anExpiredKeyIsRefused() throws Exception {
    assertRefused(
        uploaded(
            "old.asc", OpenPgpKeys.expired().armoredPublic().getBytes(StandardCharsets.US_ASCII)),
        "This key has expired",
        "Cette clé est expirée");
  }

  @Test
  void aSignOnlyKeyIsRefused() throws Exception {
    assertRefused(
        uploaded(
            "sign.asc", OpenPgpKeys.signOnly().armoredPublic().getBytes(StandardCharsets.US_ASCII)),
        "This key can only sign",
        "Cette clé ne peut que signer");
  }

  @Test
  void aKeyFileSlackCannotServeNowIsRefusedWithAnInvitationToTryAgain() throws Exception {
    h.slack.inject(SlackFault.serverError("files-pri", 503, 1));
    assertRefused(
        uploaded(
            "lead.asc", OpenPgpKeys.rsa4096().armoredPublic().getBytes(StandardCharsets.US_ASCII)),
        "could not be read from Slack just now",
        "n’a pas pu être lu depuis Slack");
  }

  @Test
  void aPastedSecretKeyIsRefusedOnThePastedField() throws Exception {
    var refused =
        submit(
            Map.of(
                SlackIds.KEY_BLOCK,
                typed(OpenPgpKeys.signOnly().armoredSecret().substring(0, 2900))));
    JsonNode errors = JSON.readTree(refused.body()).path("errors");
    assertThat(errors.has(SlackIds.KEY_BLOCK)).isTrue();
    assertThat(new JdbcRequestStore(h.bot.database().dataSource()).find(1)).isEmpty();
  }

  private void assertRefused(ObjectNode file, String english, String french) throws Exception {
    var refused = submit(Map.of(SlackIds.KEY_FILE_BLOCK, file));
    assertThat(refused.status()).isEqualTo(200);
    JsonNode answer = JSON.readTree(refused.body());
    assertThat(answer.path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.path("errors").path(SlackIds.KEY_FILE_BLOCK).asText())
        .contains(english, french);
    assertThat(new JdbcRequestStore(h.bot.database().dataSource()).find(1))
        .as("no request")
        .isEmpty();
    assertThat(h.slack.messages(SandboxConfig.SUPPORT_CHANNEL)).isEmpty();
  }

  /**
   * A file the lead uploaded through the form, as its state carries it: {@code files[]} of file
   * objects.
   */
  private ObjectNode uploaded(String name, byte[] bytes) {
    ObjectNode value = JSON.createObjectNode().put("type", "file_input");
    value.putArray("files").add(h.slack.userFile(LEAD, name, "application/octet-stream", bytes));
    return value;
  }

  private static ObjectNode typed(String text) {
    return JSON.createObjectNode().put("type", "plain_text_input").put("value", text);
  }

  private SlackSender.Reply submit(Map<String, ObjectNode> key) {
    var values = RequestFormValues.of("ARCTIC", "secrets");
    key.forEach((block, value) ->
        values.put(
            block,
            Map.of(
                block.equals(SlackIds.KEY_FILE_BLOCK)
                    ? SlackIds.KEY_FILE_INPUT
                    : SlackIds.KEY_INPUT,
                value)));
    return h.sender.viewSubmission(LEAD, SlackIds.REQUEST_MODAL, "OFFBOARD", values);
  }

  private static JsonNode block(JsonNode view, String blockId) {
    for (JsonNode b : view.path("blocks")) {
      if (b.path("block_id").asText().equals(blockId)) {
        return b;
      }
    }
    return Optional.<JsonNode>empty().orElse(JSON.createObjectNode());
  }
}
