//! Importing the roster and hours from a sheet (see `table.rs` for reading). Each import is
//! first a plan: every row either becomes a record or a [`Problem`] naming its row, column and
//! reason. Nothing is written here; the caller shows the plan (the dry run) and writes the
//! records only when the office confirms.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::table::{Problem, Row, Table};
use crate::domain::workload::{MAX_PERIODS_PER_DAY, parse_date};
use crate::domain::{Amount, CourseKind, Employment, Entry, Gender, Teacher, TeacherLevel, Term};

pub const TEACHER_HEADERS: [&str; 6] =
    ["工号", "姓名", "性别", "系部", "任职形式", "一体化教师等级"];
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

/// Plans a roster import. Teachers already on the roster keep their training and practice
/// records (a roster sheet does not carry them).
pub fn teachers(table: &Table, existing: &[Teacher]) -> Plan<Teacher> {
    let mut plan = Plan::new(table);
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
        let department = check.required(row, table, "系部");
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
        if employment == Some(Employment::FromEnterprise) && enterprise.is_empty() {
            check.fail("聘用企业", "企业聘用的教师须填写聘用企业");
        }
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
        plan.records.push(Teacher {
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
            trainings: previous.map(|t| t.trainings.clone()).unwrap_or_default(),
            practices: previous.map(|t| t.practices.clone()).unwrap_or_default(),
        });
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
            date.zip(periods).map(|(date, periods)| Amount::Lessons {
                date,
                periods,
                content: row.get(table.column("内容")).to_string(),
            })
        } else {
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
