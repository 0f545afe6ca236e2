//! The 汇总文件's schema versions, kept in `PRAGMA user_version` as the school file's are, and
//! like them only ever added to.

use rusqlite::Transaction;

/// Version 1: the office, the file history, every packet received (what verification found and
/// the summary of its data), the certificate pinned for each school and the office's opinion on
/// each school and batch.
///
/// The packets themselves are kept as files beside the 汇总文件, named by their SHA-256 (see
/// `RollupFile::evidence`), not in it: a region's few hundred packets are hundreds of
/// megabytes, which every backup at every open would copy again. `certificate_matches` is
/// whether the signing certificate names the school the data names (by credit code); one that
/// names another school is never pinned. Certificates are pinned by 统一社会信用代码, the one
/// name of a school that does not change with its spelling.
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
    certificate_matches INTEGER NOT NULL CHECK (certificate_matches IN (0, 1)),
    signed_at   TEXT,
    summary     TEXT NOT NULL
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

/// Version 2: forwarding. The office's own signing key, kept as a school keeps its own (the
/// private key only encrypted with the passphrase, a replaced one retired, never deleted), so a
/// 盟市 can sign the 转报材料 it sends on; on each packet that came inside another office's
/// 转报材料, which office forwarded it and with what opinion (JSON, `None` for a packet the
/// school sent directly); and the certificate pinned for each forwarding office, by its name,
/// as schools' are by their code.
const V2: &str = "
CREATE TABLE signing_keys (
    id            INTEGER PRIMARY KEY,
    certificate   BLOB NOT NULL,
    encrypted_key BLOB NOT NULL,
    created_at    TEXT NOT NULL,
    retired_at    TEXT
);
CREATE UNIQUE INDEX one_current_signing_key ON signing_keys (retired_at IS NULL)
    WHERE retired_at IS NULL;
ALTER TABLE packets ADD COLUMN forwarded TEXT;
CREATE TABLE offices (
    name        TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    certificate BLOB NOT NULL,
    source      TEXT NOT NULL,
    at          TEXT NOT NULL
);
";

const MIGRATIONS: &[&str] = &[V1, V2];

/// The 汇总文件 schema this program writes; a newer file is refused, never downgraded.
pub const ROLLUP_SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Runs every migration above `from` inside the caller's transaction.
pub(super) fn migrate(tx: &Transaction<'_>, from: i32) -> rusqlite::Result<()> {
    for sql in &MIGRATIONS[from as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", ROLLUP_SCHEMA_VERSION)
}
