//! Importing the roster and hours from Excel and CSV files made the way offices make them, with
//! the command line a user would type.

use std::path::Path;

use crate::binary::{school, stdout, yitihua};

use rust_xlsxwriter::{Format, Workbook};
use yitihua::domain::{Practice, Training};
use yitihua::store::SchoolFile;

/// A sheet of text cells; a row of `None` is left empty.
fn xlsx(path: &Path, rows: &[&[&str]], merge: Option<(u32, u16, u32, u16)>) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r as u32, c as u16, n).unwrap(),
                Err(_) => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
            };
        }
    }
    if let Some((r1, c1, r2, c2)) = merge {
        let text = rows[r1 as usize][c1 as usize];
        sheet
            .merge_range(r1, c1, r2, c2, text, &Format::new())
            .unwrap();
    }
    workbook.save(path).unwrap();
}

const HOURS_HEADER: &[&str] = &[
    "工号",
    "姓名",
    "学期",
    "课程",
    "课程类型",
    "班级",
    "专业",
    "日期",
    "节数",
    "内容",
];

const ROSTER: &[&[&str]] = &[
    &[
        "序号",
        "姓名",
        "工号",
        "性别",
        "系部",
        "任职形式",
        "一体化教师等级",
        "聘用企业",
        "职称",
    ],
    &[
        "1",
        "王芳",
        "T001",
        "女",
        "汽车工程系",
        "专职",
        "一级",
        "",
        "高级讲师",
    ],
    &[
        "2",
        "额尔敦毕力格",
        "T002",
        "男",
        "汽车工程系",
        "企业聘用",
        "二级",
        "包头北奔重汽",
        "",
    ],
    &[
        "3",
        "李喆",
        "T003",
        "男",
        "农牧工程系",
        "兼职",
        "无",
        "",
        "讲师",
    ],
];

fn counts(path: &Path) -> (usize, usize, usize) {
    let f = SchoolFile::open(path).unwrap();
    (
        f.teachers().unwrap().len(),
        f.terms().unwrap().len(),
        f.entries(None).unwrap().len(),
    )
}

#[test]
fn a_roster_and_hours_import_after_a_dry_run_and_again_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let roster = dir.path().join("名册.xlsx");
    xlsx(&roster, ROSTER, None);

    let o = yitihua(&[
        &"import-table",
        &file,
        &roster,
        &"--as",
        &"teachers",
        &"--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("共 3 行数据，可导入 3 位教师，0 行有问题"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("试运行：导入将新增 3 条，更新 0 条，未变 0 条。未写入任何数据。"));
    assert_eq!(counts(&file), (0, 0, 0), "a dry run writes nothing");

    let o = yitihua(&[&"import-table", &file, &roster, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("已导入：新增 3 条"));
    let teachers = SchoolFile::open(&file).unwrap().teachers().unwrap();
    assert_eq!(teachers[1].name, "额尔敦毕力格");
    assert_eq!(teachers[1].enterprise, "包头北奔重汽");
    assert_eq!(teachers[0].title, "高级讲师");

    let hours = dir.path().join("课时.xlsx");
    xlsx(
        &hours,
        &[
            HOURS_HEADER,
            &[
                "T001",
                "王芳",
                "2024-2025学年第一学期",
                "汽车发动机检修",
                "一体化课程",
                "汽修2401班",
                "汽车维修",
                "2024-09-02",
                "8",
                "学习任务1",
            ],
            &[
                "T001",
                "王芳",
                "2024-2025学年第一学期",
                "汽车发动机检修",
                "一体化课程",
                "汽修2401班",
                "汽车维修",
                "2024/9/3",
                "7",
                "",
            ],
            &[
                "T001",
                "王芳",
                "2024-2025学年第一学期",
                "汽车发动机检修",
                "一体化课程",
                "汽修2401班",
                "汽车维修",
                "2024年9月4日",
                "8",
                "",
            ],
            &[
                "T001",
                "王芳",
                "2024-2025学年第一学期",
                "汽车发动机检修",
                "一体化课程",
                "汽修2401班",
                "汽车维修",
                "2024-09-05",
                "7",
                "",
            ],
            &[
                "T001",
                "王芳",
                "2024-2025学年第一学期",
                "汽车发动机检修",
                "一体化课程",
                "汽修2401班",
                "汽车维修",
                "2024-09-06",
                "7",
                "",
            ],
            &[
                "T003",
                "李喆",
                "2024-2025学年第一学期",
                "职业素养",
                "其他",
                "牧医2401班",
                "畜牧兽医",
                "2024-09-02",
                "2",
                "",
            ],
            &[
                "T002",
                "额尔敦毕力格",
                "2024-2025学年第一学期",
                "底盘检修",
                "一体化课程",
                "汽修2402班",
                "汽车维修",
                "",
                "",
                "",
            ],
        ],
        None,
    );
    let o = yitihua(&[&"import-table", &file, &hours, &"--as", &"hours"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(
        text.contains("共 7 行数据，可导入 6 条课时，0 行有问题，1 行未填课时（跳过）"),
        "{text}"
    );
    assert!(text.contains("将新建学期：2024-2025学年第一学期（2024-09-01 至 2025-01-31）"));
    assert_eq!(counts(&file), (3, 1, 6));

    let o = yitihua(&[&"import-table", &file, &hours, &"--as", &"hours"]);
    assert!(
        stdout(&o).contains("已导入：新增 0 条，更新 0 条，未变 6 条。"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        counts(&file),
        (3, 1, 6),
        "importing the same file twice adds nothing"
    );

    let o = yitihua(&[
        &"report",
        &"workload",
        &file,
        &"--term",
        &"2024-2025学年第一学期",
        &"--json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["teachers"][0]["integrated"], 37);
    assert_eq!(report["teachers"][0]["weighted"], "51.8");
    assert_eq!(report["teachers"][2]["other"], 2);
    assert_eq!(report["total"]["weighted"], "53.8");
    assert_eq!(
        report["rule"],
        yitihua::domain::workload::COUNTING_RULE,
        "the counting rule is carried with the figures"
    );
    let courses = report["courses"].as_array().unwrap();
    let given: u64 = courses.iter().map(|c| c["given"].as_u64().unwrap()).sum();
    assert_eq!(given, 37 + 2, "every lesson of the sheet, once");
    assert!(courses.iter().all(|c| c["counted"] == "按实际"));
    let o = yitihua(&[&"report", &"workload", &file, &"--term", &"2030学年"]);
    assert_eq!(o.status.code(), Some(1));

    // A term plan for a class that has no lessons yet counts; a later sheet of lessons for it
    // says, in the dry run, that the plan will no longer count.
    let header: &[&str] = &[
        "工号",
        "姓名",
        "学期",
        "课程",
        "课程类型",
        "班级",
        "专业",
        "周课时",
        "周数",
    ];
    let plan = dir.path().join("计划.xlsx");
    let planned: &[&str] = &[
        "T002",
        "额尔敦毕力格",
        "2024-2025学年第一学期",
        "电控系统检修",
        "一体化课程",
        "汽修2403班",
        "汽车维修",
        "2",
        "18",
    ];
    xlsx(&plan, &[header, planned], None);
    let o = yitihua(&[&"import-table", &file, &plan, &"--as", &"hours"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let lessons = dir.path().join("授课.xlsx");
    let given: &[&str] = &[
        "T002",
        "额尔敦毕力格",
        "2024-2025学年第一学期",
        "电控系统检修",
        "一体化课程",
        "汽修2403班",
        "汽车维修",
        "2024-09-09",
        "2",
        "",
    ];
    xlsx(&lessons, &[HOURS_HEADER, given], None);
    let o = yitihua(&[
        &"import-table",
        &file,
        &lessons,
        &"--as",
        &"hours",
        &"--dry-run",
    ]);
    assert!(
        stdout(&o).contains("其中 1 个课程班级已有计划，导入后按实际授课计、计划不再计入"),
        "{}",
        stdout(&o)
    );
}

/// A real HR sheet: 30 teachers, 14 of them enterprise hires whose enterprise HR did not fill
/// in. Every teacher imports and each missing enterprise is listed as 待补充; what is wrong (a
/// repeated 工号, a level that does not exist) is still refused.
#[test]
fn an_hr_sheet_imports_every_teacher_and_lists_what_is_incomplete() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let header: Vec<String> = [
        "工号",
        "姓名",
        "性别",
        "系部",
        "任职形式",
        "一体化教师等级",
        "聘用企业",
    ]
    .map(String::from)
    .to_vec();
    let teacher = |n: usize| -> Vec<String> {
        let hire = n <= 16;
        [
            format!("T{n:03}"),
            format!("教师{n}"),
            if n.is_multiple_of(3) { "女" } else { "男" }.into(),
            "汽车工程系".into(),
            if hire { "企业聘用" } else { "专职" }.into(),
            "二级".into(),
            // Two of the 16 hires have their enterprise; the other 14 do not.
            if n <= 2 {
                "包头北奔重汽".into()
            } else {
                String::new()
            },
        ]
        .to_vec()
    };
    let mut rows: Vec<Vec<String>> = vec![header];
    rows.extend((1..=30).map(teacher));
    let write = |path: &Path, rows: &[Vec<String>]| {
        let rows: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        xlsx(path, &rows, None);
    };
    let sheet = dir.path().join("人事名册.xlsx");
    write(&sheet, &rows);

    let o = yitihua(&[
        &"import-table",
        &file,
        &sheet,
        &"--as",
        &"teachers",
        &"--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(
        text.contains("共 30 行数据，可导入 30 位教师，0 行有问题，其中 14 行有待补充的项目"),
        "{text}"
    );
    assert_eq!(text.matches("聘用企业待补充").count(), 14, "{text}");
    assert!(
        text.contains("第7行，教师6（T006）：聘用企业待补充"),
        "{text}"
    );
    assert!(!text.contains("有问题的行"), "{text}");
    assert_eq!(counts(&file), (0, 0, 0), "the dry run wrote nothing");

    // The same sheet with a repeated 工号 and a level that does not exist.
    let mut wrong = rows.clone();
    let mut repeated = teacher(31);
    repeated[0] = "T001".into();
    wrong.push(repeated);
    let mut fourth = teacher(32);
    fourth[5] = "四级".into();
    wrong.push(fourth);
    let wrong_sheet = dir.path().join("有误的名册.xlsx");
    write(&wrong_sheet, &wrong);
    let o = yitihua(&[&"import-table", &file, &wrong_sheet, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    for expected in [
        "第32行，工号：“T001”与第2行重复",
        "第33行，一体化教师等级：“四级”无效，应为一级、二级、三级、无",
        "未导入任何数据",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert_eq!(counts(&file), (0, 0, 0), "refused as a whole");

    let o = yitihua(&[&"import-table", &file, &sheet, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("已导入：新增 30 条"), "{text}");
    assert!(
        text.contains("其中 14 行有待补充的项目：`yitihua check` 会列出它们"),
        "{text}"
    );
    let roster = SchoolFile::open(&file).unwrap().teachers().unwrap();
    assert_eq!(roster.len(), 30);
    assert_eq!(
        roster.iter().filter(|t| !t.missing().is_empty()).count(),
        14
    );

    // Hours without their 专业 are counted and listed the same way.
    let hours = dir.path().join("课时.xlsx");
    xlsx(
        &hours,
        &[
            HOURS_HEADER,
            &[
                "T001",
                "教师1",
                "2024-2025学年第一学期",
                "汽车发动机检修",
                "一体化课程",
                "汽修2401班",
                "",
                "2024-09-09",
                "2",
                "",
            ],
        ],
        None,
    );
    let o = yitihua(&[&"import-table", &file, &hours, &"--as", &"hours"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("第2行，教师1（T001）的汽车发动机检修·汽修2401班：专业待补充"),
        "{}",
        stdout(&o)
    );
    assert_eq!(counts(&file), (30, 1, 1));
}

#[test]
fn every_bad_row_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let roster = dir.path().join("名册.xlsx");
    xlsx(
        &roster,
        &[
            ROSTER[0],
            ROSTER[1],
            &["2", "李强", "T001", "男", "机电系", "专职", "二级", "", ""],
            &["3", "赵敏", "", "女", "机电系", "专职", "二级", "", ""],
            &["4", "孙丽", "T004", "女", "机电系", "专职", "四级", "", ""],
            &[
                "5",
                "周涛",
                "T005",
                "男",
                "机电系",
                "企业聘用",
                "无",
                "",
                "",
            ],
        ],
        None,
    );
    let o = yitihua(&[&"import-table", &file, &roster, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    for expected in [
        "第3行，工号：“T001”与第2行重复",
        "第4行，工号：不能为空",
        "第5行，一体化教师等级：“四级”无效，应为一级、二级、三级、无",
        "第6行，周涛（T005）：聘用企业待补充",
        "未导入任何数据",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert_eq!(counts(&file), (0, 0, 0));

    let o = yitihua(&[
        &"import-table",
        &file,
        &roster,
        &"--as",
        &"teachers",
        &"--skip-bad-rows",
    ]);
    assert!(stdout(&o).contains("已导入：新增 2 条"), "{}", stdout(&o));
    assert_eq!(
        o.status.code(),
        Some(0),
        "leaving bad rows out was asked for"
    );
    assert_eq!(
        counts(&file),
        (2, 0, 0),
        "the good row and the one still to complete"
    );

    let hours = dir.path().join("课时.xlsx");
    let row = |id: &str, date: &str, periods: &str| -> Vec<String> {
        [
            id,
            "王芳",
            "2024-2025学年第一学期",
            "汽车发动机检修",
            "一体化课程",
            "汽修2401班",
            date,
            periods,
        ]
        .map(String::from)
        .to_vec()
    };
    let rows: Vec<Vec<String>> = vec![
        [
            "工号",
            "姓名",
            "学期",
            "课程",
            "课程类型",
            "班级",
            "日期",
            "节数",
        ]
        .map(String::from)
        .to_vec(),
        row("T001", "2024-09-02", "2"),
        row("T404", "2024-09-02", "2"),
        row("T001", "2024-09-03", "-2"),
        row("T001", "2024-09-04", "两节"),
        row("T001", "2024-09-05", "13"),
        row("T001", "2025-03-03", "2"),
        row("T001", "2024-09-10", "2"),
        row("T001", "2024-09-11", "2"),
    ];
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    // 课程 merged over the last two rows, as offices do for one course taught on two days.
    xlsx(&hours, &rows, Some((7, 3, 8, 3)));
    let o = yitihua(&[&"import-table", &file, &hours, &"--as", &"hours"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    for expected in [
        "第3行，工号：名册中没有工号“T404”，请先导入名册",
        "第4行，节数：不能为负数（-2）",
        "第5行，节数：“两节”不是数字",
        "第6行，节数：一天13节，超过12节",
        "第7行，日期：2025-03-03不在2024-2025学年第一学期（2024-09-01至2025-01-31）内",
        "第8行，课程：合并单元格（D8:D9）：请取消合并，并在每一行填写",
        "第9行，课程：合并单元格（D8:D9）",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let (problems, incomplete) = text.split_once("待补充（").unwrap();
    assert!(
        !problems.contains("第2行"),
        "the good row has no problem\n{text}"
    );
    assert!(
        incomplete.contains("第2行，王芳（T001）的汽车发动机检修·汽修2401班：专业待补充"),
        "a sheet without a 专业 column imports its hours as 待补充\n{text}"
    );
    assert_eq!(
        counts(&file),
        (2, 0, 0),
        "nothing written, not even the new term"
    );

    let empty = dir.path().join("空.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet();
    wb.save(&empty).unwrap();
    let o = yitihua(&[&"import-table", &file, &empty, &"--as", &"hours"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("工作表是空的"));
}

#[test]
fn a_gbk_csv_saved_by_wps_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let text = "工号,姓名,性别,系部,任职形式,一体化教师等级\r\nT010,乌日娜,女,农牧工程系,专职,三级\r\nT011,刘龑,男,农牧工程系,兼职,无\r\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    let csv = dir.path().join("名册.csv");
    std::fs::write(&csv, &gbk).unwrap();
    let o = yitihua(&[&"import-table", &file, &csv, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let teachers = SchoolFile::open(&file).unwrap().teachers().unwrap();
    assert_eq!(teachers[1].name, "刘龑");
}

#[test]
fn reports_are_written_as_xlsx_and_the_template_imports_back() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("演示.yth");
    assert!(yitihua(&[&"demo", &file]).status.success());

    let out = dir.path().join("课时汇总.xlsx");
    let term = "2024-2025学年第一学期";
    let o = yitihua(&[
        &"report",
        &"workload",
        &file,
        &"--term",
        &term,
        &"--xlsx",
        &out,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = SchoolFile::open(&file)
        .unwrap()
        .workload_summary(Some(term))
        .unwrap();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("教师课时汇总").unwrap();
    let weighted: Vec<String> = sheet
        .rows()
        .skip(3)
        .take(summary.teachers.len())
        .map(|r| r[8].to_string())
        .collect();
    let expected: Vec<String> = summary
        .teachers
        .iter()
        .map(|t| t.totals.weighted.to_string())
        .collect();
    assert_eq!(weighted, expected);
    let o = yitihua(&[&"report", &"workload", &file, &"--xlsx", &out]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "an existing file is not overwritten"
    );

    let resources = dir.path().join("资源.xlsx");
    let o = yitihua(&[&"report", &"resources", &file, &"--xlsx", &resources]);
    assert!(o.status.success());
    let mut book: Xlsx<_> = open_workbook(&resources).unwrap();
    let items = SchoolFile::open(&file)
        .unwrap()
        .resources(None)
        .unwrap()
        .len();
    assert_eq!(
        book.worksheet_range("资源清单").unwrap().height(),
        items + 3
    );
    let o = yitihua(&[
        &"report",
        &"resources",
        &file,
        &"--xlsx",
        &resources,
        &"--json",
    ]);
    assert_eq!(o.status.code(), Some(2));

    // The template as handed out: every row pre-filled but without hours imports as nothing,
    // with no problem — its header is what the importer reads.
    let school = SchoolFile::open(&file).unwrap();
    let term = school.terms().unwrap().remove(0);
    let entries: Vec<_> = school
        .entries(None)
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let bytes = yitihua::exchange::workbook::hours_template(
        &school.profile().unwrap(),
        &term,
        &school.teachers().unwrap(),
        &entries,
    )
    .unwrap();
    drop(school);
    let template = dir.path().join("模板.xlsx");
    std::fs::write(&template, bytes).unwrap();
    let o = yitihua(&[
        &"import-table",
        &file,
        &template,
        &"--as",
        &"hours",
        &"--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("可导入 0 条课时，0 行有问题"),
        "{}",
        stdout(&o)
    );
}

/// A roster with 师资培训 and 企业实践 in numbered column groups, dates as Excel date cells
/// (as a filled-in sheet has them) and as typed text.
fn roster_with_trainings(path: &Path) {
    let headers = [
        "工号",
        "姓名",
        "性别",
        "系部",
        "任职形式",
        "一体化教师等级",
        "培训1项目",
        "培训1研修基地",
        "培训1开始日期",
        "培训1结束日期",
        "培训1学时",
        "培训1证书编号",
        "培训2项目",
        "培训2开始日期",
        "培训2结束日期",
        "培训2学时",
        "实践1企业",
        "实践1开始日期",
        "实践1结束日期",
        "实践1天数",
    ];
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let texts = |sheet: &mut rust_xlsxwriter::Worksheet, row: u32, cells: &[(u16, &str)]| {
        for (c, v) in cells {
            sheet.write_string(row, *c, *v).unwrap();
        }
    };
    let base = ["男", "汽车工程系", "专职", "一级"];
    texts(sheet, 1, &[(0, "T001"), (1, "王芳")]);
    texts(sheet, 2, &[(0, "T002"), (1, "额尔敦毕力格")]);
    texts(sheet, 3, &[(0, "T003"), (1, "李喆")]);
    for row in 1..=3 {
        for (c, v) in base.iter().enumerate() {
            sheet.write_string(row, c as u16 + 2, *v).unwrap();
        }
    }
    let day = |y, m, d| rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
    texts(
        sheet,
        1,
        &[
            (6, "一体化课程教学能力研修"),
            (7, "内蒙古技师学院研修基地"),
            (11, "NMG-YTH-2024-017"),
            (12, "工作页开发培训"),
            (13, "2024-10-08"),
            (14, "2024-10-10"),
            (16, "包头北奔重汽"),
            (17, "2024-07-15"),
            (18, "2024-08-15"),
        ],
    );
    sheet
        .write_datetime_with_format(1, 8, day(2024, 7, 1), &date)
        .unwrap();
    sheet
        .write_datetime_with_format(1, 9, day(2024, 7, 12), &date)
        .unwrap();
    sheet.write_number(1, 10, 80).unwrap();
    sheet.write_number(1, 15, 24).unwrap();
    sheet.write_number(1, 19, 30).unwrap();
    // No 研修基地 and no certificate yet: merely missing, not wrong.
    texts(
        sheet,
        3,
        &[
            (6, "一体化课程教学能力研修"),
            (8, "2024-07-01"),
            (9, "2024-07-12"),
        ],
    );
    sheet.write_number(3, 10, 80).unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn trainings_and_practices_import_from_column_groups_and_merge_with_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let roster = dir.path().join("名册.xlsx");
    roster_with_trainings(&roster);

    let o = yitihua(&[
        &"import-table",
        &file,
        &roster,
        &"--as",
        &"teachers",
        &"--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("可导入 3 位教师（写入师资培训 3 条、企业实践 1 条），0 行有问题"),
        "{}",
        stdout(&o)
    );
    let o = yitihua(&[&"import-table", &file, &roster, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    let teachers = SchoolFile::open(&file).unwrap().teachers().unwrap();
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let wang = &teachers[0];
    assert_eq!(
        wang.trainings,
        [
            Training {
                project: "一体化课程教学能力研修".into(),
                base: "内蒙古技师学院研修基地".into(),
                start: date("2024-07-01"),
                end: date("2024-07-12"),
                hours: 80,
                certificate: "NMG-YTH-2024-017".into(),
            },
            Training {
                project: "工作页开发培训".into(),
                base: String::new(),
                start: date("2024-10-08"),
                end: date("2024-10-10"),
                hours: 24,
                certificate: String::new(),
            },
        ]
    );
    assert_eq!(
        wang.practices,
        [Practice {
            enterprise: "包头北奔重汽".into(),
            start: date("2024-07-15"),
            end: date("2024-08-15"),
            days: 30,
        }]
    );
    assert!(teachers[1].trainings.is_empty() && teachers[1].practices.is_empty());
    assert_eq!(teachers[2].trainings.len(), 1);
    assert!(teachers[2].trainings[0].certificate.is_empty());

    // The same sheet again changes nothing.
    let o = yitihua(&[&"import-table", &file, &roster, &"--as", &"teachers"]);
    assert!(
        stdout(&o).contains("已导入：新增 0 条，更新 0 条，未变 3 条"),
        "{}",
        stdout(&o)
    );

    // A CSV that names only the certificate now issued and a second practice: the training is
    // updated in place, the other training and the first practice stay.
    let csv = dir.path().join("证书.csv");
    std::fs::write(
        &csv,
        "工号,姓名,性别,系部,任职形式,一体化教师等级,培训1项目,培训1开始日期,培训1结束日期,培训1学时,培训1证书编号,实践1企业,实践1开始日期,实践1结束日期,实践1天数\n\
         T002,额尔敦毕力格,男,汽车工程系,专职,一级,,,,,,,,,\n\
         T001,王芳,男,汽车工程系,专职,一级,工作页开发培训,2024-10-08,2024-10-10,24,NMG-GZY-2024-003,伊利集团,2025-01-13,2025-01-24,10\n",
    )
    .unwrap();
    let o = yitihua(&[&"import-table", &file, &csv, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("（写入师资培训 1 条、企业实践 1 条）"),
        "{}",
        stdout(&o)
    );
    let wang = SchoolFile::open(&file).unwrap().teachers().unwrap()[0].clone();
    assert_eq!(wang.trainings.len(), 2);
    assert_eq!(wang.trainings[0].certificate, "NMG-YTH-2024-017");
    assert_eq!(wang.trainings[1].certificate, "NMG-GZY-2024-003");
    let enterprises: Vec<&str> = wang
        .practices
        .iter()
        .map(|p| p.enterprise.as_str())
        .collect();
    assert_eq!(enterprises, ["包头北奔重汽", "伊利集团"]);

    // The roster template, filled from the file, imports back unchanged.
    let f = SchoolFile::open(&file).unwrap();
    let template =
        yitihua::exchange::workbook::roster_template(&f.profile().unwrap(), &f.teachers().unwrap())
            .unwrap();
    drop(f);
    let path = dir.path().join("教师名册模板.xlsx");
    std::fs::write(&path, template).unwrap();
    let o = yitihua(&[&"import-table", &file, &path, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("已导入：新增 0 条，更新 0 条，未变 3 条"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_training_with_a_date_that_cannot_be_read_is_refused_naming_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let csv = dir.path().join("名册.csv");
    std::fs::write(
        &csv,
        "工号,姓名,性别,系部,任职形式,一体化教师等级,培训1项目,培训1开始日期,培训1结束日期,培训1学时,实践1企业,实践1开始日期,实践1结束日期,实践1天数\n\
         T001,王芳,女,汽车工程系,专职,一级,一体化课程教学能力研修,2024-07-01,2024-07-12,80,,,,\n\
         T002,李喆,男,农牧工程系,专职,二级,一体化课程教学能力研修,2024年7月32日,2024-07-12,80,,,,\n\
         T003,赵敏,女,机电系,专职,二级,,,,,包头北奔重汽,2024-08-15,2024-07-15,30\n\
         T004,孙丽,女,机电系,专职,二级,工作页开发培训,2024-10-08,2024-10-10,,,,,\n",
    )
    .unwrap();
    let o = yitihua(&[&"import-table", &file, &csv, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    for expected in [
        "第3行，培训1开始日期：“2024年7月32日”不是日期，应如 2024-09-02",
        "第4行，实践1结束日期：结束日期2024-07-15早于开始日期2024-08-15",
        "第5行，培训1学时：不能为空",
        "未导入任何数据",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(!text.contains("第2行"), "{text}");
    assert!(
        SchoolFile::open(&file)
            .unwrap()
            .teachers()
            .unwrap()
            .is_empty()
    );
}

/// An hours sheet with the template's 记录类型 and 被代课教师工号: a plan, its 停课, a colleague's
/// 代课 for it; a 代课 for someone not on the roster and an unknown type are named, row and column.
#[test]
fn cancelled_and_substitute_rows_import_and_come_off_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = school(dir.path());
    let roster = dir.path().join("名册.xlsx");
    xlsx(&roster, ROSTER, None);
    let o = yitihua(&[&"import-table", &file, &roster, &"--as", &"teachers"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    let hours = dir.path().join("课时.xlsx");
    let row = |id: &str, name: &str, rest: [&str; 6]| -> Vec<String> {
        let mut r = vec![
            id,
            name,
            "2024-2025学年第一学期",
            "汽车发动机检修",
            "一体化课程",
            "汽修2401班",
        ];
        r.extend(rest);
        r.into_iter().map(String::from).collect()
    };
    let header = row(
        "工号",
        "姓名",
        [
            "日期",
            "节数",
            "周课时",
            "周数",
            "记录类型",
            "被代课教师工号",
        ],
    );
    let mut header = header;
    header[2..6].clone_from_slice(&["学期", "课程", "课程类型", "班级"].map(String::from));
    let rows = [
        header,
        row("T001", "王芳", ["", "", "4", "18", "", ""]),
        row("T001", "王芳", ["2024-10-02", "4", "", "", "停课", ""]),
        row(
            "T002",
            "额尔敦毕力格",
            ["2024-11-05", "2", "", "", "代课", "T001"],
        ),
        row(
            "T002",
            "额尔敦毕力格",
            ["2024-11-06", "2", "", "", "代课", "T404"],
        ),
        row("T003", "李喆", ["2024-11-07", "2", "", "", "调课", ""]),
    ];
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    xlsx(&hours, &rows, None);

    let o = yitihua(&[&"import-table", &file, &hours, &"--as", &"hours"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    for expected in [
        "第5行，被代课教师工号：名册中没有工号“T404”，请先导入名册",
        "第6行，记录类型：“调课”不是记录类型，应为授课、停课或代课（空白即授课）",
        "未导入任何数据",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let o = yitihua(&[
        &"import-table",
        &file,
        &hours,
        &"--as",
        &"hours",
        &"--skip-bad-rows",
    ]);
    assert!(stdout(&o).contains("已导入：新增 3 条"), "{}", stdout(&o));

    let o = yitihua(&[
        &"report",
        &"workload",
        &file,
        &"--term",
        &"2024-2025学年第一学期",
        &"--json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let teacher = |id: &str| {
        report["teachers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    // 4 × 18 = 72, less 4 停课 and 2 代课; the substitute's 2 weighted by 1.4.
    assert_eq!(teacher("T001")["integrated"], 66);
    assert_eq!(teacher("T001")["cancelled"], 6);
    assert_eq!(teacher("T001")["weighted"], "92.4");
    assert_eq!(teacher("T002")["integrated"], 2);
    assert_eq!(teacher("T002")["substitute"], 2);
    assert_eq!(teacher("T002")["weighted"], "2.8");
}
