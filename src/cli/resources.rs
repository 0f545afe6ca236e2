//! `report resources`: each specialty's readiness and completeness matrix, as text, JSON or
//! a workbook.

use std::io::Write;

use crate::store::SchoolFile;

use super::{ReportFormat, write_new};

/// Per specialty: how many items of each kind the policy names, how many count, and the
/// completeness matrix (courses × kinds: 齐 / 待审 / 缺).
pub(super) fn report_resources(
    school: &SchoolFile,
    only: Option<&str>,
    format: &ReportFormat,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    use crate::domain::resource::{Cell, matrix, readiness, specialties};
    let kinds = school.resource_kinds()?;
    let items: Vec<_> = school
        .resources(only)?
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    let known = specialties(&school.current_declarations()?, &items);
    let specialties = match only {
        Some(name) if !known.iter().any(|k| k == name) => {
            return Err(format!(
                "没有专业“{name}”的申报或资源；有：{}",
                if known.is_empty() {
                    "（无）".to_string()
                } else {
                    known.join("、")
                }
            )
            .into());
        }
        Some(name) => vec![name.to_string()],
        None => known,
    };
    if let ReportFormat::Xlsx(path) = format {
        let bytes = crate::exchange::workbook::resources_report(
            &school.profile()?,
            &items,
            &kinds,
            &specialties,
        )?;
        write_new(path, &bytes)?;
        writeln!(out, "已导出教学资源包清单：{}", path.display())?;
        return Ok(());
    }
    if *format == ReportFormat::Json {
        let value: Vec<_> = specialties
            .iter()
            .map(|s| {
                serde_json::json!({
                    "specialty": s,
                    "readiness": readiness(&kinds, &items, s),
                    "matrix": matrix(&kinds, &items, s).into_iter().map(|(course, cells)| {
                        serde_json::json!({
                            "course": course,
                            "cells": kinds.iter().zip(cells).map(|(k, c)| (k.name.clone(), serde_json::Value::from(c.name()))).collect::<serde_json::Map<_, _>>(),
                        })
                    }).collect::<Vec<_>>(),
                    "items": items.iter().filter(|i| &i.specialty == s).map(|i| serde_json::json!({
                        "kind": i.kind,
                        "course": i.course,
                        "title": i.title,
                        "origin": i.textbook.as_ref().map(|t| t.origin.name()),
                        "in_national_catalogue": i.textbook.as_ref().map(|t| t.in_national_catalogue),
                        "review": i.reviews.last().map(|r| r.conclusion.name()),
                        "counts": i.counts(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    for s in &specialties {
        let ready: Vec<String> = readiness(&kinds, &items, s)
            .iter()
            .map(|r| format!("{} {}（计入{}）", r.kind, r.items, r.counted))
            .collect();
        writeln!(out, "{s}：{}", ready.join("，"))?;
        let rows = matrix(&kinds, &items, s);
        if rows.is_empty() {
            writeln!(out, "  尚未登记任何资源")?;
            continue;
        }
        let names: Vec<&str> = kinds.iter().map(|k| k.name.as_str()).collect();
        writeln!(out, "  课程 | {}", names.join(" | "))?;
        for (course, cells) in rows {
            let cells: Vec<&str> = cells.into_iter().map(Cell::name).collect();
            writeln!(
                out,
                "  {} | {}",
                course.as_deref().unwrap_or("（不分课程）"),
                cells.join(" | ")
            )?;
        }
    }
    Ok(())
}
