package ca.gc.fsdh.bot.migration.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretScopeImporterTest {
  @Test
  void aTextValueIsPutAsStringAndABinaryOneAsBytes() {
    var text = SecretScopeImporter.put("s", "k", "mot de passe é".getBytes(StandardCharsets.UTF_8));
    assertThat(text.getStringValue()).isEqualTo("mot de passe é");
    assertThat(text.getBytesValue()).isNull();

    byte[] certificate = {0x30, (byte) 0x82, 0x01, (byte) 0xff, (byte) 0xc3, 0x28};
    var binary = SecretScopeImporter.put("s", "k", certificate);
    assertThat(binary.getStringValue()).isNull();
    assertThat(Base64.getDecoder().decode(binary.getBytesValue())).isEqualTo(certificate);
  }
}
