package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh pair of stand-ins for each test: a POC seeded with the small sample and a PROD prepared
 * for its import (principals, clusters, warehouse). Registered with {@code @RegisterExtension}; it
 * starts them before the test's own {@code @BeforeEach} and closes them after the test.
 */
final class SampleStandIns implements BeforeEachCallback, AfterEachCallback {
  FakeDatabricks poc;
  FakeDatabricks prod;

  @Override
  public void beforeEach(ExtensionContext context) {
    poc = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    SampleWorkspace.seed(poc.state(), SampleSpec.small());
    prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    SampleProd.prepare(poc.state(), prod.state());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    poc.close();
    prod.close();
  }
}
