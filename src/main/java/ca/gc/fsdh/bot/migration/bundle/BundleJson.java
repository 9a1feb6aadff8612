package ca.gc.fsdh.bot.migration.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson mapper of the bundle. SDK objects carry {@code @JsonProperty} names, so they are
 * written exactly as the Databricks REST API spells them, which keeps bundle files comparable with
 * API documentation and replayable by the importer.
 */
public final class BundleJson {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  /** For files a person reads: indented, keys in a stable order. */
  public static final ObjectWriter PRETTY =
      MAPPER
          .copy()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writerWithDefaultPrettyPrinter();

  private BundleJson() {}
}
