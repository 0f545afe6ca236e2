//! `check` (the declarations against the rules) and `check-files` (the referenced files
//! against what was recorded).

use std::io::Write;

use crate::store::SchoolFile;

use super::Outcome;

/// Prints every finding of the chosen batch, or of every batch that has a declaration.
pub(super) fn check(
    school: &SchoolFile,
    batch: Option<u32>,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    use crate::domain::{
        Severity,
        check::{count, may_sign},
    };
    // Read once: the large school's 2,700 resources need not be loaded again for every batch.
    let inputs = school.check_inputs()?;
    let numbers: Vec<u32> = match batch {
        Some(n) if !inputs.batches.iter().any(|b| b.number == n) => {
            let known: Vec<String> = inputs
                .batches
                .iter()
                .map(|b| b.number.to_string())
                .collect();
            return Err(format!("没有第{n}批：学校文件中的批次序号为 {}", known.join("、")).into());
        }
        Some(n) => vec![n],
        None => inputs.declarations.iter().map(|d| d.batch).collect(),
    };
    let mut blocked = false;
    let mut report = Vec::new();
    for number in numbers {
        let findings = crate::domain::check::check(&inputs.context(), number);
        blocked |= findings.iter().any(|f| f.severity == Severity::Error);
        let declaration = inputs.declarations.iter().find(|d| d.batch == number);
        let name = inputs
            .batches
            .iter()
            .find(|b| b.number == number)
            .map_or_else(|| format!("第{number}批"), |b| b.label());
        report.push((number, name, findings, declaration));
    }
    if json {
        let value: Vec<_> = report
            .iter()
            .map(|(number, name, findings, declaration)| {
                let explained = |id: &str| declaration.and_then(|d| d.explanations.get(id));
                serde_json::json!({
                    "batch": number,
                    "name": name,
                    "may_sign": declaration.is_some_and(|d| may_sign(findings, d)),
                    "findings": findings.iter().map(|f| serde_json::json!({
                        "id": f.id,
                        "severity": f.severity,
                        "location": f.location,
                        "message": f.message,
                        "clause": f.clause,
                        "explanation": explained(&f.id),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else if report.is_empty() {
        writeln!(out, "还没有任何批次的申报。")?;
    } else {
        for (_, name, findings, declaration) in &report {
            let errors = count(findings, Severity::Error);
            let warnings = count(findings, Severity::Warning);
            write!(out, "{name}：{errors} 个错误，{warnings} 个提醒")?;
            match count(findings, Severity::Incomplete) {
                0 => writeln!(out)?,
                n => writeln!(out, "，{n} 项待补充（不影响签署，请在教师名册中补全）")?,
            }
            for f in findings {
                write!(
                    out,
                    "  {}  {}：{}〔政策 {}〕",
                    f.severity.name(),
                    f.location,
                    f.message,
                    f.clause
                )?;
                let explanation = declaration.and_then(|d| d.explanations.get(&f.id));
                match (f.severity, explanation) {
                    (Severity::Warning, Some(e)) => writeln!(out, "  说明：{e}")?,
                    (Severity::Warning, None) => writeln!(out, "  （尚未填写说明）")?,
                    (Severity::Error | Severity::Incomplete, _) => writeln!(out)?,
                }
            }
        }
    }
    Ok(if blocked {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}

/// 检查文件: every referenced file that went missing or changed since it was recorded.
pub(super) fn check_files(
    school: &SchoolFile,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    use crate::domain::resource::FileStatus;
    let mut checked = 0;
    let mut problems = 0;
    for (_, item) in school.resources(None)? {
        for file in &item.files {
            checked += 1;
            let status = crate::exchange::files::verify(file);
            if status != FileStatus::Unchanged {
                problems += 1;
                writeln!(
                    out,
                    "{}  {} · {}：{}",
                    status.name(),
                    item.specialty,
                    item.title,
                    file.path
                )?;
            }
        }
    }
    writeln!(out, "检查了{checked}个文件，{problems}个缺失或已改动。")?;
    Ok(if problems > 0 {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}
