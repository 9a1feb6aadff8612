package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --table-acl-target}: where table ACLs go in PROD (a picocli mixin). */
public final class TableAclTargetOption {
  @Option(
      names = "--table-acl-target",
      defaultValue = "auto",
      converter = Words.class,
      description =
          "Where table ACLs go in PROD: auto (Unity Catalog when PROD has a metastore), hive-metastore or unity-catalog (default: ${DEFAULT-VALUE}).")
  TableAclTarget target = TableAclTarget.AUTO;

  TableAclTarget get() {
    return target;
  }

  /** {@code auto}, {@code hive-metastore} or {@code unity-catalog}. */
  static final class Words implements ITypeConverter<TableAclTarget> {
    @Override
    public TableAclTarget convert(String value) {
      return TableAclTarget.parse(value);
    }
  }
}
