//! `import-table`, `report workload` and `report teacher`.

use std::io::Write;
use std::path::Path;

use super::{Outcome, ReportFormat, write_new};
use crate::domain::allowance::ALLOWANCE_RULE;
use crate::domain::workload::{COUNTING_RULE, Totals};
use crate::exchange::import::TableKind;
use crate::store::SchoolFile;
use crate::workflow::{certificate, import};

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
                let mut row = totals_json(&t.totals);
                row.extend([
                    ("id".into(), t.id.clone().into()),
                    ("name".into(), t.name.clone().into()),
                    ("department".into(), t.department.clone().into()),
                    ("level".into(), t.level.name().into()),
                    ("title".into(), t.title.clone().into()),
                    ("raises".into(), t.raises.iter().map(|i| i + 1).collect()),
                    ("warnings".into(), t.warnings.clone().into()),
                ]);
                row
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
                    "cancelled": c.cancelled,
                    "substitute": c.substitute,
                    "difference": c.difference(),
                    "counted": c.basis.name(),
                    "factors": c.factors.values().iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "factor": c.factors.product().to_string(),
                    "weighted": c.weighted.to_string(),
                })
            })
            .collect();
        let value = serde_json::json!({
            "term": term,
            "rule": COUNTING_RULE,
            "teachers": teachers,
            "courses": courses,
            "raises": summary.raises.iter().map(|(n, text)| serde_json::json!({"number": n, "text": text})).collect::<Vec<_>>(),
            "allowance_rule": ALLOWANCE_RULE,
            "total": totals_json(&summary.total),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    writeln!(out, "{}", term.unwrap_or("全部学期"))?;
    writeln!(
        out,
        "工号\t姓名\t系部\t一体化课时\t其他课时\t其中代课\t停课扣减\t课程开发\t折算课时\t额定课时\t超额课时\t课时津贴（元）"
    )?;
    for t in &summary.teachers {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            t.id,
            t.name,
            t.department,
            totals_text(&t.totals)
        )?;
        for w in &t.warnings {
            writeln!(out, "\t提醒：{w}")?;
        }
    }
    writeln!(out, "合计\t\t\t{}", totals_text(&summary.total))?;
    writeln!(out, "{COUNTING_RULE}")?;
    writeln!(out, "{ALLOWANCE_RULE}")?;
    for (n, text) in &summary.raises {
        writeln!(out, "注{n}：{text}")?;
    }
    Ok(())
}

/// A teacher's or the school's figures as `--json` gives them; 额定, 超额 and 津贴 are null
/// until the school sets them.
fn totals_json(t: &Totals) -> serde_json::Map<String, serde_json::Value> {
    let text = |v: Option<String>| v.map_or(serde_json::Value::Null, Into::into);
    serde_json::Map::from_iter([
        ("integrated".into(), t.integrated.into()),
        ("other".into(), t.other.into()),
        ("substitute".into(), t.substitute.into()),
        ("cancelled".into(), t.cancelled.into()),
        ("development".into(), t.development.into()),
        ("weighted".into(), t.weighted.to_string().into()),
        ("required".into(), t.pay.required.into()),
        ("excess".into(), text(t.pay.excess.map(|e| e.to_string()))),
        (
            "allowance".into(),
            text(t.pay.allowance.map(|a| a.to_string())),
        ),
    ])
}

/// The figure columns of a text row, from 一体化课时 to 课时津贴, "—" where not set.
fn totals_text(t: &Totals) -> String {
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    let p = &t.pay;
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        t.integrated,
        t.other,
        t.substitute,
        t.cancelled,
        t.development,
        t.weighted,
        or_dash(p.required.map(|r| r.to_string())),
        or_dash(p.excess.map(|e| e.to_string())),
        or_dash(p.allowance.map(|a| a.to_string())),
    )
}

/// One teacher's 工作量证明, written whole or not at all; an unknown 工号 is refused before
/// anything is written.
pub fn report_teacher(
    school: &SchoolFile,
    teacher: &str,
    path: &Path,
    date: chrono::NaiveDate,
    passphrase: Option<String>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let certificate = certificate::prepare(school, teacher, date, passphrase)?;
    write_signed(&certificate, path, out)
}

/// The 课时津贴表 of a term (or all terms) as a PDF, as [`report_teacher`] writes a 工作量证明.
pub fn report_allowance(
    school: &SchoolFile,
    term: Option<&str>,
    path: &Path,
    date: chrono::NaiveDate,
    passphrase: Option<String>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let sheet = certificate::prepare_allowance(school, term, date, passphrase)?;
    write_signed(&sheet, path, out)
}

fn write_signed(
    certificate: &certificate::Certificate,
    path: &Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    let bytes = certificate.build()?;
    write_new(path, &bytes)?;
    writeln!(
        out,
        "已导出{}{}：{}",
        if certificate.signed() {
            "并签署"
        } else {
            ""
        },
        certificate.describe(),
        path.display()
    )
    .map_err(|e| format!("无法输出：{}", crate::store::io_message(&e)))
}
