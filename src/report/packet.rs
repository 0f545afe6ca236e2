//! What the packet prints, section by section: the cover, the contents, 学校基本情况, one
//! 建设专业申报表 per specialty, the teacher roster with periods, the resource lists, and the
//! commitment with its signatures. Everything comes from the interchange document; the
//! contents' page numbers come from laying the body out first.

use chrono::{Datelike, NaiveDate};

use crate::domain::check::Severity;
use crate::domain::resource::{self, ReviewState, TEXTBOOK};
use crate::domain::workload::{Totals, summarise};
use crate::domain::{
    Declaration, DeclaredSpecialty, Employment, Finding, Origin, ResourceItem, TeacherLevel,
};
use crate::exchange::Document;

use super::layout::{
    Align, Block, Cell, HEIGHT, Item, Layout, MM, Measure, Style, Table, WIDTH, size,
};
use super::{PacketInput, ReportError, TITLE};

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
    school(&ctx, &mut body, &mut marks);
    progress(0.15);
    specialties(&ctx, &mut body, &mut marks);
    progress(0.3);
    roster(&ctx, &mut body, &mut marks);
    progress(0.6);
    resources(&ctx, &mut body, &mut marks);
    progress(0.85);
    commitment(&ctx, &mut body, &mut marks);
    let body = body.finish();

    let mut pages = cover(&ctx, measure);
    // First pass: how many pages the contents take. The page numbers sit in a column of their
    // own, so the real numbers cannot change how the titles wrap, nor the page count.
    let before_body = pages.len() + contents(measure, &marks, None).len();
    pages.extend(contents(measure, &marks, Some(before_body)));
    pages.extend(body);
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        running(&ctx, measure, page, n + 1, total);
    }
    progress(1.0);
    Ok(pages)
}

/// 2026年11月29日, as dates are written on signed papers.
fn date_cn(date: NaiveDate) -> String {
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

/// The school name left and the batch right above a rule; 第 X 页 共 Y 页 centred below the text.
fn running(ctx: &Ctx<'_>, measure: &Measure, page: &mut Vec<Item>, n: usize, total: usize) {
    let style = Style::grey(size::XIAO_WU);
    let h = size::XIAO_WU * 1.6;
    let y = -15.0 * MM;
    let right = format!("{}建设专业申报材料", ctx.batch_label);
    let right_w = measure.width(&right, style.size);
    page.push(Item::Text {
        x: 0.0,
        y,
        h,
        style,
        text: ctx.doc.school.name.clone(),
    });
    page.push(Item::Text {
        x: WIDTH - right_w,
        y,
        h,
        style,
        text: right,
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

fn cover(ctx: &Ctx<'_>, measure: &Measure) -> Vec<Vec<Item>> {
    let mut l = Layout::new(measure);
    l.gap(25.0 * MM);
    // The title breaks where an office would break it, not where the line runs out.
    let title = TITLE.replacen("工学一体化", "\n工学一体化", 1);
    for line in title.split('\n') {
        l.paragraph(line, Style::bold(size::ER_HAO), 0.0, Align::Center);
    }
    l.gap(45.0 * MM);
    let school = &ctx.doc.school;
    // (label, value, whether the seal is stamped there)
    let fields = [
        ("申报学校", school.name.clone(), false),
        ("学校类型", school.kind.name().to_string(), false),
        ("所属盟市", school.region.name().to_string(), false),
        ("申报批次", ctx.batch_label.clone(), false),
        ("学校（盖章）", String::new(), true),
        ("填报日期", date_cn(ctx.input.date), false),
    ];
    let style = Style::plain(size::SAN_HAO);
    let lead = size::SAN_HAO * 2.2;
    let label_right = 50.0 * MM;
    let value_x = 53.0 * MM;
    let value_w = WIDTH - value_x - 8.0 * MM;
    for (label, value, stamped) in fields {
        let label = format!("{label}：");
        let lines = measure.wrap(&value, value_w, style.size);
        let mut items = vec![Item::Text {
            x: label_right - measure.width(&label, style.size),
            y: 0.0,
            h: lead,
            style,
            text: label.clone(),
        }];
        for (i, line) in lines.iter().enumerate() {
            let y = i as f32 * lead;
            let w = measure.width(line, style.size);
            items.push(Item::Rule {
                x1: value_x,
                y1: y + lead - 4.0,
                x2: value_x + value_w,
                y2: y + lead - 4.0,
                dotted: false,
            });
            if !line.is_empty() {
                items.push(Item::Text {
                    x: value_x + (value_w - w) / 2.0,
                    y,
                    h: lead,
                    style,
                    text: line.clone(),
                });
            }
        }
        if stamped && let Some(seal) = ctx.stamps.seal {
            let (w, h) = fit_box(seal.aspect, SEAL, SEAL);
            items.push(Item::Image {
                image: seal.index,
                x: value_x + (value_w - w) / 2.0,
                y: lead / 2.0 - h / 2.0,
                w,
                h,
            });
        }
        l.block(&Block::new(lines.len() as f32 * lead, items));
    }
    l.finish()
}

/// The size of an image of `aspect` (width / height) fitted into `w` × `h`.
fn fit_box(aspect: f32, w: f32, h: f32) -> (f32, f32) {
    if w / h > aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    }
}

/// The contents; with `offset` None the page numbers are left out (the first pass, which only
/// counts the pages the contents take).
fn contents(measure: &Measure, marks: &[Mark], offset: Option<usize>) -> Vec<Vec<Item>> {
    let mut l = Layout::new(measure);
    l.heading("目　　录", Style::bold(size::SAN_HAO), Align::Center, KEEP);
    l.gap(6.0 * MM);
    let style = Style::plain(size::XIAO_SI);
    let lead = size::XIAO_SI * 2.0;
    let number_w = 12.0 * MM;
    for mark in marks {
        let indent = f32::from(mark.level) * 2.0 * style.size;
        let lines = measure.wrap(&mark.title, WIDTH - indent - number_w, style.size);
        let mut items = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            items.push(Item::Text {
                x: indent,
                y: i as f32 * lead,
                h: lead,
                style,
                text: line.clone(),
            });
        }
        let last_y = (lines.len() - 1) as f32 * lead;
        let last_w = lines.last().map_or(0.0, |t| measure.width(t, style.size));
        if let Some(offset) = offset {
            let number = (offset + mark.page + 1).to_string();
            let w = measure.width(&number, style.size);
            items.push(Item::Text {
                x: WIDTH - w,
                y: last_y,
                h: lead,
                style,
                text: number,
            });
        }
        let baseline = last_y + measure.baseline(lead, style.size);
        let (from, to) = (indent + last_w + 3.0, WIDTH - number_w + 3.0);
        if from < to {
            items.push(Item::Rule {
                x1: from,
                y1: baseline,
                x2: to,
                y2: baseline,
                dotted: true,
            });
        }
        l.block(&Block::new(lines.len() as f32 * lead, items));
    }
    l.finish()
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

fn school(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "一、学校基本情况");
    let s = &ctx.doc.school;
    let d = ctx.declaration;
    let names: Vec<&str> = d.specialties.iter().map(|s| s.name.as_str()).collect();
    let teachers = &ctx.doc.teachers;
    let count =
        |f: &dyn Fn(&crate::domain::Teacher) -> bool| teachers.iter().filter(|t| f(t)).count();
    let levels: Vec<String> = TeacherLevel::ALL
        .iter()
        .map(|lv| format!("{}{}人", lv.name(), count(&|t| t.level == *lv)))
        .collect();
    let employment: Vec<String> = Employment::ALL
        .iter()
        .map(|e| format!("{}{}人", e.name(), count(&|t| t.employment == *e)))
        .collect();
    let teacher_summary = format!(
        "名册共{}人；{}；{}；取得一体化师资培训证书{}人",
        teachers.len(),
        levels.join("、"),
        employment.join("、"),
        count(&|t| t.is_trained())
    );
    let items: Vec<&ResourceItem> = ctx
        .doc
        .resources
        .iter()
        .filter(|i| names.contains(&i.specialty.as_str()))
        .collect();
    let textbooks = items.iter().filter(|i| i.kind == TEXTBOOK).count();
    let approved = items
        .iter()
        .filter(|i| i.kind == TEXTBOOK && i.counts())
        .count();
    let mut t = Table::new(&[36.0, 42.0, 36.0, 42.0], size::WU_HAO);
    t.row(vec![Cell::label("学校名称"), Cell::new(&s.name).cols(3)]);
    t.row(vec![
        Cell::label("学校类型"),
        Cell::new(s.kind.name()),
        Cell::label("所属盟市"),
        Cell::new(s.region.name()),
    ]);
    t.row(vec![
        Cell::label("统一社会信用代码"),
        Cell::new(&s.credit_code).cols(3),
    ]);
    t.row(vec![Cell::label("地址"), Cell::new(&s.address).cols(3)]);
    t.row(vec![
        Cell::label("校长"),
        Cell::new(&s.principal).fit(),
        Cell::label("教务处负责人"),
        Cell::new(&s.academic_head).fit(),
    ]);
    t.row(vec![
        Cell::label("联系人"),
        Cell::new(&s.contact).fit(),
        Cell::label("联系电话"),
        Cell::new(&s.phone),
    ]);
    t.row(vec![
        Cell::label("申报批次"),
        Cell::new(&ctx.batch_label).cols(3),
    ]);
    t.row(vec![
        Cell::label("申报专业"),
        Cell::new(format!(
            "{}（共{}个；{}每批次申报原则上不超过{}个）",
            names.join("、"),
            names.len(),
            s.kind.name(),
            s.kind.max_specialties_per_batch()
        ))
        .cols(3),
    ]);
    t.row(vec![
        Cell::label("申报版本"),
        Cell::new(format!("第{}版（{}）", d.revision, d.status.name())).cols(3),
    ]);
    t.row(vec![
        Cell::label("一体化教师"),
        Cell::new(teacher_summary).cols(3),
    ]);
    t.row(vec![
        Cell::label("教学资源包"),
        Cell::new(format!(
            "申报专业共登记资源{}项，其中教材{}本，审核通过{}本（凡编必审、凡选必审）",
            items.len(),
            textbooks,
            approved
        ))
        .cols(3),
    ]);
    l.table(&t);
    let general: Vec<&Finding> = ctx
        .input
        .findings
        .iter()
        .filter(|f| !d.specialties.iter().any(|s| concerns(f, &s.name)))
        .collect();
    if !general.is_empty() {
        findings_table(l, ctx, "本批次审核提醒及说明", None, &general);
    }
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

fn specialties(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "二、建设专业申报表");
    for (i, s) in ctx.declaration.specialties.iter().enumerate() {
        if i > 0 {
            l.new_page();
        }
        subsection(l, marks, format!("（{}）{}", cn_number(i + 1), s.name));
        specialty(ctx, l, s);
    }
}

fn specialty(ctx: &Ctx<'_>, l: &mut Layout<'_>, s: &DeclaredSpecialty) {
    // An official form: what the catalogue does not know is left blank for the office to
    // write in by hand, not filled with a note to ourselves.
    let entry = ctx.doc.catalogue.iter().find(|c| c.name == s.name);
    let code = entry.and_then(|e| e.code.clone()).unwrap_or_default();
    let national = match entry.and_then(|e| e.national_standard) {
        Some(true) => "有",
        Some(false) => "无",
        None => "",
    };
    let enrolment: u32 = s.programmes.iter().map(|p| p.enrolment).sum();
    let d = ctx.declaration;
    let mut t = Table::new(&[36.0, 42.0, 36.0, 42.0], size::WU_HAO);
    t.row(vec![
        Cell::label("专业名称"),
        Cell::new(&s.name),
        Cell::label("专业代码"),
        Cell::new(code),
    ]);
    t.row(vec![
        Cell::label("采用课程标准"),
        Cell::new(s.standard.name()),
        Cell::label("有无国家课程标准"),
        Cell::new(national),
    ]);
    t.row(vec![
        Cell::label("一体化教师人数"),
        Cell::new(format!("{}人", s.teachers)),
        Cell::label("计划招生合计"),
        Cell::new(format!("{enrolment}人")),
    ]);
    t.row(vec![
        Cell::label("申报版本"),
        Cell::new(format!("第{}版（{}）", d.revision, d.status.name())).cols(3),
    ]);
    l.table(&t);

    let mut t = Table::new(&[11.0, 36.0, 71.0, 38.0], size::WU_HAO)
        .caption("培养层次与学制")
        .header(["序号", "培养层次", "学制", "计划招生人数"]);
    if s.programmes.is_empty() {
        t.row(vec![Cell::new("（未填写）").cols(4).center()]);
    }
    for (i, p) in s.programmes.iter().enumerate() {
        t.row(vec![
            Cell::new((i + 1).to_string()).center(),
            Cell::new(p.level().name()).center(),
            Cell::new(p.schooling.name()),
            Cell::new(p.enrolment.to_string()).center(),
        ]);
    }
    l.table(&t);

    let mut t = Table::new(&[11.0, 69.0, 26.0, 24.0, 26.0], size::WU_HAO)
        .caption("教学场地")
        .header(["序号", "场地名称", "面积（m²）", "工位数", "班级规模"]);
    if s.sites.is_empty() {
        t.row(vec![Cell::new("（未填写）").cols(5).center()]);
    }
    for (i, site) in s.sites.iter().enumerate() {
        t.row(vec![
            Cell::new((i + 1).to_string()).center(),
            Cell::new(&site.name),
            Cell::new(site.area_m2.to_string()).center(),
            Cell::new(site.stations.to_string()).center(),
            Cell::new(site.class_size.to_string()).center(),
        ]);
    }
    l.table(&t);

    let mut t = Table::new(&[11.0, 37.0, 36.0, 18.0, 25.0, 29.0], size::WU_HAO)
        .caption("合作企业")
        .header([
            "序号",
            "企业名称",
            "统一社会信用代码",
            "合作模式",
            "协议签订日期",
            "企业投入",
        ]);
    if s.partners.is_empty() {
        t.row(vec![Cell::new("（无）").cols(6).center()]);
    }
    for (i, p) in s.partners.iter().enumerate() {
        t.row(vec![
            Cell::new((i + 1).to_string()).center(),
            Cell::new(&p.name),
            Cell::new(&p.credit_code).center().fit(),
            Cell::new(p.mode.name()).center(),
            Cell::new(p.agreement_date.map_or_else(String::new, |d| d.to_string()))
                .center()
                .fit(),
            Cell::new(&p.contribution),
        ]);
    }
    l.table(&t);

    let mut t = Table::new(&[40.0, 34.0, 34.0, 48.0], size::WU_HAO)
        .caption("教学资源包准备情况")
        .header(["资源类别", "已登记（项）", "计入资源包（项）", "情况"]);
    for r in resource::readiness(&ctx.doc.resource_kinds, &ctx.doc.resources, &s.name) {
        let state = match (r.items, r.counted) {
            (0, _) => "缺",
            (_, 0) => "待审核",
            _ => "已具备",
        };
        t.row(vec![
            Cell::new(&r.kind).center(),
            Cell::new(r.items.to_string()).center(),
            Cell::new(r.counted.to_string()).center(),
            Cell::new(state).center(),
        ]);
    }
    l.table(&t);

    let findings: Vec<&Finding> = ctx
        .input
        .findings
        .iter()
        .filter(|f| concerns(f, &s.name))
        .collect();
    findings_table(l, ctx, "审核提醒及说明", Some(&s.name), &findings);
}

/// A term as the roster prints it: the usual names in the short form 教务 systems use
/// ("2024-2025-1" for 2024-2025学年第一学期), so a term fits one line of the table.
fn term_label(name: &str) -> String {
    if let Some(years) = name.strip_suffix("学年第一学期") {
        format!("{years}-1")
    } else if let Some(years) = name.strip_suffix("学年第二学期") {
        format!("{years}-2")
    } else {
        name.to_string()
    }
}

fn roster(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "三、一体化教师名册及课时量汇总");
    let doc = ctx.doc;
    let mut terms: Vec<&crate::domain::Term> = doc.terms.iter().collect();
    terms.sort_by_key(|t| t.start);
    let coefficients: Vec<String> = doc
        .workload
        .coefficients
        .iter()
        .map(|c| format!("{}（{}起）", c.integrated, c.from))
        .collect();
    let shortened: Vec<String> = terms
        .iter()
        .filter(|t| term_label(&t.name) != t.name)
        .map(|t| format!("“{}”指{}", term_label(&t.name), t.name))
        .collect();
    let legend = if shortened.is_empty() {
        String::new()
    } else {
        format!("学期栏中{}。", shortened.join("，"))
    };
    l.paragraph(
        &format!(
            "名册共{}人。折算课时＝一体化课程课时×折算系数＋其他课时，折算系数{}（内人社办发〔2022〕111号 二(四)：课时量按照1.4倍核算）。{legend}",
            doc.teachers.len(),
            coefficients.join("；")
        ),
        Style::plain(size::WU_HAO),
        2.0,
        Align::Left,
    );
    l.gap(2.0 * MM);
    let summaries: Vec<_> = terms
        .iter()
        .map(|t| {
            summarise(
                &doc.teachers,
                &doc.terms,
                &doc.hours,
                &doc.workload,
                Some(&t.name),
            )
        })
        .collect();
    let mut table = Table::new(
        &[
            8.5, 11.0, 15.0, 12.5, 11.5, 16.0, 29.5, 20.0, 10.7, 10.6, 10.7,
        ],
        size::XIAO_WU,
    )
    .header([
        "序号",
        "工号",
        "姓名",
        "系部",
        "一体化等级",
        "任职形式",
        "师资培训",
        "学期",
        "一体化课时",
        "其他课时",
        "折算课时",
    ]);
    let numbers = |term: &str, integrated: u64, other: u64, weighted: String| {
        vec![
            Cell::new(term_label(term)).center().fit(),
            Cell::new(integrated.to_string()).center().fit(),
            Cell::new(other.to_string()).center().fit(),
            Cell::new(weighted).center().fit(),
        ]
    };
    for (i, teacher) in doc.teachers.iter().enumerate() {
        let employment = match teacher.employment {
            Employment::FromEnterprise if !teacher.enterprise.is_empty() => {
                format!("企业聘用（{}）", teacher.enterprise)
            }
            other => other.name().to_string(),
        };
        let trainings: Vec<String> = teacher
            .trainings
            .iter()
            .map(|t| {
                let certificate = if t.certificate.trim().is_empty() {
                    "未发证".to_string()
                } else {
                    format!("证书{}", t.certificate)
                };
                format!("{}，{}学时，{}", t.project, t.hours, certificate)
            })
            .collect();
        // Only the terms the teacher taught in: a school year with one entry would otherwise
        // give every other teacher a row of noughts.
        let taught: Vec<(&crate::domain::Term, &Totals)> = terms
            .iter()
            .zip(&summaries)
            .map(|(term, summary)| (*term, &summary.teachers[i].totals))
            .filter(|(_, totals)| totals.integrated > 0 || totals.other > 0)
            .collect();
        let spans = taught.len().max(1);
        // A long name (额尔敦毕力格) wraps in its cell rather than shrinking to fit.
        let mut rows = vec![vec![
            Cell::new((i + 1).to_string()).center().rows(spans),
            Cell::new(&teacher.id).center().fit().rows(spans),
            Cell::new(&teacher.name).center().rows(spans),
            Cell::new(&teacher.department).center().rows(spans),
            Cell::new(teacher.level.name()).center().rows(spans),
            Cell::new(employment).center().rows(spans),
            Cell::new(if trainings.is_empty() {
                "—".to_string()
            } else {
                trainings.join("\n")
            })
            .rows(spans),
        ]];
        for (k, (term, totals)) in taught.iter().enumerate() {
            let cells = numbers(
                &term.name,
                totals.integrated,
                totals.other,
                totals.weighted.to_string(),
            );
            if k == 0 {
                rows[0].extend(cells);
            } else {
                rows.push(cells);
            }
        }
        if terms.is_empty() {
            rows[0].push(Cell::new("（未设学期）").cols(4).center());
        } else if taught.is_empty() {
            rows[0].push(Cell::new("—").cols(4).center());
        }
        table.groups.push(rows);
    }
    if !terms.is_empty() {
        let mut rows = Vec::new();
        for (term, summary) in terms.iter().zip(&summaries) {
            let mut row = Vec::new();
            if rows.is_empty() {
                row.push(
                    Cell::new("全校合计")
                        .cols(7)
                        .rows(terms.len())
                        .center()
                        .bold(),
                );
            }
            row.extend(numbers(
                &term.name,
                summary.total.integrated,
                summary.total.other,
                summary.total.weighted.to_string(),
            ));
            rows.push(row);
        }
        table.groups.push(rows);
    }
    l.table(&table);
}

fn resources(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "四、教学资源包清单");
    for (n, s) in ctx.declaration.specialties.iter().enumerate() {
        subsection(l, marks, format!("（{}）{}", cn_number(n + 1), s.name));
        let items: Vec<&ResourceItem> = ctx
            .doc
            .resources
            .iter()
            .filter(|i| i.specialty == s.name)
            .collect();
        let textbooks: Vec<&&ResourceItem> = items.iter().filter(|i| i.kind == TEXTBOOK).collect();
        let of = |f: &dyn Fn(&ResourceItem) -> bool| textbooks.iter().filter(|i| f(i)).count();
        let origin = |o| move |i: &ResourceItem| i.textbook.as_ref().is_some_and(|t| t.origin == o);
        l.paragraph(
            &format!(
                "共登记资源{}项，其中教材{}本（自编{}本、选用{}本，列入全国技工教育规划教材目录{}本，审核通过计入资源包{}本）。",
                items.len(),
                textbooks.len(),
                of(&origin(Origin::Compiled)),
                of(&origin(Origin::Selected)),
                of(&|i| i.textbook.as_ref().is_some_and(|t| t.in_national_catalogue)),
                of(&|i| i.counts()),
            ),
            Style::plain(size::WU_HAO),
            2.0,
            Align::Left,
        );
        l.gap(2.0 * MM);
        let mut t =
            Table::new(&[10.0, 21.5, 52.5, 11.0, 17.0, 30.0, 14.0], size::XIAO_WU).header([
                "序号",
                "类别",
                "资源名称",
                "来源",
                "规划教材目录",
                "审核结论",
                "计入资源包",
            ]);
        if items.is_empty() {
            t.row(vec![Cell::new("尚未登记资源").cols(7).center()]);
        }
        // Items are listed under their course: a shaded line opens each course and is kept on
        // the page of the course's first item.
        let mut course: Option<Option<&str>> = None;
        for (i, item) in items.iter().enumerate() {
            let (origin, listed, review) = match &item.textbook {
                Some(book) => (
                    book.origin.name().to_string(),
                    if book.in_national_catalogue {
                        "是"
                    } else {
                        "否"
                    }
                    .to_string(),
                    match item.reviews.last() {
                        Some(r) => format!("{} {}", r.conclusion.name(), r.date),
                        None => ReviewState::Unreviewed.name().to_string(),
                    },
                ),
                None => ("—".into(), "—".into(), "—".into()),
            };
            let row = vec![
                Cell::new((i + 1).to_string()).center(),
                Cell::new(&item.kind).center(),
                Cell::new(resource_title(item)),
                Cell::new(origin).center(),
                Cell::new(listed).center(),
                Cell::new(review).center(),
                Cell::new(if item.counts() { "是" } else { "否" }).center(),
            ];
            let this = item.course.as_deref();
            if course != Some(this) {
                course = Some(this);
                let title = match this {
                    Some(c) => format!("课程：{c}"),
                    None => "全专业通用".to_string(),
                };
                t.groups
                    .push(vec![vec![Cell::new(title).cols(7).shaded().bold()], row]);
            } else {
                t.row(row);
            }
        }
        l.table(&t);
        l.gap(4.0 * MM);
    }
}

/// A resource's name; a textbook adds what identifies it: publisher, ISBN and edition when
/// selected, the editors (whose work policy 四(二) asks schools to recognise) when compiled.
fn resource_title(item: &ResourceItem) -> String {
    let Some(book) = &item.textbook else {
        return item.title.clone();
    };
    let details: Vec<String> = match book.origin {
        Origin::Selected => vec![
            book.publisher.clone(),
            format!("ISBN {}", book.isbn),
            book.edition.clone(),
        ],
        Origin::Compiled => vec![
            format!("主编：{}", book.chief_editor),
            format!("编写：{}", book.editors.join("、")),
            book.edition.clone(),
        ],
    };
    let details: Vec<String> = details
        .into_iter()
        .filter(|d| !d.trim().is_empty() && !d.ends_with('：') && d != "ISBN ")
        .collect();
    format!("{}\n{}", item.title, details.join("，"))
}

fn commitment(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "五、承诺与签署");
    let text = [
        "本校郑重承诺：",
        "一、本申报材料所填内容真实、准确、完整，与学校实际情况一致；随本文件附带的电子数据与打印内容一致。",
        "二、申报的建设专业将按照《内蒙古自治区推进技工院校工学一体化技能人才培养模式实施方案》（内人社办发〔2022〕111号）的要求组织实施。",
        "三、教学资源包所列教材均按“凡编必审、凡选必审”的要求审核，审核结论如实填写。",
        "四、如有虚假，本校愿承担相应责任。",
    ];
    l.paragraph(
        &text.join("\n"),
        Style::plain(size::XIAO_SI),
        2.0,
        Align::Left,
    );
    l.gap(6.0 * MM);
    let school = &ctx.doc.school;
    let date = date_cn(ctx.input.date);
    let signers = [
        ("填表人", ctx.input.filler, ctx.stamps.filler),
        (
            "教务处负责人",
            school.academic_head.as_str(),
            ctx.stamps.academic_head,
        ),
        (
            "学校负责人",
            school.principal.as_str(),
            ctx.stamps.principal,
        ),
    ];
    let mut t = Table::new(&[34.0, 36.0, 50.0, 36.0], size::XIAO_SI).header([
        "签署人",
        "姓名",
        "签字",
        "日期",
    ]);
    for (role, name, stamp) in signers {
        let signature = match stamp {
            Some(s) => Cell::new("").image(s.index, s.aspect),
            None => Cell::new("").ink_line(),
        };
        t.row(vec![
            Cell::label(role).min_height(14.0 * MM),
            Cell::new(name).center().fit(),
            signature,
            Cell::new(&date).center(),
        ]);
    }
    l.table(&t);
    l.gap(4.0 * MM);
    l.block(&seal_block(ctx, l.measure, &date));
    l.gap(4.0 * MM);
    l.block(&office_box(l.measure));
}

/// 学校（盖章） and the date on the right, with the seal over them if the office stored one.
fn seal_block(ctx: &Ctx<'_>, measure: &Measure, date: &str) -> Block {
    let style = Style::plain(size::XIAO_SI);
    let lead = size::XIAO_SI * 2.0;
    let centre = WIDTH - 38.0 * MM;
    // The block is as tall as a seal, with both lines in its middle, so a seal stamped over
    // them covers neither the signatures above nor the box below.
    let mut items = Vec::new();
    for (i, text) in ["学校（盖章）", date].into_iter().enumerate() {
        let w = measure.width(text, style.size);
        items.push(Item::Text {
            x: centre - w / 2.0,
            y: SEAL / 2.0 - lead + i as f32 * lead,
            h: lead,
            style,
            text: text.to_string(),
        });
    }
    if let Some(seal) = ctx.stamps.seal {
        let (w, h) = fit_box(seal.aspect, SEAL, SEAL);
        items.push(Item::Image {
            image: seal.index,
            x: centre - w / 2.0,
            y: (SEAL - h) / 2.0,
            w,
            h,
        });
    }
    Block::new(SEAL, items)
}

/// An empty ruled box for the league or city office's opinion, stamp and date.
fn office_box(measure: &Measure) -> Block {
    let style = Style::plain(size::XIAO_SI);
    let lead = size::XIAO_SI * 2.0;
    let height = 50.0 * MM;
    let pad = 3.0 * MM;
    let mut items: Vec<Item> = [
        (0.0, 0.0, WIDTH, 0.0),
        (0.0, height, WIDTH, height),
        (0.0, 0.0, 0.0, height),
        (WIDTH, 0.0, WIDTH, height),
    ]
    .into_iter()
    .map(|(x1, y1, x2, y2)| Item::Rule {
        x1,
        y1,
        x2,
        y2,
        dotted: false,
    })
    .collect();
    items.push(Item::Text {
        x: pad,
        y: pad,
        h: lead,
        style,
        text: "盟市人社部门意见：".into(),
    });
    let stamp = "（盖章）";
    let date = "年　　月　　日";
    for (i, text) in [stamp, date].into_iter().enumerate() {
        let w = measure.width(text, style.size);
        items.push(Item::Text {
            x: WIDTH - 38.0 * MM - w / 2.0,
            y: height - pad - (2 - i) as f32 * lead,
            h: lead,
            style,
            text: text.to_string(),
        });
    }
    Block::new(height, items)
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
