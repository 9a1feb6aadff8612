package ca.gc.fsdh.bot.migration.spi;

/**
 * How notebooks are exported: SOURCE (a source file in its language) or JUPYTER (keeps outputs).
 */
public enum NotebookFormat {
  SOURCE,
  JUPYTER
}
