package ca.gc.fsdh.bot.migration.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretReadCommandTest {
  @Test
  void namesReachTheCommandEncodedSoNoneCanBreakOut() {
    String py = SecretReadCommand.python("s'); import os #", List.of("k\"1"));
    assertThat(py).doesNotContain("import os").contains("dbutils.secrets.getBytes").contains("b64encode");
    String args = py.replaceAll("(?s).*b64decode\\('([^']+)'\\).*", "$1");
    assertThat(new String(Base64.getDecoder().decode(args), StandardCharsets.UTF_8))
        .isEqualTo("{\"scope\":\"s'); import os #\",\"keys\":[\"k\\\"1\"]}");
  }

  @Test
  void parsesBase64ValuesFromTheOutput() throws Exception {
    var values = SecretReadCommand.parse("Out[1]: {\"a\": \"" + Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 255}) + "\"}\n");
    assertThat(values.get("a")).containsExactly(0, 1, 255);
  }
}
