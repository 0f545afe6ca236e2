//! `import-table` and `report workload`.

use std::io::Write;
use std::path::Path;

use super::{Outcome, ReportFormat, write_new};
use crate::domain::workload::COUNTING_RULE;
use crate::exchange::import::TableKind;
use crate::store::SchoolFile;
use crate::workflow::import;

/// Reads the sheet, prints the plan row by row, and writes only when asked, when not a dry
/// run, and when no row has a problem (or `skip_bad_rows` says to leave those out).
pub fn import_table(
    school: &mut SchoolFile,
    path: &Path,
    kind: TableKind,
    dry_run: bool,
    skip_bad_rows: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    let table = import::read(path, kind)?;
    let plan = import::plan(kind, path.to_path_buf(), &table, school)?;
    let mut report = plan.summary();
    for t in plan.new_terms() {
        report.push_str(&format!(
            "\n将新建学期：{}（{} 至 {}）",
            t.name, t.start, t.end
        ));
    }
    writeln!(out, "{}：{report}", path.display())?;
    for notice in &plan.notices {
        writeln!(out, "  {notice}")?;
    }
    if !plan.problems.is_empty() {
        writeln!(out, "有问题的行：")?;
        for p in &plan.problems {
            writeln!(out, "  {p}")?;
        }
    }
    if !plan.incomplete.is_empty() {
        writeln!(out, "待补充（照常导入，请导入后补全）：")?;
        for i in &plan.incomplete {
            writeln!(out, "  {i}")?;
        }
    }
    let blocked = !plan.problems.is_empty() && !skip_bad_rows;
    if dry_run {
        writeln!(out, "试运行：导入将{}。未写入任何数据。", plan.changes)?;
    } else if blocked {
        writeln!(
            out,
            "未导入任何数据：请改正以上各行后重新导入，或加 --skip-bad-rows 只导入没有问题的行。"
        )?;
    } else {
        writeln!(out, "已导入：{}。", plan.write(school)?)?;
        if !plan.incomplete.is_empty() {
            writeln!(
                out,
                "其中 {} 行有待补充的项目：`yitihua check` 会列出它们，可在窗口的教师名册中补全。",
                plan.incomplete.len()
            )?;
        }
    }
    // Leaving the bad rows out was asked for: the import did what it was told.
    Ok(if plan.problems.is_empty() || (skip_bad_rows && !dry_run) {
        Outcome::Done
    } else {
        Outcome::Blocked
    })
}

/// One row per teacher: integrated, other and weighted periods, then the totals.
pub fn report_workload(
    school: &SchoolFile,
    term: Option<&str>,
    format: &ReportFormat,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(t) = term
        && !school.terms()?.iter().any(|known| known.name == t)
    {
        return Err(format!("没有学期“{t}”").into());
    }
    let summary = school.workload_summary(term)?;
    if let ReportFormat::Xlsx(path) = format {
        let bytes = crate::exchange::workbook::workload_summary(
            &school.profile()?,
            term,
            &summary,
            &school.workload_settings()?,
        )?;
        write_new(path, &bytes)?;
        writeln!(out, "已导出课时汇总表：{}", path.display())?;
        return Ok(());
    }
    if *format == ReportFormat::Json {
        let teachers: Vec<_> = summary
            .teachers
            .iter()
            .map(|t| {
                serde_json::json!({
                    "id": t.id,
                    "name": t.name,
                    "department": t.department,
                    "level": t.level.name(),
                    "integrated": t.totals.integrated,
                    "other": t.totals.other,
                    "weighted": t.totals.weighted.to_string(),
                    "warnings": t.warnings,
                })
            })
            .collect();
        let courses: Vec<_> = summary
            .courses
            .iter()
            .map(|c| {
                serde_json::json!({
                    "teacher": c.teacher,
                    "name": c.name,
                    "term": c.term,
                    "course": c.course,
                    "class": c.class,
                    "kind": c.kind.name(),
                    "planned": c.planned,
                    "given": c.given,
                    "difference": c.difference(),
                    "counted": c.basis.name(),
                })
            })
            .collect();
        let value = serde_json::json!({
            "term": term,
            "rule": COUNTING_RULE,
            "teachers": teachers,
            "courses": courses,
            "total": {
                "integrated": summary.total.integrated,
                "other": summary.total.other,
                "weighted": summary.total.weighted.to_string(),
            },
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    writeln!(out, "{}", term.unwrap_or("全部学期"))?;
    writeln!(out, "工号\t姓名\t系部\t一体化课时\t其他课时\t折算课时")?;
    for t in &summary.teachers {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            t.id, t.name, t.department, t.totals.integrated, t.totals.other, t.totals.weighted
        )?;
        for w in &t.warnings {
            writeln!(out, "\t提醒：{w}")?;
        }
    }
    writeln!(
        out,
        "合计\t\t\t{}\t{}\t{}",
        summary.total.integrated, summary.total.other, summary.total.weighted
    )?;
    writeln!(out, "{COUNTING_RULE}")?;
    Ok(())
}
