//! The two kinds of file the program keeps, a school's and a receiving office's: one way to
//! create, open, lock, check, back up and migrate both, told apart by the header's mark.

use rusqlite::Transaction;

use super::{
    APPLICATION_ID, EXTENSION, ROLLUP_APPLICATION_ID, ROLLUP_EXTENSION, migrate, rollup_migrate,
};

/// What differs between the kinds of file; everything else about a file is shared.
pub(super) struct Kind {
    pub application_id: i32,
    pub extension: &'static str,
    /// How the user calls it: "学校文件".
    pub name: &'static str,
    /// Where this kind is opened, for a user who gave it where the other kind was wanted.
    pub opened_by: &'static str,
    pub schema_version: i32,
    /// Runs every migration above the version given, inside the caller's transaction.
    pub migrate: fn(&Transaction<'_>, i32) -> rusqlite::Result<()>,
}

pub(super) const SCHOOL: Kind = Kind {
    application_id: APPLICATION_ID,
    extension: EXTENSION,
    name: "学校文件",
    opened_by: "在窗口中用“打开…”打开",
    schema_version: migrate::SCHEMA_VERSION,
    migrate: migrate::migrate,
};

pub(super) const ROLLUP: Kind = Kind {
    application_id: ROLLUP_APPLICATION_ID,
    extension: ROLLUP_EXTENSION,
    name: "汇总文件",
    opened_by: "用命令 yitihua rollup report 查看",
    schema_version: rollup_migrate::ROLLUP_SCHEMA_VERSION,
    migrate: rollup_migrate::migrate,
};

/// The kind whose mark this is, if it is one of ours.
pub(super) fn by_mark(application_id: i32) -> Option<&'static Kind> {
    [&SCHOOL, &ROLLUP]
        .into_iter()
        .find(|k| k.application_id == application_id)
}
