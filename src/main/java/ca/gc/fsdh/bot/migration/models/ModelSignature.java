package ca.gc.fsdh.bot.migration.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * MLflow's rule for a Unity Catalog version, applied before anything is written: the model's {@code
 * MLmodel} has a {@code signature} with both {@code inputs} and {@code outputs} (mlflow {@code
 * store/_unity_catalog/registry/rest_store.py}, {@code _validate_model_signature}: "All models in
 * the Unity Catalog must be logged with a model signature containing both input and output type
 * specifications"). MLflow checks on the client; no public source says the server does.
 */
final class ModelSignature {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ModelSignature() {}

  /** Why UC cannot take this version, or empty when it can. */
  static Optional<String> problem(Path mlmodel) {
    if (mlmodel == null || !Files.isRegularFile(mlmodel)) {
      return Optional.of(
          "the version has no MLmodel file, so no signature: Unity Catalog takes only MLflow"
              + " models logged with a signature (inputs and outputs)");
    }
    JsonNode m;
    try {
      m = YAML.readTree(mlmodel.toFile());
    } catch (IOException e) {
      return Optional.of("its MLmodel file cannot be read as YAML (" + e.getMessage() + ")");
    }
    JsonNode s = m == null ? null : m.get("signature");
    if (s == null || s.isNull()) {
      return Optional.of(
          "the model was logged without a signature; Unity Catalog takes only models with a"
              + " signature of inputs and outputs (log it again with a signature, e.g."
              + " mlflow.models.infer_signature, and register that version in PROD)");
    }
    if (!s.hasNonNull("outputs") || s.get("outputs").asText("").isBlank()) {
      return Optional.of(
          "the model's signature has inputs only; Unity Catalog needs inputs and outputs (log it"
              + " again with a full signature)");
    }
    if (!s.hasNonNull("inputs") || s.get("inputs").asText("").isBlank()) {
      return Optional.of("the model's signature has no inputs; Unity Catalog needs both");
    }
    return Optional.empty();
  }
}
