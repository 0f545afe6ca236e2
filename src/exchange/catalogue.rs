//! Importing a specialty catalogue (专业目录) from CSV or JSON, for when the ministry's official
//! list is published or the office keeps its own in a spreadsheet.
//!
//! CSV: one row per specialty; columns are found by their header in any order. Required:
//! 专业名称, 培养层次 (levels separated by 、 , ； or spaces). Optional: 专业代码, 国家课程标准
//! (有/无), 来源, 已核对 (是/否). Excel and WPS save CSV as UTF-8 (with or without BOM) or GBK;
//! both are read. JSON: an array of catalogue entries as in docs/data-format.md, or
//! `{ "specialties": [...] }`.

use std::path::Path;

use crate::domain::{Catalogue, Level, Specialty};

/// Every problem found, each worded with its row (`第N行`, the header being 第1行).
#[derive(Debug, PartialEq, Eq)]
pub struct ImportErrors(pub Vec<String>);

impl std::fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

impl std::error::Error for ImportErrors {}

fn fail(message: impl Into<String>) -> ImportErrors {
    ImportErrors(vec![message.into()])
}

/// Reads a catalogue file; the extension (.csv or .json) decides the format.
pub fn read(path: &Path) -> Result<Vec<Specialty>, ImportErrors> {
    let bytes = std::fs::read(path).map_err(|e| fail(crate::store::read_failure(path, &e)))?;
    let source = format!(
        "导入自 {}",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    );
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let text = decode(&bytes)?;
    match extension.as_str() {
        "csv" => parse_csv(&text, &source),
        "json" => parse_json(&text),
        _ => Err(fail("专业目录只能从 .csv 或 .json 文件导入")),
    }
}

/// UTF-8 (a BOM is dropped) or, failing that, GBK as older Excel and WPS write it.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportErrors> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, _, had_errors) = encoding_rs::GBK.decode(bytes);
    if had_errors {
        return Err(fail("文件编码无法识别：请另存为 UTF-8 或 GBK 编码的 CSV"));
    }
    Ok(text.into_owned())
}

fn parse_json(text: &str) -> Result<Vec<Specialty>, ImportErrors> {
    // Either shape is told by its first character, so serde's message about the shape the file
    // is meant to have comes back, not "matches neither".
    let parsed = if text.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<Specialty>>(text)
    } else {
        serde_json::from_str::<Catalogue>(text).map(|c| c.specialties)
    };
    let specialties = parsed.map_err(|e| fail(super::json::describe_serde(&e)))?;
    let mut problems = Vec::new();
    for (i, s) in specialties.iter().enumerate() {
        if s.name.trim().is_empty() {
            problems.push(format!("第{}个条目：缺少专业名称", i + 1));
        }
        if s.levels.is_empty() {
            problems.push(format!("第{}个条目（{}）：缺少培养层次", i + 1, s.name));
        }
    }
    duplicates(specialties.iter().map(|s| s.name.as_str()), &mut problems);
    if problems.is_empty() {
        Ok(specialties)
    } else {
        Err(ImportErrors(problems))
    }
}

fn parse_csv(text: &str, source: &str) -> Result<Vec<Specialty>, ImportErrors> {
    if let Some(unclosed) = super::table::unclosed_quote(text) {
        return Err(fail(unclosed.to_string()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| fail("第1行（表头）无法读取：请在 Excel/WPS 中打开并另存为 CSV"))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(name_col), Some(levels_col)) = (column("专业名称"), column("培养层次"))
    else {
        return Err(fail("第1行（表头）须包含“专业名称”和“培养层次”两列"));
    };
    let (code_col, standard_col, source_col, verified_col) = (
        column("专业代码"),
        column("国家课程标准"),
        column("来源"),
        column("已核对"),
    );
    let mut specialties = Vec::new();
    let mut problems = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                problems.push(format!(
                    "第{row}行：无法读取，请在 Excel/WPS 中打开并另存为 CSV"
                ));
                continue;
            }
        };
        let cell = |col: Option<usize>| col.and_then(|c| record.get(c)).map_or("", str::trim);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let name = cell(Some(name_col));
        if name.is_empty() {
            problems.push(format!("第{row}行，专业名称：不能为空"));
            continue;
        }
        let mut levels = Vec::new();
        for part in cell(Some(levels_col))
            .split(['、', ',', '，', ';', '；', ' '])
            .filter(|p| !p.is_empty())
        {
            match Level::ALL.into_iter().find(|l| l.name() == part) {
                Some(level) if !levels.contains(&level) => levels.push(level),
                Some(_) => {}
                None => problems.push(format!(
                    "第{row}行，培养层次：无法识别“{part}”（应为中级工、高级工或预备技师）"
                )),
            }
        }
        if levels.is_empty() {
            problems.push(format!("第{row}行，培养层次：不能为空"));
        }
        let national_standard = match cell(standard_col) {
            "" => None,
            "有" | "是" => Some(true),
            "无" | "否" => Some(false),
            other => {
                problems.push(format!(
                    "第{row}行，国家课程标准：应为“有”或“无”，而不是“{other}”"
                ));
                None
            }
        };
        let verified = match cell(verified_col) {
            "" | "否" => false,
            "是" => true,
            other => {
                problems.push(format!(
                    "第{row}行，已核对：应为“是”或“否”，而不是“{other}”"
                ));
                false
            }
        };
        let code = Some(cell(code_col).to_string()).filter(|c| !c.is_empty());
        let source = Some(cell(source_col).to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| source.to_string());
        specialties.push(Specialty {
            name: name.to_string(),
            code,
            levels,
            national_standard,
            source,
            verified,
        });
    }
    if specialties.is_empty() && problems.is_empty() {
        problems.push("文件中没有任何专业".into());
    }
    duplicates(specialties.iter().map(|s| s.name.as_str()), &mut problems);
    if problems.is_empty() {
        Ok(specialties)
    } else {
        Err(ImportErrors(problems))
    }
}

fn duplicates<'a>(names: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen = std::collections::BTreeSet::new();
    for name in names {
        if !seen.insert(name) {
            problems.push(format!("专业“{name}”出现了不止一次"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_in_any_order_with_optional_ones() {
        let csv = "已核对,培养层次,专业名称,专业代码\n是,中级工、高级工,数控加工,0102-4\n,预备技师,光伏发电系统安装与运维,\n";
        let found = parse_csv(csv, "导入自 目录.csv").unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].levels, [Level::Intermediate, Level::Advanced]);
        assert_eq!(found[0].code.as_deref(), Some("0102-4"));
        assert!(found[0].verified);
        assert_eq!(found[1].code, None);
        assert!(!found[1].verified);
        assert_eq!(found[1].source, "导入自 目录.csv");
    }

    #[test]
    fn csv_problems_name_their_rows() {
        let csv = "专业名称,培养层次,国家课程标准\n数控加工,初级工,有\n,中级工,\n焊接加工,中级工,也许\n焊接加工,高级工,\n";
        let errors = parse_csv(csv, "x").unwrap_err().0;
        assert_eq!(
            errors,
            [
                "第2行，培养层次：无法识别“初级工”（应为中级工、高级工或预备技师）",
                "第2行，培养层次：不能为空",
                "第3行，专业名称：不能为空",
                "第4行，国家课程标准：应为“有”或“无”，而不是“也许”",
                "专业“焊接加工”出现了不止一次",
            ]
        );
        assert!(parse_csv("名称,层次\n数控加工,中级工\n", "x").is_err());
    }

    #[test]
    fn gbk_and_bom_are_read() {
        let (gbk, _, _) = encoding_rs::GBK.encode("专业名称,培养层次\n汽车维修,中级工\n");
        assert_eq!(
            decode(&gbk).unwrap(),
            "专业名称,培养层次\n汽车维修,中级工\n"
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), "专业名称".as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), "专业名称");
    }

    #[test]
    fn json_as_a_list_or_a_catalogue() {
        let one = r#"[{"name":"数控加工","code":null,"levels":["中级工"],"national_standard":true,"source":"人社部","verified":true}]"#;
        assert_eq!(parse_json(one).unwrap().len(), 1);
        let wrapped = format!(r#"{{"specialties":{one}}}"#);
        assert_eq!(
            parse_json(&wrapped).unwrap()[0].national_standard,
            Some(true)
        );
        assert!(parse_json(r#"[{"name":"","code":null,"levels":[],"national_standard":null,"source":"","verified":false}]"#).is_err());
    }
}
