package ca.gc.fsdh.bot.migration.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a finished export bundle for the workspace lead: the bundle files at the root of the zip (so
 * {@code fsdh-bot import --bundle x.zip} reads it as is) and a bilingual {@code README.md}. The zip
 * is created readable by its owner only (600), since it holds the lead's code and data.
 */
public final class OffboardPackage {
  public static final String README = "README.md";

  private OffboardPackage() {}

  public static Path write(Path bundle, Path zip, String acronym) throws IOException {
    OwnerOnlyFiles.createDirectories(zip.toAbsolutePath().getParent());
    Files.deleteIfExists(zip);
    try (OutputStream raw = OwnerOnlyFiles.newOutputStream(zip, StandardOpenOption.CREATE_NEW);
        var out = new ZipOutputStream(raw, StandardCharsets.UTF_8);
        Stream<Path> files = Files.walk(bundle)) {
      out.putNextEntry(new ZipEntry(README));
      out.write(readme(acronym).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String rel = bundle.relativize(f).toString().replace('\\', '/');
        if (rel.equals(README)) continue;
        out.putNextEntry(new ZipEntry(rel));
        try (InputStream in = Files.newInputStream(f)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return zip;
  }

  /** Makes the bundle directory owner-only too (700 directories, 600 files). */
  public static void restrict(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
      }
    }
  }

  static String readme(String acronym) throws IOException {
    try (InputStream in = OffboardPackage.class.getResourceAsStream("offboard-readme.md")) {
      if (in == null) throw new IOException("offboard-readme.md missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{ACRONYM}}", acronym == null ? "" : acronym);
    }
  }
}
