//! The 汇总文件's schema versions, kept in `PRAGMA user_version` as the school file's are, and
//! like them only ever added to.

use rusqlite::Transaction;

/// Version 1: the office, the file history, every packet received (verification's findings,
/// the summary of its data and the data itself), the certificate pinned for each school and the
/// office's opinion on each school and batch.
///
/// A packet's `data` is the school as the re-check reads it (the interchange JSON without the
/// hours, which the 汇总 never reads and which make up most of a large school's data), kept so
/// the roll-up can be printed and forwarded without the PDFs. Certificates are pinned by
/// 统一社会信用代码, the one name of a school that does not change with its spelling.
const V1: &str = "
CREATE TABLE office (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    name   TEXT NOT NULL,
    level  TEXT NOT NULL,
    region TEXT
);
CREATE TABLE file_history (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    event       TEXT NOT NULL,
    app_version TEXT NOT NULL
);
CREATE TABLE packets (
    id          INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    credit_code TEXT NOT NULL,
    batch       INTEGER NOT NULL,
    signed      INTEGER NOT NULL CHECK (signed IN (0, 1)),
    intact      INTEGER NOT NULL CHECK (intact IN (0, 1)),
    problem     TEXT,
    signer      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    certificate BLOB,
    signed_at   TEXT,
    summary     TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX packets_school ON packets (credit_code, batch);
CREATE TABLE certificates (
    credit_code TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    certificate BLOB NOT NULL,
    source      TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE TABLE opinions (
    credit_code TEXT NOT NULL,
    batch       INTEGER NOT NULL,
    opinion     TEXT NOT NULL CHECK (opinion IN ('推荐', '不推荐', '待定')),
    text        TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (credit_code, batch)
);
";

const MIGRATIONS: &[&str] = &[V1];

/// The 汇总文件 schema this program writes; a newer file is refused, never downgraded.
pub const ROLLUP_SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Runs every migration above `from` inside the caller's transaction.
pub(super) fn migrate(tx: &Transaction<'_>, from: i32) -> rusqlite::Result<()> {
    for sql in &MIGRATIONS[from as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", ROLLUP_SCHEMA_VERSION)
}
