//! 二、建设专业申报表: one form per declared specialty, with its programmes, sites, partners,
//! resource readiness and findings.

use crate::domain::resource;
use crate::domain::{DeclaredSpecialty, Finding};

use super::super::layout::{Cell, Layout, Table, size};
use super::{Ctx, Mark, cn_number, concerns, findings_table, section, subsection};

pub(super) fn specialties(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
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
