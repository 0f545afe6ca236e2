//! Schema versions, kept in `PRAGMA user_version`. Migrations only ever add: a file written by
//! any earlier version opens without losing a value. Each step is tested on a fixture file of
//! the version before it (tests/fixtures/).

use rusqlite::Transaction;

/// Version 1: the school profile.
const V1: &str = "
CREATE TABLE school (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    region        TEXT NOT NULL,
    credit_code   TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    principal     TEXT NOT NULL DEFAULT '',
    academic_head TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT ''
);
";

/// Version 2: a history of what happened to the file (created, migrated, loaded from JSON) and
/// by which program version, so support can tell where a file has been. Files from version 1
/// get one entry saying they were migrated.
const V2: &str = "
CREATE TABLE file_history (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    event       TEXT NOT NULL,
    app_version TEXT NOT NULL
);
";

const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this program writes. A file with a higher one is refused, never
/// downgraded.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Runs every migration above `from` inside the caller's transaction, so a failure leaves the
/// file exactly as it was.
pub(super) fn migrate(tx: &Transaction<'_>, from: i32) -> rusqlite::Result<()> {
    for sql in &MIGRATIONS[from as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)
}
