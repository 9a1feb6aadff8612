package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Clusters (all-purpose with libraries, init scripts, conda and a Docker image; a job cluster),
 * instance pools, policies, global init scripts and a SQL warehouse: the "recreate by hand" part.
 */
final class SampleCompute {
  private SampleCompute() {}

  static void seed(ComputeInventory compute, String owner) {
    compute.addPool(pool(SampleWorkspace.POOL_ID, "Bassin Standard_DS3_v2", "Standard_DS3_v2", 2));
    compute.addPool(pool("0101-000000-gpupool2", "Bassin GPU", "Standard_NC6s_v3", 0));
    compute.addPolicy(
        policy(
            SampleWorkspace.POLICY_ID,
            "Politique – coût limité",
            "{\"autotermination_minutes\":{\"type\":\"range\",\"maxValue\":120},"
                + "\"node_type_id\":{\"type\":\"allowlist\",\"values\":[\"Standard_DS3_v2\"]}}"));
    compute.addPolicy(
        policy(
            "D0B1C2E3F4A5B6C7",
            "Personal Compute",
            "{\"spark_conf.spark.databricks.cluster.profile\":"
                + "{\"type\":\"fixed\",\"value\":\"singleNode\"}}"));

    ObjectNode shared =
        cluster(SampleWorkspace.SHARED_CLUSTER_ID, "Partagé – analyse", owner, "TERMINATED");
    shared.putObject("autoscale").put("min_workers", 2).put("max_workers", 8);
    initScripts(shared, "workspace", "/Shared/init/installer-gdal.sh");
    shared.putObject("spark_env_vars").put("PYSPARK_PYTHON", "/databricks/python3/bin/python3");
    compute.addCluster(shared);
    compute.setLibraries(SampleWorkspace.SHARED_CLUSTER_ID, libraries());

    ObjectNode conda =
        cluster(
            SampleWorkspace.CONDA_CLUSTER_ID, "Conda – environnement fsdh", owner, "TERMINATED");
    conda
        .put("num_workers", 1)
        .putObject("docker_image")
        .put("url", "fsdhpoc.azurecr.io/conda/fsdh-env:2024.10")
        .putObject("basic_auth")
        .put("username", "fsdhpoc")
        .put("password", "{{secrets/acr/password}}");
    initScripts(conda, "dbfs", "dbfs:/databricks/init-scripts/conda-env.sh");
    conda
        .putObject("spark_env_vars")
        .put("PYSPARK_PYTHON", "/databricks/conda/envs/fsdh/bin/python");
    compute.addCluster(conda);

    ObjectNode pooled =
        cluster(SampleWorkspace.POOL_CLUSTER_ID, "Bassin + politique", owner, "TERMINATED");
    pooled
        .put("num_workers", 2)
        .put("instance_pool_id", SampleWorkspace.POOL_ID)
        .put("policy_id", SampleWorkspace.POLICY_ID);
    initScripts(
        pooled, "abfss", "abfss://init@fsdhpocstorage.dfs.core.windows.net/scripts/proxy.sh");
    compute.addCluster(pooled);

    ObjectNode migration =
        cluster(SampleWorkspace.MIGRATION_CLUSTER_ID, "fsdh-migration", owner, "RUNNING");
    migration
        .put("num_workers", 0)
        .put("data_security_mode", "SINGLE_USER")
        .put("single_user_name", owner);
    compute.addCluster(migration);

    ObjectNode job =
        cluster("0101-000000-jobclu99", "job-123-run-456", owner, "TERMINATED")
            .put("cluster_source", "JOB")
            .put("num_workers", 2);
    compute.addCluster(job);

    compute.addGlobalInitScript(
        globalInit(
            "A1B2C3D4E5F60718",
            "Proxy ministériel",
            0,
            "#!/bin/bash\necho 'export HTTPS_PROXY=http://proxy.fsdh.local:3128' >> /databricks/spark/conf/spark-env.sh\n"));
    compute.addGlobalInitScript(
        globalInit(
            "A1B2C3D4E5F60719",
            "Certificats racine",
            1,
            "#!/bin/bash\ncp /dbfs/certs/gc-root.pem /usr/local/share/ca-certificates/ && update-ca-certificates\n"));

    ObjectNode wh =
        Json.object()
            .put("id", SampleWorkspace.WAREHOUSE_ID)
            .put("name", "Entrepôt SQL partagé")
            .put("cluster_size", "Small")
            .put("min_num_clusters", 1)
            .put("max_num_clusters", 1)
            .put("auto_stop_mins", 30)
            .put("state", "RUNNING")
            .put("warehouse_type", "PRO")
            .put("creator_name", owner);
    compute.addWarehouse(wh);
  }

  private static ObjectNode cluster(String id, String name, String owner, String state) {
    ObjectNode c =
        Json.object()
            .put("cluster_id", id)
            .put("cluster_name", name)
            .put("spark_version", "13.3.x-scala2.12")
            .put("node_type_id", "Standard_DS3_v2")
            .put("driver_node_type_id", "Standard_DS3_v2")
            .put("autotermination_minutes", 60)
            .put("state", state)
            .put("cluster_source", "UI")
            .put("creator_user_name", owner)
            .put("data_security_mode", "USER_ISOLATION")
            .put("runtime_engine", "STANDARD");
    c.putObject("spark_conf").put("spark.databricks.delta.preview.enabled", "true");
    c.putObject("custom_tags").put("projet", "fsdh-poc").put("centre-de-couts", "12345");
    return c;
  }

  private static void initScripts(ObjectNode cluster, String kind, String destination) {
    cluster.putArray("init_scripts").addObject().putObject(kind).put("destination", destination);
  }

  private static ArrayNode libraries() {
    ArrayNode libs = Json.array();
    libs.addObject().putObject("pypi").put("package", "pandas==2.2.2");
    libs.addObject()
        .putObject("pypi")
        .put("package", "geopandas")
        .put("repo", "https://pypi.fsdh.local/simple");
    libs.addObject()
        .putObject("maven")
        .put("coordinates", "com.microsoft.azure:azure-eventhubs-spark_2.12:2.3.22");
    libs.addObject().put("whl", "/Workspace/Shared/libs/fsdh_outils-1.4.0-py3-none-any.whl");
    libs.addObject().put("jar", "dbfs:/FileStore/jars/pilote-oracle.jar");
    libs.addObject().putObject("cran").put("package", "data.table");
    libs.addObject().put("requirements", "/Workspace/Shared/libs/requirements.txt");
    return libs;
  }

  private static ObjectNode pool(String id, String name, String nodeType, int idle) {
    ObjectNode p =
        Json.object()
            .put("instance_pool_id", id)
            .put("instance_pool_name", name)
            .put("node_type_id", nodeType)
            .put("min_idle_instances", idle)
            .put("max_capacity", 20)
            .put("idle_instance_autotermination_minutes", 30)
            .put("state", "ACTIVE");
    p.putArray("preloaded_spark_versions").add("13.3.x-scala2.12");
    p.putObject("azure_attributes").put("availability", "ON_DEMAND_AZURE");
    return p;
  }

  private static ObjectNode policy(String id, String name, String definition) {
    return Json.object()
        .put("policy_id", id)
        .put("name", name)
        .put("definition", definition)
        .put("created_at_timestamp", 1_700_000_000_000L)
        .put("is_default", false);
  }

  private static ObjectNode globalInit(String id, String name, int position, String script) {
    return Json.object()
        .put("script_id", id)
        .put("name", name)
        .put("position", position)
        .put("enabled", true)
        .put("created_by", "admin@ssc-spc.gc.ca")
        .put("created_at", 1_700_000_000_000L)
        .put("script", Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)));
  }
}
