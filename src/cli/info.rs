//! `info`: the school, the file's format version, what it holds, the trained teachers and
//! levels the region counts, and the file's history.

use std::io::Write;

use crate::domain::teacher;
use crate::store::SchoolFile;

/// Prints the profile, the schema version, the counts of what the file holds, the teachers the
/// region counts and the history; with `json`, all but the history for other programs.
pub(super) fn info(
    school: &SchoolFile,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let profile = school.profile()?;
    let version = school.schema_version()?;
    let counts = school.counts()?;
    let teachers = teacher::counts(&school.teachers()?);
    if json {
        let value = serde_json::json!({
            "school": profile,
            "schema_version": version,
            "counts": counts.iter().map(|(key, _, n)| (key.to_string(), serde_json::Value::from(*n))).collect::<serde_json::Map<_, _>>(),
            "teachers": {
                "trained": teachers.trained,
                // An array, highest level first: an object's keys would come out sorted.
                "levels": teachers.levels.iter().map(|(level, n)| serde_json::json!({"level": level.name(), "teachers": n})).collect::<Vec<_>>(),
            },
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    writeln!(out, "学校名称：{}", profile.name)?;
    writeln!(out, "学校类型：{}", profile.kind)?;
    writeln!(out, "所属盟市：{}", profile.region)?;
    writeln!(out, "文件：{}", school.path().display())?;
    writeln!(out, "数据格式版本：第{version}版")?;
    for (_, label, n) in &counts {
        writeln!(out, "{label}：{n}")?;
    }
    writeln!(out, "一体化师资：{}", teachers.describe())?;
    for event in school.history()? {
        writeln!(
            out,
            "  {}  {}（程序版本 {}）",
            crate::domain::time::show_stored(&event.at),
            event.event,
            event.app_version
        )?;
    }
    Ok(())
}
