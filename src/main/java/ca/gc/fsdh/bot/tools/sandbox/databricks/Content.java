package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The bytes of a notebook or file. Generated content is produced again on each read instead of
 * being kept, so a 20,000-notebook sample costs only its paths in memory; the generator must be
 * deterministic (same bytes every time) for byte-exact comparisons to make sense.
 */
public sealed interface Content {
  byte[] bytes();

  long size();

  static Content of(byte[] bytes) {
    return new Stored(bytes.clone());
  }

  static Content of(String text) {
    return new Stored(text.getBytes(StandardCharsets.UTF_8));
  }

  static Content generated(Supplier<byte[]> generator) {
    return new Generated(generator);
  }

  /** Bytes held in memory. */
  record Stored(byte[] data) implements Content {
    @Override
    public byte[] bytes() {
      return data.clone();
    }

    @Override
    public long size() {
      return data.length;
    }
  }

  /**
   * Bytes made on demand by a deterministic generator; the size is remembered after the first read.
   */
  final class Generated implements Content {
    private final Supplier<byte[]> generator;
    private volatile long size = -1;

    Generated(Supplier<byte[]> generator) {
      this.generator = generator;
    }

    @Override
    public byte[] bytes() {
      byte[] b = generator.get();
      size = b.length;
      return b;
    }

    @Override
    public long size() {
      long s = size;
      return s >= 0 ? s : bytes().length;
    }
  }
}
