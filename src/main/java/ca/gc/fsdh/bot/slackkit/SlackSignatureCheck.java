package ca.gc.fsdh.bot.slackkit;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Checks that a request comes from Slack before anything reads its body: {@code X-Slack-Signature}
 * over the raw body (Bolt's {@link SlackSignature.Generator}), and {@code
 * X-Slack-Request-Timestamp} within five minutes of now, in the past <em>or in the future</em>
 * (Bolt accepts any future time).
 *
 * <p>The signatures are compared in constant time ({@link MessageDigest#isEqual}), as Slack's guide
 * asks; Bolt's own {@code Verifier} uses {@code String.equals}.
 */
final class SlackSignatureCheck {
  static final long MAX_CLOCK_SKEW_SECONDS = 5 * 60;
  private final SlackSignature.Generator generator;
  private final Clock clock;

  SlackSignatureCheck(String signingSecret, Clock clock) {
    this.generator = new SlackSignature.Generator(signingSecret);
    this.clock = clock;
  }

  boolean verifies(String timestamp, String signature, String body) {
    if (timestamp == null || signature == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    if (seconds <= now - MAX_CLOCK_SKEW_SECONDS || seconds >= now + MAX_CLOCK_SKEW_SECONDS) {
      return false;
    }
    String expected = generator.generate(timestamp, body);
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }
}
