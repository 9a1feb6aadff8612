package ca.gc.fsdh.bot.campaign;

import java.util.Optional;

/**
 * Text for a CSV cell that a spreadsheet will not run as a formula (OWASP, "CSV Injection": no cell
 * may begin with {@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return or line feed; the
 * mitigation is to prefix such a cell with a single quote). commons-csv quotes and escapes (RFC
 * 4180) but has no such guard. Only text goes through here: numbers are written as numbers, where a
 * leading minus is a sign, not a formula.
 */
public final class CsvCells {
  private CsvCells() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + value;
      default -> value;
    };
  }

  public static String text(Optional<?> value) {
    return value.map(v -> text(v.toString())).orElse("");
  }
}
