//! 工作量证明: one page per teacher, which the teacher hands in for 评优评先 and 职称评定. The
//! periods are the workload summary's, term by term, with the coefficient each term used; then
//! the teacher's level, trainings, enterprise practice and 成果认定, and the 教务处's signature
//! at the foot of the page, beside the place the digital signature's box is drawn.

use chrono::NaiveDate;

use crate::domain::exact::Exact;
use crate::domain::workload::{Summary, Term, Totals, summarise};
use crate::domain::{Employment, Teacher};
use crate::exchange::Document;

use super::layout::{
    Align, BOTTOM, Block, Cell, Item, LEFT, Layout, MM, Measure, Style, Table, WIDTH, size,
};
use super::packet::{Stamps, date_cn, fit_box};

/// The printed title, also the PDF's Title.
pub const TITLE: &str = "教师工作量证明";

/// Height of the signature area at the foot of the page (also the 课时津贴表's last page).
pub(super) const FOOT: f32 = 36.0 * MM;
/// The digital signature's box (`sign::Place`), in points from the page's lower-left corner:
/// at the left margin, in the middle of the signature area, left of the 教务处's lines.
pub const SIGNATURE_BOX: (f32, f32) = (LEFT, BOTTOM + (FOOT - 96.0) / 2.0);
/// The 教务处's lines start right of the digital signature's box (260 points wide).
const LINES_X: f32 = 96.0 * MM;

/// What one 工作量证明 prints.
#[derive(Debug, Clone, Copy)]
pub struct CertificateInput<'a> {
    /// The whole school: roster, terms, hours and the workload settings.
    pub document: &'a Document,
    /// 工号 of the teacher.
    pub teacher: &'a str,
    /// Printed beside the signature, and the PDF's date.
    pub date: NaiveDate,
    /// 教务处负责人's stored signature (PNG); without it a line to sign by hand.
    pub signature: Option<&'a [u8]>,
}

/// The terms the teacher taught in, oldest first, with their totals and the coefficients in
/// force during each.
fn terms<'a>(doc: &'a Document, teacher: &Teacher) -> Vec<(&'a Term, Totals, String, Vec<String>)> {
    let mut terms: Vec<&Term> = doc.terms.iter().collect();
    terms.sort_by_key(|t| t.start);
    terms
        .into_iter()
        .filter_map(|term| {
            let summary = summarise(
                &doc.teachers,
                &doc.terms,
                &doc.hours,
                &doc.workload,
                Some(&term.name),
            );
            let row = summary.teachers.iter().find(|row| row.id == teacher.id)?;
            let totals = row.totals.clone();
            // The raises in the short form: the teacher is the page's, the course in its column.
            let notes = row
                .raises
                .iter()
                .filter_map(|&i| doc.workload.raises.get(i))
                .map(|r| {
                    let whom = if r.course.is_empty() {
                        "本人一体化课程"
                    } else {
                        r.course.as_str()
                    };
                    format!(
                        "{whom}×{}（{}，{}批准，{}起）。",
                        r.factor,
                        r.reason.name(),
                        r.approver,
                        r.from
                    )
                })
                .collect();
            (totals.periods() > 0 || totals.development > 0).then(|| {
                let factors = factors(&summary, teacher);
                (term, totals, factors, notes)
            })
        })
        .collect()
}

/// The factors the teacher's integrated courses were weighted with in the term: "1.4", or
/// "1.4×1.15、1.4×1.15×1.1" when raises or a changed coefficient gave courses different ones.
fn factors(summary: &Summary, teacher: &Teacher) -> String {
    let mut shown: Vec<String> = Vec::new();
    for course in summary.courses.iter().filter(|c| c.teacher == teacher.id) {
        let each: Vec<String> = course
            .factors
            .values()
            .iter()
            .map(ToString::to_string)
            .collect();
        let text = each.join("×");
        if !text.is_empty() && !shown.contains(&text) {
            shown.push(text);
        }
    }
    if shown.is_empty() {
        "—".to_string()
    } else {
        shown.join("、")
    }
}

/// The page: laid out in 五号, and again in 小五 when that runs over, so even a long record
/// stays on one page where it can.
pub(super) fn lay_out(
    input: &CertificateInput,
    teacher: &Teacher,
    measure: &Measure,
    stamps: &Stamps,
) -> Vec<Vec<Item>> {
    let pages = lay_out_in(input, teacher, measure, stamps, size::WU_HAO);
    if pages.len() == 1 {
        return pages;
    }
    lay_out_in(input, teacher, measure, stamps, size::XIAO_WU)
}

/// The page with its tables in type of `body` points.
fn lay_out_in(
    input: &CertificateInput,
    teacher: &Teacher,
    measure: &Measure,
    stamps: &Stamps,
    body: f32,
) -> Vec<Vec<Item>> {
    let doc = input.document;
    let mut l = Layout::new(measure);
    // The compact attempt also sets the title smaller and the sections closer, which is what
    // a teacher with raises, credits and several 成果 needs to stay on one page.
    let compact = body < size::WU_HAO;
    let gap = if compact { 0.8 * MM } else { 2.0 * MM };
    let title = if compact { size::SAN_HAO } else { size::ER_HAO };
    l.heading(TITLE, Style::bold(title), Align::Center, 0.0);
    l.paragraph(
        &format!("{}　　（供评优评先、职称评定使用）", doc.school.name),
        Style::plain(size::WU_HAO),
        0.0,
        Align::Center,
    );
    l.gap(gap);

    let employment = match teacher.employment {
        Employment::FromEnterprise => format!("企业聘用（{}）", teacher.enterprise),
        other => other.name().to_string(),
    };
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let mut t = Table::new(&[20.0, 32.0, 20.0, 32.0, 20.0, 32.0], body);
    t.row(vec![
        Cell::label("姓名"),
        Cell::new(&teacher.name),
        Cell::label("工号"),
        Cell::new(&teacher.id),
        Cell::label("性别"),
        Cell::new(teacher.gender.name()),
    ]);
    t.row(vec![
        Cell::label("系部"),
        Cell::new(&teacher.department),
        Cell::label("任职形式"),
        Cell::new(employment),
        Cell::label("一体化等级"),
        Cell::new(teacher.level.name()),
    ]);
    t.row(vec![
        Cell::label("职称"),
        Cell::new(or_dash(&teacher.title)),
        Cell::label("技能等级"),
        Cell::new(or_dash(&teacher.skill_level)),
        Cell::label("教师资格"),
        Cell::new(or_dash(&teacher.qualification)),
    ]);
    l.table(&t);
    l.gap(gap);

    let taught = terms(doc, teacher);
    let mut t = Table::new(&[52.0, 26.0, 26.0, 26.0, 26.0], body)
        .caption("一、课时量")
        .header(["学期", "一体化课程课时", "折算系数", "其他课时", "折算课时"]);
    let mut total = (0, 0, Exact::default());
    let mut notes: Vec<&String> = Vec::new();
    let mut development = 0;
    let (mut substitute, mut cancelled) = (0, 0);
    for (term, totals, factors, term_notes) in &taught {
        substitute += totals.substitute;
        cancelled += totals.cancelled;
        for note in term_notes {
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        development += totals.development;
        total.0 += totals.integrated;
        total.1 += totals.other;
        total.2 += totals.weighted;
        t.row(vec![
            Cell::new(&term.name).center(),
            Cell::new(totals.integrated.to_string()).center(),
            Cell::new(factors).center(),
            Cell::new(totals.other.to_string()).center(),
            Cell::new(totals.weighted.to_string()).center(),
        ]);
    }
    if taught.is_empty() {
        t.row(vec![Cell::new("无课时记录").cols(5).center()]);
    } else {
        t.row(vec![
            Cell::label("合计").center(),
            Cell::new(total.0.to_string()).center().bold(),
            Cell::new("—").center(),
            Cell::new(total.1.to_string()).center().bold(),
            Cell::new(total.2.to_string()).center().bold(),
        ]);
    }
    l.table(&t);
    l.paragraph(
        &format!(
            "折算课时＝一体化课程课时×折算系数×提高系数＋其他课时＋课程开发认定课时（内人社办发〔2022〕111号 二(四)、四(二)）；计划与实际不重复计算。{}{}{}",
            if development > 0 {
                format!("其中课程开发认定{development}课时。")
            } else {
                String::new()
            },
            [
                (substitute > 0).then(|| format!("课时中含代课{substitute}课时。")),
                (cancelled > 0).then(|| format!("计划已扣除停课及他人代课{cancelled}课时。")),
            ]
            .into_iter()
            .flatten()
            .collect::<String>(),
            notes.iter().map(|n| n.as_str()).collect::<String>()
        ),
        Style::plain(size::XIAO_WU),
        0.0,
        Align::Left,
    );
    l.gap(gap);

    let mut t = Table::new(&[42.0, 38.0, 44.0, 10.0, 22.0], body)
        .caption("二、师资培训")
        .header(["培训项目", "研修基地", "时间", "学时", "证书编号"]);
    for r in &teacher.trainings {
        t.row(vec![
            Cell::new(&r.project),
            Cell::new(&r.base),
            Cell::new(format!("{} 至 {}", r.start, r.end)).center(),
            Cell::new(r.hours.to_string()).center(),
            Cell::new(if r.certificate.trim().is_empty() {
                "未发证".to_string()
            } else {
                r.certificate.clone()
            })
            .center()
            .fit(),
        ]);
    }
    if teacher.trainings.is_empty() {
        t.row(vec![Cell::new("无").cols(5).center()]);
    }
    l.table(&t);
    l.gap(gap);

    let mut t = Table::new(&[92.0, 44.0, 20.0], body)
        .caption("三、企业实践")
        .header(["实践企业", "时间", "天数"]);
    for r in &teacher.practices {
        t.row(vec![
            Cell::new(&r.enterprise),
            Cell::new(format!("{} 至 {}", r.start, r.end)).center(),
            Cell::new(r.days.to_string()).center(),
        ]);
    }
    if teacher.practices.is_empty() {
        t.row(vec![Cell::new("无").cols(3).center()]);
    }
    l.table(&t);
    l.gap(gap);

    let mut t = Table::new(&[30.0, 58.0, 18.0, 22.0, 28.0], body)
        .caption("四、成果认定")
        .header(["类别", "名称", "本人角色", "日期", "佐证材料"]);
    for a in &teacher.achievements {
        let evidence = a.evidence.as_ref().map_or("—", |f| {
            f.path.rsplit(['/', '\\']).next().unwrap_or(f.path.as_str())
        });
        t.row(vec![
            Cell::new(a.kind.name()).center(),
            Cell::new(&a.title),
            Cell::new(&a.role).center(),
            Cell::new(a.date.to_string()).center(),
            Cell::new(evidence),
        ]);
    }
    if teacher.achievements.is_empty() {
        t.row(vec![Cell::new("无").cols(5).center()]);
    }
    l.table(&t);
    l.gap(gap);
    l.paragraph(
        &format!(
            "兹证明{}（工号{}）的工作量、培训、实践及成果情况如上，课时依据本校课时记录核算。特此证明。",
            teacher.name, teacher.id
        ),
        Style::plain(size::WU_HAO),
        2.0,
        Align::Left,
    );
    l.foot(&signature(input.date, l.measure, stamps));
    l.finish()
}

/// The 教务处's lines right of the digital signature's box: the head's signature (the stored
/// image, or a line to sign on), 教务处（盖章） and the date.
pub(super) fn signature(date: NaiveDate, measure: &Measure, stamps: &Stamps) -> Block {
    let style = Style::plain(size::XIAO_SI);
    let lead = size::XIAO_SI * 2.0;
    let label = "教务处负责人：";
    let label_w = measure.width(label, style.size);
    let sign_w = WIDTH - LINES_X - label_w;
    let top = (FOOT - 3.0 * lead) / 2.0;
    let mut items = vec![Item::Text {
        x: LINES_X,
        y: top,
        h: lead,
        style,
        text: label.to_string(),
    }];
    match stamps.academic_head {
        Some(stamp) => {
            let (w, h) = fit_box(stamp.aspect, sign_w, lead * 1.4);
            items.push(Item::Image {
                image: stamp.index,
                x: LINES_X + label_w,
                y: top + lead - h,
                w,
                h,
            });
        }
        None => items.push(Item::Rule {
            x1: LINES_X + label_w,
            y1: top + lead - 2.0,
            x2: WIDTH,
            y2: top + lead - 2.0,
            dotted: false,
        }),
    }
    for (i, text) in ["教务处（盖章）".to_string(), date_cn(date)]
        .into_iter()
        .enumerate()
    {
        let w = measure.width(&text, style.size);
        items.push(Item::Text {
            x: WIDTH - w,
            y: top + (i + 1) as f32 * lead,
            h: lead,
            style,
            text,
        });
    }
    Block::new(FOOT, items)
}
