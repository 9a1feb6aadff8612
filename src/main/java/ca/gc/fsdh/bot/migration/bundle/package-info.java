/**
 * The bundle: the folder (or offboarding zip) an export writes and an import reads: its manifest,
 * writer and reader, the export and import journals that make runs resumable, the zip form and its
 * unpacking limits ({@code BundleZip}, {@code OffboardPackage}), owner-only files, and the core's
 * one JSON mapper ({@code BundleJson}). May use {@code migration.item} only.
 */
package ca.gc.fsdh.bot.migration.bundle;
