package ca.gc.fsdh.bot.requests.slack;

import java.util.Optional;

/** A request number as people type it: {@code 12} or {@code #12}. */
final class RequestId {
  private RequestId() {}

  static Optional<Long> parse(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }
}
