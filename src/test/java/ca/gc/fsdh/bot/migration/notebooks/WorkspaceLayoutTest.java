package ca.gc.fsdh.bot.migration.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.spi.NotebookFormat;
import com.databricks.sdk.service.workspace.Language;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceLayoutTest {
  @Test
  void spacesAccentsQuotesAndEmojiAreKept() {
    assertThat(
            WorkspaceLayout.notebookFile(
                "/Shared/Équipe « Données » 🚀/Rapport d'été 📊",
                Language.SQL,
                NotebookFormat.SOURCE))
        .isEqualTo("notebooks/source/Shared/Équipe « Données » 🚀/Rapport d'été 📊.sql");
  }

  @Test
  void charactersAFileSystemRefusesOrSplitsOnAreEncoded() {
    assertThat(
            WorkspaceLayout.notebookFile(
                "/Users/a/Analyse\\brouillon", Language.PYTHON, NotebookFormat.SOURCE))
        .isEqualTo("notebooks/source/Users/a/Analyse%5Cbrouillon.py");
    assertThat(WorkspaceLayout.workspaceFile("/Shared/d\\x/a:b*c?\"d\"<e>|f.csv"))
        .isEqualTo("notebooks/files/Shared/d%5Cx/a%3Ab%2Ac%3F%22d%22%3Ce%3E%7Cf.csv");
    assertThat(WorkspaceLayout.safeName("tab\there")).isEqualTo("tab%09here");
    assertThat(WorkspaceLayout.safeName("100% sûr")).isEqualTo("100%25 sûr");
  }

  @Test
  void namesWindowsOrTheBundleWouldChangeAreEncodedAtOneEnd() {
    assertThat(WorkspaceLayout.safeName("fin.")).isEqualTo("fin%2E");
    assertThat(WorkspaceLayout.safeName("fin ")).isEqualTo("fin%20");
    assertThat(WorkspaceLayout.safeName("..")).isEqualTo("%2E%2E");
    assertThat(WorkspaceLayout.safeName(".")).isEqualTo("%2E");
    assertThat(WorkspaceLayout.safeName("CON")).isEqualTo("%43ON");
    assertThat(WorkspaceLayout.safeName("nul.txt")).isEqualTo("%6Eul.txt");
    assertThat(WorkspaceLayout.safeName("console")).isEqualTo("console");
    assertThat(WorkspaceLayout.workspaceFile("/Shared/export.part"))
        .isEqualTo("notebooks/files/Shared/export.par%74");
    assertThat(WorkspaceLayout.workspaceFile("/Shared/x.part/y"))
        .isEqualTo("notebooks/files/Shared/x.part/y");
  }

  @Test
  void twoNamesNeverShareAFile() {
    var names = List.of("a\\b", "a%5Cb", "a%255Cb", "a:b", "a%3Ab", "x.", "x%2E", "CON", "%43ON");
    var files = new HashSet<String>();
    for (String n : names) files.add(WorkspaceLayout.safeName(n));
    assertThat(files).hasSameSizeAs(names);
  }
}
