//! Where the app keeps things by default. `YITIHUA_HOME` overrides the platform directories so
//! tests, CI and a portable install (USB stick) keep everything in one folder.

use std::path::PathBuf;

/// The environment variable that moves all default locations into one folder.
pub const HOME_VAR: &str = "YITIHUA_HOME";

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("cn", "yitihua", "yitihua")
}

/// The folder holding the default school file (platform data dir, e.g.
/// `%APPDATA%\yitihua\yitihua\data` on Windows, `~/.local/share/yitihua` on Linux).
pub fn data_dir() -> PathBuf {
    if let Some(home) = std::env::var_os(HOME_VAR) {
        return PathBuf::from(home);
    }
    project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The folder holding settings such as the recent-files list.
pub fn config_dir() -> PathBuf {
    if let Some(home) = std::env::var_os(HOME_VAR) {
        return PathBuf::from(home);
    }
    project_dirs()
        .map(|d| d.config_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The school file the app opens when started with no arguments and nothing recent.
pub fn default_school_file() -> PathBuf {
    data_dir().join("学校.yth")
}
