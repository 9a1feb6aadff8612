package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import picocli.CommandLine.ITypeConverter;

/** {@code --table-acl-target}: {@code auto}, {@code hive-metastore} or {@code unity-catalog}. */
final class TableAclTargetConverter implements ITypeConverter<TableAclTarget> {
  @Override
  public TableAclTarget convert(String value) {
    return TableAclTarget.parse(value);
  }
}
