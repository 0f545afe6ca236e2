//! What the school adds to the policy's weighting (policy 四(二): "可根据课程开发工作量、承担教学任务
//! 难度和教学效果，适当提高工作量计算系数"): raised factors the office approves, and periods credited
//! for course-development work.
//!
//! **How raises apply.** A raise is for a teacher, for a course, or for a teacher on a course, from
//! a date on. For one integrated-course entry, each of the three scopes contributes the latest
//! raise of that scope in force on the entry's date (a lesson's day, a plan's term start), and the
//! contributions multiply with the policy's coefficient: 1.4 × 1.15 (teacher) × 1.1 (course).
//! A later raise of a scope replaces the earlier; a raise of 1 ends it. Other courses are never
//! raised.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Hundredths;
use super::terms::chinese_enum;

chinese_enum! {
    /// 提高系数的依据 (policy 四(二)).
    pub enum RaiseReason {
        Development = "课程开发",
        Difficulty = "教学难度",
        Effect = "教学效果",
        Other = "其他",
    }
}

chinese_enum! {
    /// Whom a raise is for, worked out from which of teacher and course it names.
    pub enum Scope {
        Teacher = "教师",
        Course = "课程",
        TeacherOnCourse = "教师课程",
    }
}

/// The largest raise accepted; more is a typing error (11.5 for 1.15).
pub const MAX_RAISE: Hundredths = Hundredths(300);

/// One approved raise of the integrated-course factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Raise {
    /// The teacher's 工号; empty for every teacher of the course.
    #[serde(default)]
    pub teacher: String,
    /// The course; empty for every course of the teacher.
    #[serde(default)]
    pub course: String,
    pub factor: Hundredths,
    pub reason: RaiseReason,
    /// What the reason is in words, printed in the note.
    #[serde(default)]
    pub note: String,
    /// 批准人.
    pub approver: String,
    pub from: NaiveDate,
}

impl Raise {
    pub fn scope(&self) -> Option<Scope> {
        match (
            self.teacher.trim().is_empty(),
            self.course.trim().is_empty(),
        ) {
            (false, true) => Some(Scope::Teacher),
            (true, false) => Some(Scope::Course),
            (false, false) => Some(Scope::TeacherOnCourse),
            (true, true) => None,
        }
    }

    fn applies(&self, teacher: &str, course: &str, scope: Scope, date: NaiveDate) -> bool {
        self.scope() == Some(scope)
            && self.from <= date
            && (self.teacher.is_empty() || self.teacher == teacher)
            && (self.course.is_empty() || self.course == course)
    }

    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.scope().is_none() {
            problems.push("提高系数须指定教师或课程（或两者）".to_string());
        }
        if self.factor < Hundredths::ONE {
            problems.push(format!("提高系数{}不能小于1", self.factor));
        } else if self.factor > MAX_RAISE {
            problems.push(format!(
                "提高系数{}大于{MAX_RAISE}，请核对是否输错",
                self.factor
            ));
        }
        if self.approver.trim().is_empty() {
            problems.push("提高系数须填写批准人".to_string());
        }
        problems
    }

    /// The note printed under a summary: who, how much, why, approved by whom, from when.
    pub fn describe(&self, teacher_name: Option<&str>) -> String {
        let who = match (teacher_name, self.course.is_empty()) {
            (Some(name), true) => format!("{name}（{}）的一体化课程", self.teacher),
            (Some(name), false) => format!("{name}（{}）的“{}”", self.teacher, self.course),
            (None, _) => format!("课程“{}”", self.course),
        };
        let why = if self.note.trim().is_empty() {
            self.reason.name().to_string()
        } else {
            format!("{}：{}", self.reason.name(), self.note.trim())
        };
        format!(
            "{who}系数×{}，依据{why}，{}批准，{}起",
            self.factor, self.approver, self.from
        )
    }
}

/// The raises in force for one integrated entry, one per scope at most, in scope order, with
/// their place in `raises` (for the notes).
pub fn in_force<'a>(
    raises: &'a [Raise],
    teacher: &str,
    course: &str,
    date: NaiveDate,
) -> impl Iterator<Item = (usize, &'a Raise)> {
    Scope::ALL.iter().filter_map(move |&scope| {
        raises
            .iter()
            .enumerate()
            .filter(|(_, r)| r.applies(teacher, course, scope, date))
            .max_by_key(|(i, r)| (r.from, *i))
            .filter(|(_, r)| r.factor != Hundredths::ONE)
    })
}

/// 课程开发工作量 credited as periods (policy 四(二)), e.g. 校本转化 of a national curriculum
/// standard, worksheets written, a case library built; linked to the resource items it produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Development {
    pub teacher: String,
    pub term: String,
    pub periods: u32,
    /// What was developed.
    pub what: String,
    /// The titles of the resource items it produced.
    #[serde(default)]
    pub resources: Vec<String>,
    pub approver: String,
}

impl Development {
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.teacher.trim().is_empty() {
            problems.push("课程开发工作量须指定教师".to_string());
        }
        if self.what.trim().is_empty() {
            problems.push("请写明开发了什么".to_string());
        }
        if self.periods == 0 {
            problems.push("认定课时须大于0".to_string());
        }
        if self.approver.trim().is_empty() {
            problems.push("课程开发工作量须填写批准人".to_string());
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raise(teacher: &str, course: &str, factor: u64, from: &str) -> Raise {
        Raise {
            teacher: teacher.into(),
            course: course.into(),
            factor: Hundredths(factor),
            reason: RaiseReason::Development,
            note: String::new(),
            approver: "王校长".into(),
            from: from.parse().unwrap(),
        }
    }

    fn factors(raises: &[Raise], teacher: &str, course: &str, day: &str) -> Vec<u64> {
        in_force(raises, teacher, course, day.parse().unwrap())
            .map(|(_, r)| r.factor.0)
            .collect()
    }

    #[test]
    fn one_raise_per_scope_applies_the_latest_in_force() {
        let raises = [
            raise("T001", "", 115, "2024-09-01"),
            raise("T001", "", 120, "2025-02-01"),
            raise("", "发动机检修", 110, "2024-09-01"),
            raise("T001", "发动机检修", 105, "2024-10-01"),
            raise("T002", "", 130, "2024-09-01"),
        ];
        assert_eq!(
            factors(&raises, "T001", "发动机检修", "2024-08-31"),
            Vec::<u64>::new()
        );
        assert_eq!(
            factors(&raises, "T001", "发动机检修", "2024-09-02"),
            [115, 110]
        );
        assert_eq!(
            factors(&raises, "T001", "发动机检修", "2024-10-01"),
            [115, 110, 105]
        );
        assert_eq!(factors(&raises, "T001", "底盘", "2025-03-01"), [120]);
        assert_eq!(factors(&raises, "T003", "发动机检修", "2025-03-01"), [110]);
        // A raise of 1 ends the teacher's raise from its date.
        let mut ended = raises.to_vec();
        ended.push(raise("T001", "", 100, "2025-03-01"));
        assert_eq!(
            factors(&ended, "T001", "底盘", "2025-03-02"),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn a_raise_names_whom_it_is_for_and_who_approved_it() {
        assert!(raise("T001", "", 115, "2024-09-01").problems().is_empty());
        let mut bad = raise("", "", 90, "2024-09-01");
        bad.approver = " ".into();
        assert_eq!(
            bad.problems(),
            [
                "提高系数须指定教师或课程（或两者）",
                "提高系数0.9不能小于1",
                "提高系数须填写批准人"
            ]
        );
        assert_eq!(
            raise("T001", "", 1150, "2024-09-01").problems(),
            ["提高系数11.5大于3，请核对是否输错"]
        );
        assert_eq!(
            raise("T001", "", 115, "2024-09-01").describe(Some("张伟")),
            "张伟（T001）的一体化课程系数×1.15，依据课程开发，王校长批准，2024-09-01起"
        );
    }
}
