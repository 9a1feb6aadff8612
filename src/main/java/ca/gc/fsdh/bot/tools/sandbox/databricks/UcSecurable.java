package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Something Unity Catalog grants privileges on: a catalog, a schema, a table (views too: there is
 * no VIEW securable type) or a function (registered models too: "The securable type for models is
 * FUNCTION", SDK {@code RegisteredModelsAPI} javadoc). Names are full names, lower case.
 */
record UcSecurable(Type type, String fullName) {
  /** The names of SDK 0.141's {@code SecurableType} that the stand-in serves. */
  enum Type {
    CATALOG,
    SCHEMA,
    TABLE,
    FUNCTION
  }

  static UcSecurable catalog(String name) {
    return new UcSecurable(Type.CATALOG, name);
  }

  static UcSecurable schema(String catalog, String schema) {
    return new UcSecurable(Type.SCHEMA, catalog + "." + schema);
  }

  /**
   * The securable a REST path names ({@code /permissions/{securable_type}/{full_name}}). The type
   * is accepted in either case: the SDK puts the caller's string in the path verbatim, Terraform
   * sends lower case ({@code permissions.go} mappings), UCX the upper-case enum value.
   */
  static UcSecurable of(String type, String fullName) {
    Type t;
    try {
      t = Type.valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw UcError.invalid(
          "Invalid securable type '"
              + type
              + "': the stand-in serves catalog, schema, table"
              + " (views too) and function (registered models too).");
    }
    int parts =
        switch (t) {
          case CATALOG -> 1;
          case SCHEMA -> 2;
          case TABLE, FUNCTION -> 3;
        };
    return new UcSecurable(
        t, String.join(".", UcNames.split(fullName, parts, t.name().toLowerCase(Locale.ROOT))));
  }

  List<String> parts() {
    return List.of(fullName.split("\\."));
  }

  String catalog() {
    return parts().getFirst();
  }

  Optional<UcSecurable> parent() {
    List<String> p = parts();
    return switch (type) {
      case CATALOG -> Optional.empty();
      case SCHEMA -> Optional.of(catalog(p.get(0)));
      case TABLE, FUNCTION -> Optional.of(schema(p.get(0), p.get(1)));
    };
  }

  /** This securable and its parents, nearest first. */
  List<UcSecurable> withParents() {
    List<UcSecurable> out = new ArrayList<>();
    for (Optional<UcSecurable> s = Optional.of(this); s.isPresent(); s = s.get().parent()) {
      out.add(s.get());
    }
    return out;
  }
}
