package ca.gc.fsdh.bot.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.Language;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private final Messages messages = new Messages();

  @Test
  void everyKeyExistsInEnglishAndInFrench() {
    assertThat(messages.keys(Language.FR))
        .containsExactlyInAnyOrderElementsOf(messages.keys(Language.EN));
    assertThat(messages.keys(Language.EN)).isNotEmpty();
  }

  @Test
  void noTextIsEmptyOrLeftUntranslated() throws Exception {
    for (String key : messages.keys(Language.EN)) {
      String en = messages.text(Language.EN, key);
      String fr = messages.text(Language.FR, key);
      assertThat(en).as(key).isNotBlank();
      assertThat(fr).as(key).isNotBlank();
      if (en.length() > 25) {
        assertThat(fr).as("French text of " + key + " is a copy of the English").isNotEqualTo(en);
      }
    }
  }

  @Test
  void bundlesUseTypographicApostrophesSoMessageFormatKeepsThem() throws Exception {
    for (String file : new String[] {"/i18n/messages.properties", "/i18n/messages_fr.properties"}) {
      Properties p = new Properties();
      try (InputStream in = getClass().getResourceAsStream(file)) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      p.forEach((k, v) -> assertThat(v.toString()).as(file + " " + k).doesNotContain("'"));
    }
  }

  @Test
  void englishNeverFallsBackToFrenchWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.CANADA_FRENCH);
      assertThat(new Messages().text(Language.EN, "help.line.help")).contains("show this list");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void argumentsAreEscapedUnlessMarkedRaw() {
    assertThat(messages.text(Language.EN, "command.unknown", "<!here>")).contains("&lt;!here&gt;");
    assertThat(messages.text(Language.EN, "command.unknown", Mrkdwn.raw("<@U1>")))
        .contains("<@U1>");
  }

  @Test
  void bothPutsThePreferredLanguageFirst() {
    Bilingual b = messages.both(Language.FR, "help.line.help");
    assertThat(b.mrkdwn())
        .startsWith("`/fsdh help` — afficher")
        .contains(Bilingual.SEPARATOR + "`/fsdh help` — show");
  }
}
