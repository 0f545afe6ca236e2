//! Spreadsheets the office prints or hands out: workload summaries, hours and roster
//! templates, resource reports (rust_xlsxwriter).
//!
//! Printed sheets share one layout (a merged title, a note line, a bordered table under a
//! shaded header) because an office files them side by side and expects them to look alike.
//! Numbers are written as numbers, never as text, so the office can sum and sort them in its
//! own spreadsheets.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ColNum, Color, DataValidation, DataValidationRule, ExcelDateTime, Format, FormatAlign,
    FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

use crate::domain::allowance::ALLOWANCE_RULE;
use crate::domain::exact::{Exact, Fen};
use crate::domain::resource::{self, Cell, ReviewState, TEXTBOOK};
use crate::domain::rollup::{self, Office, Opinion, Row};
use crate::domain::time;
use crate::domain::workload::{COUNTING_RULE, MAX_PERIODS_PER_DAY, Settings, Summary, Totals};
use crate::domain::{
    CourseKind, Employment, Entry, Gender, Origin, ResourceItem, ResourceKind, SchoolProfile,
    Teacher, TeacherLevel, Term,
};
use crate::exchange::import::{
    PRACTICE_FIELDS, PRACTICE_PREFIX, TEACHER_HEADERS, TEACHER_OPTIONAL, TRAINING_FIELDS,
    TRAINING_PREFIX, group_header,
};

/// 宋体 is on every Chinese Windows and is what offices' own forms use; a font the printer's PC
/// lacks would be substituted with one that may not cover the characters.
const FONT: &str = "宋体";
/// GB2312, as Chinese Excel itself records 宋体, so it is not mapped to a Western font.
const CHARSET_GB2312: u8 = 134;
/// Excel's paper code for A4.
const PAPER_A4: u8 = 9;
const FOOTER: &str = "&C第 &P 页 共 &N 页";
/// Wider columns would push the table past one page wide on A4; longer text wraps instead.
const MAX_COLUMN_WIDTH: f64 = 40.0;
/// Points per wrapped line of 11-point 宋体, with a little leading.
const LINE_HEIGHT: f64 = 14.25;
const TITLE_SIZE: f64 = 16.0;
const BODY_SIZE: f64 = 11.0;
/// The last row Excel allows (zero-based): validations and column formats cover the rows a
/// teacher adds below the pre-filled ones, however many.
const LAST_ROW: RowNum = 1_048_575;
/// Rows given to a teacher with no hours yet, so the template has room to start from.
const BLANK_ROWS_PER_TEACHER: usize = 5;
/// The row of resources that belong to no single course. The window says the same (ui/text.rs)
/// but exchange may not depend on ui.
const WHOLE_SPECIALTY: &str = "（不分课程）";

/// The hours template's header, in the order the importer reads it.
const TEMPLATE_HEADERS: [&str; 14] = [
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
    "周课时",
    "周数",
    "记录类型",
    "被代课教师工号",
];

/// The workload summary of one term (or all terms) as the office prints and files it: per
/// teacher, per 系部 and per 专业, each with its 合计, and the 折算系数 the figures were
/// weighted with stated under the title so a reader can check them.
pub fn workload_summary(
    school: &SchoolProfile,
    term: Option<&str>,
    summary: &Summary,
    settings: &Settings,
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = workbook()?;
    let term = term.unwrap_or("全部学期");
    let mut note = format!("{}。{COUNTING_RULE}", coefficient_note(settings));
    if !settings.raises.is_empty() || !settings.developments.is_empty() || !settings.pay.is_empty()
    {
        note.push_str(ALLOWANCE_RULE);
    }
    for (n, text) in &summary.raises {
        note.push_str(&format!("注{n}：{text}。"));
    }

    let mut table = Table::start(
        book.add_worksheet(),
        &styles,
        Page {
            sheet: "教师课时汇总",
            title: format!("{} {term} 教师课时汇总表", school.name),
            note: note.clone(),
            landscape: true,
        },
        &[
            "序号",
            "工号",
            "姓名",
            "系部",
            "一体化教师等级",
            "一体化课时",
            "其他课时",
            "合计课时",
            "折算课时",
            "其中课程开发",
            "其中代课",
            "停课扣减",
            "提高系数",
            "提醒",
        ],
    )?;
    for (n, row) in summary.teachers.iter().enumerate() {
        table.integer(0, n as u64 + 1)?;
        table.centred(1, &row.id)?;
        table.text(2, &row.name)?;
        table.text(3, &row.department)?;
        table.centred(4, row.level.name())?;
        table.totals(5, &row.totals)?;
        table.integer(9, row.totals.development)?;
        table.integer(10, row.totals.substitute)?;
        table.integer(11, row.totals.cancelled)?;
        let notes: Vec<String> = row.raises.iter().map(|i| format!("注{}", i + 1)).collect();
        table.centred(12, &notes.join("、"))?;
        table.text(13, &row.warnings.join("；"))?;
        table.end_row()?;
    }
    let total = &summary.total;
    table.total_row(
        4,
        &[total.integrated, total.other, total.periods()],
        total.weighted,
    )?;
    table.finish()?;

    for (sheet, label, groups) in [
        ("系部汇总", "系部", &summary.departments),
        ("专业汇总", "专业", &summary.specialties),
    ] {
        let mut table = Table::start(
            book.add_worksheet(),
            &styles,
            Page {
                sheet,
                title: format!("{} {term} {label}课时汇总表", school.name),
                note: note.clone(),
                landscape: false,
            },
            &[label, "一体化课时", "其他课时", "折算课时"],
        )?;
        for (name, totals) in groups {
            table.text(0, name)?;
            table.integer(1, totals.integrated)?;
            table.integer(2, totals.other)?;
            table.weighted(3, totals.weighted)?;
            table.end_row()?;
        }
        let total = &summary.total;
        table.total_row(0, &[total.integrated, total.other], total.weighted)?;
        table.finish()?;
    }

    let mut table = Table::start(
        book.add_worksheet(),
        &styles,
        Page {
            sheet: "计划与实际",
            title: format!("{} {term} 计划与实际课时对照表", school.name),
            note: COUNTING_RULE.into(),
            landscape: true,
        },
        &[
            "工号",
            "姓名",
            "学期",
            "课程",
            "班级",
            "课程类型",
            "计划课时",
            "停课及被代课",
            "实际课时",
            "代课",
            "差额",
            "计入",
            "系数",
            "折算课时",
        ],
    )?;
    for row in &summary.courses {
        table.centred(0, &row.teacher)?;
        table.text(1, &row.name)?;
        table.text(2, &row.term)?;
        table.text(3, &row.course)?;
        table.text(4, &row.class)?;
        table.centred(5, row.kind.name())?;
        match row.planned {
            Some(planned) => table.integer(6, planned)?,
            None => table.centred(6, "—")?,
        }
        table.integer(7, row.cancelled)?;
        table.integer(8, row.given)?;
        table.integer(9, row.substitute)?;
        match row.difference() {
            Some(d) => {
                let format = &styles.integer;
                table.number(10, d as f64, &d.to_string(), format)?;
            }
            None => table.centred(10, "—")?,
        }
        table.centred(11, row.basis.name())?;
        let factors: Vec<String> = row
            .factors
            .values()
            .iter()
            .map(ToString::to_string)
            .collect();
        table.centred(12, &factors.join("×"))?;
        table.weighted(13, row.weighted)?;
        table.end_row()?;
    }
    table.finish()?;
    if !settings.pay.is_empty() {
        allowance_sheet(&mut book, &styles, school, term, summary, settings)?;
    }
    book.save_to_buffer()
}

/// 课时津贴表: per teacher by 系部 with a 小计 per 系部 and the 合计, the rule and the rates above,
/// and the line 教务处 signs and seals under it.
fn allowance_sheet(
    book: &mut Workbook,
    styles: &Styles,
    school: &SchoolProfile,
    term: &str,
    summary: &Summary,
    settings: &Settings,
) -> Result<(), XlsxError> {
    let note = settings.pay.note();
    let mut table = Table::start(
        book.add_worksheet(),
        styles,
        Page {
            sheet: "课时津贴表",
            title: format!("{} {term} 课时津贴表", school.name),
            note,
            landscape: true,
        },
        &[
            "序号",
            "系部",
            "工号",
            "姓名",
            "职称",
            "折算课时",
            "额定课时",
            "超额课时",
            "课时津贴（元）",
            "本人签字",
        ],
    )?;
    let money = |table: &mut Table<'_>, col, fen: Option<Fen>, format: &Format| match fen {
        Some(fen) => table.number(col, fen.to_f64(), &fen.to_string(), format),
        None => table.centred(col, "—"),
    };
    let mut n = 0;
    for (department, totals) in &summary.departments {
        for row in summary.teachers_in(department) {
            n += 1;
            table.integer(0, n)?;
            table.text(1, &row.department)?;
            table.centred(2, &row.id)?;
            table.text(3, &row.name)?;
            table.text(4, &row.title)?;
            table.weighted(5, row.totals.weighted)?;
            match row.totals.pay.required {
                Some(r) => table.integer(6, u64::from(r))?,
                None => table.centred(6, "—")?,
            }
            match row.totals.pay.excess {
                Some(e) => table.weighted(7, e)?,
                None => table.centred(7, "—")?,
            }
            money(&mut table, 8, row.totals.pay.allowance, &styles.money)?;
            table.text(9, "")?;
            table.end_row()?;
        }
        table.centred(0, "")?;
        table.text(1, &format!("{department} 小计"))?;
        for col in 2..=4 {
            table.text(col, "")?;
        }
        table.weighted(5, totals.weighted)?;
        table.text(6, "")?;
        table.text(7, "")?;
        money(&mut table, 8, totals.pay.allowance, &styles.total_money)?;
        table.text(9, "")?;
        table.end_row()?;
    }
    let total = &summary.total;
    table.centred(0, "合计")?;
    for col in 1..=4 {
        table.text(col, "")?;
    }
    table.weighted(5, total.weighted)?;
    table.text(6, "")?;
    table.text(7, "")?;
    money(&mut table, 8, total.pay.allowance, &styles.total_money)?;
    table.text(9, "")?;
    table.end_row()?;
    table.section("教务处（盖章）：　　　　　　负责人（签字）：　　　　　　制表人：　　　　　　日期：　　　　年　　月　　日")?;
    table.finish()
}

/// The hours template a teacher fills on another PC and the office imports back. The header is
/// row 1 because the importer reads it there and counts rows from it (第1行); the explanations
/// go on a second sheet so they cannot be mistaken for data. The rows are pre-filled with what
/// the office already knows (the teacher's courses and classes this term) so the teacher only
/// adds dates and periods, and validation catches the usual typing errors before import.
pub fn hours_template(
    school: &SchoolProfile,
    term: &Term,
    teachers: &[Teacher],
    entries: &[Entry],
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = workbook()?;
    let sheet = book.add_worksheet();
    sheet.set_name("课时填报")?;
    print_layout(sheet, true);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 0)?;
    let widths = [10, 12, 24, 24, 12, 14, 16, 12, 6, 30, 8, 6, 10, 14];
    for (col, (header, width)) in (0..).zip(TEMPLATE_HEADERS.iter().zip(widths)) {
        sheet.write_string_with_format(0, col, *header, &styles.header)?;
        sheet.set_column_width(col, width)?;
    }
    // Text columns are formatted as text so that a 工号 like 0012 or a 班级 like 2401 typed by
    // the teacher stays as typed instead of becoming a number.
    for col in [0, 1, 2, 3, 5, 6, 9, 13] {
        sheet.set_column_format(col, &styles.typed_text)?;
    }
    sheet.set_column_format(7, &styles.date)?;

    let mut row: RowNum = 1;
    let mut write = |sheet: &mut Worksheet, values: &[&str]| -> Result<(), XlsxError> {
        for (col, value) in (0..).zip(values) {
            sheet.write_string_with_format(row, col, *value, &styles.typed_text)?;
        }
        row += 1;
        Ok(())
    };
    for teacher in teachers {
        let mut seen = HashSet::new();
        let courses: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.teacher == teacher.id && e.term == term.name)
            .filter(|e| seen.insert((&e.course, e.kind, &e.class, &e.specialty)))
            .collect();
        for e in &courses {
            write(
                sheet,
                &[
                    teacher.id.as_str(),
                    &teacher.name,
                    &term.name,
                    &e.course,
                    e.kind.name(),
                    &e.class,
                    &e.specialty,
                ],
            )?;
        }
        if courses.is_empty() {
            for _ in 0..BLANK_ROWS_PER_TEACHER {
                write(sheet, &[teacher.id.as_str(), &teacher.name, &term.name])?;
            }
        }
    }
    validate_template(sheet, term)?;
    explain_template(book.add_worksheet(), &styles, school, term)?;
    book.save_to_buffer()
}

/// Training and practice groups the roster template gives every teacher at least, so the
/// office sees the repeated-group layout and has room to fill in a second record.
const TEMPLATE_GROUPS: usize = 2;

/// The roster as a sheet to correct and fill in, in the layout `import-table` reads back: one
/// row per teacher, pre-filled with what the file holds (so importing it unchanged changes
/// nothing), then numbered 培训N… and 实践N… column groups for 师资培训 and 企业实践.
pub fn roster_template(school: &SchoolProfile, teachers: &[Teacher]) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = workbook()?;
    let sheet = book.add_worksheet();
    sheet.set_name("教师名册")?;
    print_layout(sheet, true);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 2)?;
    let trainings = teachers
        .iter()
        .map(|t| t.trainings.len())
        .max()
        .unwrap_or(0)
        .max(TEMPLATE_GROUPS);
    let practices = teachers
        .iter()
        .map(|t| t.practices.len())
        .max()
        .unwrap_or(0)
        .max(TEMPLATE_GROUPS);
    let headers = roster_headers(trainings, practices);
    for (col, header) in (0..).zip(&headers) {
        sheet.write_string_with_format(0, col, header, &styles.header)?;
        let date = header.ends_with("日期");
        let number = header.ends_with("学时") || header.ends_with("天数");
        sheet.set_column_width(
            col,
            if date {
                12.0
            } else if number {
                8.0
            } else {
                14.0
            },
        )?;
        if date {
            sheet.set_column_format(col, &styles.date)?;
        } else if !number {
            // 工号 0012 or a certificate number stays as typed instead of becoming a number.
            sheet.set_column_format(col, &styles.typed_text)?;
        }
    }
    // Every header written is one of `headers`; a miss would be a bug here, reported as such.
    let col_of = |header: &str| -> Result<ColNum, XlsxError> {
        headers
            .iter()
            .position(|h| h == header)
            .and_then(|c| ColNum::try_from(c).ok())
            .ok_or_else(|| XlsxError::ParameterError(format!("名册模板没有“{header}”列")))
    };
    for (row, teacher) in (1..).zip(teachers) {
        let text = |sheet: &mut Worksheet, header: &str, value: &str| {
            sheet
                .write_string_with_format(row, col_of(header)?, value, &styles.typed_text)
                .map(|_| ())
        };
        let date = |sheet: &mut Worksheet, header: &str, value: NaiveDate| {
            sheet
                .write_datetime_with_format(row, col_of(header)?, excel_date(value)?, &styles.date)
                .map(|_| ())
        };
        let number = |sheet: &mut Worksheet, header: &str, value: u32| {
            sheet
                .write_number(row, col_of(header)?, f64::from(value))
                .map(|_| ())
        };
        for (header, value) in [
            ("工号", teacher.id.as_str()),
            ("姓名", &teacher.name),
            ("性别", teacher.gender.name()),
            ("系部", &teacher.department),
            ("任职形式", teacher.employment.name()),
            ("一体化教师等级", teacher.level.name()),
            ("聘用企业", &teacher.enterprise),
            ("职称", &teacher.title),
            ("技能等级", &teacher.skill_level),
            ("教师资格", &teacher.qualification),
        ] {
            text(sheet, header, value)?;
        }
        for (n, t) in (1..).zip(&teacher.trainings) {
            let [project, base, start, end, hours, certificate] =
                TRAINING_FIELDS.map(|f| group_header(TRAINING_PREFIX, n, f));
            text(sheet, &project, &t.project)?;
            text(sheet, &base, &t.base)?;
            date(sheet, &start, t.start)?;
            date(sheet, &end, t.end)?;
            number(sheet, &hours, t.hours)?;
            text(sheet, &certificate, &t.certificate)?;
        }
        for (n, p) in (1..).zip(&teacher.practices) {
            let [enterprise, start, end, days] =
                PRACTICE_FIELDS.map(|f| group_header(PRACTICE_PREFIX, n, f));
            text(sheet, &enterprise, &p.enterprise)?;
            date(sheet, &start, p.start)?;
            date(sheet, &end, p.end)?;
            number(sheet, &days, p.days)?;
        }
    }
    validate_roster(sheet, &headers)?;
    explain_roster(book.add_worksheet(), &styles, school)?;
    book.save_to_buffer()
}

/// The roster template's header: the required columns, the optional single ones, then
/// `trainings` training groups and `practices` practice groups.
fn roster_headers(trainings: usize, practices: usize) -> Vec<String> {
    let mut headers: Vec<String> = TEACHER_HEADERS
        .iter()
        .chain(&TEACHER_OPTIONAL)
        .map(|h| h.to_string())
        .collect();
    for n in (1..).take(trainings) {
        headers.extend(TRAINING_FIELDS.map(|f| group_header(TRAINING_PREFIX, n, f)));
    }
    for n in (1..).take(practices) {
        headers.extend(PRACTICE_FIELDS.map(|f| group_header(PRACTICE_PREFIX, n, f)));
    }
    headers
}

/// Drop-down lists for the chosen columns and whole numbers for hours and days, down to the
/// last row, so a row the office adds is checked as it is typed.
fn validate_roster(sheet: &mut Worksheet, headers: &[String]) -> Result<(), XlsxError> {
    let list = |title: &str, names: Vec<&str>| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_list_strings(&names)?
            .set_error_title(title)?
            .set_error_message(format!("请从下拉列表中选择：{}。", names.join("、")))
    };
    let whole = |title: &str| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(1))
            .set_error_title(title)?
            .set_error_message(format!("{title}须是正整数。"))
    };
    for (col, header) in (0..).zip(headers) {
        let validation = match header.as_str() {
            "性别" => list(header, Gender::ALL.iter().map(|g| g.name()).collect())?,
            "任职形式" => list(header, Employment::ALL.iter().map(|e| e.name()).collect())?,
            "一体化教师等级" => {
                list(header, TeacherLevel::ALL.iter().map(|l| l.name()).collect())?
            }
            h if h.ends_with("学时") || h.ends_with("天数") => whole(h)?,
            _ => continue,
        };
        sheet.add_data_validation(1, col, LAST_ROW, col, &validation)?;
    }
    Ok(())
}

/// The roster template's 填写说明: each column, the numbered groups, and what importing does.
fn explain_roster(
    sheet: &mut Worksheet,
    styles: &Styles,
    school: &SchoolProfile,
) -> Result<(), XlsxError> {
    sheet.set_name("填写说明")?;
    print_layout(sheet, false);
    let columns: [(&str, &str); 20] = [
        (
            "工号",
            "教师工号，校内唯一，不能含空格；课时记录按工号对应教师。",
        ),
        ("姓名", "教师姓名。"),
        ("性别", "从下拉列表选择：男 或 女。"),
        ("系部", "教师所在系部；暂不清楚可先空着，导入后列为待补充。"),
        ("任职形式", "从下拉列表选择：专职、兼职 或 企业聘用。"),
        ("一体化教师等级", "从下拉列表选择：一级、二级、三级 或 无。"),
        (
            "聘用企业",
            "企业聘用的教师填写聘用企业，暂不清楚可先空着，导入后列为待补充；其他教师不填。",
        ),
        ("职称", "可不填。"),
        ("技能等级", "可不填。"),
        ("教师资格", "可不填。"),
        (
            "培训1项目",
            "第1次师资培训的项目名称；一次培训占“培训1…”这一组列，不参加培训的教师整组留空。",
        ),
        ("培训1研修基地", "承担培训的研修基地，可不填。"),
        ("培训1开始日期", "写成 2024-07-01 的形式。"),
        (
            "培训1结束日期",
            "写成 2024-07-01 的形式，不能早于开始日期。",
        ),
        ("培训1学时", "培训学时，正整数。"),
        (
            "培训1证书编号",
            "取得证书后填写；有证书编号的培训计入“培训合格的一体化教师”。",
        ),
        (
            "实践1企业",
            "第1次企业实践所在企业；不参加企业实践的教师整组留空。",
        ),
        ("实践1开始日期", "写成 2024-07-01 的形式。"),
        (
            "实践1结束日期",
            "写成 2024-07-01 的形式，不能早于开始日期。",
        ),
        ("实践1天数", "企业实践天数，正整数。"),
    ];
    let notes = [
        "第2次培训填在“培训2项目”“培训2开始日期”……这一组列中，依此类推；培训或实践超过两次时，复制一组列并把编号改为3、4……，列名的其他部分不要改。".to_string(),
        "导入时，同一教师项目和开始日期相同的培训（企业实践为企业和开始日期相同）更新原有记录，其他的新增；表中没有列出的原有培训和实践记录保留不动。".into(),
        "重复导入同一文件不会重复记录。日期写不对、必填项缺少的行，导入前会逐行指出（第几行、哪一列），改正后再导入。".into(),
        format!("本表由{}教务处导出，已预先填好学校现有的教师名册。", school.name),
    ];
    instructions(sheet, styles, "教师名册填写说明", &columns, &notes, 16.0)
}

/// The resource inventory and the completeness of each specialty's package, for the office to
/// check against policy 二(一) and to hand to reviewers: every item with its textbook details and
/// review state, then per specialty which course lacks which kind.
pub fn resources_report(
    school: &SchoolProfile,
    items: &[ResourceItem],
    kinds: &[ResourceKind],
    specialties: &[String],
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = workbook()?;
    let counted = items.iter().filter(|i| i.counts()).count();
    let mut table = Table::start(
        book.add_worksheet(),
        &styles,
        Page {
            sheet: "资源清单",
            title: format!("{} 教学资源清单", school.name),
            note: format!(
                "共{}项，计入{counted}项。教材凡编必审、凡选必审：最近一次审核为通过或修改后通过方计入。",
                items.len()
            ),
            landscape: true,
        },
        &[
            "序号",
            "专业",
            "课程",
            "类别",
            "名称",
            "来源",
            "规划教材目录",
            "ISBN",
            "审核结论",
            "是否计入",
            "文件数",
        ],
    )?;
    for (n, item) in items.iter().enumerate() {
        let textbook = item.textbook.as_ref();
        let in_catalogue = textbook
            .filter(|t| t.origin == Origin::Selected)
            .map_or("", |t| yes_no(t.in_national_catalogue));
        let review = match (item.review_state(), item.reviews.last()) {
            (ReviewState::Unreviewed, _) => ReviewState::Unreviewed.name(),
            (_, Some(r)) if item.kind == TEXTBOOK => r.conclusion.name(),
            _ => "",
        };
        table.integer(0, n as u64 + 1)?;
        table.text(1, &item.specialty)?;
        table.text(2, item.course.as_deref().unwrap_or(WHOLE_SPECIALTY))?;
        table.text(3, &item.kind)?;
        table.text(4, &item.title)?;
        table.centred(5, textbook.map_or("", |t| t.origin.name()))?;
        table.centred(6, in_catalogue)?;
        table.centred(7, textbook.map_or("", |t| t.isbn.as_str()))?;
        table.centred(8, review)?;
        table.centred(9, yes_no(item.counts()))?;
        table.integer(10, item.files.len() as u64)?;
        table.end_row()?;
    }
    table.finish()?;

    let headers: Vec<&str> = std::iter::once("课程")
        .chain(kinds.iter().map(|k| k.name.as_str()))
        .collect();
    let mut table = Table::start(
        book.add_worksheet(),
        &styles,
        Page {
            sheet: "完整性",
            title: format!("{} 教学资源包完整性", school.name),
            note: "齐：已有且计入；待审：已有教材但尚未审核通过；缺：尚无。".into(),
            landscape: true,
        },
        &headers,
    )?;
    for specialty in specialties {
        table.section(specialty)?;
        let rows = resource::matrix(kinds, items, specialty);
        if rows.is_empty() {
            table.section("（尚无资源，各类别均缺）")?;
        }
        for (course, cells) in rows {
            table.text(0, course.as_deref().unwrap_or(WHOLE_SPECIALTY))?;
            for (col, cell) in (1..).zip(cells) {
                let format = match cell {
                    Cell::Missing => &styles.missing,
                    Cell::Unreviewed => &styles.pending,
                    Cell::Present => &styles.centred,
                };
                table.with_format(col, cell.name(), format)?;
            }
            table.end_row()?;
        }
    }
    table.finish()?;
    book.save_to_buffer()
}

/// The 汇总表 an office prints or hands on: one row per school and batch with its state, the
/// re-check's findings and the office's opinion; the targets with each 盟市's share and the
/// rule that says what counts; and the notes seen only across schools.
pub fn rollup_summary(
    office: &Office,
    rows: &[Row<'_>],
    notes: &[String],
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = workbook()?;
    let totals = rollup::totals(rows);
    let any_recommended = rows
        .iter()
        .any(|r| r.verdict.is_some_and(|v| v.opinion == Opinion::Recommend));
    let mut table = Table::start(
        book.add_worksheet(),
        &styles,
        Page {
            sheet: "汇总表",
            title: format!("{} 工学一体化建设专业推荐汇总表", office.name),
            note: format!("每校每批一行。{}", rollup::COUNTING_RULE),
            landscape: true,
        },
        &[
            "序号",
            "盟市",
            "学校",
            "类型",
            "统一社会信用代码",
            "批次",
            "建设专业（层次，招生，资源包）",
            "一体化教师",
            "培训教师",
            "错误",
            "提醒",
            "状态",
            "签署时间",
            "收到时间",
            "意见",
            "意见说明",
            "计入目标",
            "转报（盟市意见）",
        ],
    )?;
    for (n, row) in rows.iter().enumerate() {
        let s = &row.packet.summary;
        let specialties: Vec<String> = s.specialties.iter().map(|l| l.describe()).collect();
        table.integer(0, n as u64 + 1)?;
        table.centred(1, s.region.name())?;
        table.text(2, &s.school)?;
        table.centred(3, s.kind.name())?;
        table.centred(4, &s.credit_code)?;
        table.integer(5, u64::from(s.batch))?;
        table.text(6, &specialties.join("\n"))?;
        table.integer(7, s.integrated_teachers as u64)?;
        table.integer(8, s.trained_teachers as u64)?;
        table.integer(9, s.errors() as u64)?;
        table.integer(10, s.warnings() as u64)?;
        table.centred(11, row.state.name())?;
        let signed_at = row.packet.signed_at.as_deref().map(time::show_stored);
        table.centred(12, signed_at.as_deref().unwrap_or("未签名"))?;
        table.centred(13, &time::show_stored(&row.packet.received_at))?;
        table.centred(14, row.verdict.map_or("", |v| v.opinion.name()))?;
        table.text(15, row.verdict.map_or("", |v| v.text.as_str()))?;
        table.centred(16, yes_no(rollup::counts(row, any_recommended)))?;
        let forwarded = row.packet.forwarded.as_ref().map(|f| f.describe());
        table.text(17, forwarded.as_deref().unwrap_or(""))?;
        table.end_row()?;
    }
    table.finish()?;

    let mut table = Table::start(
        book.add_worksheet(),
        &styles,
        Page {
            sheet: "目标",
            title: format!("{} 对照“十四五”目标", office.name),
            note: rollup::COUNTING_RULE.into(),
            landscape: false,
        },
        &["范围", "建设专业", "参与学校", "培训教师", "计入的申报"],
    )?;
    let mut sums_row = |label: &str, sums: &rollup::Sums| -> Result<(), XlsxError> {
        table.text(0, label)?;
        table.integer(1, sums.specialties as u64)?;
        table.integer(2, sums.schools as u64)?;
        table.integer(3, sums.trained_teachers as u64)?;
        table.integer(4, sums.declarations as u64)?;
        table.end_row()
    };
    sums_row(
        "目标（内人社办发〔2022〕111号 一(二)）",
        &rollup::Sums {
            specialties: rollup::TARGET_SPECIALTIES,
            schools: rollup::TARGET_SCHOOLS,
            trained_teachers: rollup::TARGET_TRAINED_TEACHERS,
            declarations: 0,
        },
    )?;
    sums_row("合计（计入）", &totals.region)?;
    for (region, sums) in &totals.by_region {
        sums_row(region.name(), sums)?;
    }
    table.finish()?;

    if !notes.is_empty() {
        let mut table = Table::start(
            book.add_worksheet(),
            &styles,
            Page {
                sheet: "跨校提示",
                title: format!("{} 跨校提示", office.name),
                note: "同一专业由多校申报、超过每批限额、在后续批次重复申报、不属于本盟市的学校。"
                    .into(),
                landscape: false,
            },
            &["序号", "提示"],
        )?;
        for (n, note) in notes.iter().enumerate() {
            table.integer(0, n as u64 + 1)?;
            table.text(1, note)?;
            table.end_row()?;
        }
        table.finish()?;
    }
    book.save_to_buffer()
}

fn yes_no(value: bool) -> &'static str {
    if value { "是" } else { "否" }
}

/// The coefficients the summary was weighted with, in the words of policy 二(四). With one
/// coefficient (or none, when `integrated_on` falls back to the policy's 1.4) a single figure
/// reads best; with several the reader needs to know which dates each covers.
fn coefficient_note(settings: &Settings) -> String {
    if settings.coefficients.len() <= 1 {
        return format!(
            "一体化课程课时按折算系数 {} 计",
            settings.integrated_on(NaiveDate::MIN)
        );
    }
    let list: Vec<String> = settings
        .coefficients
        .iter()
        .map(|c| format!("自{}起 {}", c.from, c.integrated))
        .collect();
    format!(
        "一体化课程课时按折算系数计：{}（按授课日期；学期计划按学期开始日期）",
        list.join("；")
    )
}

fn workbook() -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    // The default format is what cells the user types into get, so typed text is 宋体 too. 72
    // pixels is the default column width Excel gives 11-point 宋体.
    book.set_default_format(&base(), 18, 72)?;
    Ok(book)
}

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_charset(CHARSET_GB2312)
        .set_font_size(BODY_SIZE)
}

fn print_layout(sheet: &mut Worksheet, landscape: bool) {
    sheet.set_paper_size(PAPER_A4);
    if landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    // One page wide, as many pages long as it takes: a table cut down the middle is unreadable.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_footer(FOOTER);
}

/// How wide `text` is in Excel's column units (the width of a digit): Chinese characters and
/// full-width punctuation take about two.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}

/// Lines `text` wraps to in a column `width` units wide.
fn lines(text: &str, width: f64) -> f64 {
    (text_width(text) / width).ceil().max(1.0)
}

struct Styles {
    title: Format,
    note: Format,
    header: Format,
    text: Format,
    centred: Format,
    integer: Format,
    weighted: Format,
    money: Format,
    total_label: Format,
    total_integer: Format,
    total_weighted: Format,
    total_money: Format,
    section: Format,
    missing: Format,
    pending: Format,
    typed_text: Format,
    date: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = base()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let centred = cell.clone().set_align(FormatAlign::Center);
        let integer = cell.clone().set_num_format("0");
        // 折算课时 are exact decimals (51.8, 3.45, 16.675, 52). Excel's number formats cannot
        // drop the decimal point only when there are no decimals: "0.0#" prints 52 as "52.0"
        // and "0.##" as "52.". General prints each value with just the digits it has, and since
        // the values have at most eight decimals (ten significant digits for a term's figures)
        // and the columns are wide enough, it never rounds.
        let weighted = cell.clone();
        let money = cell.clone().set_num_format("0.00");
        let fill = Color::RGB(0xD9E1F2);
        Styles {
            title: base()
                .set_bold()
                .set_font_size(TITLE_SIZE)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            note: base()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            header: centred
                .clone()
                .set_bold()
                .set_background_color(fill)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            total_label: centred.clone().set_bold(),
            total_integer: integer.clone().set_bold(),
            total_weighted: weighted.clone().set_bold(),
            total_money: money.clone().set_bold(),
            section: cell.set_bold().set_background_color(Color::RGB(0xF2F2F2)),
            missing: centred.clone().set_background_color(Color::RGB(0xFFC7CE)),
            pending: centred.clone().set_background_color(Color::RGB(0xFFEB9C)),
            typed_text: base().set_num_format("@"),
            date: base().set_num_format("yyyy-mm-dd"),
            centred,
            integer,
            weighted,
            money,
        }
    }
}

/// What a printed sheet says above its table.
struct Page<'a> {
    sheet: &'a str,
    title: String,
    note: String,
    landscape: bool,
}

/// Rows above the table: the title, the note, the header.
const HEADER_ROW: RowNum = 2;

/// A printed table, written row by row. It keeps the widest text of each column so that the
/// widths fit the content, since Excel does not size columns itself and its autofit does not
/// know Chinese characters are twice as wide.
struct Table<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    page: Page<'a>,
    widths: Vec<f64>,
    row: RowNum,
    /// Wrapped lines the current row needs.
    row_lines: f64,
}

impl<'a> Table<'a> {
    fn start(
        sheet: &'a mut Worksheet,
        styles: &'a Styles,
        page: Page<'a>,
        headers: &[&str],
    ) -> Result<Table<'a>, XlsxError> {
        sheet.set_name(page.sheet)?;
        print_layout(sheet, page.landscape);
        // Every printed page carries the title and the header, so a loose page still says
        // what it is.
        sheet.set_repeat_rows(0, HEADER_ROW)?;
        sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
        for (col, header) in (0..).zip(headers) {
            sheet.write_string_with_format(HEADER_ROW, col, *header, &styles.header)?;
        }
        Ok(Table {
            sheet,
            styles,
            page,
            widths: headers.iter().map(|h| text_width(h) + 2.0).collect(),
            row: HEADER_ROW + 1,
            row_lines: 1.0,
        })
    }

    fn last_col(&self) -> ColNum {
        self.widths.len() as ColNum - 1
    }

    fn with_format(&mut self, col: ColNum, text: &str, format: &Format) -> Result<(), XlsxError> {
        let width = text_width(text) + 2.0;
        if width > MAX_COLUMN_WIDTH {
            self.row_lines = self.row_lines.max(lines(text, MAX_COLUMN_WIDTH - 2.0));
        }
        let slot = &mut self.widths[usize::from(col)];
        *slot = slot.max(width.min(MAX_COLUMN_WIDTH));
        self.sheet
            .write_string_with_format(self.row, col, text, format)?;
        Ok(())
    }

    fn text(&mut self, col: ColNum, text: &str) -> Result<(), XlsxError> {
        let s = self.styles;
        self.with_format(col, text, &s.text)
    }

    fn centred(&mut self, col: ColNum, text: &str) -> Result<(), XlsxError> {
        let s = self.styles;
        self.with_format(col, text, &s.centred)
    }

    fn number(
        &mut self,
        col: ColNum,
        value: f64,
        shown: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let slot = &mut self.widths[usize::from(col)];
        *slot = slot.max(text_width(shown) + 2.0);
        self.sheet
            .write_number_with_format(self.row, col, value, format)?;
        Ok(())
    }

    fn integer(&mut self, col: ColNum, value: u64) -> Result<(), XlsxError> {
        let s = self.styles;
        self.number(col, value as f64, &value.to_string(), &s.integer)
    }

    fn weighted(&mut self, col: ColNum, value: Exact) -> Result<(), XlsxError> {
        let s = self.styles;
        self.number(col, value.to_f64(), &value.to_string(), &s.weighted)
    }

    /// 一体化课时, 其他课时, 合计课时 and 折算课时 from `col` on.
    fn totals(&mut self, col: ColNum, totals: &Totals) -> Result<(), XlsxError> {
        self.integer(col, totals.integrated)?;
        self.integer(col + 1, totals.other)?;
        self.integer(col + 2, totals.periods())?;
        self.weighted(col + 3, totals.weighted)
    }

    /// The 合计 row: the label across the columns up to `label_end`, then the period
    /// `figures` and the 折算课时, in the order of the columns above them.
    fn total_row(
        &mut self,
        label_end: ColNum,
        figures: &[u64],
        weighted: Exact,
    ) -> Result<(), XlsxError> {
        let s = self.styles;
        if label_end > 0 {
            self.sheet
                .merge_range(self.row, 0, self.row, label_end, "合计", &s.total_label)?;
        } else {
            self.sheet
                .write_string_with_format(self.row, 0, "合计", &s.total_label)?;
        }
        let mut col = label_end + 1;
        for value in figures {
            self.number(col, *value as f64, &value.to_string(), &s.total_integer)?;
            col += 1;
        }
        self.number(
            col,
            weighted.to_f64(),
            &weighted.to_string(),
            &s.total_weighted,
        )?;
        // The cells right of the figures (提醒) still get the table's border.
        for col in col + 1..=self.last_col() {
            self.sheet.write_blank(self.row, col, &s.total_label)?;
        }
        self.end_row()
    }

    /// A row across the whole table naming what follows (a specialty of the matrix).
    fn section(&mut self, text: &str) -> Result<(), XlsxError> {
        let last = self.last_col();
        let format = &self.styles.section;
        if last > 0 {
            self.sheet
                .merge_range(self.row, 0, self.row, last, text, format)?;
        } else {
            self.sheet
                .write_string_with_format(self.row, 0, text, format)?;
        }
        self.end_row()
    }

    fn end_row(&mut self) -> Result<(), XlsxError> {
        if self.row_lines > 1.0 {
            self.sheet
                .set_row_height(self.row, self.row_lines * LINE_HEIGHT)?;
        }
        self.row += 1;
        self.row_lines = 1.0;
        Ok(())
    }

    /// Sets the widths and writes the title and note across them, sized to the lines they
    /// wrap to on that width.
    fn finish(self) -> Result<(), XlsxError> {
        for (col, width) in (0..).zip(&self.widths) {
            self.sheet.set_column_width(col, *width)?;
        }
        let total: f64 = self.widths.iter().sum();
        let last = self.last_col();
        let title_lines = lines(&self.page.title, total * BODY_SIZE / TITLE_SIZE);
        let note_lines = lines(&self.page.note, total);
        for (row, text, format, height) in [
            (
                0,
                &self.page.title,
                &self.styles.title,
                title_lines * TITLE_SIZE * 1.4 + 6.0,
            ),
            (
                1,
                &self.page.note,
                &self.styles.note,
                note_lines * LINE_HEIGHT + 4.0,
            ),
        ] {
            if last > 0 {
                self.sheet.merge_range(row, 0, row, last, text, format)?;
            } else {
                self.sheet.write_string_with_format(row, 0, text, format)?;
            }
            self.sheet.set_row_height(row, height)?;
        }
        Ok(())
    }
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year())
        .map_err(|_| XlsxError::ParameterError(format!("日期{date}超出Excel能表示的范围")))?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

/// Validation on the template's columns, down to the last row so rows the teacher adds are
/// checked too. It stops the typing errors the importer would otherwise refuse one by one.
fn validate_template(sheet: &mut Worksheet, term: &Term) -> Result<(), XlsxError> {
    let kinds: Vec<&str> = CourseKind::ALL.iter().map(|k| k.name()).collect();
    let kind = DataValidation::new()
        .allow_list_strings(&kinds)?
        .set_error_title("课程类型")?
        .set_error_message("请从下拉列表中选择：一体化课程 或 其他。")?;
    let periods = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(1, MAX_PERIODS_PER_DAY as i32))
        .set_input_title("节数")?
        .set_input_message(format!(
            "当天这门课在该班上的节数，1至{MAX_PERIODS_PER_DAY}的整数。"
        ))?
        .set_error_title("节数")?
        .set_error_message(format!("节数须是1至{MAX_PERIODS_PER_DAY}的整数。"))?;
    let date = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            excel_date(term.start)?,
            excel_date(term.end)?,
        ))
        .set_input_title("日期")?
        .set_input_message(format!("写成 {} 的形式。", term.start))?
        .set_error_title("日期")?
        .set_error_message(format!(
            "日期须在{}（{}至{}）内，写成 {} 的形式。",
            term.name, term.start, term.end, term.start
        ))?;
    // The same bound the importer applies to a plan (Entry::problems).
    let weekly_limit = MAX_PERIODS_PER_DAY as i32 * 7;
    let weekly = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(1, weekly_limit))
        .set_error_title("周课时")?
        .set_error_message(format!("周课时须是1至{weekly_limit}的整数。"))?;
    let weeks = DataValidation::new()
        .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(1))
        .set_error_title("周数")?
        .set_error_message("周数须是正整数。")?;
    let day = DataValidation::new()
        .allow_list_strings(&["授课", "停课", "代课"])?
        .set_error_title("记录类型")?
        .set_error_message("请从下拉列表中选择：授课、停课 或 代课；空白即授课。")?;
    for (col, validation) in [
        (4, kind),
        (7, date),
        (8, periods),
        (10, weekly),
        (11, weeks),
        (12, day),
    ] {
        sheet.add_data_validation(1, col, LAST_ROW, col, &validation)?;
    }
    Ok(())
}

/// The 填写说明 sheet: what each column means and the rules the importer applies, in the words
/// a teacher who has never seen the app needs.
fn explain_template(
    sheet: &mut Worksheet,
    styles: &Styles,
    school: &SchoolProfile,
    term: &Term,
) -> Result<(), XlsxError> {
    sheet.set_name("填写说明")?;
    print_layout(sheet, false);
    let example = term.start.to_string();
    let columns: [(&str, String); 14] = [
        ("工号", "教师工号，须与学校教师名册一致；已预先填好。".into()),
        ("姓名", "教师姓名，仅供核对；已预先填好。".into()),
        (
            "学期",
            format!("本表的学期：{}；已预先填好，请勿修改。", term.name),
        ),
        ("课程", "课程名称。".into()),
        (
            "课程类型",
            "从下拉列表选择“一体化课程”或“其他”。一体化课程的课时按学校设定的折算系数（政策规定为1.4）折算，其他课程按实际课时计。".into(),
        ),
        ("班级", "授课班级，如“汽修2401班”。".into()),
        ("专业", "课程所属专业，用于按专业汇总。".into()),
        (
            "日期",
            format!(
                "上课日期，写成 {example} 的形式，须在本学期（{}至{}）内。",
                term.start, term.end
            ),
        ),
        (
            "节数",
            format!("当天这门课在该班上的节数，1至{MAX_PERIODS_PER_DAY}的整数。"),
        ),
        ("内容", "授课内容（学习任务），可不填。".into()),
        ("周课时", "按学期计划填报时，每周的课时。".into()),
        ("周数", "按学期计划填报时，上课的周数。".into()),
        (
            "记录类型",
            "空白或“授课”：当天上了课。“停课”：计划内当天没有上的课（如放假、考试周），按计划计算时从计划中扣除，内容栏可写停课原因。“代课”：替请假的教师上的课，计入本行的教师（代课教师）。".into(),
        ),
        (
            "被代课教师工号",
            "仅“代课”填写：请假教师的工号，须在名册中；这些节数从该教师的计划中扣除。".into(),
        ),
    ];
    let notes = [
        "每行填一天的授课（日期＋节数），或一门课整个学期的计划（周课时＋周数），二者选一，不要在同一行都填。".to_string(),
        "同一门课上了多天，请复制该行，逐行改日期和节数；可以增加行，但不要改动第1行的表头和列的顺序。".into(),
        "重复导入同一文件不会重复计算：工号、学期、课程、班级和日期（或“计划”）都相同的行，导入时更新原有记录。".into(),
        format!("填好后请将本文件交回{}教务处。", school.name),
    ];
    instructions(sheet, styles, "课时填报表填写说明", &columns, &notes, 12.0)
}

/// A template's 填写说明 sheet: the title, one row per column with what to write in it, then
/// the notes across both columns. `name_width` is the first column's width.
fn instructions(
    sheet: &mut Worksheet,
    styles: &Styles,
    title: &str,
    columns: &[(&str, impl AsRef<str>)],
    notes: &[String],
    name_width: f64,
) -> Result<(), XlsxError> {
    sheet.merge_range(0, 0, 0, 1, title, &styles.title)?;
    sheet.set_row_height(0, TITLE_SIZE * 1.4 + 6.0)?;
    sheet.write_string_with_format(1, 0, "列名", &styles.header)?;
    sheet.write_string_with_format(1, 1, "填写要求", &styles.header)?;
    let explanation_width = 70.0;
    let mut row: RowNum = 2;
    for (name, text) in columns {
        let text = text.as_ref();
        sheet.write_string_with_format(row, 0, *name, &styles.centred)?;
        sheet.write_string_with_format(row, 1, text, &styles.text)?;
        sheet.set_row_height(
            row,
            lines(text, explanation_width - 2.0) * LINE_HEIGHT + 4.0,
        )?;
        row += 1;
    }
    row += 1;
    for note in notes {
        sheet.merge_range(row, 0, row, 1, note, &styles.note)?;
        let width = explanation_width + name_width - 2.0;
        sheet.set_row_height(row, lines(note, width) * LINE_HEIGHT + 4.0)?;
        row += 1;
    }
    sheet.set_column_width(0, name_width)?;
    sheet.set_column_width(1, explanation_width)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};

    use super::*;
    use crate::domain::Hundredths;
    use crate::domain::workload::{Basis, Coefficient, summarise};
    use crate::domain::{Conclusion, Review};
    use crate::exchange::demo::{self, Size};

    type Book = Xlsx<Cursor<Vec<u8>>>;

    fn open(bytes: Vec<u8>) -> Book {
        open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx calamine reads")
    }

    fn sheet(book: &mut Book, name: &str) -> Range<Data> {
        book.worksheet_range(name).expect(name)
    }

    fn text(range: &Range<Data>, row: usize, col: usize) -> String {
        match range.get((row, col)) {
            None | Some(Data::Empty) => String::new(),
            Some(Data::String(s)) => s.clone(),
            Some(other) => panic!("({row}, {col}) is {other:?}, not text"),
        }
    }

    fn number(range: &Range<Data>, row: usize, col: usize) -> f64 {
        match range.get((row, col)) {
            Some(Data::Float(f)) => *f,
            other => panic!("({row}, {col}) is {other:?}, not a number"),
        }
    }

    /// A row as displayed, numbers included.
    fn row_texts(range: &Range<Data>, row: usize) -> Vec<String> {
        (0..range.width())
            .map(|col| {
                range
                    .get((row, col))
                    .map(ToString::to_string)
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The merged regions of a sheet as ((first row, first col), (last row, last col)).
    fn merged(book: &mut Book, name: &str) -> Vec<((u32, u32), (u32, u32))> {
        book.merge_cells_by_sheet_name(name)
            .expect("merged cells")
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect()
    }

    const TERM: &str = "2024-2025学年第一学期";

    #[test]
    fn the_workload_summary_carries_the_summary_exactly() {
        let doc = demo::document(Size::Small);
        // Low limits so some teachers have warnings to print.
        let settings = Settings {
            weekly_limit: Some(8),
            term_limit: Some(60),
            ..doc.workload.clone()
        };
        let summary = summarise(&doc.teachers, &doc.terms, &doc.hours, &settings, Some(TERM));
        let bytes = workload_summary(&doc.school, Some(TERM), &summary, &settings).unwrap();
        let mut book = open(bytes);
        assert_eq!(
            book.sheet_names(),
            [
                "教师课时汇总",
                "系部汇总",
                "专业汇总",
                "计划与实际",
                "课时津贴表"
            ]
        );

        // 课时津贴表: every teacher by 系部, a 小计 after each, the 合计, then the signing line.
        let pay = sheet(&mut book, "课时津贴表");
        assert!(text(&pay, 1, 0).contains("课时津贴按超额课时计算"));
        let mut row = 3;
        for (department, totals) in &summary.departments {
            for t in summary.teachers_in(department) {
                assert_eq!(text(&pay, row, 2), t.id);
                assert_eq!(
                    number(&pay, row, 5).to_string(),
                    t.totals.weighted.to_string()
                );
                let allowance = t.totals.pay.allowance.expect("the demo sets a rate");
                assert_eq!(number(&pay, row, 8), allowance.to_f64());
                row += 1;
            }
            assert_eq!(text(&pay, row, 1), format!("{department} 小计"));
            assert_eq!(number(&pay, row, 8), totals.pay.allowance.unwrap().to_f64());
            row += 1;
        }
        assert_eq!(text(&pay, row, 0), "合计");
        let total = summary.total.pay.allowance.unwrap();
        assert!(total.0 > 0, "the demo pays some excess");
        assert_eq!(number(&pay, row, 8), total.to_f64());
        assert!(text(&pay, row + 1, 0).starts_with("教务处（盖章）"));

        let teachers = sheet(&mut book, "教师课时汇总");
        assert_eq!(
            text(&teachers, 0, 0),
            "赤峰市巴林右旗技工学校 2024-2025学年第一学期 教师课时汇总表"
        );
        // The note states the rules, then each raise that counted as the 注 its rows name.
        let note = text(&teachers, 1, 0);
        assert!(
            note.starts_with(&format!(
                "一体化课程课时按折算系数 1.4 计。{COUNTING_RULE}{ALLOWANCE_RULE}"
            )),
            "{note}"
        );
        for (n, raise) in &summary.raises {
            assert!(note.contains(&format!("注{n}：{raise}。")), "{note}");
        }
        let raised = summary
            .teachers
            .iter()
            .position(|t| t.raises == [0])
            .unwrap();
        assert_eq!(text(&teachers, 3 + raised, 12), "注1");
        assert_eq!(
            row_texts(&teachers, 2),
            [
                "序号",
                "工号",
                "姓名",
                "系部",
                "一体化教师等级",
                "一体化课时",
                "其他课时",
                "合计课时",
                "折算课时",
                "其中课程开发",
                "其中代课",
                "停课扣减",
                "提高系数",
                "提醒"
            ]
        );
        assert!(merged(&mut book, "教师课时汇总").contains(&((0, 0), (0, 13))));
        assert_eq!(teachers.height(), 3 + summary.teachers.len() + 1);

        // A teacher whose 折算课时 has decimals, where a rounding slip would show.
        let (i, known) = summary
            .teachers
            .iter()
            .enumerate()
            .find(|(_, t)| t.totals.weighted.0 % 100_000_000 != 0)
            .expect("the demo has a teacher with decimal 折算课时");
        let row = 3 + i;
        assert_eq!(number(&teachers, row, 0), (i + 1) as f64);
        assert_eq!(text(&teachers, row, 1), known.id);
        assert_eq!(text(&teachers, row, 2), known.name);
        assert_eq!(text(&teachers, row, 4), known.level.name());
        assert_eq!(number(&teachers, row, 5), known.totals.integrated as f64);
        assert_eq!(number(&teachers, row, 6), known.totals.other as f64);
        assert_eq!(number(&teachers, row, 7), known.totals.periods() as f64);
        assert_eq!(number(&teachers, row, 8), known.totals.weighted.to_f64());
        assert_eq!(
            number(&teachers, row, 8).to_string(),
            known.totals.weighted.to_string()
        );

        let courses = sheet(&mut book, "计划与实际");
        assert_eq!(text(&courses, 1, 0), COUNTING_RULE);
        let planned = summary
            .courses
            .iter()
            .position(|c| c.planned.is_some() && c.given > 0)
            .expect("a planned course with lessons");
        let known = &summary.courses[planned];
        assert_eq!(text(&courses, 3 + planned, 3), known.course);
        assert_eq!(
            number(&courses, 3 + planned, 6),
            known.planned.unwrap() as f64
        );
        assert_eq!(number(&courses, 3 + planned, 8), known.given as f64);
        assert_eq!(
            number(&courses, 3 + planned, 10),
            known.given as f64 - known.planned.unwrap() as f64
        );
        assert_eq!(text(&courses, 3 + planned, 11), "按实际");
        // The demo's 停课 and 代课: the plan they came off, and the substitute's row.
        let cancelled = summary
            .courses
            .iter()
            .position(|c| c.cancelled > 0 && c.basis == Basis::Plan)
            .expect("a plan with 停课 or 代课");
        assert_eq!(
            number(&courses, 3 + cancelled, 7),
            summary.courses[cancelled].cancelled as f64
        );
        let substitute = summary
            .courses
            .iter()
            .position(|c| c.substitute > 0)
            .expect("a 代课");
        assert_eq!(
            number(&courses, 3 + substitute, 9),
            summary.courses[substitute].substitute as f64
        );
        let (covered, by) = summary
            .teachers
            .iter()
            .enumerate()
            .find(|(_, t)| t.totals.substitute > 0)
            .expect("a substitute teacher");
        assert_eq!(
            number(&teachers, 3 + covered, 10),
            by.totals.substitute as f64
        );
        let (deducted, of) = summary
            .teachers
            .iter()
            .enumerate()
            .find(|(_, t)| t.totals.cancelled > 0)
            .expect("a teacher whose plan was reduced");
        assert_eq!(
            number(&teachers, 3 + deducted, 11),
            of.totals.cancelled as f64
        );

        let warned = summary
            .teachers
            .iter()
            .position(|t| !t.warnings.is_empty())
            .expect("a teacher over the limit");
        assert_eq!(
            text(&teachers, 3 + warned, 13),
            summary.teachers[warned].warnings.join("；")
        );

        let total_row = 3 + summary.teachers.len();
        assert_eq!(text(&teachers, total_row, 0), "合计");
        assert_eq!(
            number(&teachers, total_row, 5),
            summary.total.integrated as f64
        );
        assert_eq!(number(&teachers, total_row, 6), summary.total.other as f64);
        assert_eq!(
            number(&teachers, total_row, 7),
            summary.total.periods() as f64
        );
        assert_eq!(
            number(&teachers, total_row, 8),
            summary.total.weighted.to_f64()
        );

        for (name, label, groups) in [
            ("系部汇总", "系部", &summary.departments),
            ("专业汇总", "专业", &summary.specialties),
        ] {
            let range = sheet(&mut book, name);
            assert_eq!(
                text(&range, 0, 0),
                format!("赤峰市巴林右旗技工学校 2024-2025学年第一学期 {label}课时汇总表")
            );
            assert_eq!(
                row_texts(&range, 2),
                [label, "一体化课时", "其他课时", "折算课时"]
            );
            assert_eq!(range.height(), 3 + groups.len() + 1, "{name}");
            for (n, (group, totals)) in groups.iter().enumerate() {
                assert_eq!(text(&range, 3 + n, 0), *group);
                assert_eq!(number(&range, 3 + n, 1), totals.integrated as f64);
                assert_eq!(number(&range, 3 + n, 3), totals.weighted.to_f64());
            }
            let last = 3 + groups.len();
            assert_eq!(text(&range, last, 0), "合计");
            assert_eq!(number(&range, last, 2), summary.total.other as f64);
            assert_eq!(number(&range, last, 3), summary.total.weighted.to_f64());
        }
    }

    #[test]
    fn every_coefficient_is_named_and_no_term_means_all_terms() {
        let doc = demo::document(Size::Small);
        let mut settings = doc.workload.clone();
        settings.coefficients.push(Coefficient {
            from: "2024-10-01".parse().unwrap(),
            integrated: Hundredths(150),
        });
        let summary = summarise(&doc.teachers, &doc.terms, &doc.hours, &settings, None);
        let bytes = workload_summary(&doc.school, None, &summary, &settings).unwrap();
        let mut book = open(bytes);
        let range = sheet(&mut book, "专业汇总");
        assert_eq!(
            text(&range, 0, 0),
            "赤峰市巴林右旗技工学校 全部学期 专业课时汇总表"
        );
        let note = text(&range, 1, 0);
        assert!(
            note.contains("自2022-06-30起 1.4；自2024-10-01起 1.5"),
            "{note}"
        );
    }

    #[test]
    fn the_template_has_the_import_header_and_each_teachers_courses() {
        let doc = demo::document(Size::Small);
        let term = doc.terms.iter().find(|t| t.name == TERM).unwrap();
        let mut teachers = doc.teachers.clone();
        teachers.push(Teacher::new("T9001", "新来的", "汽车工程系"));
        let bytes = hours_template(&doc.school, term, &teachers, &doc.hours).unwrap();
        let mut book = open(bytes);
        assert_eq!(book.sheet_names(), ["课时填报", "填写说明"]);
        let range = sheet(&mut book, "课时填报");
        assert_eq!(row_texts(&range, 0), TEMPLATE_HEADERS);

        let rows_of = |id: &str| -> Vec<Vec<String>> {
            (1..range.height())
                .map(|r| row_texts(&range, r))
                .filter(|r| r[0] == id)
                .collect()
        };
        let first = &doc.teachers[0];
        let mut expected: Vec<[String; 4]> = Vec::new();
        for e in doc
            .hours
            .iter()
            .filter(|e| e.teacher == first.id && e.term == TERM)
        {
            let key = [
                e.course.clone(),
                e.kind.name().to_string(),
                e.class.clone(),
                e.specialty.clone(),
            ];
            if !expected.contains(&key) {
                expected.push(key);
            }
        }
        assert!(!expected.is_empty());
        let rows = rows_of(&first.id);
        let got: Vec<[String; 4]> = rows
            .iter()
            .map(|r| [r[3].clone(), r[4].clone(), r[5].clone(), r[6].clone()])
            .collect();
        assert_eq!(got, expected);
        for r in &rows {
            assert_eq!(r[1], first.name);
            assert_eq!(r[2], TERM);
            assert!(r[7..].iter().all(String::is_empty), "{r:?}");
        }

        let new = rows_of("T9001");
        assert_eq!(new.len(), BLANK_ROWS_PER_TEACHER);
        for r in &new {
            assert_eq!(&r[..3], ["T9001", "新来的", TERM]);
            assert!(r[3..].iter().all(String::is_empty), "{r:?}");
        }

        let help = sheet(&mut book, "填写说明");
        let all: Vec<String> = help.rows().flatten().map(ToString::to_string).collect();
        for header in TEMPLATE_HEADERS {
            assert!(all.iter().any(|c| c == header), "{header} is explained");
        }
        assert!(all.iter().any(|c| c.contains("2024-09-01")));
        assert!(all.iter().any(|c| c.contains("不会重复计算")));
    }

    #[test]
    fn the_roster_template_has_the_import_header_and_each_teachers_records() {
        let doc = demo::document(Size::Small);
        let trained = doc
            .teachers
            .iter()
            .find(|t| !t.trainings.is_empty() && !t.practices.is_empty())
            .expect("the demo has a teacher with training and practice");
        let bytes = roster_template(&doc.school, &doc.teachers).unwrap();
        let mut book = open(bytes);
        assert_eq!(book.sheet_names(), ["教师名册", "填写说明"]);
        let range = sheet(&mut book, "教师名册");
        let header = row_texts(&range, 0);
        assert_eq!(header[..6], TEACHER_HEADERS);
        for h in [
            "聘用企业",
            "培训1项目",
            "培训1研修基地",
            "培训1开始日期",
            "培训1结束日期",
            "培训1学时",
            "培训1证书编号",
            "培训2项目",
            "实践1企业",
            "实践1开始日期",
            "实践1结束日期",
            "实践1天数",
            "实践2天数",
        ] {
            assert!(header.iter().any(|c| c == h), "{h} in {header:?}");
        }
        assert_eq!(range.height(), doc.teachers.len() + 1);
        let row = (1..range.height())
            .find(|r| text(&range, *r, 0) == trained.id)
            .unwrap();
        let col = |h: &str| header.iter().position(|c| c == h).unwrap();
        let training = &trained.trainings[0];
        assert_eq!(text(&range, row, col("培训1项目")), training.project);
        assert_eq!(
            number(&range, row, col("培训1学时")),
            f64::from(training.hours)
        );
        let start = match range.get((row, col("培训1开始日期"))) {
            Some(Data::DateTime(d)) => d.as_datetime().unwrap().date(),
            other => panic!("a date cell, not {other:?}"),
        };
        assert_eq!(start, training.start);
        assert_eq!(
            text(&range, row, col("实践1企业")),
            trained.practices[0].enterprise
        );

        let help = sheet(&mut book, "填写说明");
        let all: Vec<String> = help.rows().flatten().map(ToString::to_string).collect();
        for h in ["培训1证书编号", "实践1天数"] {
            assert!(all.iter().any(|c| c == h), "{h} is explained");
        }
        assert!(all.iter().any(|c| c.contains("培训2项目")));
    }

    #[test]
    fn the_resource_report_lists_every_item_and_each_specialtys_matrix() {
        let doc = demo::document(Size::Small);
        let mut items = doc.resources.clone();
        let unreviewed = items.iter().position(|i| i.kind == TEXTBOOK).unwrap();
        // Every textbook of that course, so its matrix cell is 待审 rather than 齐.
        let course = items[unreviewed].course.clone();
        for item in items
            .iter_mut()
            .filter(|i| i.kind == TEXTBOOK && i.course == course)
        {
            item.reviews.clear();
        }
        let rejected = items.iter().rposition(|i| i.kind == TEXTBOOK).unwrap();
        items[rejected].reviews.push(Review {
            conclusion: Conclusion::Reject,
            reviewers: "学校教材审核委员会".into(),
            date: "2024-03-01".parse().unwrap(),
            opinion: String::new(),
        });
        let specialties = resource::specialties(&doc.declarations, &items);
        let bytes =
            resources_report(&doc.school, &items, &doc.resource_kinds, &specialties).unwrap();
        let mut book = open(bytes);
        assert_eq!(book.sheet_names(), ["资源清单", "完整性"]);

        let list = sheet(&mut book, "资源清单");
        assert_eq!(text(&list, 0, 0), "赤峰市巴林右旗技工学校 教学资源清单");
        assert_eq!(
            row_texts(&list, 2),
            [
                "序号",
                "专业",
                "课程",
                "类别",
                "名称",
                "来源",
                "规划教材目录",
                "ISBN",
                "审核结论",
                "是否计入",
                "文件数"
            ]
        );
        assert_eq!(list.height(), items.len() + 3);
        let row = |i: usize| row_texts(&list, 3 + i);
        assert_eq!(row(unreviewed)[8], "未审核");
        assert_eq!(row(unreviewed)[9], "否");
        assert_eq!(row(rejected)[8], "不予通过");
        assert_eq!(row(rejected)[9], "否");
        let selected = items
            .iter()
            .position(|i| {
                i.textbook
                    .as_ref()
                    .is_some_and(|t| t.origin == Origin::Selected)
            })
            .unwrap();
        let book_row = row(selected);
        assert_eq!(book_row[5], "选用");
        assert_eq!(book_row[6], "是");
        assert_eq!(book_row[7], items[selected].textbook.as_ref().unwrap().isbn);
        let other = items.iter().position(|i| i.kind != TEXTBOOK).unwrap();
        assert_eq!(row(other)[4], items[other].title);
        assert_eq!(&row(other)[5..10], ["", "", "", "", "是"]);
        assert_eq!(number(&list, 3 + other, 0), (other + 1) as f64);
        assert_eq!(number(&list, 3 + other, 10), 0.0);

        let matrix = sheet(&mut book, "完整性");
        assert_eq!(matrix.get((2, 0)), Some(&Data::String("课程".into())));
        assert_eq!(
            row_texts(&matrix, 2)[1..],
            doc.resource_kinds
                .iter()
                .map(|k| k.name.clone())
                .collect::<Vec<_>>()
        );
        let mut r = 3;
        for specialty in &specialties {
            assert_eq!(text(&matrix, r, 0), *specialty);
            r += 1;
            for (course, cells) in resource::matrix(&doc.resource_kinds, &items, specialty) {
                let row = row_texts(&matrix, r);
                assert_eq!(row[0], course.unwrap_or_else(|| WHOLE_SPECIALTY.into()));
                let names: Vec<&str> = cells.iter().map(|c| c.name()).collect();
                assert_eq!(row[1..], names);
                r += 1;
            }
        }
        assert_eq!(matrix.height(), r);
        let first_book = row_texts(&matrix, 4);
        assert_eq!(first_book[1], "待审", "the unreviewed textbook's course");
    }
}
