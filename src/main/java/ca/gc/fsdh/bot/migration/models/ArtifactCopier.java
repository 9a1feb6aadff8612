package ca.gc.fsdh.bot.migration.models;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.files.FileInfo;
import com.databricks.sdk.service.files.ReadDbfsRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Copies a model version's artifacts from DBFS into the bundle, file by file, 1 MB per read (the
 * DBFS read limit), streamed to disk. The MLflow registry gives a {@code dbfs:/} URI; artifact
 * bytes are not in the SDK's registry API.
 */
final class ArtifactCopier {
  private static final long CHUNK = 1024 * 1024;
  private final WorkspaceClient workspace;

  ArtifactCopier(WorkspaceClient workspace) {
    this.workspace = workspace;
  }

  List<FileRef> copy(String artifactUri, String bundleDir, BundleWriter bundle) throws IOException {
    String root = dbfsPath(artifactUri);
    var out = new ArrayList<FileRef>();
    copyTree(root, root, bundleDir, bundle, out);
    return out;
  }

  private void copyTree(
      String root, String dir, String bundleDir, BundleWriter bundle, List<FileRef> out)
      throws IOException {
    for (FileInfo f : workspace.dbfs().list(dir)) {
      if (Boolean.TRUE.equals(f.getIsDir())) {
        copyTree(root, f.getPath(), bundleDir, bundle, out);
        continue;
      }
      String rel =
          f.getPath().startsWith(root) ? f.getPath().substring(root.length()) : "/" + f.getPath();
      out.add(
          bundle.write(
              bundleDir + (rel.startsWith("/") ? rel : "/" + rel),
              stream -> {
                long offset = 0;
                while (true) {
                  var r =
                      workspace
                          .dbfs()
                          .read(
                              new ReadDbfsRequest()
                                  .setPath(f.getPath())
                                  .setOffset(offset)
                                  .setLength(CHUNK));
                  long n = r.getBytesRead() == null ? 0 : r.getBytesRead();
                  if (n <= 0 || r.getData() == null) break;
                  stream.write(Base64.getDecoder().decode(r.getData()));
                  offset += n;
                  if (f.getFileSize() != null && offset >= f.getFileSize()) break;
                }
              }));
    }
  }

  static String dbfsPath(String uri) {
    if (uri.startsWith("dbfs:")) return uri.substring("dbfs:".length());
    if (uri.startsWith("/")) return uri;
    throw new IllegalArgumentException("artifact store not supported (only dbfs:/): " + uri);
  }
}
