package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.error.platform.ResourceAlreadyExists;
import com.databricks.sdk.service.files.FileInfo;
import com.databricks.sdk.service.files.Put;
import com.databricks.sdk.service.files.ReadDbfsRequest;
import com.databricks.sdk.service.ml.CreateModelRequest;
import com.databricks.sdk.service.ml.CreateModelVersionRequest;
import com.databricks.sdk.service.ml.GetModelVersionDownloadUriRequest;
import com.databricks.sdk.service.ml.Model;
import com.databricks.sdk.service.ml.ModelVersion;
import com.databricks.sdk.service.ml.SearchModelVersionsRequest;
import com.databricks.sdk.service.ml.SearchModelsRequest;
import com.databricks.sdk.service.ml.TransitionModelVersionStageDatabricks;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model registry through the SDK; artifact bytes through DBFS and the Files API. */
class FakeDatabricksModelsTest extends SmallSampleTest {
  @Test
  void modelsVersionsStagesAndTagsAreSearchable() {
    List<Model> models =
        all(client.modelRegistry().searchModels(new SearchModelsRequest().setMaxResults(2L)));
    assertThat(models)
        .extracting(Model::getName)
        .contains("prevision-debit-rivieres", "classification especes", "détection-anomalies-air");
    String name = "prevision-debit-rivieres";
    List<ModelVersion> versions =
        all(
            client
                .modelRegistry()
                .searchModelVersions(
                    new SearchModelVersionsRequest().setFilter("name='" + name + "'")));
    assertThat(versions).hasSize(3).anyMatch(v -> v.getCurrentStage().equals("Production"));
    assertThat(versions.get(0).getTags()).isNotEmpty();
    var databricksModel = client.modelRegistry().getModel(name).getRegisteredModelDatabricks();
    assertThat(databricksModel.getId())
        .isEqualTo(server.state().models().model(name).orElseThrow().id());
  }

  @Test
  void artifactsAreReadableThroughDbfsAndTheFilesApiByteForByte() throws Exception {
    String name = server.state().models().models().get(0).name();
    String uri =
        client
            .modelRegistry()
            .getModelVersionDownloadUri(
                new GetModelVersionDownloadUriRequest().setName(name).setVersion("1"))
            .getArtifactUri();
    List<FileInfo> files = all(client.dbfs().list(uri));
    assertThat(files).extracting(FileInfo::getPath).anyMatch(p -> p.endsWith("/model.pkl"));
    String pkl =
        files.stream()
            .map(FileInfo::getPath)
            .filter(p -> p.endsWith("/model.pkl"))
            .findFirst()
            .orElseThrow();
    byte[] expected = server.state().dbfs().read(pkl).orElseThrow();
    var read =
        client
            .dbfs()
            .read(new ReadDbfsRequest().setPath(pkl).setOffset(0L).setLength(1024L * 1024));
    assertThat(Base64.getDecoder().decode(read.getData())).isEqualTo(expected);
    try (var in = client.files().download(pkl).getContents()) {
      assertThat(in.readAllBytes()).isEqualTo(expected);
    }
  }

  @Test
  void modelsCanBeRecreatedWithVersionsAndStages() {
    client.modelRegistry().createModel(new CreateModelRequest().setName("copie modèle"));
    assertThatThrownBy(() ->
            client.modelRegistry().createModel(new CreateModelRequest().setName("copie modèle")))
        .isInstanceOf(ResourceAlreadyExists.class);
    client
        .dbfs()
        .put(
            new Put()
                .setPath("/tmp/artefacts/model.pkl")
                .setContents(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                .setOverwrite(true));
    var v =
        client
            .modelRegistry()
            .createModelVersion(
                new CreateModelVersionRequest()
                    .setName("copie modèle")
                    .setSource("dbfs:/tmp/artefacts"))
            .getModelVersion();
    client
        .modelRegistry()
        .transitionStage(
            new TransitionModelVersionStageDatabricks()
                .setName("copie modèle")
                .setVersion(v.getVersion())
                .setStage("Staging")
                .setArchiveExistingVersions(false));
    var stored = server.state().models().version("copie modèle", v.getVersion()).orElseThrow();
    assertThat(stored.stage()).isEqualTo("Staging");
    assertThat(server.state().dbfs().read(stored.storageLocation() + "/model.pkl"))
        .hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
  }
}
