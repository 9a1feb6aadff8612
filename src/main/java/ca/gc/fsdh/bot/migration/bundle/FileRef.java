package ca.gc.fsdh.bot.migration.bundle;

/** A file of the bundle: its path relative to the bundle root ('/'-separated), size and SHA-256. */
public record FileRef(String path, long size, String sha256) {}
