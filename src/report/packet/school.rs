//! 一、学校基本情况: the school's form, with the findings that concern no one specialty.

use crate::domain::resource::TEXTBOOK;
use crate::domain::{Employment, Finding, ResourceItem, teacher};

use super::super::layout::{Cell, Layout, Table, size};
use super::{Ctx, Mark, concerns, findings_table, section};

pub(super) fn school(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "一、学校基本情况");
    let s = &ctx.doc.school;
    let d = ctx.declaration;
    let names: Vec<&str> = d.specialties.iter().map(|s| s.name.as_str()).collect();
    let teachers = &ctx.doc.teachers;
    let employment: Vec<String> = Employment::ALL
        .iter()
        .map(|e| {
            let n = teachers.iter().filter(|t| t.employment == *e).count();
            format!("{}{n}人", e.name())
        })
        .collect();
    let teacher_summary = format!(
        "名册共{}人；{}；{}",
        teachers.len(),
        teacher::counts(teachers).describe(),
        employment.join("、")
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
