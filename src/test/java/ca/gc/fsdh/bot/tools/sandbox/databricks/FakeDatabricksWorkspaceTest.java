package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.ResourceAlreadyExists;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.workspace.Delete;
import com.databricks.sdk.service.workspace.ExportFormat;
import com.databricks.sdk.service.workspace.ExportRequest;
import com.databricks.sdk.service.workspace.Import;
import com.databricks.sdk.service.workspace.ImportFormat;
import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.ObjectInfo;
import com.databricks.sdk.service.workspace.ObjectType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakeDatabricksWorkspaceTest {
  private static final String DIR = "/Users/élodie.tremblay@nrc-cnrc.gc.ca/Analyse données";
  private static FakeDatabricks server;
  private static WorkspaceClient client;

  @BeforeAll
  static void start() {
    server = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    client = SdkClients.workspace(server);
    WorkspaceTree tree = server.state().workspace();
    tree.putNotebook(
        DIR + "/Qualité de l'eau",
        Language.PYTHON,
        Content.of(
            "# Databricks notebook source\nprint('bonjour')\n\n# COMMAND ----------\n\n# MAGIC %md\n# MAGIC # Titre"));
    tree.putFile(DIR + "/données brutes.csv", Content.of("a,b\n1,2\n"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<ObjectInfo> list(String path) {
    return StreamSupport.stream(client.workspace().list(path).spliterator(), false).toList();
  }

  @Test
  void listShowsNotebooksAndFilesWithAccentsAndSpaces() {
    assertThat(list(DIR))
        .extracting(ObjectInfo::getPath, ObjectInfo::getObjectType)
        .containsExactly(
            Tuple.tuple(DIR + "/Qualité de l'eau", ObjectType.NOTEBOOK),
            Tuple.tuple(DIR + "/données brutes.csv", ObjectType.FILE));
    assertThat(client.workspace().getStatus(DIR + "/Qualité de l'eau").getLanguage())
        .isEqualTo(Language.PYTHON);
  }

  @Test
  void sourceExportIsByteEqualToTheState() {
    String path = DIR + "/Qualité de l'eau";
    var exported =
        client.workspace().export(new ExportRequest().setPath(path).setFormat(ExportFormat.SOURCE));
    byte[] expected = server.state().workspace().get(path).orElseThrow().content().bytes();
    assertThat(Base64.getDecoder().decode(exported.getContent())).isEqualTo(expected);
    var file =
        client
            .workspace()
            .export(
                new ExportRequest()
                    .setPath(DIR + "/données brutes.csv")
                    .setFormat(ExportFormat.AUTO));
    assertThat(new String(Base64.getDecoder().decode(file.getContent()), StandardCharsets.UTF_8))
        .isEqualTo("a,b\n1,2\n");
  }

  @Test
  void jupyterExportImportsBackToTheSameSource() {
    String path = DIR + "/Qualité de l'eau";
    var ipynb =
        client
            .workspace()
            .export(new ExportRequest().setPath(path).setFormat(ExportFormat.JUPYTER));
    client.workspace().mkdirs("/Shared/copie");
    client
        .workspace()
        .importContent(
            new Import()
                .setPath("/Shared/copie/Qualité.ipynb")
                .setFormat(ImportFormat.JUPYTER)
                .setContent(ipynb.getContent()));
    assertThat(
            server.state().workspace().get("/Shared/copie/Qualité").orElseThrow().content().bytes())
        .isEqualTo(server.state().workspace().get(path).orElseThrow().content().bytes());
  }

  @Test
  void importNeedsOverwriteToReplaceAndAnExistingParent() {
    String content =
        Base64.getEncoder().encodeToString("select 1".getBytes(StandardCharsets.UTF_8));
    client.workspace().mkdirs("/Shared/import");
    var request =
        new Import()
            .setPath("/Shared/import/q")
            .setFormat(ImportFormat.SOURCE)
            .setLanguage(Language.SQL)
            .setContent(content);
    client.workspace().importContent(request);
    assertThatThrownBy(() -> client.workspace().importContent(request))
        .isInstanceOf(ResourceAlreadyExists.class);
    client.workspace().importContent(request.setOverwrite(true));
    assertThatThrownBy(() -> client.workspace().importContent(request.setPath("/Shared/nowhere/q")))
        .isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void exportAndImportOverTenMegabytesAreRefused() {
    byte[] big = new byte[WorkspaceRoutes.MAX_SIZE + 1];
    Arrays.fill(big, (byte) 'x');
    server.state().workspace().putFile("/Shared/big.bin", Content.of(big));
    assertThatThrownBy(() ->
            client
                .workspace()
                .export(
                    new ExportRequest().setPath("/Shared/big.bin").setFormat(ExportFormat.SOURCE)))
        .isInstanceOfSatisfying(
            DatabricksError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("MAX_NOTEBOOK_SIZE_EXCEEDED");
              assertThat(e.getStatusCode()).isEqualTo(400);
            });
    assertThatThrownBy(() ->
            client
                .workspace()
                .importContent(
                    new Import()
                        .setPath("/Shared/big2.bin")
                        .setFormat(ImportFormat.RAW)
                        .setContent(Base64.getEncoder().encodeToString(big))))
        .isInstanceOfSatisfying(
            DatabricksError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("MAX_NOTEBOOK_SIZE_EXCEEDED"));
  }

  @Test
  void deleteOfANonEmptyFolderNeedsRecursive() {
    server.state().workspace().putFile("/Shared/tmp/a/b.txt", Content.of("b"));
    assertThatThrownBy(() -> client.workspace().delete(new Delete().setPath("/Shared/tmp")))
        .isInstanceOfSatisfying(
            DatabricksError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("DIRECTORY_NOT_EMPTY"));
    client.workspace().delete(new Delete().setPath("/Shared/tmp").setRecursive(true));
    assertThat(server.state().workspace().get("/Shared/tmp")).isEmpty();
    assertThatThrownBy(() -> client.workspace().getStatus("/Shared/tmp"))
        .isInstanceOf(ResourceDoesNotExist.class);
  }
}
