//! 课时津贴表 as the office prints it: one row per teacher by 系部 with each 系部's 小计 and the
//! 合计, the rates and the rule above, and the 教务处's signature at the foot of the last page,
//! beside the box the digital signature draws (the 工作量证明's foot).
//! The figures are the workload summary's, exactly as the .xlsx sheet prints them.

use chrono::NaiveDate;

use crate::domain::exact::Fen;
use crate::domain::workload::summarise;
use crate::exchange::Document;

use super::certificate;
use super::layout::{Align, Cell, Item, Layout, Measure, Style, Table, size};
use super::packet::{Stamps, running};

/// The printed title after the school's name and the term, also the PDF's Title.
pub const TITLE: &str = "课时津贴表";

/// What one 课时津贴表 prints.
#[derive(Debug, Clone, Copy)]
pub struct AllowanceInput<'a> {
    /// The whole school: roster, terms, hours and the workload settings.
    pub document: &'a Document,
    /// The term; `None` sums every term, each rounded on its own (ALLOWANCE_RULE).
    pub term: Option<&'a str>,
    /// Printed beside the signature, and the PDF's date.
    pub date: NaiveDate,
    /// 教务处负责人's stored signature (PNG); without it a line to sign by hand.
    pub signature: Option<&'a [u8]>,
}

pub(super) fn lay_out(
    input: &AllowanceInput,
    measure: &Measure,
    stamps: &Stamps,
) -> Vec<Vec<Item>> {
    let doc = input.document;
    let summary = summarise(
        &doc.teachers,
        &doc.terms,
        &doc.hours,
        &doc.workload,
        input.term,
    );
    let mut l = Layout::new(measure);
    l.heading(
        &format!("{} {}", doc.school.name, TITLE),
        Style::bold(size::SAN_HAO),
        Align::Center,
        0.0,
    );
    l.paragraph(
        input.term.unwrap_or("全部学期"),
        Style::plain(size::WU_HAO),
        0.0,
        Align::Center,
    );
    l.paragraph(
        &doc.workload.pay.note(),
        Style::plain(size::XIAO_WU),
        0.0,
        Align::Left,
    );
    l.gap(2.0);

    let body = size::XIAO_WU;
    let money = |fen: Option<Fen>| fen.map_or_else(|| "—".to_string(), |f| f.to_string());
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    let mut t = Table::new(
        &[9.0, 19.0, 13.0, 15.0, 16.0, 18.0, 15.0, 16.0, 20.0, 15.0],
        body,
    )
    .header([
        "序号",
        "系部",
        "工号",
        "姓名",
        "职称",
        "折算课时",
        "额定课时",
        "超额课时",
        "课时津贴（元）",
        "本人签字",
    ]);
    let mut n = 0;
    for (department, totals) in &summary.departments {
        for row in summary.teachers_in(department) {
            n += 1;
            let pay = &row.totals.pay;
            t.row(vec![
                Cell::new(n.to_string()).center(),
                Cell::new(&row.department),
                Cell::new(&row.id).center(),
                Cell::new(&row.name),
                Cell::new(&row.title).fit(),
                Cell::new(row.totals.weighted.to_string()).center().fit(),
                Cell::new(or_dash(pay.required.map(|r| r.to_string()))).center(),
                Cell::new(or_dash(pay.excess.map(|e| e.to_string()))).center(),
                Cell::new(money(pay.allowance)).center(),
                Cell::new(""),
            ]);
        }
        t.row(vec![
            Cell::label(format!("{department} 小计")).cols(5).center(),
            Cell::new(totals.weighted.to_string()).center().bold().fit(),
            Cell::new("").cols(2),
            Cell::new(money(totals.pay.allowance)).center().bold().fit(),
            Cell::new(""),
        ]);
    }
    let total = &summary.total;
    t.row(vec![
        Cell::label("合计").cols(5).center(),
        Cell::new(total.weighted.to_string()).center().bold().fit(),
        Cell::new("").cols(2),
        Cell::new(money(total.pay.allowance)).center().bold().fit(),
        Cell::new(""),
    ]);
    l.table(&t);
    l.gap(2.0);
    l.paragraph(
        &format!("共{n}人。制表人：＿＿＿＿＿＿　　复核人：＿＿＿＿＿＿"),
        Style::plain(size::WU_HAO),
        0.0,
        Align::Left,
    );
    // The 工作量证明's foot, so the digital signature's box (SIGNATURE_BOX) lands beside it.
    l.foot(&certificate::signature(input.date, l.measure, stamps));
    let mut pages = l.finish();
    // A school's sheet runs to many pages once it has hundreds of teachers: each says whose
    // and which, and its number.
    let total = pages.len();
    let right = format!("{} {TITLE}", input.term.unwrap_or("全部学期"));
    for (n, page) in pages.iter_mut().enumerate() {
        running(measure, page, (n + 1, total), &doc.school.name, &right);
    }
    pages
}
