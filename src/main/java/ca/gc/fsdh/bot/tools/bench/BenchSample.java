package ca.gc.fsdh.bot.tools.bench;

import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;

/**
 * The sample workspace the migration benchmarks run on: the notebooks and folders asked for, and a
 * fixed number of every other resource (so two benchmarks' figures compare).
 */
final class BenchSample {
  private BenchSample() {}

  static SampleSpec spec(int notebooks, int folders) {
    return SampleSpec.builder()
        .notebooks(notebooks)
        .folders(folders)
        .jobs(100, 3)
        .repos(50)
        .secrets(10, 10)
        .grants(500)
        .models(20, 3)
        .build();
  }
}
