/**
 * Resource module for ML models: the exporter (the POC's workspace model registry, with versions,
 * stages, tags and artifacts) and the importer, into PROD's workspace registry or its Unity Catalog
 * ({@code ModelRegistryChoice} decides; {@code UcModelImporter} copies through MLflow's UC
 * endpoints, {@code UcModelsApi}, and Azure blob storage, {@code BlobFiles}). May use {@code
 * migration.spi}, {@code migration.bundle}, {@code migration.mapping} and {@code migration.item}.
 */
package ca.gc.fsdh.bot.migration.models;
