package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.service.workspace.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Conversions between the notebook SOURCE format (what the stand-in stores) and the other export
 * formats: JUPYTER, HTML and DBC. SOURCE is a header line, then cells separated by {@code COMMAND
 * ----------} lines in the language's comment syntax; non-default-language cells carry {@code
 * MAGIC} prefixes.
 */
final class NotebookFormats {
  private NotebookFormats() {}

  /** A notebook inside a DBC archive or a directory export. */
  record Entry(String relativePath, Language language, byte[] source) {}

  static String comment(Language language) {
    return switch (language) {
      case SQL -> "--";
      case SCALA -> "//";
      case PYTHON, R -> "#";
    };
  }

  static String header(Language language) {
    return comment(language) + " Databricks notebook source";
  }

  static String separator(Language language) {
    return "\n\n" + comment(language) + " COMMAND ----------\n\n";
  }

  static String extension(Language language) {
    return switch (language) {
      case PYTHON -> "py";
      case SQL -> "sql";
      case SCALA -> "scala";
      case R -> "r";
    };
  }

  static String jupyterName(Language language) {
    return language.name().toLowerCase();
  }

  /** The language announced by a SOURCE header, or null when the bytes are not a notebook. */
  static Language languageOfSource(byte[] bytes, String fileName) {
    String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8);
    if (start.startsWith("-- Databricks notebook source")) {
      return Language.SQL;
    }
    if (start.startsWith("// Databricks notebook source")) {
      return Language.SCALA;
    }
    if (start.startsWith("# Databricks notebook source")) {
      return fileName.toLowerCase().endsWith(".r") ? Language.R : Language.PYTHON;
    }
    return null;
  }

  /** Splits a SOURCE notebook into its cells (header removed). */
  static List<String> cells(Language language, byte[] source) {
    String text = new String(source, StandardCharsets.UTF_8);
    String header = header(language);
    if (text.startsWith(header)) {
      text = text.substring(header.length());
      text = text.startsWith("\n") ? text.substring(1) : text;
    }
    List<String> cells = new ArrayList<>();
    String sep = separator(language);
    int from = 0;
    for (int at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, from)) {
      cells.add(text.substring(from, at));
      from = at + sep.length();
    }
    cells.add(text.substring(from));
    return cells;
  }

  static byte[] joinCells(Language language, List<String> cells) {
    return (header(language) + "\n" + String.join(separator(language), cells))
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] toJupyter(String name, Language language, byte[] source) {
    String magic = comment(language) + " MAGIC ";
    ObjectNode nb = Json.object();
    ArrayNode cells = nb.putArray("cells");
    for (String cell : cells(language, source)) {
      boolean markdown = cell.startsWith(magic + "%md");
      String text = markdown ? stripMagic(cell, magic).replaceFirst("^%md[^\n]*\n?", "") : cell;
      ObjectNode c = cells.addObject().put("cell_type", markdown ? "markdown" : "code");
      c.putObject("metadata");
      ArrayNode lines = c.putArray("source");
      String[] parts = text.split("(?<=\n)");
      for (String line : parts) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      if (!markdown) {
        c.putArray("outputs");
        c.putNull("execution_count");
      }
    }
    ObjectNode meta = nb.putObject("metadata");
    meta.putObject("application/vnd.databricks.v1+notebook")
        .put("language", jupyterName(language))
        .put("notebookName", name);
    meta.putObject("language_info").put("name", jupyterName(language));
    nb.put("nbformat", 4).put("nbformat_minor", 0);
    return Json.bytes(nb);
  }

  record Parsed(Language language, byte[] source) {}

  static Parsed fromJupyter(byte[] ipynb) {
    JsonNode nb = Json.parse(ipynb);
    if (!nb.has("cells")) {
      throw ApiError.invalid("The content is not a Jupyter notebook (no cells).");
    }
    String lang =
        nb.path("metadata")
            .path("application/vnd.databricks.v1+notebook")
            .path("language")
            .asText(nb.path("metadata").path("language_info").path("name").asText("python"));
    Language language =
        switch (lang.toLowerCase()) {
          case "sql" -> Language.SQL;
          case "scala" -> Language.SCALA;
          case "r" -> Language.R;
          default -> Language.PYTHON;
        };
    String magic = comment(language) + " MAGIC ";
    List<String> cells = new ArrayList<>();
    for (JsonNode c : nb.path("cells")) {
      StringBuilder text = new StringBuilder();
      c.path("source").forEach(l -> text.append(l.asText()));
      if (c.path("source").isTextual()) {
        text.append(c.path("source").asText());
      }
      if (c.path("cell_type").asText().equals("markdown")) {
        StringBuilder md = new StringBuilder(magic).append("%md");
        for (String line : text.toString().split("\n", -1)) {
          md.append('\n').append(magic).append(line);
        }
        cells.add(md.toString());
      } else {
        cells.add(text.toString());
      }
    }
    return new Parsed(language, joinCells(language, cells));
  }

  private static String stripMagic(String cell, String magic) {
    StringBuilder out = new StringBuilder();
    for (String line : cell.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(
          line.startsWith(magic)
              ? line.substring(magic.length())
              : line.equals(magic.strip()) ? "" : line);
    }
    return out.toString();
  }

  static byte[] toHtml(String name, byte[] source) {
    String escaped =
        new String(source, StandardCharsets.UTF_8)
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;");
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
            + name.replace("<", "&lt;")
            + "</title></head><body><pre class=\"databricks-notebook\">"
            + escaped
            + "</pre></body></html>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A DBC archive: one JSON document per notebook, named after its path and language. */
  static byte[] toDbc(List<Entry> entries) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (Entry e : entries) {
        zip.putNextEntry(new ZipEntry(e.relativePath() + "." + dbcExtension(e.language())));
        ObjectNode doc =
            Json.object()
                .put("version", "NotebookV1")
                .put("name", e.relativePath().substring(e.relativePath().lastIndexOf('/') + 1))
                .put("language", jupyterName(e.language()));
        ArrayNode commands = doc.putArray("commands");
        int i = 0;
        for (String cell : cells(e.language(), e.source())) {
          commands.addObject().put("position", ++i).put("command", cell);
        }
        zip.write(Json.bytes(doc));
        zip.closeEntry();
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  static List<Entry> fromDbc(byte[] dbc) {
    List<Entry> out = new ArrayList<>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(dbc))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        JsonNode doc = Json.parse(zip.readAllBytes());
        Language language = Language.valueOf(doc.path("language").asText("python").toUpperCase());
        List<String> cells = new ArrayList<>();
        doc.path("commands").forEach(c -> cells.add(c.path("command").asText()));
        String name = e.getName().substring(0, e.getName().lastIndexOf('.'));
        out.add(new Entry(name, language, joinCells(language, cells)));
      }
    } catch (IOException | IllegalArgumentException ex) {
      throw ApiError.invalid("The content is not a DBC archive.");
    }
    if (out.isEmpty()) {
      throw ApiError.invalid("The content is not a DBC archive.");
    }
    return out;
  }

  /** A zip of SOURCE files, as a directory export in SOURCE format returns. */
  static byte[] sourceZip(List<Entry> entries) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (Entry e : entries) {
        zip.putNextEntry(
            new ZipEntry(
                e.language() == null
                    ? e.relativePath()
                    : e.relativePath() + "." + extension(e.language())));
        zip.write(e.source());
        zip.closeEntry();
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  private static String dbcExtension(Language language) {
    return switch (language) {
      case PYTHON -> "python";
      case SQL -> "sql";
      case SCALA -> "scala";
      case R -> "r";
    };
  }
}
