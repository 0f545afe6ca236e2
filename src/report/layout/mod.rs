//! Page layout for printed forms: A4 with the GB/T 9704 margins, text measured with the bundled
//! font's own advance widths and wrapped the way Chinese typesetting expects, and ruled tables
//! whose header repeats on every page and whose rows stay whole.
//!
//! Layout produces plain [`Item`]s (text lines, shading, rules, images) in points, measured from
//! the top-left corner of the text area; `render` turns them into printpdf operations. Keeping
//! the two apart lets the packet be laid out without a PDF at all: the contents page is laid out
//! twice, and [`super::missing_glyphs`] scans the items without rendering anything.
//!
//! `measure` measures and breaks text, `flow` places blocks on pages, `table` lays out ruled
//! tables and `render` draws the items with printpdf; this file holds the page geometry and
//! the items they share.

mod flow;
mod measure;
mod render;
mod table;

pub use flow::{Block, Layout};
pub use measure::{Measure, missing};
pub use render::{Placeable, render};
pub use table::{Cell, Table};

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

fn rule(x1: f32, y1: f32, x2: f32, y2: f32) -> Item {
    Item::Rule {
        x1,
        y1,
        x2,
        y2,
        dotted: false,
    }
}

/// What the layout's tests share.
#[cfg(test)]
mod testing {
    use super::{Item, Measure};

    pub fn measure() -> Measure {
        Measure::new().expect("the bundled font parses")
    }

    /// The text lines of a page: text, top and height.
    pub fn texts(page: &[Item]) -> Vec<(&str, f32, f32)> {
        page.iter()
            .filter_map(|i| match i {
                Item::Text { text, y, h, .. } => Some((text.as_str(), *y, *h)),
                _ => None,
            })
            .collect()
    }
}
