//! The recent-files list, newest first, kept as a small JSON file in the config folder. Losing
//! it is harmless, so a damaged list is treated as empty rather than as an error.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// More than fit comfortably on the welcome screen is not useful.
pub const MAX: usize = 8;

#[derive(Debug, Default, Serialize, Deserialize)]
struct RecentFile {
    files: Vec<PathBuf>,
}

/// The recent-files list stored at one path.
#[derive(Debug, Clone)]
pub struct Recent {
    path: PathBuf,
}

impl Recent {
    /// The list in the default config folder.
    pub fn default_location() -> Recent {
        Recent::at(super::paths::config_dir().join("recent.json"))
    }

    pub fn at(path: impl Into<PathBuf>) -> Recent {
        Recent { path: path.into() }
    }

    /// Newest first.
    pub fn load(&self) -> Vec<PathBuf> {
        std::fs::read(&self.path)
            .ok()
            .and_then(|b| serde_json::from_slice::<RecentFile>(&b).ok())
            .map(|r| r.files)
            .unwrap_or_default()
    }

    /// Moves `file` to the front of the list.
    pub fn touch(&self, file: &Path) -> std::io::Result<Vec<PathBuf>> {
        let file = std::path::absolute(file)?;
        let mut files = self.load();
        files.retain(|f| f != &file);
        files.insert(0, file);
        files.truncate(MAX);
        self.save(&files)?;
        Ok(files)
    }

    /// Drops `file`, e.g. when the user removes a file that no longer exists.
    pub fn forget(&self, file: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut files = self.load();
        files.retain(|f| f != file);
        self.save(&files)?;
        Ok(files)
    }

    fn save(&self, files: &[PathBuf]) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(&RecentFile {
            files: files.to_vec(),
        })
        .map_err(std::io::Error::other)?;
        super::atomic::write(&self.path, super::atomic::Existing::Replace, &json)
    }
}
