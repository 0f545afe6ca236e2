//! Persistence. The only place that speaks SQL: one SQLite file per school (`.yth`), one per
//! receiving office (`.yhz`, the 汇总文件), plus the small settings file that remembers recent
//! files.

pub mod atomic;
mod backup;
mod catalogue;
mod declarations;
mod error;
mod file;
mod header;
mod history;
mod kind;
mod migrate;
pub mod paths;
pub mod recent;
mod resources;
mod rollup;
mod rollup_migrate;
mod school;
mod signatures;
mod signing;
mod teachers;
mod workload;

pub use backup::dir_for as backup_dir;
pub use catalogue::Renamed;
pub use error::{StoreError, io_message, read_failure};
pub use file::SchoolFile;
pub use history::HistoryEvent;
pub use migrate::SCHEMA_VERSION;
pub use rollup::{Receipt, RollupFile};
pub use rollup_migrate::ROLLUP_SCHEMA_VERSION;
pub use signing::StoredKey;
pub use teachers::{Changes, DeletedTeacher, Mode};

/// Written into every school file's header (`PRAGMA application_id`, ASCII "YTHA") so a file of
/// another program is recognised before anything touches it.
pub const APPLICATION_ID: i32 = 0x5954_4841;

/// The extension school files carry; file dialogs and the OS association use it.
pub const EXTENSION: &str = "yth";

/// The receiving office's 汇总文件 (ASCII "YTHZ"): its own mark, so neither kind of file is
/// ever opened, migrated or backed up as the other.
pub const ROLLUP_APPLICATION_ID: i32 = 0x5954_485A;

/// The extension of a 汇总文件.
pub const ROLLUP_EXTENSION: &str = "yhz";
