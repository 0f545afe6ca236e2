//! 推荐汇总表: what a 盟市 or the 自治区 office prints of its 汇总文件 and sends on, signed and
//! sealed. The targets with the rule that says what counts, one row per school and batch with
//! its state, the re-check and the office's opinion, the notes seen only across schools, then
//! the signatures, the seal and the box for the office's opinion, and at the foot of the last
//! page the room where the 转报材料's digital signature is drawn (`report::SIGNATURE_BOX`, as on
//! the 工作量证明).

use chrono::NaiveDate;

use crate::domain::rollup::{
    self, COUNTING_RULE, Office, Opinion, Row, TARGET_SCHOOLS, TARGET_SPECIALTIES,
    TARGET_TRAINED_TEACHERS,
};

use super::certificate::FOOT;
use super::layout::{Align, Block, Cell, Item, Layout, MM, Measure, Style, Table, size};
use super::packet::{date_cn, opinion_box, running};

/// The printed title after the office's name, also the PDF's Title.
pub const TITLE: &str = "工学一体化建设专业推荐汇总表";

/// What one 推荐汇总表 prints.
#[derive(Debug, Clone, Copy)]
pub struct RollupInput<'a> {
    pub office: &'a Office,
    pub rows: &'a [Row<'a>],
    pub notes: &'a [String],
    /// Printed beside the signatures, and the PDF's date.
    pub date: NaiveDate,
    /// How many school packets the 转报材料 carries, when this is one.
    pub forwarded: Option<usize>,
}

pub(super) fn lay_out(input: &RollupInput, measure: &Measure) -> Vec<Vec<Item>> {
    let office = input.office;
    let rows = input.rows;
    let totals = rollup::totals(rows);
    let any_recommended = rows
        .iter()
        .any(|r| r.verdict.is_some_and(|v| v.opinion == Opinion::Recommend));
    let mut l = Layout::new(measure);
    l.heading(
        &format!("{}\n{TITLE}", office.name),
        Style::bold(size::SAN_HAO),
        Align::Center,
        0.0,
    );
    l.paragraph(
        &format!(
            "{}　汇总{}行（每校每批一行）",
            date_cn(input.date),
            rows.len()
        ),
        Style::plain(size::WU_HAO),
        0.0,
        Align::Center,
    );
    l.gap(2.0);

    let body = size::XIAO_WU;
    let mut t = Table::new(&[52.0, 26.0, 26.0, 52.0], body).header([
        "对照“十四五”目标（一(二)）",
        "目标",
        "计入",
        "说明",
    ]);
    for (label, target, counted, unit) in [
        (
            "建设专业",
            TARGET_SPECIALTIES,
            totals.region.specialties,
            "个，按名称去重",
        ),
        (
            "参与学校",
            TARGET_SCHOOLS,
            totals.region.schools,
            "所，按统一社会信用代码去重",
        ),
        (
            "培训教师",
            TARGET_TRAINED_TEACHERS,
            totals.region.trained_teachers,
            "人，每校最新计入的一份",
        ),
    ] {
        t.row(vec![
            Cell::label(label),
            Cell::new(target.to_string()).center(),
            Cell::new(counted.to_string()).center().bold(),
            Cell::new(unit),
        ]);
    }
    for (region, sums) in &totals.by_region {
        t.row(vec![
            Cell::new(format!("其中 {region}")),
            Cell::new("").center(),
            Cell::new(format!(
                "{} / {} / {}",
                sums.specialties, sums.schools, sums.trained_teachers
            ))
            .center(),
            Cell::new("专业 / 学校 / 培训教师"),
        ]);
    }
    l.table(&t);
    l.paragraph(
        &format!("计入规则：{COUNTING_RULE}"),
        Style::plain(size::XIAO_WU),
        0.0,
        Align::Left,
    );
    l.gap(3.0);

    let mut t = Table::new(&[7.0, 13.0, 25.0, 7.0, 38.0, 13.0, 17.0, 14.0, 22.0], body).header([
        "序号",
        "盟市",
        "学校（类型）",
        "批次",
        "建设专业（层次，招生，资源包）",
        "一体化／培训教师",
        "重新审核",
        "状态",
        "意见",
    ]);
    for (n, row) in rows.iter().enumerate() {
        let s = &row.packet.summary;
        let specialties: Vec<String> = s.specialties.iter().map(|l| l.describe()).collect();
        let findings = match (s.errors(), s.warnings()) {
            (0, 0) => "无问题".to_string(),
            (e, w) => format!("错误{e}处\n提醒{w}处"),
        };
        let state = if rollup::counts(row, any_recommended) {
            row.state.name().to_string()
        } else {
            format!("{}\n不计入", row.state)
        };
        let mut opinion = match row.verdict {
            None => "—".to_string(),
            Some(v) if v.text.is_empty() => v.opinion.name().to_string(),
            Some(v) => format!("{}：{}", v.opinion, v.text),
        };
        // The 盟市 column names the forwarding office's 盟市.
        if let Some(f) = &row.packet.forwarded {
            opinion.push_str(&format!("\n盟市意见：{}", f.opinion()));
        }
        t.row(vec![
            Cell::new((n + 1).to_string()).center(),
            Cell::new(s.region.name()).center(),
            Cell::new(format!("{}（{}）", s.school, s.kind)),
            Cell::new(s.batch.to_string()).center(),
            Cell::new(specialties.join("\n")),
            Cell::new(format!("{}／{}", s.integrated_teachers, s.trained_teachers)).center(),
            Cell::new(findings),
            Cell::new(state).center(),
            Cell::new(opinion),
        ]);
    }
    l.table(&t);
    if !input.notes.is_empty() {
        l.gap(2.0);
        l.paragraph(
            &format!("跨校提示：\n{}", input.notes.join("\n")),
            Style::plain(size::XIAO_WU),
            0.0,
            Align::Left,
        );
    }
    if let Some(n) = input.forwarded {
        l.gap(2.0);
        l.paragraph(
            &format!(
                "随附申报材料：以上状态为“有效”的{n}份学校申报材料原件（各带学校电子签名）及本表数据，\
                 作为本文件的附件一并转报，接收单位可用申报助手逐份重新验证。"
            ),
            Style::plain(size::XIAO_WU),
            0.0,
            Align::Left,
        );
    }
    l.gap(6.0 * MM);
    let date = date_cn(input.date);
    let mut t = Table::new(&[40.0, 76.0, 40.0], size::XIAO_SI).header(["签署人", "签字", "日期"]);
    for role in ["经办人", "负责人"] {
        t.row(vec![
            Cell::label(role).min_height(14.0 * MM),
            Cell::new("").ink_line(),
            Cell::new(&date).center(),
        ]);
    }
    l.table(&t);
    l.gap(4.0 * MM);
    l.block(&opinion_box(l.measure, &format!("{}意见：", office.name)));
    // Printed or forwarded, the pages are the same: the foot is kept for the signature's box.
    l.foot(&Block::new(FOOT, Vec::new()));
    let mut pages = l.finish();
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        running(measure, page, (n + 1, total), &office.name, TITLE);
    }
    pages
}
