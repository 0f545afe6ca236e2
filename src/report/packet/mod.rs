//! What the packet prints, section by section: the cover, the contents, 学校基本情况, one
//! 建设专业申报表 per specialty, the teacher roster with periods, the resource lists, and the
//! commitment with its signatures. Everything comes from the interchange document; the
//! contents' page numbers come from laying the body out first.

//!
//! Each section is a file of its own; this one puts them in order, numbers the pages and holds
//! what the sections share (the context they read, headings, the findings table).

mod commitment;
pub(super) use commitment::opinion_box;
mod contents;
mod cover;
mod resources;
mod roster;
mod school;
mod specialties;

use chrono::{Datelike, NaiveDate};

use crate::domain::check::Severity;
use crate::domain::{Declaration, Finding};
use crate::exchange::Document;

use super::layout::{Align, Cell, HEIGHT, Item, Layout, MM, Measure, Style, Table, WIDTH, size};
use super::{PacketInput, ReportError};

/// A stored image placed in the packet: its index in the list the renderer draws from, and its
/// aspect ratio (width / height) so it is never distorted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    pub index: usize,
    pub aspect: f32,
}

/// The stored images this packet has; a missing one leaves a line to sign or stamp by hand.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Stamps {
    pub filler: Option<Stamp>,
    pub academic_head: Option<Stamp>,
    pub principal: Option<Stamp>,
    pub seal: Option<Stamp>,
}

/// An entry of the contents: a section (level 0) or a specialty within one (level 1), and the
/// page of the body it starts on, from 0.
struct Mark {
    level: u8,
    title: String,
    page: usize,
}

/// What every section reads.
struct Ctx<'a> {
    doc: &'a Document,
    input: &'a PacketInput<'a>,
    declaration: &'a Declaration,
    /// 第一批（2022-04 至 2023-07）
    batch_label: String,
    stamps: &'a Stamps,
}

/// How much of what follows a heading must fit on its page, so a heading never ends a page.
const KEEP: f32 = 60.0;
/// Official seals of schools are 42 mm across; printed at that size they match the stamp.
const SEAL: f32 = 42.0 * MM;

/// Lays the whole packet out: pages of items, running header and footer included.
pub fn lay_out(
    input: &PacketInput,
    measure: &Measure,
    stamps: &Stamps,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<Vec<Item>>, ReportError> {
    let doc = input.document;
    let declaration = doc
        .declarations
        .iter()
        .filter(|d| d.batch == input.batch)
        .max_by_key(|d| d.revision)
        .ok_or(ReportError::NoDeclaration(input.batch))?;
    let batch = doc.batches.iter().find(|b| b.number == input.batch);
    let ctx = Ctx {
        doc,
        input,
        declaration,
        batch_label: batch.map_or_else(|| format!("第{}批", input.batch), |b| b.label()),
        stamps,
    };
    let mut body = Layout::new(measure);
    let mut marks = Vec::new();
    school::school(&ctx, &mut body, &mut marks);
    progress(0.15);
    specialties::specialties(&ctx, &mut body, &mut marks);
    progress(0.3);
    roster::roster(&ctx, &mut body, &mut marks);
    progress(0.6);
    resources::resources(&ctx, &mut body, &mut marks);
    progress(0.85);
    commitment::commitment(&ctx, &mut body, &mut marks);
    let body = body.finish();

    let mut pages = cover::cover(&ctx, measure);
    // First pass: how many pages the contents take. The page numbers sit in a column of their
    // own, so the real numbers cannot change how the titles wrap, nor the page count.
    let before_body = pages.len() + contents::contents(measure, &marks, None).len();
    pages.extend(contents::contents(measure, &marks, Some(before_body)));
    pages.extend(body);
    let total = pages.len();
    let right = format!("{}建设专业申报材料", ctx.batch_label);
    for (n, page) in pages.iter_mut().enumerate() {
        running(measure, page, (n + 1, total), &ctx.doc.school.name, &right);
    }
    progress(1.0);
    Ok(pages)
}

/// 2026年11月29日, as dates are written on signed papers.
pub(super) fn date_cn(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// 一, 二, … 九十九: numbering of headings.
fn cn_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".into(),
        1..=9 => DIGITS[n].into(),
        10..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// `left` (the school) and `right` (what the document is) above a rule; 第 X 页 共 Y 页
/// centred below the text.
pub(super) fn running(
    measure: &Measure,
    page: &mut Vec<Item>,
    (n, total): (usize, usize),
    left: &str,
    right: &str,
) {
    let style = Style::grey(size::XIAO_WU);
    let h = size::XIAO_WU * 1.6;
    let y = -15.0 * MM;
    let right_w = measure.width(right, style.size);
    page.push(Item::Text {
        x: 0.0,
        y,
        h,
        style,
        text: left.to_string(),
    });
    page.push(Item::Text {
        x: WIDTH - right_w,
        y,
        h,
        style,
        text: right.to_string(),
    });
    page.push(Item::Rule {
        x1: 0.0,
        y1: y + h + 1.0,
        x2: WIDTH,
        y2: y + h + 1.0,
        dotted: false,
    });
    let footer = format!("第 {n} 页 共 {total} 页");
    let w = measure.width(&footer, style.size);
    page.push(Item::Text {
        x: (WIDTH - w) / 2.0,
        y: HEIGHT + 7.0 * MM,
        h,
        style,
        text: footer,
    });
}

/// The size of an image of `aspect` (width / height) fitted into `w` × `h`.
pub(super) fn fit_box(aspect: f32, w: f32, h: f32) -> (f32, f32) {
    if w / h > aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    }
}

/// A section starts on a new page under a centred heading, and is listed in the contents.
fn section(l: &mut Layout<'_>, marks: &mut Vec<Mark>, title: &str) {
    l.new_page();
    marks.push(Mark {
        level: 0,
        title: title.to_string(),
        page: l.page(),
    });
    l.heading(title, Style::bold(size::SAN_HAO), Align::Center, KEEP);
    l.gap(4.0 * MM);
}

/// A specialty within a section, listed in the contents under it.
fn subsection(l: &mut Layout<'_>, marks: &mut Vec<Mark>, title: String) {
    l.gap(2.0 * MM);
    l.heading(&title, Style::bold(size::SI_HAO), Align::Left, KEEP);
    marks.push(Mark {
        level: 1,
        title,
        page: l.page(),
    });
    l.gap(2.0 * MM);
}

/// Whether a finding concerns `specialty`.
fn concerns(finding: &Finding, specialty: &str) -> bool {
    finding.specialty.as_deref() == Some(specialty)
}

/// The findings with the office's explanations; an unexplained warning says so, an error says
/// it must be corrected. Within a specialty's form, the batch and specialty are left out of
/// where each finding is.
fn findings_table(
    l: &mut Layout<'_>,
    ctx: &Ctx<'_>,
    caption: &str,
    specialty: Option<&str>,
    findings: &[&Finding],
) {
    let mut t = Table::new(&[11.0, 13.0, 62.0, 70.0], size::WU_HAO)
        .caption(caption)
        .header(["序号", "类型", "审核发现（政策依据）", "说明"]);
    if findings.is_empty() {
        t.row(vec![Cell::new("无").cols(4).center()]);
    }
    for (i, f) in findings.iter().enumerate() {
        let explanation = match f.severity {
            Severity::Error => "须更正后方可签署".to_string(),
            Severity::Incomplete => "待补充，不影响签署".to_string(),
            Severity::Warning => ctx
                .declaration
                .explanations
                .get(&f.id)
                .map(|e| e.trim())
                .filter(|e| !e.is_empty())
                .map_or_else(|| "（未填写说明）".to_string(), str::to_string),
        };
        // The check words locations as "第一批 · 汽车维修 · 教学场地1".
        let parts: Vec<&str> = f.location.split(" · ").collect();
        let place = match (specialty, parts.as_slice()) {
            (Some(name), [_, s, rest @ ..]) if *s == name => rest.join(" · "),
            _ => f.location.clone(),
        };
        let finding = if place.is_empty() {
            format!("{}（{}）", f.message, f.clause)
        } else {
            format!("{place}：{}（{}）", f.message, f.clause)
        };
        t.row(vec![
            Cell::new((i + 1).to_string()).center(),
            Cell::new(f.severity.name()).center(),
            Cell::new(finding),
            Cell::new(explanation),
        ]);
    }
    l.table(&t);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_read_as_offices_write_them() {
        assert_eq!(cn_number(1), "一");
        assert_eq!(cn_number(10), "十");
        assert_eq!(cn_number(12), "十二");
        assert_eq!(cn_number(20), "二十");
        assert_eq!(cn_number(31), "三十一");
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(date_cn(date), "2026年11月29日");
        assert_eq!(
            date_cn(NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()),
            "2027年1月5日"
        );
    }
}
