//! Schema versions, kept in `PRAGMA user_version`. Migrations only ever add: a file written by
//! any earlier version opens without losing a value. Each step is tested on a fixture file of
//! the version before it (tests/fixtures/).

use rusqlite::Transaction;

use crate::domain::{Catalogue, batch::policy_batches, resource::default_kinds};

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

/// Version 3: specialty declarations. The catalogue and the batches are data the office can
/// extend, seeded with the bundled catalogue and the policy's three batches. A declaration
/// revision is stored as one JSON document (the interchange shape): it is edited and signed as
/// a whole, and a signed revision is never rewritten, so rows are snapshots rather than parts
/// to query.
const V3: &str = "
CREATE TABLE catalogue (
    position          INTEGER NOT NULL,
    name              TEXT PRIMARY KEY,
    code              TEXT,
    levels            TEXT NOT NULL,
    national_standard INTEGER,
    source            TEXT NOT NULL,
    verified          INTEGER NOT NULL
);
CREATE TABLE batches (
    number INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    start  TEXT NOT NULL,
    end    TEXT NOT NULL,
    CHECK (start <= end)
);
CREATE TABLE declarations (
    batch    INTEGER NOT NULL REFERENCES batches (number),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    status   TEXT NOT NULL,
    body     TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (batch, revision)
);
";

fn v3(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(V3)?;
    super::catalogue::write(tx, &Catalogue::bundled())?;
    for batch in policy_batches() {
        super::declarations::write_batch(tx, &batch)?;
    }
    Ok(())
}

/// Version 4: the teaching-resource inventory. Kinds are data (seeded with the policy's five and
/// the school-based documents); each review is its own row so the history of a textbook stays;
/// files are kept by reference (path, size, SHA-256), never copied in.
const V4: &str = "
CREATE TABLE resource_kinds (
    position        INTEGER NOT NULL,
    name            TEXT PRIMARY KEY,
    named_by_policy INTEGER NOT NULL
);
CREATE TABLE resource_items (
    id        INTEGER PRIMARY KEY,
    specialty TEXT NOT NULL,
    course    TEXT,
    kind      TEXT NOT NULL REFERENCES resource_kinds (name),
    title     TEXT NOT NULL,
    textbook  TEXT
);
CREATE INDEX resource_items_by_specialty ON resource_items (specialty, course);
CREATE TABLE resource_reviews (
    id         INTEGER PRIMARY KEY,
    item       INTEGER NOT NULL REFERENCES resource_items (id) ON DELETE CASCADE,
    conclusion TEXT NOT NULL,
    reviewers  TEXT NOT NULL,
    date       TEXT NOT NULL,
    opinion    TEXT NOT NULL
);
CREATE INDEX resource_reviews_by_item ON resource_reviews (item);
CREATE TABLE resource_files (
    item     INTEGER NOT NULL REFERENCES resource_items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path     TEXT NOT NULL,
    size     INTEGER NOT NULL,
    sha256   TEXT NOT NULL,
    PRIMARY KEY (item, position)
);
";

fn v4(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(V4)?;
    super::resources::write_kinds(tx, &default_kinds())
}

/// Version 5: teachers and workload. A teacher's training and practice records are JSON arrays
/// on the teacher's row: they are edited with the teacher and never queried on their own. Hours
/// are one row per entry with a `key` (`Entry::key`) that makes re-importing a sheet an update,
/// not a duplicate. The integrated coefficient is dated, seeded with the policy's 1.4.
const V5: &str = "
CREATE TABLE teachers (
    position      INTEGER NOT NULL,
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    gender        TEXT NOT NULL,
    department    TEXT NOT NULL,
    employment    TEXT NOT NULL,
    enterprise    TEXT NOT NULL,
    level         TEXT NOT NULL,
    title         TEXT NOT NULL,
    skill_level   TEXT NOT NULL,
    qualification TEXT NOT NULL,
    trainings     TEXT NOT NULL,
    practices     TEXT NOT NULL
);
CREATE TABLE terms (
    name  TEXT PRIMARY KEY,
    start TEXT NOT NULL,
    end   TEXT NOT NULL,
    CHECK (start <= end)
);
CREATE TABLE hours (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    teacher   TEXT NOT NULL REFERENCES teachers (id),
    term      TEXT NOT NULL REFERENCES terms (name),
    course    TEXT NOT NULL,
    specialty TEXT NOT NULL,
    kind      TEXT NOT NULL,
    class     TEXT NOT NULL,
    date      TEXT,
    periods   INTEGER,
    content   TEXT,
    weekly    INTEGER,
    weeks     INTEGER,
    CHECK ((date IS NULL) = (weekly IS NOT NULL))
);
CREATE INDEX hours_by_teacher ON hours (teacher, term);
CREATE TABLE workload_coefficients (
    from_date  TEXT PRIMARY KEY,
    integrated TEXT NOT NULL
);
CREATE TABLE workload_limits (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    weekly INTEGER,
    term   INTEGER
);
";

fn v5(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(V5)?;
    super::workload::write_coefficients(tx, &crate::domain::workload::Settings::default())
}

/// Version 6: the signature and seal images printed on the packet, one PNG per role. They are
/// kept in the school file (the office picks them once) but not in the interchange JSON, which
/// travels inside the packet: a scanned seal is not data for the receiving office to reuse.
const V6: &str = "
CREATE TABLE signature_images (
    role     TEXT PRIMARY KEY,
    png      BLOB NOT NULL,
    saved_at TEXT NOT NULL
);
";

/// Version 7: the school's signing key and the certificates the office trusts. The private key
/// is only ever stored encrypted with the passphrase (PKCS#8 PBES2, scrypt); a replaced key is
/// kept retired, so the file still knows the certificate older packets were signed with. Like
/// the images, none of this is in the interchange JSON.
const V7: &str = "
CREATE TABLE signing_keys (
    id            INTEGER PRIMARY KEY,
    certificate   BLOB NOT NULL,
    encrypted_key BLOB NOT NULL,
    created_at    TEXT NOT NULL,
    retired_at    TEXT
);
CREATE UNIQUE INDEX one_current_signing_key ON signing_keys (retired_at IS NULL)
    WHERE retired_at IS NULL;
CREATE TABLE trusted_certificates (
    fingerprint TEXT PRIMARY KEY,
    certificate BLOB NOT NULL,
    name        TEXT NOT NULL,
    added_at    TEXT NOT NULL
);
";

/// Version 8: a teacher's 成果认定, a JSON array on the teacher's row as trainings and practices
/// are (edited with the teacher, never queried alone); its evidence file is kept by reference.
/// Teachers of older files start with none.
const V8: &str = "
ALTER TABLE teachers ADD COLUMN achievements TEXT NOT NULL DEFAULT '[]';
";

/// Version 9: what the office approves on top of the policy's weighting (policy 四(二)): raised
/// factors, credited course development, 额定课时 and 课时津贴. Each is a list the office edits and
/// saves as a whole with the other workload settings, so each is one JSON column (the interchange
/// shape, as trainings are on a teacher), in one row.
const V9: &str = "
CREATE TABLE workload_adjustments (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    raises       TEXT NOT NULL,
    developments TEXT NOT NULL,
    pay          TEXT NOT NULL
);
";

/// Version 10: 停课 and 代课 are dated hours rows like lessons, told apart by `type` (NULL for
/// a plan or lessons, as every older row is); a 代课 names the absent teacher. `absent` has no
/// foreign key: deleting the absent teacher leaves the substitute's lessons counted.
const V10: &str = "
ALTER TABLE hours ADD COLUMN type TEXT CHECK (type IN ('停课', '代课'));
ALTER TABLE hours ADD COLUMN absent TEXT CHECK ((type = '代课') = (absent IS NOT NULL));
";

enum Migration {
    Sql(&'static str),
    /// Schema plus seed data computed in Rust.
    Code(fn(&Transaction<'_>) -> rusqlite::Result<()>),
}

const MIGRATIONS: &[Migration] = &[
    Migration::Sql(V1),
    Migration::Sql(V2),
    Migration::Code(v3),
    Migration::Code(v4),
    Migration::Code(v5),
    Migration::Sql(V6),
    Migration::Sql(V7),
    Migration::Sql(V8),
    Migration::Sql(V9),
    Migration::Sql(V10),
];

/// The schema version this program writes. A file with a higher one is refused, never
/// downgraded.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Runs every migration above `from` inside the caller's transaction, so a failure leaves the
/// file exactly as it was.
pub(super) fn migrate(tx: &Transaction<'_>, from: i32) -> rusqlite::Result<()> {
    for migration in &MIGRATIONS[from as usize..] {
        match migration {
            Migration::Sql(sql) => tx.execute_batch(sql)?,
            Migration::Code(run) => run(tx)?,
        }
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)
}
