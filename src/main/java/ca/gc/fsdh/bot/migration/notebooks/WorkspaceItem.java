package ca.gc.fsdh.bot.migration.notebooks;

import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import java.util.List;

/**
 * The journal record of one workspace object (notebook, file or directory): what the importer needs
 * to recreate it, without its content (which is in {@code file}).
 *
 * @param objectType NOTEBOOK, FILE or DIRECTORY
 * @param language PYTHON, SQL, SCALA or R, for notebooks
 * @param format SOURCE or JUPYTER for notebooks, RAW for files
 * @param file bundle path of the content; null for directories
 */
public record WorkspaceItem(
    String path,
    String objectType,
    String language,
    Long objectId,
    String format,
    String file,
    Long size,
    List<PermissionGrant> permissions) {}
