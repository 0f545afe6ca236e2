//! Measuring text with the bundled face (and the installed fonts lent for what it lacks), and
//! breaking it into lines the way Chinese typesetting expects.

use std::collections::{BTreeSet, HashMap};

use super::super::fallback::Fallback;
use super::{EPS, Item, MIN_FIT_SIZE};

/// Characters that may not begin a line (避头点): closing punctuation stays with what it closes.
const NO_LINE_START: &str = "，。、；：？！）」』》】〉〕］｝”’…‰％,.;:?!)]}%";
/// Characters that may not end a line: an opening bracket goes with what it opens.
const NO_LINE_END: &str = "（「『《【〈〔［｛“‘([{";

/// Text measurement with the bundled face, so what is measured is what the PDF viewer draws.
/// A character the face lacks is measured and drawn with the installed font lent for it.
pub struct Measure {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Where the em box's top sits above the baseline, in em (Noto CJK: 0.88).
    ascent: f32,
    borrowed: HashMap<char, Borrowed>,
}

/// A glyph of an installed font, for a character the bundled face lacks.
#[derive(Debug, Clone, Copy)]
struct Borrowed {
    /// The font's place in the packet: 0 is the bundled face, fallback `i` is `i + 1`.
    font: usize,
    gid: u16,
    /// In em.
    advance: f32,
}

/// Consecutive characters of one line drawn from one font, `x` em after the line's start.
pub struct Run {
    pub font: usize,
    pub x: f32,
    pub glyphs: Vec<printpdf::Codepoint>,
}

impl Measure {
    /// Reads the bundled font's tables; this only indexes the file, it copies nothing.
    pub fn new() -> Result<Measure, ttf_parser::FaceParsingError> {
        let face = ttf_parser::Face::parse(crate::FONT_BYTES, 0)?;
        let units_per_em = f32::from(face.units_per_em());
        let ascent =
            f32::from(face.typographic_ascender().unwrap_or(face.ascender())) / units_per_em;
        Ok(Measure {
            face,
            units_per_em,
            ascent,
            borrowed: HashMap::new(),
        })
    }

    /// The same measure, drawing the characters of each fallback with its glyphs. A fallback
    /// that cannot be parsed lends nothing, so its characters stay missing and are refused.
    pub fn with_fallbacks(mut self, fallbacks: &[Fallback]) -> Measure {
        for (i, fallback) in fallbacks.iter().enumerate() {
            let Ok(face) = ttf_parser::Face::parse(&fallback.bytes, fallback.index) else {
                continue;
            };
            let units_per_em = f32::from(face.units_per_em());
            for &c in &fallback.chars {
                let Some(gid) = face.glyph_index(c) else {
                    continue;
                };
                let units = face.glyph_hor_advance(gid).unwrap_or(face.units_per_em());
                self.borrowed.insert(
                    c,
                    Borrowed {
                        font: i + 1,
                        gid: gid.0,
                        advance: f32::from(units) / units_per_em,
                    },
                );
            }
        }
        self
    }

    /// Whether `c` can be drawn, by the bundled face or a fallback; spaces, tabs and line
    /// breaks are laid out as spaces.
    pub fn has_glyph(&self, c: char) -> bool {
        c.is_ascii_whitespace()
            || self.face.glyph_index(c).is_some()
            || self.borrowed.contains_key(&c)
    }

    /// Which font draws `c`, its glyph there and its advance in em.
    fn glyph(&self, c: char) -> (usize, u16, f32) {
        if let Some(g) = self.face.glyph_index(c) {
            let units = self
                .face
                .glyph_hor_advance(g)
                .unwrap_or(self.face.units_per_em());
            return (0, g.0, f32::from(units) / self.units_per_em);
        }
        match self.borrowed.get(&c) {
            Some(b) => (b.font, b.gid, b.advance),
            None => (0, 0, 1.0),
        }
    }

    fn advance(&self, c: char) -> f32 {
        self.glyph(c).2
    }

    /// The text as glyph ids, split where the font changes, each glyph carrying its character
    /// for the ToUnicode map (what copying the text gives back). Given plain text, printpdf
    /// would look every character up through a cmap search that cost more than all the rest of
    /// the export together.
    pub fn runs(&self, text: &str) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        let mut x = 0.0;
        for c in text.chars() {
            let (font, gid, advance) = self.glyph(c);
            let glyph = printpdf::Codepoint {
                gid,
                offset: 0.0,
                cid: Some(c.to_string()),
            };
            match runs.last_mut() {
                Some(run) if run.font == font => run.glyphs.push(glyph),
                _ => runs.push(Run {
                    font,
                    x,
                    glyphs: vec![glyph],
                }),
            }
            x += advance;
        }
        runs
    }

    /// Width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Breaks `text` into lines no wider than `width` at `size`. Chinese may break between any
    /// two characters, except before closing or after opening punctuation; Latin words, numbers,
    /// codes and dates stay whole unless one is wider than the line. `\n` forces a break.
    pub fn wrap(&self, text: &str, width: f32, size: f32) -> Vec<String> {
        text.split('\n')
            .flat_map(|p| self.wrap_paragraph(p, width, width, size))
            .collect()
    }

    /// Wraps one paragraph whose first line is `first` wide (less than `width` when indented).
    pub(super) fn wrap_paragraph(
        &self,
        text: &str,
        first: f32,
        width: f32,
        size: f32,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let mut line: Vec<(&str, f32)> = Vec::new();
        let mut used = 0.0;
        for token in tokens(text) {
            if token == " " && line.is_empty() {
                continue;
            }
            let w = self.width(token, size);
            let room = if out.is_empty() { first } else { width };
            // A single character wider than the room goes on its line anyway: there is nowhere
            // better for it.
            if used + w <= room + EPS || (line.is_empty() && token.chars().count() == 1) {
                line.push((token, w));
                used += w;
                continue;
            }
            if w > width + EPS {
                // A word wider than a whole line: break it between characters, the last resort.
                for (i, c) in token.char_indices() {
                    let piece = &token[i..i + c.len_utf8()];
                    let pw = self.advance(c) * size;
                    let room = if out.is_empty() { first } else { width };
                    if used + pw > room + EPS && !line.is_empty() {
                        out.push(join(&line));
                        line.clear();
                        used = 0.0;
                    }
                    line.push((piece, pw));
                    used += pw;
                }
                continue;
            }
            // Break before `token`; carry the end of the line along while the break would start
            // a line with closing punctuation or end one with an opening bracket.
            let starts_badly =
                |t: &str| t.chars().next().is_some_and(|c| NO_LINE_START.contains(c));
            let ends_badly = |l: &[(&str, f32)]| {
                l.last()
                    .and_then(|(t, _)| t.chars().last())
                    .is_some_and(|c| NO_LINE_END.contains(c))
            };
            let mut carried: Vec<(&str, f32)> = Vec::new();
            let mut next_start = token;
            while line.len() > 1
                && (starts_badly(next_start) || ends_badly(&line))
                && let Some(piece) = line.pop()
            {
                next_start = piece.0;
                carried.push(piece);
            }
            carried.reverse();
            out.push(join(&line));
            line = carried;
            if token != " " {
                line.push((token, w));
            }
            used = line.iter().map(|(_, w)| w).sum();
            // The carried pieces and the token do not fit on one line together: give up the
            // rule rather than overflow the cell.
            if used > width + EPS
                && let Some(token) = line.pop()
            {
                out.push(join(&line));
                used = token.1;
                line = vec![token];
            }
        }
        out.push(join(&line));
        out
    }

    /// The largest size not above `size` at which `text` fits on one line of `width`, down to
    /// a floor; names are shrunk rather than broken, so they stay whole when copied.
    pub fn fit(&self, text: &str, width: f32, size: f32) -> f32 {
        let natural = self.width(text, 1.0);
        if natural * size <= width || natural <= 0.0 {
            size
        } else {
            (width / natural).max(MIN_FIT_SIZE)
        }
    }

    /// Where the baseline of a line of `size` sits below the top of its line box of height `h`.
    pub fn baseline(&self, h: f32, size: f32) -> f32 {
        (h - size) / 2.0 + self.ascent * size
    }
}

fn join(line: &[(&str, f32)]) -> String {
    let text: String = line.iter().map(|(t, _)| *t).collect();
    text.trim_end().to_string()
}

/// Splits text into the units wrapping works with: a run of Latin letters, digits and the
/// punctuation inside codes and dates (`NMGYTH2023-01`, `0476-6221234`, `2024-09-01`), a single
/// space (tabs and the `\r` of pasted Windows text become spaces too: the font has no glyph for
/// them), or a single other character. The full-width space 　 is a character of its own.
fn tokens(text: &str) -> Vec<&str> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || "-_./@#&+':".contains(c);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
        if c.is_ascii_whitespace() {
            out.push(" ");
        } else {
            out.push(&text[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Every character on the pages that neither the bundled face nor a fallback can draw, each
/// once.
pub fn missing(pages: &[Vec<Item>], measure: &Measure) -> BTreeSet<char> {
    pages
        .iter()
        .flatten()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.chars()),
            _ => None,
        })
        .flatten()
        .filter(|c| !measure.has_glyph(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::measure;
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_lose_nothing() {
        let m = measure();
        let text = "内蒙古自治区技工院校工学一体化建设专业申报材料，证书NMGYTH20230001，电话0476-6221234。";
        for width in [30.0, 45.0, 60.0, 100.0, 200.0, 1000.0] {
            let lines = m.wrap(text, width, 10.5);
            for line in &lines {
                assert!(m.width(line, 10.5) <= width + EPS, "{line} > {width}");
            }
            assert_eq!(lines.concat(), text, "width {width}");
        }
        assert_eq!(m.wrap("甲\n\n乙", 100.0, 10.0), ["甲", "", "乙"]);
        // Pasted text: Windows line ends and tabs print as line breaks and spaces, never as the
        // font's empty box; the full-width space stays.
        assert_eq!(m.wrap("甲\t乙\r\n丙　丁", 100.0, 10.0), ["甲 乙", "丙　丁"]);
    }

    #[test]
    fn punctuation_stays_with_its_text() {
        let m = measure();
        let four = m.width("甲乙丙丁", 10.0) + EPS;
        assert_eq!(m.wrap("甲乙丙丁，戊己", four, 10.0), ["甲乙丙", "丁，戊己"]);
        assert_eq!(m.wrap("甲乙丙（丁）", four, 10.0), ["甲乙丙", "（丁）"]);
        // Two closing marks in a row: both go down with the character before them.
        let five = m.width("甲乙丙丁戊", 10.0) + EPS;
        assert_eq!(m.wrap("甲乙（丙），丁", five, 10.0), ["甲乙", "（丙），丁"]);
    }

    #[test]
    fn codes_and_dates_stay_whole_unless_wider_than_the_line() {
        let m = measure();
        let word = m.width("NMGYTH2023", 10.0) + EPS;
        assert_eq!(m.wrap("编号NMGYTH2023", word, 10.0), ["编号", "NMGYTH2023"]);
        assert_eq!(
            m.wrap("签订于2022-04-02", m.width("签订于2022", 10.0), 10.0),
            ["签订于", "2022-04-02"]
        );
        let narrow = m.width("NMG", 10.0) + EPS;
        let lines = m.wrap("NMGYTH20230001", narrow, 10.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), "NMGYTH20230001");
    }

    #[test]
    fn names_shrink_to_stay_on_one_line() {
        let m = measure();
        assert_eq!(m.fit("王芳", 100.0, 9.0), 9.0);
        let size = m.fit("额尔敦毕力格", 45.0, 9.0);
        assert!(size < 9.0 && m.width("额尔敦毕力格", size) <= 45.0 + EPS);
        assert_eq!(m.fit("额尔敦毕力格", 10.0, 9.0), MIN_FIT_SIZE);
    }
}
