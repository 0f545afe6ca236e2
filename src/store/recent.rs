//! The recent-files list, newest first, kept as a small JSON file in the config folder. Losing
//! it is harmless, so a damaged list is treated as empty rather than as an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// More than fit comfortably on the welcome screen is not useful.
pub const MAX: usize = 8;

#[derive(Debug, Default, Serialize, Deserialize)]
struct RecentFile {
    files: Vec<PathBuf>,
    /// The school each file was for when last open, which is what the welcome screen shows
    /// first: "学校.yth" in three folders says nothing. Lists written before it have none.
    #[serde(default)]
    schools: BTreeMap<PathBuf, String>,
}

/// A recent file and the school it held when last open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentEntry {
    pub path: PathBuf,
    pub school: Option<String>,
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
        self.read().files
    }

    /// Newest first, with the school of each.
    pub fn entries(&self) -> Vec<RecentEntry> {
        let mut list = self.read();
        list.files
            .into_iter()
            .map(|path| RecentEntry {
                school: list.schools.remove(&path),
                path,
            })
            .collect()
    }

    /// Moves `file`, holding `school`, to the front of the list.
    pub fn touch(&self, file: &Path, school: &str) -> std::io::Result<Vec<RecentEntry>> {
        let file = std::path::absolute(file)?;
        let mut list = self.read();
        list.files.retain(|f| f != &file);
        list.files.insert(0, file.clone());
        list.files.truncate(MAX);
        list.schools.insert(file, school.to_string());
        self.save(list)?;
        Ok(self.entries())
    }

    /// Drops `file`, e.g. when the user removes a file that no longer exists.
    pub fn forget(&self, file: &Path) -> std::io::Result<Vec<RecentEntry>> {
        let mut list = self.read();
        list.files.retain(|f| f != file);
        self.save(list)?;
        Ok(self.entries())
    }

    fn read(&self) -> RecentFile {
        std::fs::read(&self.path)
            .ok()
            .and_then(|b| serde_json::from_slice::<RecentFile>(&b).ok())
            .unwrap_or_default()
    }

    fn save(&self, mut list: RecentFile) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Names of files no longer listed go with them.
        let files = list.files.clone();
        list.schools.retain(|path, _| files.contains(path));
        let json = serde_json::to_vec_pretty(&list).map_err(std::io::Error::other)?;
        super::atomic::write(&self.path, super::atomic::Existing::Replace, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_from_before_school_names_still_reads_and_gains_them() {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path().join("recent.json");
        let old = dir.path().join("旧.yth");
        std::fs::write(&at, serde_json::json!({ "files": [old] }).to_string()).unwrap();
        let recent = Recent::at(&at);
        assert_eq!(
            recent.entries(),
            [RecentEntry {
                path: old.clone(),
                school: None
            }]
        );
        let new = dir.path().join("新.yth");
        recent.touch(&new, "阿拉善盟技工学校").unwrap();
        recent.forget(&old).unwrap();
        assert_eq!(
            recent.entries(),
            [RecentEntry {
                path: new,
                school: Some("阿拉善盟技工学校".into())
            }]
        );
    }
}
