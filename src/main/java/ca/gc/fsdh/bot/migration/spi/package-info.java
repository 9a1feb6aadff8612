/**
 * The contract that resource modules implement and use: {@code ResourceExporter} and {@code
 * ResourceImporter}, the per-run {@code ExportContext} and {@code ImportContext} (both a {@code
 * RunContext}: one item's failure is recorded, never thrown), the {@code ItemLoop} every module
 * runs its items through, the options they carry ({@code ExportOptions}, {@code ImportOptions}, the
 * secret value sink and source), object permissions ({@code PermissionReader}, {@code
 * PermissionWriter}, {@code PermissionGrant}) and the bounded {@code WorkQueue}. May use {@code
 * migration.item}, {@code migration.bundle}, {@code migration.mapping} and {@code migration.target}
 * (the table ACL target resolves from what PROD has).
 */
package ca.gc.fsdh.bot.migration.spi;
