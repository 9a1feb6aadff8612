package ca.gc.fsdh.bot.migration.bundle;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files into a bundle directory: streamed, checksummed while written, and moved into place
 * only when complete, so a killed export leaves either the whole file or none (plus a stray {@code
 * .part} that the next run overwrites).
 */
public final class BundleWriter {
  private final Path root;
  private final AtomicLong bytes = new AtomicLong();

  public BundleWriter(Path root) throws IOException {
    this.root = OwnerOnlyFiles.createDirectories(root).toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Bytes written so far by this writer. */
  public long bytesWritten() {
    return bytes.get();
  }

  /** Something that writes a file's content into a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public FileRef write(String relativePath, Content content) throws IOException {
    Path target = resolve(relativePath);
    OwnerOnlyFiles.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    MessageDigest sha = sha256();
    long size;
    try (var counting = new CountingOutputStream(OwnerOnlyFiles.newOutputStream(part));
        var out = new DigestOutputStream(counting, sha)) {
      content.writeTo(out);
      out.flush();
      size = counting.count;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    bytes.addAndGet(size);
    return new FileRef(relative(target), size, HexFormat.of().formatHex(sha.digest()));
  }

  public FileRef write(String relativePath, byte[] content) throws IOException {
    return write(relativePath, out -> out.write(content));
  }

  /** Writes a value as indented JSON (SDK objects keep their REST field names). */
  public FileRef writeJson(String relativePath, Object value) throws IOException {
    return write(relativePath, BundleJson.PRETTY.writeValueAsBytes(value));
  }

  /**
   * The absolute path of a bundle file. Workspace paths become bundle paths, so this refuses any
   * path that would land outside the bundle ({@code ..}, absolute paths).
   */
  public Path resolve(String relativePath) {
    String trimmed = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
    Path p = root.resolve(trimmed).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("path leaves the bundle: " + relativePath);
    }
    return p;
  }

  public String relative(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(new BufferedOutputStream(out, 64 * 1024));
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
