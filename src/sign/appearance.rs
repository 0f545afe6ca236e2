//! The visible signature box: school name, signing time and certificate fingerprint, drawn as
//! glyph outlines taken from the bundled font. Outlines need no font resource, so the box does
//! not depend on which characters the packet's embedded font subset happens to hold, and it
//! looks the same in every reader. (The text is not selectable; the signature dictionary
//! carries the same facts as data.)

use ttf_parser::{Face, GlyphId, OutlineBuilder};

/// The box in points; it sits left of the 学校（盖章） line on the 承诺与签署 page.
pub(super) const WIDTH: f32 = 260.0;
pub(super) const HEIGHT: f32 = 96.0;
/// Lower-left corner from the page's lower-left in the packet (`pdf::Place::PACKET`): the
/// packet's left margin, and between the signers' table and the 盟市人社部门意见 box of the
/// packet's last page.
pub(super) const LEFT: f32 = 79.0;
pub(super) const BOTTOM: f32 = 270.0;

const PADDING: f32 = 8.0;
/// Ink of a signature stamp: dark blue, distinct from the packet's black text.
const INK: &str = "0.12 0.23 0.55";

/// The appearance stream's content (uncompressed) for a box of [`WIDTH`] × [`HEIGHT`].
pub(super) fn content(school: &str, signed_at: &str, fingerprint: &str) -> Result<Vec<u8>, String> {
    let face = Face::parse(crate::FONT_BYTES, 0).map_err(|e| format!("内置字体无法读取：{e}"))?;
    let mut out = format!(
        "q {INK} RG 0.8 w 0.4 0.4 {} {} re S\n{INK} rg\n",
        WIDTH - 0.8,
        HEIGHT - 0.8
    );
    // A fingerprint is 32 pairs; two lines of 16 keep it legible at a small size.
    let pairs: Vec<&str> = fingerprint.split(':').collect();
    let (first, second) = pairs.split_at(pairs.len().div_ceil(2));
    let lines = [
        ("电子签名".to_string(), 11.0, 77.0),
        (format!("签署单位：{school}"), 9.0, 62.0),
        (format!("签署时间：{signed_at}"), 9.0, 48.0),
        ("证书指纹（SHA-256）：".to_string(), 8.0, 35.0),
        (first.join(":"), 8.0, 24.0),
        (second.join(":"), 8.0, 13.0),
    ];
    for (text, size, baseline) in lines {
        line(&face, &text, size, baseline, &mut out);
    }
    out.push_str("Q\n");
    Ok(out.into_bytes())
}

/// One line at `size` points, shrunk to fit the box's width (a long school name).
fn line(face: &Face, text: &str, size: f32, baseline: f32, out: &mut String) {
    let units = f32::from(face.units_per_em());
    let glyphs: Vec<(Option<GlyphId>, f32)> = text
        .chars()
        .map(|c| {
            let glyph = face.glyph_index(c);
            let advance = glyph
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(units / 2.0, f32::from);
            (glyph, advance)
        })
        .collect();
    let width: f32 = glyphs.iter().map(|(_, a)| a).sum();
    let fit = (WIDTH - 2.0 * PADDING) * units / width.max(1.0);
    let scale = size.min(fit) / units;
    // PDF numbers have no exponent, so the small scale is written with enough decimals.
    let s = format!("{scale:.6}");
    out.push_str(&format!("q {s} 0 0 {s} {PADDING} {baseline} cm\n"));
    let mut pen = Path {
        out: String::new(),
        dx: 0.0,
        last: (0.0, 0.0),
    };
    for (glyph, advance) in glyphs {
        if let Some(glyph) = glyph
            && face.outline_glyph(glyph, &mut pen).is_some()
        {
            pen.out.push_str("f\n");
        }
        pen.dx += advance;
    }
    out.push_str(&pen.out);
    out.push_str("Q\n");
}

/// PDF path operators for one line of glyphs, in font units, each glyph shifted by the pen.
struct Path {
    out: String,
    dx: f32,
    last: (f32, f32),
}

impl OutlineBuilder for Path {
    fn move_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.push_str("m\n");
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.push_str("l\n");
        self.last = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // PDF has only cubic Béziers; a quadratic is the cubic with control points two thirds
        // of the way to its one control point.
        let (x0, y0) = self.last;
        self.point(x0 + (x1 - x0) * 2.0 / 3.0, y0 + (y1 - y0) * 2.0 / 3.0);
        self.point(x + (x1 - x) * 2.0 / 3.0, y + (y1 - y) * 2.0 / 3.0);
        self.point(x, y);
        self.out.push_str("c\n");
        self.last = (x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.point(x1, y1);
        self.point(x2, y2);
        self.point(x, y);
        self.out.push_str("c\n");
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.out.push_str("h\n");
    }
}

impl Path {
    fn point(&mut self, x: f32, y: f32) {
        self.out.push_str(&num(x + self.dx));
        self.out.push(' ');
        self.out.push_str(&num(y));
        self.out.push(' ');
    }
}

/// A number as a PDF content stream writes it: at most one decimal, no trailing zero.
fn num(v: f32) -> String {
    let tenths = (v * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{}", tenths as i64)
    } else {
        format!("{tenths:.1}")
    }
}
