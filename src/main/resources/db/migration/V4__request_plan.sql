-- The inventory computed in the background after a request is made, shown to the support team.
ALTER TABLE migration_request ADD COLUMN plan VARCHAR;
