package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.ObjectType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SampleWorkspaceTest {
  @Test
  void smallSampleHasEveryCase() {
    var state = new WorkspaceState();
    SampleWorkspace.seed(state, SampleSpec.small());
    var tree = state.workspace();
    // 40 notebooks + one Trash notebook per user (4) + the huge one + 4 with awkward names
    assertThat(tree.count(ObjectType.NOTEBOOK)).isEqualTo(40 + 4 + 1 + 4);
    assertThat(
            tree.all()
                .filter(o -> o.type() == ObjectType.NOTEBOOK)
                .map(WorkspaceObject::language)
                .distinct())
        .containsExactlyInAnyOrder(Language.PYTHON, Language.SQL, Language.SCALA, Language.R);
    assertThat(tree.get("/Users/élodie.tremblay@nrc-cnrc.gc.ca/Analyse données")).isPresent();
    assertThat(tree.get("/Users/élodie.tremblay@nrc-cnrc.gc.ca/Trash/Ancien brouillon"))
        .isPresent();
    assertThat(tree.get(SampleWorkspace.HUGE_NOTEBOOK).orElseThrow().content().size())
        .isGreaterThan(WorkspaceRoutes.MAX_SIZE);
    assertThat(tree.count(ObjectType.FILE)).isEqualTo(6 + 4 + 4);
    // names with back-slashes, both quotes, emoji, runs of spaces, characters Windows refuses
    assertThat(tree.all().map(WorkspaceObject::path))
        .anyMatch(p -> p.endsWith("/Analyse\\brouillon v2"))
        .anyMatch(p -> p.contains("\"final\" 📊"))
        .anyMatch(p -> p.contains("'"))
        .anyMatch(p -> p.contains("  à   "))
        .anyMatch(p -> p.contains(":") && p.contains("?"))
        .anyMatch(p -> p.endsWith(".part"));
    assertThat(tree.get(SampleWorkspace.WORKSPACE_LIBRARY).orElseThrow().type())
        .isEqualTo(ObjectType.LIBRARY);
    // a binary secret value, readable as it is only through getBytes
    assertThat(state.secrets().value("projet-hydro", "jeton-api").orElseThrow())
        .hasSize(48)
        .satisfies(v -> assertThat(new String(v, StandardCharsets.UTF_8)).contains("\uFFFD"));
    // global init scripts hold their content; SHOW GRANTS keys are printed back-quoted
    assertThat(state.compute().globalInitScripts())
        .isNotEmpty()
        .allMatch(s -> !s.path("script").asText().isEmpty());
    assertThat(state.tables().all())
        .anyMatch(g -> g.principal().contains(" ") && g.principal().contains("'"));
    assertThat(state.repos().size()).isEqualTo(25);
    assertThat(state.jobs().size()).isEqualTo(30);
    assertThat(state.jobs().all()).anyMatch(j -> j.taskCount() > 100);
    assertThat(state.compute().clusters()).anyMatch(c -> c.has("docker_image"));
  }

  @Test
  void notebookSourcesHaveTheirLanguageHeaderAndAreStable() {
    var state = new WorkspaceState();
    SampleWorkspace.seed(state, SampleSpec.small());
    state
        .workspace()
        .all()
        .filter(o -> o.type() == ObjectType.NOTEBOOK)
        .forEach(o -> {
          String text = new String(o.content().bytes(), StandardCharsets.UTF_8);
          assertThat(text).startsWith(NotebookFormats.header(o.language()));
          assertThat(o.content().bytes()).isEqualTo(o.content().bytes());
        });
  }

  @Test
  void largeSampleOfTwentyThousandNotebooksKeepsNoContentInMemory() {
    var state = new WorkspaceState();
    SampleWorkspace.seed(state, SampleSpec.large());
    assertThat(state.workspace().count(ObjectType.NOTEBOOK)).isEqualTo(20_000 + 40 + 1 + 4);
    assertThat(
            state
                .workspace()
                .all()
                .filter(
                    o -> o.type() == ObjectType.NOTEBOOK && o.path().contains("/Trash/") == false))
        .allMatch(o -> o.content() instanceof Content.Generated);
  }
}
