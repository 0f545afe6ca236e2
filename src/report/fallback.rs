//! Fonts installed on the computer, for the characters the bundled face lacks. Rare characters
//! of real names (𠮷 U+20BB7 and the rest of CJK Extension B and beyond) are outside Noto Sans
//! CJK SC; Windows ships them in SimSun-ExtB, Debian-based systems in fonts-hanazono. Only the
//! glyphs used are embedded (printpdf subsets every face), so a 30 MB font adds kilobytes.
//!
//! Reading font files is I/O, which is why this sits in `report` and not in `domain`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A face of an installed font file that draws some of the characters the bundled face lacks.
pub struct Fallback {
    pub path: PathBuf,
    /// The whole file, shared by the faces of one collection rather than copied for each.
    pub bytes: Arc<Vec<u8>>,
    /// The face's index inside a collection (.ttc), 0 for a plain font file.
    pub index: u32,
    /// The characters this face is used for; each character is drawn from the first face found.
    pub chars: BTreeSet<char>,
}

/// The installed faces that draw `wanted`, in the order they were found: the fonts known to
/// hold rare ideographs first, then every font in the system's font folders. A character no
/// face has is in no returned face's `chars`; the caller refuses it.
pub fn find(wanted: &BTreeSet<char>) -> Vec<Fallback> {
    let mut left = wanted.clone();
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    let known = known_files();
    let scanned = font_dirs().into_iter().flat_map(|dir| files_under(&dir));
    for path in known.into_iter().chain(scanned) {
        if left.is_empty() {
            break;
        }
        // A file reached twice (a known path that is also under a font folder, a symlink)
        // is read once.
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !seen.insert(key) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path).map(Arc::new) else {
            continue;
        };
        for index in 0..ttf_parser::fonts_in_collection(&bytes).unwrap_or(1) {
            let chars = drawable(&bytes, index, &left);
            if chars.is_empty() {
                continue;
            }
            left.retain(|c| !chars.contains(c));
            found.push(Fallback {
                path: path.clone(),
                bytes: Arc::clone(&bytes),
                index,
                chars,
            });
            if left.is_empty() {
                break;
            }
        }
    }
    found
}

/// Which of `wanted` the face draws with an outline. A face that forbids embedding is of no
/// use (the PDF must carry its glyphs), nor is a glyph without an outline: colour emoji and
/// bitmap-only fonts map characters they cannot print as vector text.
fn drawable(bytes: &[u8], index: u32, wanted: &BTreeSet<char>) -> BTreeSet<char> {
    let Ok(face) = ttf_parser::Face::parse(bytes, index) else {
        return BTreeSet::new();
    };
    if face.permissions() == Some(ttf_parser::Permissions::Restricted) {
        return BTreeSet::new();
    }
    wanted
        .iter()
        .copied()
        .filter(|c| {
            face.glyph_index(*c)
                .is_some_and(|g| face.outline_glyph(g, &mut NoOutline).is_some())
        })
        .collect()
}

/// Discards an outline: only whether a glyph has one matters here.
struct NoOutline;

impl ttf_parser::OutlineBuilder for NoOutline {
    fn move_to(&mut self, _: f32, _: f32) {}
    fn line_to(&mut self, _: f32, _: f32) {}
    fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
    fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
    fn close(&mut self) {}
}

/// The font files that hold CJK Extension B and later, where each platform puts them.
fn known_files() -> Vec<PathBuf> {
    if cfg!(windows) {
        let fonts = windows_fonts();
        // SimSun-ExtB: Extension B; SimSun-ExtG (Windows 11): Extensions C to G.
        ["simsunb.ttf", "SimSun-ExtG.ttf", "simsunextg.ttf"]
            .iter()
            .map(|name| fonts.join(name))
            .collect()
    } else if cfg!(target_os = "macos") {
        ["/System/Library/Fonts/Supplemental/Songti.ttc"]
            .iter()
            .map(PathBuf::from)
            .collect()
    } else {
        // fonts-hanazono: HanaMinA is the BMP and Extension A, HanaMinB the ideographs of
        // plane 2.
        [
            "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
            "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
        ]
        .iter()
        .map(PathBuf::from)
        .collect()
    }
}

fn windows_fonts() -> PathBuf {
    let windir = std::env::var_os("WINDIR").unwrap_or_else(|| "C:\\Windows".into());
    Path::new(&windir).join("Fonts")
}

/// The folders fonts are installed in, the system's first, then the user's.
fn font_dirs() -> Vec<PathBuf> {
    let home =
        std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" }).map(PathBuf::from);
    if cfg!(windows) {
        let mut dirs = vec![windows_fonts()];
        // Fonts installed for one user only (Windows 10 1809 and later).
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(
                Path::new(&local)
                    .join("Microsoft")
                    .join("Windows")
                    .join("Fonts"),
            );
        }
        dirs
    } else if cfg!(target_os = "macos") {
        let mut dirs = vec![
            PathBuf::from("/System/Library/Fonts"),
            PathBuf::from("/Library/Fonts"),
        ];
        dirs.extend(home.map(|h| h.join("Library").join("Fonts")));
        dirs
    } else {
        let mut dirs = vec![
            PathBuf::from("/usr/share/fonts"),
            PathBuf::from("/usr/local/share/fonts"),
        ];
        if let Some(home) = home {
            dirs.push(home.join(".local").join("share").join("fonts"));
            dirs.push(home.join(".fonts"));
        }
        dirs
    }
}

/// Font files under `dir`, in name order so the same computer always picks the same face.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.is_dir() {
                pending.push(path);
            } else if is_font_file(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn is_font_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_font_files_are_read() {
        assert!(is_font_file(Path::new("/f/HanaMinB.ttf")));
        assert!(is_font_file(Path::new("C:\\Windows\\Fonts\\SIMSUNB.TTF")));
        assert!(is_font_file(Path::new("/f/NotoSerifCJK-Regular.ttc")));
        assert!(!is_font_file(Path::new("/f/fonts.dir")));
        assert!(!is_font_file(Path::new("/f/README")));
    }

    #[test]
    fn a_character_no_font_has_is_left_out() {
        // U+2FFF0 is unassigned: no font can have it.
        let wanted = BTreeSet::from(['\u{2FFF0}']);
        assert!(find(&wanted).is_empty());
    }
}
