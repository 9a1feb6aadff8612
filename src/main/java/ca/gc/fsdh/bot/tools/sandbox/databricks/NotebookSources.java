package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.service.workspace.Language;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes realistic notebook sources (header, markdown in both official languages, code, a magic
 * cell), the same bytes for the same seed and index, so that notebook content need not be stored.
 */
final class NotebookSources {
  private static final String[] TABLES = {
    "hydrometrie.stations",
    "climat.temperatures_quotidiennes",
    "sante.indicateurs_regionaux",
    "peches.captures_2024",
    "forets.inventaire_parcelles",
    "air.qualite_horaire"
  };

  private NotebookSources() {}

  static byte[] generate(long seed, int index, Language language, String title) {
    Random r = new Random(seed * 1_000_003L + index);
    String table = TABLES[r.nextInt(TABLES.length)];
    String m = NotebookFormats.comment(language) + " MAGIC ";
    List<String> cells = new ArrayList<>();
    cells.add(
        m
            + "%md\n"
            + m
            + "# "
            + title
            + "\n"
            + m
            + "Analyse n° "
            + index
            + " – données ouvertes du gouvernement du Canada / open Government of Canada data.");
    int codeCells = 2 + r.nextInt(5);
    for (int c = 0; c < codeCells; c++) {
      cells.add(code(language, r, table, c));
    }
    if (language != Language.SQL) {
      cells.add(m + "%sql\n" + m + "SELECT count(*) AS lignes FROM " + table);
    }
    return NotebookFormats.joinCells(language, cells);
  }

  private static String code(Language language, Random r, String table, int cell) {
    int threshold = r.nextInt(1000);
    return switch (language) {
      case PYTHON ->
          "df_"
              + cell
              + " = spark.table(\""
              + table
              + "\").where(\"valeur > "
              + threshold
              + "\")\n"
              + "display(df_"
              + cell
              + ".groupBy(\"region\").count())";
      case SQL ->
          "SELECT region, avg(valeur) AS moyenne\nFROM "
              + table
              + "\nWHERE valeur > "
              + threshold
              + "\nGROUP BY region";
      case SCALA ->
          "val df"
              + cell
              + " = spark.table(\""
              + table
              + "\").filter($\"valeur\" > "
              + threshold
              + ")\n"
              + "display(df"
              + cell
              + ".groupBy(\"region\").count())";
      case R ->
          "library(SparkR)\ndf"
              + cell
              + " <- filter(tableToDF(\""
              + table
              + "\"), \"valeur > "
              + threshold
              + "\")\ndisplay(count(groupBy(df"
              + cell
              + ", \"region\")))";
    };
  }

  /**
   * A Python notebook of at least {@code minBytes}, its bulk an inline data cell (as pasted
   * results).
   */
  static byte[] huge(long seed, int minBytes) {
    Random r = new Random(seed);
    StringBuilder data = new StringBuilder(minBytes + 200).append("donnees_brutes = [\n");
    while (data.length() < minBytes) {
      data.append("    (")
          .append(r.nextInt(100_000))
          .append(", ")
          .append(r.nextDouble())
          .append(", \"station-")
          .append(r.nextInt(5000))
          .append("\"),\n");
    }
    data.append("]\nprint(len(donnees_brutes))");
    List<String> cells =
        List.of("# MAGIC %md\n# MAGIC # Résultats volumineux / Large results", data.toString());
    return NotebookFormats.joinCells(Language.PYTHON, cells);
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
