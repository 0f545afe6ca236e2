//! `import-table` and `report workload`.

use std::io::Write;
use std::path::Path;

use super::{Outcome, ReportFormat, write_new};
use crate::exchange::import::{self, HOURS_HEADERS, Plan, TEACHER_HEADERS, TableKind};
use crate::exchange::table::Table;
use crate::store::{Mode, SchoolFile};

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
    let required: &[&str] = match kind {
        TableKind::Teachers => &TEACHER_HEADERS,
        TableKind::Hours => &HOURS_HEADERS,
    };
    let table = Table::read(path, required)?;
    let mode = if dry_run { Mode::DryRun } else { Mode::Write };
    let (plan_report, problems, changes) = match kind {
        TableKind::Teachers => {
            let plan = import::teachers(&table, &school.teachers()?);
            let blocked = !plan.problems.is_empty() && !skip_bad_rows;
            let changes =
                school.import_teachers(&plan.records, if blocked { Mode::DryRun } else { mode })?;
            (describe(&plan, "位教师"), plan.problems, changes)
        }
        TableKind::Hours => {
            if !table.has("日期") && !table.has("周课时") {
                return Err("表头须有“日期”和“节数”两列，或“周课时”和“周数”两列".into());
            }
            let plan = import::hours(&table, &school.teachers()?, &school.terms()?);
            let blocked = !plan.problems.is_empty() && !skip_bad_rows;
            let changes = school.import_hours(
                &plan.new_terms,
                &plan.records,
                if blocked { Mode::DryRun } else { mode },
            )?;
            let mut report = describe(&plan, "条课时");
            for t in &plan.new_terms {
                report.push_str(&format!(
                    "\n将新建学期：{}（{} 至 {}）",
                    t.name, t.start, t.end
                ));
            }
            (report, plan.problems, changes)
        }
    };
    writeln!(out, "{}：{plan_report}", path.display())?;
    for notice in &table.notices {
        writeln!(out, "  {notice}")?;
    }
    if !problems.is_empty() {
        writeln!(out, "有问题的行：")?;
        for p in &problems {
            writeln!(out, "  {p}")?;
        }
    }
    let blocked = !problems.is_empty() && !skip_bad_rows;
    if dry_run {
        writeln!(out, "试运行：导入将{changes}。未写入任何数据。")?;
    } else if blocked {
        writeln!(
            out,
            "未导入任何数据：请改正以上各行后重新导入，或加 --skip-bad-rows 只导入没有问题的行。"
        )?;
    } else {
        writeln!(out, "已导入：{changes}。")?;
    }
    Ok(if problems.is_empty() {
        Outcome::Done
    } else {
        Outcome::Blocked
    })
}

fn describe<T>(plan: &Plan<T>, unit: &str) -> String {
    let mut text = format!(
        "共 {} 行数据，可导入 {} {unit}，{} 行有问题",
        plan.rows,
        plan.records.len(),
        plan.bad_rows()
    );
    if plan.unfilled > 0 {
        text.push_str(&format!("，{} 行未填课时（跳过）", plan.unfilled));
    }
    text
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
        let value = serde_json::json!({
            "term": term,
            "teachers": teachers,
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
    Ok(())
}
