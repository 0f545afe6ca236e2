//! Importing the roster and hours from a sheet (see `table.rs` for reading). Each import is
//! first a plan: every row either becomes a record or a [`Problem`] naming its row, column and
//! reason. Nothing is written here; the caller shows the plan (the dry run) and writes the
//! records only when the office confirms.
//!
//! Incomplete is not invalid: a cell that is wrong (a level that does not exist, a duplicate
//! 工号, a date that is not one) refuses its row, but a cell that is merely blank where the
//! record can do without it (系部, 聘用企业, 专业, a training's 项目, a practice's 企业)
//! imports the row and lists it as [`Incomplete`], 待补充, for the office to complete later.
//! A blank cell is wrong only where the record cannot exist without it: the 工号 and 姓名 that
//! name a teacher; a choice (性别, 任职形式, 一体化教师等级, 课程类型), since guessing one
//! would count the teacher or the hours where they may not belong; the dates and counts of a
//! training or practice; and an entry's 学期, 课程, 班级, 日期 and 节数 (or 周课时 and 周数),
//! without which it cannot be counted or told apart from another.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::table::{Problem, Row, Table};
use crate::domain::workload::{MAX_PERIODS_PER_DAY, parse_date};
use crate::domain::{
    Amount, CourseKind, Employment, Entry, Gender, Practice, Teacher, TeacherLevel, Term, Training,
};

pub const TEACHER_HEADERS: [&str; 6] =
    ["工号", "姓名", "性别", "系部", "任职形式", "一体化教师等级"];
/// The roster's optional columns of one value each, after [`TEACHER_HEADERS`].
pub const TEACHER_OPTIONAL: [&str; 4] = ["聘用企业", "职称", "技能等级", "教师资格"];

/// A roster has one row per teacher, and a teacher may have several 师资培训 and 企业实践
/// records, so each record is a group of columns numbered from 1: 培训1项目 … 培训1证书编号,
/// 培训2项目 …, and 实践1企业 … 实践1天数. HR sheets carry 培训经历一、培训经历二 the same
/// way; a CSV (one sheet) can hold them, which a separate sheet per record kind could not.
pub const TRAINING_PREFIX: &str = "培训";
/// The columns of one training group, after 培训N; the same fields as the window's form.
pub const TRAINING_FIELDS: [&str; 6] = [
    "项目",
    "研修基地",
    "开始日期",
    "结束日期",
    "学时",
    "证书编号",
];
pub const PRACTICE_PREFIX: &str = "实践";
pub const PRACTICE_FIELDS: [&str; 4] = ["企业", "开始日期", "结束日期", "天数"];

/// The header of field `field` of group `n`: 培训2开始日期.
pub fn group_header(prefix: &str, n: u32, field: &str) -> String {
    format!("{prefix}{n}{field}")
}

/// The group numbers a sheet has columns for, ascending: a group counts if any of its columns
/// is there, so a sheet that left out 培训1研修基地 still has its training read.
fn groups(table: &Table, prefix: &str, fields: &[&str]) -> Vec<u32> {
    let mut found: Vec<u32> = table
        .headers()
        .iter()
        .filter_map(|h| {
            let rest = h.strip_prefix(prefix)?;
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let (n, field) = rest.split_at(digits);
            fields
                .contains(&field)
                .then(|| n.parse().ok())
                .flatten()
                .filter(|n| *n > 0)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}
/// Plus 日期 and 节数, or 周课时 and 周数.
pub const HOURS_HEADERS: [&str; 6] = ["工号", "姓名", "学期", "课程", "课程类型", "班级"];

/// What a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Teachers,
    Hours,
}

/// What a sheet would import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan<T> {
    /// Good rows, in sheet order.
    pub records: Vec<T>,
    /// Every problem, by row; a row with a problem gives no record.
    pub problems: Vec<Problem>,
    /// Records imported with fields still to complete, by row.
    pub incomplete: Vec<Incomplete>,
    /// Data rows read (blank rows excluded).
    pub rows: usize,
    /// Rows with nothing to import (a template row left unfilled).
    pub unfilled: usize,
    /// Terms the sheet names that the file does not have yet, with the usual dates.
    pub new_terms: Vec<Term>,
}

impl<T> Plan<T> {
    fn new(table: &Table) -> Plan<T> {
        Plan {
            records: Vec::new(),
            problems: table.problems.clone(),
            incomplete: Vec::new(),
            rows: table.rows.len(),
            unfilled: 0,
            new_terms: Vec::new(),
        }
    }

    /// Rows that have at least one problem.
    pub fn bad_rows(&self) -> usize {
        let mut rows: Vec<usize> = self.problems.iter().map(|p| p.row).collect();
        rows.dedup();
        rows.len()
    }
}

/// A row imported with fields still to complete (待补充): which row, whose, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    pub row: usize,
    /// "王芳（T005）".
    pub who: String,
    /// Each said as "聘用企业待补充".
    pub missing: Vec<String>,
}

impl std::fmt::Display for Incomplete {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "第{}行，{}：{}",
            self.row,
            self.who,
            self.missing.join("、")
        )
    }
}

/// Collects the problems of one row; the row gives a record only if there were none.
struct RowCheck<'a> {
    row: usize,
    problems: &'a mut Vec<Problem>,
    clean: bool,
}

impl RowCheck<'_> {
    fn fail(&mut self, column: &str, reason: impl Into<String>) {
        self.problems
            .push(Problem::new(self.row, Some(column), reason));
        self.clean = false;
    }

    fn required<'r>(&mut self, row: &'r Row, table: &Table, column: &str) -> &'r str {
        let value = row.get(table.column(column));
        if value.is_empty() {
            self.fail(column, "不能为空");
        }
        value
    }

    fn choice<T>(
        &mut self,
        row: &Row,
        table: &Table,
        column: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let value = row.get(table.column(column));
        if value.is_empty() {
            self.fail(column, "不能为空");
            return None;
        }
        let parsed = parse(value);
        if parsed.is_none() {
            self.fail(column, format!("“{value}”无效，应为{}", allowed.join("、")));
        }
        parsed
    }

    /// A date of a training or practice group; `None` (and a problem) when blank or unreadable.
    fn date(&mut self, row: &Row, table: &Table, column: &str) -> Option<NaiveDate> {
        let value = row.get(table.column(column));
        if value.is_empty() {
            self.fail(column, "不能为空");
            return None;
        }
        let date = sheet_date(value);
        if date.is_none() {
            self.fail(column, format!("“{value}”不是日期，应如 2024-09-02"));
        }
        date
    }

    /// Group `n`'s training, `None` when its cells are all blank (nothing to import) or when
    /// something is wrong (said as a problem naming the column).
    fn training(&mut self, row: &Row, table: &Table, n: u32) -> Option<Training> {
        let [project, base, start, end, hours, certificate] =
            TRAINING_FIELDS.map(|f| group_header(TRAINING_PREFIX, n, f));
        if group_blank(
            row,
            table,
            &[&project, &base, &start, &end, &hours, &certificate],
        ) {
            return None;
        }
        let project_name = row.get(table.column(&project));
        let dates = self.dates(row, table, &start, &end);
        let hours = self.count(row, table, &hours);
        let (Some((start, end)), Some(hours)) = (dates, hours) else {
            return None;
        };
        Some(Training {
            project: project_name.to_string(),
            base: row.get(table.column(&base)).to_string(),
            start,
            end,
            hours,
            certificate: row.get(table.column(&certificate)).to_string(),
        })
    }

    /// Group `n`'s enterprise practice, as [`RowCheck::training`].
    fn practice(&mut self, row: &Row, table: &Table, n: u32) -> Option<Practice> {
        let [enterprise, start, end, days] =
            PRACTICE_FIELDS.map(|f| group_header(PRACTICE_PREFIX, n, f));
        if group_blank(row, table, &[&enterprise, &start, &end, &days]) {
            return None;
        }
        let name = row.get(table.column(&enterprise));
        let dates = self.dates(row, table, &start, &end);
        let days = self.count(row, table, &days);
        let (Some((start, end)), Some(days)) = (dates, days) else {
            return None;
        };
        Some(Practice {
            enterprise: name.to_string(),
            start,
            end,
            days,
        })
    }

    fn dates(
        &mut self,
        row: &Row,
        table: &Table,
        start: &str,
        end: &str,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let (from, to) = (self.date(row, table, start), self.date(row, table, end));
        let (from, to) = from.zip(to)?;
        if to < from {
            self.fail(end, format!("结束日期{to}早于开始日期{from}"));
            return None;
        }
        Some((from, to))
    }

    /// A whole number of periods: not negative, not text, not a fraction.
    fn count(&mut self, row: &Row, table: &Table, column: &str) -> Option<u32> {
        let value = row.get(table.column(column));
        if value.is_empty() {
            self.fail(column, "不能为空");
            return None;
        }
        match whole_number(value).parse::<i64>() {
            Ok(n) if n < 0 => self.fail(column, format!("不能为负数（{value}）")),
            Ok(0) => self.fail(column, "须大于0"),
            Ok(n) => {
                return u32::try_from(n).ok().or_else(|| {
                    self.fail(column, format!("“{value}”过大"));
                    None
                });
            }
            Err(_) if value.parse::<f64>().is_ok() => {
                self.fail(column, format!("须为整数（{value}），请填写整数"))
            }
            Err(_) => self.fail(column, format!("“{value}”不是数字")),
        }
        None
    }
}

/// Whether every cell of a group is blank: a template's group left unused, not a mistake.
fn group_blank(row: &Row, table: &Table, columns: &[&str]) -> bool {
    columns.iter().all(|c| row.get(table.column(c)).is_empty())
}

/// `old` with `new` merged in: a record with the same key is replaced (a certificate number
/// added, hours corrected), any other is added, and records the sheet does not mention are
/// kept, so importing a sheet never loses what was entered in the window.
fn merged<T: Clone, K: PartialEq>(old: &[T], new: Vec<T>, key: fn(&T) -> K) -> Vec<T> {
    let mut out = old.to_vec();
    for record in new {
        match out.iter_mut().find(|o| key(o) == key(&record)) {
            Some(o) => *o = record,
            None => out.push(record),
        }
    }
    out
}

/// "3.0" or "3.00" as "3": a CSV saved from a sheet whose column is formatted with decimals
/// writes counts so. Any other text is returned as it is.
fn whole_number(value: &str) -> &str {
    match value.split_once('.') {
        Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => whole,
        _ => value,
    }
}

/// A date as typed, or as Excel's day number (45544 is 2024-09-09) when the date column is
/// formatted as a number or was saved to CSV so. Only the 1900 date system that Windows Excel
/// and WPS use; only numbers of days between 1990 and 2100, so a count or a year typed into the
/// column is not taken for a date. The time of day after the point is dropped.
fn sheet_date(text: &str) -> Option<NaiveDate> {
    parse_date(text).or_else(|| {
        let (days, fraction) = text.split_once('.').unwrap_or((text, "0"));
        if days.is_empty()
            || fraction.is_empty()
            || !days
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        // Day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was, so from
        // March 1900 on, day n is n days after 1899-12-30.
        let date = NaiveDate::from_ymd_opt(1899, 12, 30)?
            .checked_add_days(chrono::Days::new(days.parse().ok()?))?;
        (1990..=2100).contains(&date.year()).then_some(date)
    })
}

fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| name(*v)).collect()
}

/// Plans a roster import. The sheet's 师资培训 and 企业实践 groups are merged into what a
/// teacher already has (a training is the same one when its 项目 and 开始日期 are, a practice
/// when its 企业 and 开始日期 are); records the sheet leaves out are kept.
pub fn teachers(table: &Table, existing: &[Teacher]) -> Plan<Teacher> {
    let mut plan = Plan::new(table);
    let training_groups = groups(table, TRAINING_PREFIX, &TRAINING_FIELDS);
    let practice_groups = groups(table, PRACTICE_PREFIX, &PRACTICE_FIELDS);
    let bad = table.bad_rows();
    let existing: HashMap<&str, &Teacher> = existing.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let enterprise_col = table.column("聘用企业").or(table.column("企业"));
    for row in &table.rows {
        let mut check = RowCheck {
            row: row.number,
            problems: &mut plan.problems,
            clean: !bad.contains(&row.number),
        };
        let id = check.required(row, table, "工号");
        if !id.is_empty() {
            if let Some(first) = seen.get(id) {
                check.fail("工号", format!("“{id}”与第{first}行重复"));
            } else {
                seen.insert(id.to_string(), row.number);
            }
            if id.chars().any(char::is_whitespace) {
                check.fail("工号", "不能含空格");
            }
        }
        let name = check.required(row, table, "姓名");
        let department = row.get(table.column("系部"));
        let gender = check.choice(
            row,
            table,
            "性别",
            Gender::from_name,
            &names(Gender::ALL, Gender::name),
        );
        let employment = check.choice(
            row,
            table,
            "任职形式",
            Employment::from_name,
            &names(Employment::ALL, Employment::name),
        );
        let level = check.choice(
            row,
            table,
            "一体化教师等级",
            TeacherLevel::from_name,
            &names(TeacherLevel::ALL, TeacherLevel::name),
        );
        let enterprise = row.get(enterprise_col);
        let trainings: Vec<Training> = training_groups
            .iter()
            .filter_map(|n| check.training(row, table, *n))
            .collect();
        let practices: Vec<Practice> = practice_groups
            .iter()
            .filter_map(|n| check.practice(row, table, *n))
            .collect();
        let (Some(gender), Some(employment), Some(level)) = (gender, employment, level) else {
            continue;
        };
        if !check.clean {
            continue;
        }
        let previous = existing.get(id);
        let optional = |header: &str, old: Option<&String>| match table.column(header) {
            Some(c) => row.get(Some(c)).to_string(),
            None => old.cloned().unwrap_or_default(),
        };
        let teacher = Teacher {
            id: id.to_string(),
            name: name.to_string(),
            gender,
            department: department.to_string(),
            employment,
            enterprise: if employment == Employment::FromEnterprise {
                enterprise.to_string()
            } else {
                String::new()
            },
            level,
            title: optional("职称", previous.map(|t| &t.title)),
            skill_level: optional("技能等级", previous.map(|t| &t.skill_level)),
            qualification: optional("教师资格", previous.map(|t| &t.qualification)),
            trainings: merged(previous.map_or(&[][..], |t| &t.trainings), trainings, |t| {
                (t.project.clone(), t.start)
            }),
            practices: merged(previous.map_or(&[][..], |t| &t.practices), practices, |p| {
                (p.enterprise.clone(), p.start)
            }),
            // The roster sheet has no 成果 columns: a re-import keeps what the window entered.
            achievements: previous.map(|t| t.achievements.clone()).unwrap_or_default(),
        };
        let missing = teacher.missing();
        if !missing.is_empty() {
            plan.incomplete.push(Incomplete {
                row: row.number,
                who: format!("{name}（{id}）"),
                missing,
            });
        }
        plan.records.push(teacher);
    }
    plan
}

/// Plans an hours import against the roster and terms the file has. A term the file lacks but
/// named the usual way (2024-2025学年第一学期) is planned as a new term with the usual dates.
pub fn hours(table: &Table, roster: &[Teacher], terms: &[Term]) -> Plan<Entry> {
    let mut plan = Plan::new(table);
    let bad = table.bad_rows();
    let roster: HashMap<&str, &Teacher> = roster.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut terms: HashMap<String, Term> =
        terms.iter().map(|t| (t.name.clone(), t.clone())).collect();
    let mut keys: HashMap<String, usize> = HashMap::new();
    let [date_col, periods_col, weekly_col, weeks_col] =
        ["日期", "节数", "周课时", "周数"].map(|h| table.column(h));
    for row in &table.rows {
        let filled = |c| !row.get(c).is_empty();
        if ![date_col, periods_col, weekly_col, weeks_col]
            .into_iter()
            .any(filled)
        {
            plan.unfilled += 1;
            continue;
        }
        let mut check = RowCheck {
            row: row.number,
            problems: &mut plan.problems,
            clean: !bad.contains(&row.number),
        };
        let id = check.required(row, table, "工号");
        let name = row.get(table.column("姓名"));
        match roster.get(id) {
            None if !id.is_empty() => {
                check.fail("工号", format!("名册中没有工号“{id}”，请先导入名册"))
            }
            Some(t) if !name.is_empty() && t.name != name => {
                check.fail("姓名", format!("工号{id}在名册中是{}，不是{name}", t.name))
            }
            _ => {}
        }
        let term_name = check.required(row, table, "学期");
        let term = match terms.get(term_name) {
            Some(t) => Some(t.clone()),
            None if term_name.is_empty() => None,
            None => match Term::from_usual_name(term_name) {
                Some(t) => {
                    plan.new_terms.push(t.clone());
                    terms.insert(t.name.clone(), t.clone());
                    Some(t)
                }
                None => {
                    check.fail(
                        "学期",
                        format!("没有学期“{term_name}”，学期名称应如“2024-2025学年第一学期”"),
                    );
                    None
                }
            },
        };
        let course = check.required(row, table, "课程");
        let class = check.required(row, table, "班级");
        let kind = check.choice(
            row,
            table,
            "课程类型",
            CourseKind::from_name,
            &names(CourseKind::ALL, CourseKind::name),
        );
        // Blank is 授课, so sheets made before 停课 and 代课 existed read as they always did.
        let day_kind = row.get(table.column("记录类型"));
        let amount = if filled(date_col) || filled(periods_col) {
            let date_text = row.get(date_col);
            let date = match sheet_date(date_text) {
                Some(d) => Some(d),
                None if date_text.is_empty() => {
                    check.fail("日期", "填写了节数，但没有日期");
                    None
                }
                None => {
                    check.fail("日期", format!("“{date_text}”不是日期，应如 2024-09-02"));
                    None
                }
            };
            if let (Some(d), Some(t)) = (date, &term)
                && !t.contains(d)
            {
                check.fail(
                    "日期",
                    format!("{d}不在{}（{}至{}）内", t.name, t.start, t.end),
                );
            }
            let periods = check.count(row, table, "节数");
            if let Some(p) = periods
                && p > MAX_PERIODS_PER_DAY
            {
                check.fail("节数", format!("一天{p}节，超过{MAX_PERIODS_PER_DAY}节"));
            }
            let content = row.get(table.column("内容")).to_string();
            match (date.zip(periods), day_kind) {
                (None, _) => None,
                (Some((date, periods)), "" | "授课") => Some(Amount::Lessons {
                    date,
                    periods,
                    content,
                }),
                (Some((date, periods)), "停课") => Some(Amount::Cancelled {
                    date,
                    periods,
                    reason: content,
                }),
                (Some((date, periods)), "代课") => {
                    let absent = row.get(table.column("被代课教师工号"));
                    if absent.is_empty() {
                        check.fail("被代课教师工号", "代课须填写被代课教师的工号");
                    } else if absent == id {
                        check.fail("被代课教师工号", "被代课教师不能是代课教师本人");
                    } else if !roster.contains_key(absent) {
                        check.fail(
                            "被代课教师工号",
                            format!("名册中没有工号“{absent}”，请先导入名册"),
                        );
                    }
                    Some(Amount::Substitute {
                        date,
                        periods,
                        absent: absent.to_string(),
                        content,
                    })
                }
                (Some(_), other) => {
                    check.fail(
                        "记录类型",
                        format!("“{other}”不是记录类型，应为授课、停课或代课（空白即授课）"),
                    );
                    None
                }
            }
        } else {
            if !matches!(day_kind, "" | "授课") {
                check.fail(
                    "记录类型",
                    format!("{day_kind}须填写日期和节数，不能填周课时和周数"),
                );
            }
            let weekly = check.count(row, table, "周课时");
            let weeks = check.count(row, table, "周数");
            weekly
                .zip(weeks)
                .map(|(weekly, weeks)| Amount::Planned { weekly, weeks })
        };
        let (Some(kind), Some(amount), true) = (kind, amount, check.clean) else {
            continue;
        };
        let entry = Entry {
            teacher: id.to_string(),
            term: term_name.to_string(),
            course: course.to_string(),
            specialty: row.get(table.column("专业")).to_string(),
            kind,
            class: class.to_string(),
            amount,
        };
        if let Some(first) = keys.get(&entry.key()) {
            check.fail(
                "日期",
                format!("与第{first}行是同一条课时（同一教师、学期、课程、班级和日期）"),
            );
            continue;
        }
        keys.insert(entry.key(), row.number);
        let missing = entry.missing();
        if !missing.is_empty() {
            let who = roster.get(id).map_or(id, |t| t.name.as_str());
            plan.incomplete.push(Incomplete {
                row: row.number,
                who: format!("{who}（{id}）的{}·{}", entry.course, entry.class),
                missing,
            });
        }
        plan.records.push(entry);
    }
    plan.problems.sort_by_key(|p| p.row);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    #[test]
    fn excel_day_numbers_in_a_date_column_are_dates_between_1990_and_2100() {
        assert_eq!(sheet_date("45544"), day("2024-09-09"));
        assert_eq!(sheet_date("45544.354"), day("2024-09-09"), "a time of day");
        assert_eq!(sheet_date("32874"), day("1990-01-01"));
        assert_eq!(sheet_date("73415"), day("2100-12-31"));
        assert_eq!(sheet_date("2024-09-10 08:30"), day("2024-09-10"));
        for not_a_date in [
            "32873", "73416", "2024", "12", "-45544", "4.5e4", "45544.", "",
        ] {
            assert_eq!(sheet_date(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn decimals_with_only_zeros_are_whole_numbers() {
        assert_eq!(whole_number("3.0"), "3");
        assert_eq!(whole_number("12.00"), "12");
        for kept in ["3.5", "3.", "3.01", "30", "两节"] {
            assert_eq!(whole_number(kept), kept);
        }
    }
}
