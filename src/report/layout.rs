//! Page layout for printed forms: A4 with the GB/T 9704 margins, text measured with the bundled
//! font's own advance widths and wrapped the way Chinese typesetting expects, and ruled tables
//! whose header repeats on every page and whose rows stay whole.
//!
//! Layout produces plain [`Item`]s (text lines, shading, rules, images) in points, measured from
//! the top-left corner of the text area; `render` turns them into printpdf operations. Keeping
//! the two apart lets the packet be laid out without a PDF at all: the contents page is laid out
//! twice, and [`super::missing_glyphs`] scans the items without rendering anything.

use std::collections::{BTreeSet, HashMap};

use printpdf::{
    Color, FontId, Greyscale, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfFontHandle,
    PdfPage, Point, Pt, Rect, TextMatrix, TextRenderingMode, XObjectId, XObjectTransform,
};

use super::fallback::Fallback;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// A4 portrait, the paper every office printer holds.
pub const PAGE_W: f32 = 210.0 * MM;
pub const PAGE_H: f32 = 297.0 * MM;
/// GB/T 9704 (党政机关公文格式) margins, the layout Chinese offices print official papers in.
pub const TOP: f32 = 37.0 * MM;
pub const BOTTOM: f32 = 35.0 * MM;
pub const LEFT: f32 = 28.0 * MM;
pub const RIGHT: f32 = 26.0 * MM;
/// The text area, within which all layout happens; the running header and footer sit in the
/// margins.
pub const WIDTH: f32 = PAGE_W - LEFT - RIGHT;
pub const HEIGHT: f32 = PAGE_H - TOP - BOTTOM;

/// Chinese type sizes (字号) in points, the units an office speaks in.
pub mod size {
    /// 二号: the cover title.
    pub const ER_HAO: f32 = 22.0;
    /// 三号: section headings and the cover's fields.
    pub const SAN_HAO: f32 = 16.0;
    /// 四号: sub-headings.
    pub const SI_HAO: f32 = 14.0;
    /// 小四: running text.
    pub const XIAO_SI: f32 = 12.0;
    /// 五号: forms.
    pub const WU_HAO: f32 = 10.5;
    /// 小五: long lists, running header and footer.
    pub const XIAO_WU: f32 = 9.0;
}

/// Thin rules, as forms are ruled.
const RULE: f32 = 0.5;
/// Grey of shaded label and header cells.
const SHADE: f32 = 0.88;
/// Grey of the running header and footer.
const GREY: f32 = 0.35;
/// Inner margins of a table cell, as multiples of the type size: small type, small margins.
const PAD_X: f32 = 0.3;
const PAD_Y: f32 = 0.3;
/// Line height of table text and running text, as multiples of the type size.
const TABLE_LEADING: f32 = 1.3;
const TEXT_LEADING: f32 = 1.6;
/// A cell that shrinks its text to stay on one line (names) goes no smaller than this.
const MIN_FIT_SIZE: f32 = 6.0;
/// Tolerance for comparing positions in points.
const EPS: f32 = 0.01;

/// Characters that may not begin a line (避头点): closing punctuation stays with what it closes.
const NO_LINE_START: &str = "，。、；：？！）」』》】〉〕］｝”’…‰％,.;:?!)]}%";
/// Characters that may not end a line: an opening bracket goes with what it opens.
const NO_LINE_END: &str = "（「『《【〈〔［｛“‘([{";

/// How text looks. Headings are bold by stroking the glyph outline as well as filling it, so the
/// packet needs only the one bundled face.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// In points.
    pub size: f32,
    pub bold: bool,
    pub grey: bool,
}

impl Style {
    /// Body text, table cells.
    pub const fn plain(size: f32) -> Style {
        Style {
            size,
            bold: false,
            grey: false,
        }
    }

    /// Headings and table headers.
    pub const fn bold(size: f32) -> Style {
        Style {
            size,
            bold: true,
            grey: false,
        }
    }

    /// The running header and footer, which must not compete with the page's content.
    pub const fn grey(size: f32) -> Style {
        Style {
            size,
            bold: false,
            grey: true,
        }
    }
}

/// Horizontal placement of text: forms centre labels and numbers, and start text at the left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

/// One thing drawn on a page. Positions are points from the top-left corner of the text area
/// (of the block, while it is being built), y growing downwards.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text in a line box `y..y + h`; the glyphs sit centred in the box.
    Text {
        x: f32,
        y: f32,
        h: f32,
        style: Style,
        text: String,
    },
    /// A light grey area behind shaded cells.
    Fill { x: f32, y: f32, w: f32, h: f32 },
    /// A straight rule; dotted for the leaders of the contents.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        dotted: bool,
    },
    /// An image (signature or seal), by its index in the packet's image list.
    Image {
        image: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

impl Item {
    /// The same item `dy` points further down: blocks are built from 0 and placed where the
    /// flow has got to.
    fn moved(&self, dy: f32) -> Item {
        let mut item = self.clone();
        match &mut item {
            Item::Text { y, .. } | Item::Fill { y, .. } | Item::Image { y, .. } => *y += dy,
            Item::Rule { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
        item
    }
}

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
    fn wrap_paragraph(&self, text: &str, first: f32, width: f32, size: f32) -> Vec<String> {
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
            while line.len() > 1 && (starts_badly(next_start) || ends_badly(&line)) {
                let piece = line.pop().expect("the line has more than one piece");
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
            if used > width + EPS {
                // The carried pieces and the token do not fit on one line together: give up the
                // rule rather than overflow the cell.
                let token = line.pop().expect("the token was just pushed");
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

/// A piece of a page: laid out once, then placed whole on a page or, when it is taller than a
/// page, cut between its lines.
#[derive(Debug, Clone)]
pub struct Block {
    pub height: f32,
    /// Positions measured from the block's top-left corner.
    pub items: Vec<Item>,
    /// A table's horizontal extent: a cut through the block is closed with rules across it.
    frame: Option<(f32, f32)>,
}

impl Block {
    /// A block of items the caller positioned itself (cover fields, signature lines).
    pub fn new(height: f32, items: Vec<Item>) -> Block {
        Block {
            height,
            items,
            frame: None,
        }
    }

    /// The lowest cut at or above `at` that passes between lines of text rather than through
    /// them; `from` (nothing fits) when the line at `from` itself reaches past `at`.
    fn cut(&self, from: f32, at: f32) -> f32 {
        let mut cut = at;
        loop {
            let through = self
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Text { y, h, .. } | Item::Image { y, h, .. } => Some((*y, *y + *h)),
                    _ => None,
                })
                .filter(|(top, bottom)| *top < cut - EPS && *bottom > cut + EPS)
                .map(|(top, _)| top)
                .fold(f32::INFINITY, f32::min);
            if !through.is_finite() {
                return cut;
            }
            if through <= from + EPS {
                return from;
            }
            cut = through;
        }
    }

    /// The part of the block between `from` and `to`, moved to start at 0.
    fn slice(&self, from: f32, to: f32) -> Block {
        let mut items = Vec::new();
        for item in &self.items {
            match item {
                Item::Text { y, h, .. } | Item::Image { y, h, .. } => {
                    if *y >= from - EPS && *y + *h <= to + EPS {
                        items.push(item.moved(-from));
                    }
                }
                Item::Fill { x, y, w, h } => {
                    let (top, bottom) = (y.max(from), (y + h).min(to));
                    if bottom > top + EPS {
                        items.push(Item::Fill {
                            x: *x,
                            y: top - from,
                            w: *w,
                            h: bottom - top,
                        });
                    }
                }
                Item::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    dotted,
                } => {
                    let (top, bottom) = (y1.min(*y2).max(from), y1.max(*y2).min(to));
                    if bottom >= top - EPS {
                        items.push(Item::Rule {
                            x1: *x1,
                            y1: top - from,
                            x2: *x2,
                            y2: bottom - from,
                            dotted: *dotted,
                        });
                    }
                }
            }
        }
        let height = to - from;
        if let Some((left, right)) = self.frame {
            for y in [0.0, height] {
                items.push(rule(left, y, right, y));
            }
        }
        Block {
            height,
            items,
            frame: self.frame,
        }
    }
}

fn rule(x1: f32, y1: f32, x2: f32, y2: f32) -> Item {
    Item::Rule {
        x1,
        y1,
        x2,
        y2,
        dotted: false,
    }
}

/// One cell of a table; spans columns and rows as in HTML.
#[derive(Debug, Clone)]
pub struct Cell {
    text: String,
    cols: usize,
    rows: usize,
    align: Align,
    shade: bool,
    bold: bool,
    fit: bool,
    /// The cell is at least this tall (room for a signature).
    min_height: f32,
    /// An image drawn centred in the cell, by index and aspect ratio (width / height).
    image: Option<(usize, f32)>,
    /// A line to sign on, drawn near the bottom of the cell when it has no image.
    ink_line: bool,
}

impl Cell {
    /// A plain cell, left-aligned, one column and one row.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            cols: 1,
            rows: 1,
            align: Align::Left,
            shade: false,
            bold: false,
            fit: false,
            min_height: 0.0,
            image: None,
            ink_line: false,
        }
    }

    /// A shaded, centred label cell, as forms print their field names.
    pub fn label(text: impl Into<String>) -> Cell {
        Cell::new(text).center().shaded()
    }

    /// Spans `n` columns, e.g. a value across a form's width.
    pub fn cols(mut self, n: usize) -> Cell {
        self.cols = n.max(1);
        self
    }

    /// Spans `n` rows of its group, e.g. a teacher over one sub-row per term.
    pub fn rows(mut self, n: usize) -> Cell {
        self.rows = n.max(1);
        self
    }

    /// Centred, as forms set numbers, codes and short values.
    pub fn center(mut self) -> Cell {
        self.align = Align::Center;
        self
    }

    /// Light grey behind the text, which marks labels and headers.
    pub fn shaded(mut self) -> Cell {
        self.shade = true;
        self
    }

    /// Bold text, for headers and totals.
    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }

    /// Keeps the text on one line by setting it smaller if need be: names must not be broken.
    pub fn fit(mut self) -> Cell {
        self.fit = true;
        self
    }

    /// At least `h` points tall, room to sign in.
    pub fn min_height(mut self, h: f32) -> Cell {
        self.min_height = h;
        self
    }

    /// Draws image number `index` of the packet, `aspect` = width / height, fitted into the cell.
    pub fn image(mut self, index: usize, aspect: f32) -> Cell {
        self.image = Some((index, aspect));
        self
    }

    /// A line to sign on by hand.
    pub fn ink_line(mut self) -> Cell {
        self.ink_line = true;
        self
    }
}

/// A ruled table. `groups` are the units kept on one page: one row each, or a row with the
/// sub-rows that its row-spanning cells cover.
#[derive(Debug, Clone)]
pub struct Table {
    /// Column widths in points; they should add up to [`WIDTH`].
    pub widths: Vec<f32>,
    /// Type size of the whole table.
    pub size: f32,
    /// A bold line above the table, kept on the page of the table's first rows.
    pub caption: Option<String>,
    /// Repeated at the top of every page the table reaches; shaded and centred.
    pub header: Vec<Vec<Cell>>,
    /// The body: groups of rows, each group kept on one page.
    pub groups: Vec<Vec<Vec<Cell>>>,
}

impl Table {
    /// A table with columns of the given widths in millimetres, scaled to the text width so
    /// rounding in the caller never makes a table wider than the page.
    pub fn new(widths_mm: &[f32], size: f32) -> Table {
        let total: f32 = widths_mm.iter().sum();
        Table {
            widths: widths_mm.iter().map(|w| w / total * WIDTH).collect(),
            size,
            caption: None,
            header: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Sets a one-row header.
    pub fn header<S: Into<String>>(mut self, titles: impl IntoIterator<Item = S>) -> Table {
        self.header = vec![titles.into_iter().map(|t| Cell::label(t).bold()).collect()];
        self
    }

    /// Sets the caption that names the table within a form.
    pub fn caption(mut self, text: impl Into<String>) -> Table {
        self.caption = Some(text.into());
        self
    }

    /// Adds a group of one row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.groups.push(vec![cells]);
    }
}

/// Where a cell landed in the grid.
struct Placed<'c> {
    cell: &'c Cell,
    row: usize,
    col: usize,
    /// The spans, cut to the grid.
    cols: usize,
    rows: usize,
    size: f32,
    lines: Vec<String>,
}

/// Lays out pages: blocks are placed one after another and a new page starts when the next
/// does not fit.
pub struct Layout<'m> {
    /// The font's metrics, for callers that position text themselves.
    pub measure: &'m Measure,
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl<'m> Layout<'m> {
    /// An empty first page.
    pub fn new(measure: &'m Measure) -> Layout<'m> {
        Layout {
            measure,
            pages: vec![Vec::new()],
            y: 0.0,
        }
    }

    /// The index of the page being filled, from 0.
    pub fn page(&self) -> usize {
        self.pages.len() - 1
    }

    /// Starts a new page, unless the current one is still empty.
    pub fn new_page(&mut self) {
        if self.y > 0.0 || !self.pages[self.page()].is_empty() {
            self.pages.push(Vec::new());
            self.y = 0.0;
        }
    }

    fn remaining(&self) -> f32 {
        HEIGHT - self.y
    }

    /// Starts a new page unless `h` more points fit on this one.
    fn ensure(&mut self, h: f32) {
        if h > self.remaining() + EPS {
            self.new_page();
        }
    }

    /// Vertical space between blocks; it never carries over to the next page.
    pub fn gap(&mut self, h: f32) {
        self.y = (self.y + h).min(HEIGHT);
    }

    /// Puts a block at the current position; the caller has made room.
    fn place(&mut self, block: &Block) {
        let page = self.page();
        self.pages[page].extend(block.items.iter().map(|i| i.moved(self.y)));
        self.y += block.height;
    }

    /// Places a block, cutting it between lines where it runs past the page; `repeat` (a
    /// table's header) is placed again at the top of every new page the block reaches.
    /// A block that is `whole` moves to the next page instead of being cut, and is cut only when
    /// it is taller than a page by itself.
    fn flow(&mut self, block: &Block, whole: bool, repeat: Option<&Block>) {
        let top = repeat.map_or(0.0, |b| b.height);
        let new_page = |layout: &mut Layout<'_>| {
            layout.new_page();
            if let Some(r) = repeat {
                layout.place(r);
            }
        };
        if block.height <= self.remaining() + EPS {
            self.place(block);
            return;
        }
        if whole && self.y > top + EPS {
            new_page(self);
            if block.height <= self.remaining() + EPS {
                self.place(block);
                return;
            }
        }
        let mut from = 0.0;
        while from < block.height - EPS {
            let at = (from + self.remaining()).min(block.height);
            let mut to = block.cut(from, at);
            if to <= from + EPS {
                if self.y > top + EPS {
                    new_page(self);
                    continue;
                }
                // Not even one line fits on an empty page; cut through it rather than loop.
                to = at;
            }
            self.place(&block.slice(from, to));
            from = to;
            if from < block.height - EPS {
                new_page(self);
            }
        }
    }

    /// Places a block whole, on the next page if it does not fit on this one.
    pub fn block(&mut self, block: &Block) {
        self.flow(block, true, None);
    }

    /// A paragraph of running text; `indent` in em for the first line (正文首行缩进两字).
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32, align: Align) {
        let block = self.paragraph_block(text, style, indent, align);
        self.flow(&block, false, None);
    }

    /// Running text as a block the width of the text area. Each line of `text` is a paragraph
    /// of its own, its first line indented by `indent` em.
    fn paragraph_block(&self, text: &str, style: Style, indent: f32, align: Align) -> Block {
        let width = WIDTH;
        let lead = style.size * TEXT_LEADING;
        let indent = indent * style.size;
        let mut items = Vec::new();
        let mut y = 0.0;
        for paragraph in text.split('\n') {
            let lines = self
                .measure
                .wrap_paragraph(paragraph, width - indent, width, style.size);
            for (n, line) in lines.into_iter().enumerate() {
                let w = self.measure.width(&line, style.size);
                let x = match align {
                    Align::Left if n == 0 => indent,
                    Align::Left => 0.0,
                    Align::Center => (width - w) / 2.0,
                };
                if !line.is_empty() {
                    items.push(Item::Text {
                        x,
                        y,
                        h: lead,
                        style,
                        text: line,
                    });
                }
                y += lead;
            }
        }
        Block {
            height: y,
            items,
            frame: None,
        }
    }

    /// A heading, kept on one page with at least `keep` points of what follows it.
    pub fn heading(&mut self, text: &str, style: Style, align: Align, keep: f32) {
        let block = self.paragraph_block(text, style, 0.0, align);
        self.ensure(block.height + keep);
        self.place(&block);
    }

    /// A ruled table; its header repeats on every page, a group of rows is never split unless
    /// it is taller than a whole page (then it is cut between lines of text, and the cut is
    /// ruled off on both pages).
    pub fn table(&mut self, table: &Table) {
        let header = (!table.header.is_empty()).then(|| self.rows_block(table, &table.header));
        let header_h = header.as_ref().map_or(0.0, |h| h.height);
        let groups: Vec<Block> = table
            .groups
            .iter()
            .map(|g| self.rows_block(table, g))
            .collect();
        let caption = table.caption.as_ref().map(|text| {
            let above = 2.5 * MM;
            let b = self.paragraph_block(text, Style::bold(table.size), 0.0, Align::Left);
            Block {
                height: b.height + above + 1.0 * MM,
                items: b.items.iter().map(|i| i.moved(above)).collect(),
                frame: None,
            }
        });
        // Neither the caption nor the header stands alone at the foot of a page.
        let first = groups.first().map_or(0.0, |g| g.height.min(HEIGHT / 3.0));
        self.ensure(caption.as_ref().map_or(0.0, |c| c.height) + header_h + first);
        if let Some(c) = &caption {
            self.place(c);
        }
        if let Some(h) = &header {
            self.place(h);
        }
        for group in &groups {
            self.flow(group, true, header.as_ref());
        }
    }

    /// The block of a header or of one group: cells placed on the grid, rows as tall as their
    /// tallest cell, a row-spanning cell's extra height given to the last row it covers.
    fn rows_block(&self, table: &Table, rows: &[Vec<Cell>]) -> Block {
        let ncols = table.widths.len();
        let nrows = rows.len();
        let (pad_x, pad_y) = (PAD_X * table.size, PAD_Y * table.size);
        let mut taken = vec![vec![false; ncols]; nrows];
        let mut placed: Vec<Placed<'_>> = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let mut c = 0;
            for cell in row {
                while c < ncols && taken[r][c] {
                    c += 1;
                }
                if c >= ncols {
                    break;
                }
                let cols = cell.cols.min(ncols - c);
                let rows = cell.rows.min(nrows - r);
                for line in taken.iter_mut().skip(r).take(rows) {
                    for t in line.iter_mut().skip(c).take(cols) {
                        *t = true;
                    }
                }
                let inner = table.widths[c..c + cols].iter().sum::<f32>() - 2.0 * pad_x;
                let size = if cell.fit {
                    self.measure.fit(&cell.text, inner, table.size)
                } else {
                    table.size
                };
                let lines = self.measure.wrap(&cell.text, inner, size);
                placed.push(Placed {
                    cell,
                    row: r,
                    col: c,
                    cols,
                    rows,
                    size,
                    lines,
                });
                c += cols;
            }
        }
        let lead = table.size * TABLE_LEADING;
        let content =
            |p: &Placed<'_>| (p.lines.len() as f32 * lead + 2.0 * pad_y).max(p.cell.min_height);
        let mut heights = vec![lead + 2.0 * pad_y; nrows];
        for p in placed.iter().filter(|p| p.rows == 1) {
            heights[p.row] = heights[p.row].max(content(p));
        }
        for p in placed.iter().filter(|p| p.rows > 1) {
            let covered: f32 = heights[p.row..p.row + p.rows].iter().sum();
            let need = content(p);
            if need > covered {
                heights[p.row + p.rows - 1] += need - covered;
            }
        }
        let tops: Vec<f32> = heights
            .iter()
            .scan(0.0, |y, h| {
                let top = *y;
                *y += h;
                Some(top)
            })
            .collect();
        let lefts: Vec<f32> = table
            .widths
            .iter()
            .scan(0.0, |x, w| {
                let left = *x;
                *x += w;
                Some(left)
            })
            .collect();
        let total_w: f32 = table.widths.iter().sum();
        let total_h: f32 = heights.iter().sum();
        let mut fills = Vec::new();
        let mut rules = vec![rule(0.0, 0.0, total_w, 0.0), rule(0.0, 0.0, 0.0, total_h)];
        let mut texts = Vec::new();
        let mut images = Vec::new();
        for p in &placed {
            let x = lefts[p.col];
            let y = tops[p.row];
            let w: f32 = table.widths[p.col..p.col + p.cols].iter().sum();
            let h: f32 = heights[p.row..p.row + p.rows].iter().sum();
            if p.cell.shade {
                fills.push(Item::Fill { x, y, w, h });
            }
            if let Some((image, aspect)) = p.cell.image {
                let (bw, bh) = (w - 2.0 * pad_x, h - 2.0 * pad_y);
                let (iw, ih) = if bw / bh > aspect {
                    (bh * aspect, bh)
                } else {
                    (bw, bw / aspect)
                };
                images.push(Item::Image {
                    image,
                    x: x + (w - iw) / 2.0,
                    y: y + (h - ih) / 2.0,
                    w: iw,
                    h: ih,
                });
            } else if p.cell.ink_line {
                let under = y + h - 2.0 * pad_y;
                rules.push(rule(x + 2.0 * pad_x, under, x + w - 2.0 * pad_x, under));
            }
            rules.push(rule(x, y + h, x + w, y + h));
            rules.push(rule(x + w, y, x + w, y + h));
            let style = Style {
                size: p.size,
                bold: p.cell.bold,
                grey: false,
            };
            let text_h = p.lines.len() as f32 * lead;
            let mut ty = y + (h - text_h) / 2.0;
            for line in &p.lines {
                let lw = self.measure.width(line, p.size);
                let tx = match p.cell.align {
                    Align::Left => x + pad_x,
                    Align::Center => x + (w - lw) / 2.0,
                };
                if !line.is_empty() {
                    texts.push(Item::Text {
                        x: tx,
                        y: ty,
                        h: lead,
                        style,
                        text: line.clone(),
                    });
                }
                ty += lead;
            }
        }
        fills.extend(rules);
        fills.extend(texts);
        fills.extend(images);
        Block {
            height: total_h,
            items: fills,
            frame: Some((0.0, total_w)),
        }
    }

    /// The pages laid out, each a list of items in text-area coordinates.
    pub fn finish(self) -> Vec<Vec<Item>> {
        self.pages
    }
}

/// An image ready to be drawn: the PDF object and its size in pixels.
pub struct Placeable {
    pub id: XObjectId,
    pub width_px: f32,
    pub height_px: f32,
}

/// Turns laid-out pages into printpdf pages. Shading goes first, then rules, then text, then
/// images, so a seal covers the text it is stamped on as ink would. `fonts` are the bundled
/// face and then the fallbacks, in the order the measure was given them.
pub fn render(
    pages: &[Vec<Item>],
    measure: &Measure,
    fonts: &[FontId],
    images: &[Placeable],
) -> Vec<PdfPage> {
    pages
        .iter()
        .map(|items| {
            let mut ops = Vec::new();
            let at = |x: f32, y: f32| Point {
                x: Pt(LEFT + x),
                y: Pt(PAGE_H - TOP - y),
            };
            let fills: Vec<_> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Fill { x, y, w, h } => Some((*x, *y, *w, *h)),
                    _ => None,
                })
                .collect();
            if !fills.is_empty() {
                ops.push(Op::SetFillColor {
                    col: Color::Greyscale(Greyscale::new(SHADE, None)),
                });
                for (x, y, w, h) in fills {
                    let corner = at(x, y + h);
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: corner.x,
                            y: corner.y,
                            width: Pt(w),
                            height: Pt(h),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                }
                ops.push(Op::SetFillColor { col: black() });
            }
            ops.push(Op::SetOutlineThickness { pt: Pt(RULE) });
            let mut dotted_now = false;
            for item in items {
                if let Item::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    dotted,
                } = item
                {
                    if *dotted != dotted_now {
                        dotted_now = *dotted;
                        ops.push(Op::SetLineDashPattern {
                            dash: if dotted_now {
                                LineDashPattern::new(0.0, &[0.6, 2.4])
                            } else {
                                LineDashPattern::solid()
                            },
                        });
                    }
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: at(*x1, *y1),
                                    bezier: false,
                                },
                                LinePoint {
                                    p: at(*x2, *y2),
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
            if dotted_now {
                ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::solid(),
                });
            }
            ops.push(Op::StartTextSection);
            let mut current: Option<Style> = None;
            let mut current_font: Option<(usize, f32)> = None;
            for item in items {
                if let Item::Text {
                    x,
                    y,
                    h,
                    style,
                    text,
                } = item
                {
                    set_style(&mut ops, current, *style);
                    current = Some(*style);
                    let p = at(*x, *y + measure.baseline(*h, style.size));
                    // Each run is placed where the measure put it, so a borrowed glyph sits
                    // exactly in the room the line breaking gave it, on the same baseline.
                    for run in measure.runs(text) {
                        if current_font != Some((run.font, style.size)) {
                            current_font = Some((run.font, style.size));
                            ops.push(Op::SetFont {
                                font: PdfFontHandle::External(fonts[run.font].clone()),
                                size: Pt(style.size),
                            });
                        }
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(Pt(p.x.0 + run.x * style.size), p.y),
                        });
                        ops.push(Op::ShowText {
                            items: vec![printpdf::TextItem::GlyphIds(run.glyphs)],
                        });
                    }
                }
            }
            ops.push(Op::EndTextSection);
            for item in items {
                if let Item::Image { image, x, y, w, h } = item
                    && let Some(img) = images.get(*image)
                {
                    let corner = at(*x, *y + *h);
                    ops.push(Op::UseXobject {
                        id: img.id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(corner.x),
                            translate_y: Some(corner.y),
                            scale_x: Some(w / img.width_px),
                            scale_y: Some(h / img.height_px),
                            // At 72 dpi a pixel is a point, so the scales above are exact.
                            dpi: Some(72.0),
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
            PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops)
        })
        .collect()
}

fn black() -> Color {
    Color::Greyscale(Greyscale::new(0.0, None))
}

/// Emits only what changes between consecutive text lines, which keeps content streams small.
/// The font and its size are set per run, by `render`.
fn set_style(ops: &mut Vec<Op>, current: Option<Style>, next: Style) {
    if current.map(|c| c.grey) != Some(next.grey) {
        let col = if next.grey {
            Color::Greyscale(Greyscale::new(GREY, None))
        } else {
            black()
        };
        ops.push(Op::SetFillColor { col });
    }
    if current.map(|c| (c.bold, c.size)) != Some((next.bold, next.size)) {
        if next.bold {
            ops.push(Op::SetOutlineColor { col: black() });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(next.size * 0.03),
            });
        }
        ops.push(Op::SetTextRenderingMode {
            mode: if next.bold {
                TextRenderingMode::FillStroke
            } else {
                TextRenderingMode::Fill
            },
        });
    }
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
    use super::*;

    fn measure() -> Measure {
        Measure::new().expect("the bundled font parses")
    }

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

    fn texts(page: &[Item]) -> Vec<(&str, f32, f32)> {
        page.iter()
            .filter_map(|i| match i {
                Item::Text { text, y, h, .. } => Some((text.as_str(), *y, *h)),
                _ => None,
            })
            .collect()
    }

    fn table(rows: usize, lines: usize) -> Table {
        let mut t = Table::new(&[20.0, 136.0], size::WU_HAO).header(["序号", "内容"]);
        for i in 0..rows {
            t.row(vec![
                Cell::new(format!("第{i}行")),
                Cell::new(vec!["文"; lines].join("\n")),
            ]);
        }
        t
    }

    #[test]
    fn a_long_table_repeats_its_header_and_keeps_rows_whole() {
        let m = measure();
        let mut l = Layout::new(&m);
        l.table(&table(150, 3));
        let pages = l.finish();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let mut rows = Vec::new();
        for page in &pages {
            let t = texts(page);
            assert_eq!(t[0].0, "序号");
            assert_eq!(t[1].0, "内容");
            assert!(t.iter().all(|(_, y, h)| *y >= 0.0 && y + h <= HEIGHT + EPS));
            let labels: Vec<&str> = t
                .iter()
                .map(|(s, ..)| *s)
                .filter(|s| s.starts_with('第'))
                .collect();
            let lines = t.iter().filter(|(s, ..)| *s == "文").count();
            assert_eq!(lines, 3 * labels.len(), "a row was split");
            rows.extend(labels);
        }
        let expected: Vec<String> = (0..150).map(|i| format!("第{i}行")).collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn a_row_taller_than_a_page_is_cut_between_its_lines() {
        let m = measure();
        let mut l = Layout::new(&m);
        l.table(&table(1, 80));
        let pages = l.finish();
        assert_eq!(pages.len(), 2);
        let mut lines = 0;
        for page in &pages {
            let t = texts(page);
            assert_eq!(t[0].0, "序号");
            assert!(t.iter().all(|(_, y, h)| *y >= 0.0 && y + h <= HEIGHT + EPS));
            lines += t.iter().filter(|(s, ..)| *s == "文").count();
            // The cut is ruled off: the page's last rule spans the table at its foot.
            let bottom = page
                .iter()
                .filter_map(|i| match i {
                    Item::Rule { y1, y2, .. } if (y1 - y2).abs() < EPS => Some(*y1),
                    _ => None,
                })
                .fold(0.0, f32::max);
            let last_text = t.iter().map(|(_, y, h)| y + h).fold(0.0, f32::max);
            assert!(bottom >= last_text - EPS);
        }
        assert_eq!(lines, 80);
    }

    #[test]
    fn a_paragraph_continues_on_the_next_page() {
        let m = measure();
        let mut l = Layout::new(&m);
        l.paragraph(
            &"正文".repeat(800),
            Style::plain(size::XIAO_SI),
            2.0,
            Align::Left,
        );
        let pages = l.finish();
        assert_eq!(pages.len(), 2);
        let all: String = pages
            .iter()
            .flat_map(|p| texts(p))
            .map(|(s, ..)| s)
            .collect();
        assert_eq!(all, "正文".repeat(800));
        let first = texts(&pages[0]);
        assert!(first[0].1 == 0.0 && first.iter().all(|(_, y, h)| y + h <= HEIGHT + EPS));
    }
}
