package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Registered models with several versions in different stages, tags and artifact files in DBFS. */
final class SampleModels {
  private static final String[] NAMES = {
    "prevision-debit-rivieres",
    "classification especes",
    "détection-anomalies-air",
    "score-risque-sante",
    "rendement-forestier"
  };
  private static final String[] STAGES = {"Archived", "Staging", "Production", "None"};

  private SampleModels() {}

  static void seed(WorkspaceState state, SampleSpec spec, List<String> users) {
    Random random = new Random(spec.seed() * 13 + 5);
    for (int m = 0; m < spec.models(); m++) {
      String name = NAMES[m % NAMES.length] + (m < NAMES.length ? "" : "-" + (m / NAMES.length));
      String owner = users.get(m % users.size());
      state
          .models()
          .createModel(
              name,
              "Modèle " + m + " / model " + m,
              owner,
              Map.of("équipe", "analyse", "poc", "true"));
      for (int v = 1; v <= spec.versionsPerModel(); v++) {
        String run = Long.toHexString(random.nextLong());
        String source =
            "dbfs:/databricks/mlflow-tracking/" + (1000 + m) + "/" + run + "/artifacts/model";
        byte[] weights = new byte[16 * 1024 + random.nextInt(48 * 1024)];
        random.nextBytes(weights);
        state.dbfs().put(source + "/model.pkl", weights, true);
        state
            .dbfs()
            .put(
                source + "/MLmodel",
                ("artifact_path: model\nflavors:\n  python_function:\n    loader_module: "
                        + "mlflow.sklearn\n  sklearn:\n    pickled_model: model.pkl\nrun_id: "
                        + run
                        + "\n"
                        // what mlflow.sklearn.log_model writes with a signature (MLmodel format)
                        + "signature:\n  inputs: '[{\"type\": \"double\", \"name\": \"debit\"},"
                        + " {\"type\": \"long\", \"name\": \"jour\"}]'\n"
                        + "  outputs: '[{\"type\": \"double\"}]'\n")
                    .getBytes(StandardCharsets.UTF_8),
                true);
        state
            .dbfs()
            .put(
                source + "/conda.yaml",
                ("channels: [conda-forge]\ndependencies:\n- python=3.10\n- pip:\n"
                        + "  - mlflow==2.9.2\n  - scikit-learn==1.3."
                        + v
                        + "\nname: mlflow-env\n")
                    .getBytes(StandardCharsets.UTF_8),
                true);
        state
            .dbfs()
            .put(
                source + "/requirements.txt",
                ("mlflow==2.9.2\nscikit-learn==1.3." + v + "\n").getBytes(StandardCharsets.UTF_8),
                true);
        ModelVersion version =
            state
                .models()
                .createVersion(
                    name,
                    source,
                    run,
                    "Version " + v,
                    owner,
                    Map.of("jeu-de-donnees", "2024-Q" + (1 + v % 4)));
        String stage =
            v == spec.versionsPerModel() ? "Production" : STAGES[(m + v) % STAGES.length];
        if (!stage.equals("None")) {
          state.models().transition(name, version.version(), stage, false);
        }
      }
    }
  }
}
