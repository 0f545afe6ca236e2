//! Input that used to be misread without a word, or refused in English: each file is made as
//! a user would make it by mistake, and the message the user sees is asserted word for word.

use crate::binary::{school, stderr, stdout, yitihua, yitihua_through};
use std::time::{Duration, Instant};

use rust_xlsxwriter::Workbook;
use yitihua::exchange::import::TEACHER_HEADERS;
use yitihua::exchange::table::Table;

const ROSTER_CSV: &str = "工号,姓名,性别,系部,任职形式,一体化教师等级\n\
                          T001,王芳,女,汽车工程系,专职,一级\n\
                          T002,李强,男,机电系,兼职,二级\n";

#[test]
fn a_csv_quote_left_open_is_refused_naming_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let csv = dir.path().join("名册.csv");
    std::fs::write(
        &csv,
        "工号,姓名,性别,系部,任职形式,一体化教师等级\n\"T001,王芳,女,汽车工程系,专职,一级\nT002,李强,男,机电系,兼职,二级\n",
    )
    .unwrap();
    let o = yitihua(&[&"import-table", &file, &csv, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "错误：第2行：引号没有闭合（\"T001,王芳,女,汽车工程系,专职,…），该行之后的内容都被当成了一个单元格。请在 Excel/WPS 中打开并另存为 CSV，或补上引号。\n"
    );

    let list = dir.path().join("目录.csv");
    std::fs::write(
        &list,
        "专业名称,培养层次\n数控加工,中级工\n\"焊接加工,高级工\n",
    )
    .unwrap();
    let o = yitihua(&[&"import-catalogue", &file, &list]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "错误：第3行：引号没有闭合（\"焊接加工,高级工…），该行之后的内容都被当成了一个单元格。请在 Excel/WPS 中打开并另存为 CSV，或补上引号。\n"
    );
}

#[test]
fn stray_cells_far_from_the_table_are_ignored_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名册.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows: Vec<Vec<&str>> = ROSTER_CSV.lines().map(|l| l.split(',').collect()).collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    // XFD1048576, the last cell Excel has; AAA100000; and a cell far below in column A.
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    sheet.write_string(99_999, 702, "误触").unwrap();
    sheet.write_number(900_000, 0, 7.0).unwrap();
    workbook.save(&path).unwrap();

    let started = Instant::now();
    let table = Table::read(&path, &TEACHER_HEADERS).unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "read in {:?}",
        started.elapsed()
    );
    assert_eq!(table.rows.len(), 2);
    assert!(table.problems.is_empty(), "{:?}", table.problems);
    assert_eq!(
        table.notices,
        [
            "已忽略远离数据区的单元格 AAA100000（内容“误触”）",
            "已忽略远离数据区的单元格 A900001（内容“7”）",
            "已忽略远离数据区的单元格 XFD1048576（内容“x”）",
        ]
    );

    let file = school(dir.path());
    let o = yitihua_through(
        &["sh", "-c", "ulimit -d 262144 && exec \"$0\" \"$@\""],
        &[&"import-table", &file, &path, &"--as", &"teachers"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("共 2 行数据，可导入 2 位教师，0 行有问题"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("  已忽略远离数据区的单元格 XFD1048576（内容“x”）"),
        "the dry run names what it ignored: {}",
        stdout(&o)
    );
}

#[test]
fn a_file_that_is_not_a_workbook_is_named_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let pdf = dir.path().join("名册.xlsx");
    std::fs::write(
        &pdf,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    )
    .unwrap();
    let good = dir.path().join("完整.xlsx");
    let mut workbook = Workbook::new();
    workbook.add_worksheet().write_string(0, 0, "工号").unwrap();
    workbook.save(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let cut = dir.path().join("截断.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let xls = dir.path().join("名册.xls");
    std::fs::write(&xls, "工号,姓名\n").unwrap();
    for sheet in [&pdf, &cut, &xls] {
        let o = yitihua(&[&"import-table", &file, sheet, &"--as", &"teachers"]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(
            stderr(&o),
            "错误：这不是 Excel 工作簿（.xlsx/.xls），或文件已损坏：请在 Excel/WPS 中打开后另存为 .xlsx 再导入。\n",
            "{}",
            sheet.display()
        );
    }
    let missing = dir.path().join("没有这个文件.csv");
    let o = yitihua(&[&"import-table", &file, &missing, &"--as", &"teachers"]);
    assert_eq!(
        stderr(&o),
        "错误：无法读取文件：找不到该文件或文件夹，请检查路径是否正确。\n"
    );
}

#[test]
fn dates_with_a_time_excel_day_numbers_and_periods_like_3_0_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, ROSTER_CSV).unwrap();
    let o = yitihua(&[&"import-table", &file, &roster, &"--as", &"teachers"]);
    assert!(o.status.success(), "{}", stdout(&o));

    let head = "工号,姓名,学期,课程,课程类型,班级,日期,节数\n";
    let row = |date: &str, periods: &str| {
        format!(
            "T001,王芳,2024-2025学年第一学期,汽车发动机检修,一体化课程,汽修2401班,{date},{periods}\n"
        )
    };
    let csv = dir.path().join("课时.csv");
    std::fs::write(
        &csv,
        [
            head.to_string(),
            row("2024-09-10 08:30", "2"),
            row("45544", "3.0"),
            row("2024-09-11", "3.5"),
            row("2024", "2"),
        ]
        .concat(),
    )
    .unwrap();
    let o = yitihua(&[
        &"import-table",
        &file,
        &csv,
        &"--as",
        &"hours",
        &"--dry-run",
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("共 4 行数据，可导入 2 条课时，2 行有问题"),
        "{text}"
    );
    assert!(
        text.contains("第4行，节数：须为整数（3.5），请填写整数"),
        "{text}"
    );
    assert!(
        text.contains("第5行，日期：“2024”不是日期，应如 2024-09-02"),
        "{text}"
    );

    // The same day number as a number cell of a workbook.
    let xlsx = dir.path().join("课时.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, header) in head.trim_end().split(',').enumerate() {
        sheet.write_string(0, c as u16, header).unwrap();
    }
    for (c, cell) in row("", "").trim_end().split(',').enumerate().take(6) {
        sheet.write_string(1, c as u16, cell).unwrap();
    }
    sheet.write_number(1, 6, 45545.0).unwrap();
    sheet.write_number(1, 7, 2.0).unwrap();
    workbook.save(&xlsx).unwrap();
    let o = yitihua(&[&"import-table", &file, &xlsx, &"--as", &"hours"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let hours = yitihua::store::SchoolFile::open(&file)
        .unwrap()
        .entries(None)
        .unwrap();
    assert_eq!(hours.len(), 1);
    assert!(
        format!("{:?}", hours[0].1.amount).contains("2024-09-10"),
        "{:?}",
        hours[0].1.amount
    );
}

#[test]
fn a_json_with_a_byte_order_mark_loads_and_an_unknown_school_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("示例.yth");
    assert!(yitihua(&[&"demo", &demo]).status.success());
    let json = stdout(&yitihua(&[&"dump", &demo]));

    let data = dir.path().join("记事本.json");
    std::fs::write(&data, format!("\u{feff}{json}")).unwrap();
    let copy = dir.path().join("副本.yth");
    let o = yitihua(&[&"load", &data, &copy]);
    assert!(o.status.success(), "{}", stderr(&o));

    let misspelt = json.replacen("\"phone\":", "\"telephone\":", 1);
    std::fs::write(&data, misspelt).unwrap();
    let refused = dir.path().join("拒绝.yth");
    let o = yitihua(&[&"load", &data, &refused]);
    assert_eq!(o.status.code(), Some(1));
    let text = stderr(&o);
    assert!(
        text.contains("：未知的字段“telephone”（可用的字段：name、kind、region、credit_code、address、principal、academic_head、contact、phone），请对照 docs/data-format.md 改正"),
        "{text}"
    );
    assert!(!refused.exists());
}

#[test]
fn a_catalogue_json_of_the_wrong_shape_is_explained_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let list = dir.path().join("目录.json");
    std::fs::write(
        &list,
        r#"[{"name": "数控加工", "code": null, "levels": "中级工", "national_standard": null, "source": "", "verified": false}]"#,
    )
    .unwrap();
    let o = yitihua(&[&"import-catalogue", &file, &list]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "错误：JSON 格式错误（第1行第61列）：取值类型不对：应为数组（[…]），实为文字“中级工”，请对照 docs/data-format.md 改正\n"
    );
}
