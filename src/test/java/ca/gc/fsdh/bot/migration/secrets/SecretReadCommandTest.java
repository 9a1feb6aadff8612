package ca.gc.fsdh.bot.migration.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretReadCommandTest {
  @Test
  void isTheDocumentedCommandReadingExactBytesWithTheScopeInALiteral() {
    String py = SecretReadCommand.python("projet-hydro", List.of("a"));
    assertThat(py.lines())
        .containsExactly(
            "import base64, json",
            "scope = \"projet-hydro\"",
            "print(json.dumps({s.key: base64.b64encode(dbutils.secrets.getBytes(scope=scope, key=s.key)).decode(\"ascii\") for s in dbutils.secrets.list(scope)}))");
  }

  @Test
  void aNameThatCouldBreakOutOfTheLiteralIsRefused() {
    assertThatThrownBy(() -> SecretReadCommand.python("s\"); import os #"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scope name");
    assertThatThrownBy(() -> SecretReadCommand.python("a b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SecretReadCommand.python("team.x@y_1-2")).contains("\"team.x@y_1-2\"");
  }

  @Test
  void parsesBase64ValuesFromTheOutput() throws Exception {
    var values =
        SecretReadCommand.parse(
            "Out[1]: {\"a\": \""
                + Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 255})
                + "\"}\n");
    assertThat(values.get("a")).containsExactly(0, 1, 255);
  }

  @Test
  void redactedOutputIsAnErrorNotAValue() {
    assertThatThrownBy(() -> SecretReadCommand.parse("{\"a\": \"[REDACTED]\"}"))
        .hasMessageContaining("redacted");
  }
}
