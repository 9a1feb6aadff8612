package ca.gc.fsdh.bot.migration.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks an offboarding zip with limits, since a zip from outside may be hostile or damaged. Every
 * entry is checked before anything is written: no symbolic link or other special entry, no name
 * that leaves the bundle, no name twice; then the manifest is read (at most {@link
 * BundleReader#MANIFEST_LIMIT} bytes) and checked, and every file entry must be one it lists (or
 * the offboarding's {@code README.md}). Only then are the listed files written, each stopped at the
 * size the manifest lists and checked against its SHA-256.
 *
 * <p>Commons Compress reads the entries' Unix mode bits, which {@code java.util.zip} does not
 * expose: that is how a link stored by {@code zip --symlinks} is recognised. Folder entries are not
 * extracted (folders are created for the files under them). The zip format has no hard links.
 */
final class BundleZip {
  /** The offboarding README is written by {@link OffboardPackage}; a few KB. */
  static final long README_LIMIT = 1024L * 1024;

  private static final int TYPE_MASK = 0170000;
  private static final int REGULAR = 0100000;
  private static final int DIRECTORY = 0040000;

  private BundleZip() {}

  /** Checks and unpacks {@code zip} into the empty folder {@code dir}; returns its manifest. */
  static BundleManifest extract(Path zip, Path dir) throws IOException {
    ZipFile z;
    try {
      z = ZipFile.builder().setPath(zip).get();
    } catch (IOException e) {
      throw new BadBundleException(
          "not a complete zip file (truncated or damaged): "
              + zip
              + " ("
              + BundleReader.oneLine(e.getMessage(), 200)
              + ")",
          e);
    }
    try (z) {
      Map<String, ZipArchiveEntry> files = entries(z);
      ZipArchiveEntry m = files.get(BundleManifest.FILE);
      if (m == null)
        throw new BadBundleException(
            "not a bundle: " + BundleManifest.FILE + " is missing in " + zip);
      BundleManifest manifest;
      try (InputStream in = read(z, m, BundleReader.MANIFEST_LIMIT, BundleManifest.FILE)) {
        manifest = BundleReader.manifest(in, zip + "!/" + BundleManifest.FILE);
      }
      for (String name : files.keySet()) {
        if (!name.equals(BundleManifest.FILE)
            && !name.equals(OffboardPackage.README)
            && !manifest.checksums().containsKey(name)) {
          throw new BadBundleException(
              "zip entry "
                  + BundleReader.oneLine(name, 200)
                  + " is not listed in the manifest; a bundle holds only the files its manifest lists; nothing was imported");
        }
      }
      int missing = 0;
      String first = null;
      for (String name : manifest.checksums().keySet()) {
        if (!files.containsKey(name) && missing++ == 0) first = name;
      }
      if (missing > 0) throw BundleReader.missing(missing, first);

      for (var listed : manifest.checksums().entrySet()) {
        String name = listed.getKey();
        ZipArchiveEntry e = files.get(name);
        Long size = manifest.sizes() == null ? null : manifest.sizes().get(name);
        long limit = size != null ? size : e.getSize(); // older bundles: the size the zip declares
        if (limit < 0)
          throw new BadBundleException(
              "zip entry "
                  + name
                  + " has no size, and the manifest lists none; nothing was imported");
        String actual =
            write(
                z,
                e,
                name,
                limit,
                dir.resolve(name),
                size != null ? "the manifest lists" : "the zip declares");
        if (!actual.equals(listed.getValue()))
          throw BundleReader.checksumMismatch(name, listed.getValue(), actual);
      }
      ZipArchiveEntry readme = files.get(OffboardPackage.README);
      if (readme != null && !manifest.checksums().containsKey(OffboardPackage.README)) {
        write(
            z,
            readme,
            OffboardPackage.README,
            README_LIMIT,
            dir.resolve(OffboardPackage.README),
            "an offboarding README has at most");
      }
      return manifest;
    }
  }

  /**
   * The file entries by name, after refusing links, special entries, names leaving the bundle and
   * names seen twice.
   */
  private static Map<String, ZipArchiveEntry> entries(ZipFile z) throws BadBundleException {
    var files = new HashMap<String, ZipArchiveEntry>();
    var folders = new HashSet<String>();
    for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
      String raw = e.getName();
      boolean folder = e.isDirectory();
      String name = folder ? raw.substring(0, raw.length() - 1) : raw;
      String shown = BundleReader.oneLine(raw, 200);
      if (BundleReader.leaves(name))
        throw new BadBundleException(
            "zip entry "
                + shown
                + " leaves the bundle (an absolute path or ..); nothing was imported");
      if (e.isUnixSymlink())
        throw new BadBundleException(
            "zip entry "
                + shown
                + " is a symbolic link; a bundle holds plain files only; nothing was imported");
      int type = e.getUnixMode() & TYPE_MASK;
      if (type != 0 && type != REGULAR && type != DIRECTORY) {
        throw new BadBundleException(
            "zip entry "
                + shown
                + " is not a plain file (Unix mode "
                + Integer.toOctalString(e.getUnixMode())
                + "); nothing was imported");
      }
      if (folders.contains(name) || files.containsKey(name)) {
        throw new BadBundleException(
            "the zip holds " + shown + " more than once; nothing was imported");
      }
      if (folder) {
        folders.add(name);
      } else {
        files.put(name, e);
      }
    }
    return files;
  }

  private static InputStream read(ZipFile z, ZipArchiveEntry e, long limit, String name)
      throws IOException {
    if (e.getSize() > limit) throw tooLarge(name, limit, "a manifest has at most");
    try {
      return new LimitedInput(z.getInputStream(e), limit, name);
    } catch (IOException ex) {
      throw damaged(name, ex);
    }
  }

  /** Writes one entry, owner-only, stopping past {@code limit} bytes; returns its SHA-256. */
  private static String write(
      ZipFile z, ZipArchiveEntry e, String name, long limit, Path target, String whose)
      throws IOException {
    MessageDigest sha = BundleWriter.sha256();
    OwnerOnlyFiles.createDirectories(target.getParent());
    try (InputStream in = openEntry(z, e, name);
        OutputStream out =
            new DigestOutputStream(
                OwnerOnlyFiles.newOutputStream(target, StandardOpenOption.CREATE_NEW), sha)) {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      while (true) {
        int n;
        try {
          n = in.readNBytes(buf, 0, (int) Math.min(buf.length, limit - total + 1));
        } catch (IOException ex) {
          throw damaged(name, ex);
        }
        if (n <= 0) break;
        total += n;
        if (total > limit) throw tooLarge(name, limit, whose);
        out.write(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static InputStream openEntry(ZipFile z, ZipArchiveEntry e, String name)
      throws BadBundleException {
    try {
      return z.getInputStream(e);
    } catch (IOException ex) {
      throw damaged(name, ex);
    }
  }

  private static BadBundleException tooLarge(String name, long limit, String whose) {
    return new BadBundleException(
        "zip entry "
            + name
            + " is larger than the "
            + limit
            + " bytes "
            + whose
            + "; it was not unpacked further; nothing was imported");
  }

  private static BadBundleException damaged(String name, IOException e) {
    return new BadBundleException(
        "zip entry "
            + name
            + " cannot be read (truncated or damaged zip): "
            + BundleReader.oneLine(e.getMessage(), 200),
        e);
  }

  /** Refuses to read past a limit, and turns read errors into a bad bundle. */
  private static final class LimitedInput extends FilterInputStream {
    private final long limit;
    private final String name;
    private long count;

    LimitedInput(InputStream in, long limit, String name) {
      super(in);
      this.limit = limit;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        throw damaged(name, e);
      }
      if (n > 0 && (count += n) > limit) throw tooLarge(name, limit, "a manifest has at most");
      return n;
    }
  }
}
