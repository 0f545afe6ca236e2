//! 教师名册: who teaches, how they are employed (policy 二(四): 专兼职, 面向企业聘用), their
//! integrated-teacher level, and the training and enterprise practice the region counts toward
//! its target of 200 trained integrated teachers (policy 一(二)). National ID numbers are
//! deliberately not part of a teacher: the office does not need them here and a lost laptop
//! must not leak them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::terms::chinese_enum;

chinese_enum! {
    pub enum Gender {
        Male = "男",
        Female = "女",
    }
}

chinese_enum! {
    /// 任职形式.
    pub enum Employment {
        FullTime = "专职",
        PartTime = "兼职",
        /// Hired from an enterprise; the enterprise is named on the teacher.
        FromEnterprise = "企业聘用",
    }
}

chinese_enum! {
    /// 一体化教师等级.
    pub enum TeacherLevel {
        First = "一级",
        Second = "二级",
        Third = "三级",
        Unrated = "无",
    }
}

/// One 师资培训 record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    pub project: String,
    /// 研修基地.
    pub base: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// 学时.
    pub hours: u32,
    /// 证书编号; empty until the certificate is issued.
    #[serde(default)]
    pub certificate: String,
}

/// One 企业实践 record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub enterprise: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Teacher {
    /// 工号, unique within the school; hours refer to teachers by it.
    pub id: String,
    pub name: String,
    pub gender: Gender,
    /// 系部.
    pub department: String,
    pub employment: Employment,
    /// The hiring enterprise, for [`Employment::FromEnterprise`]; empty otherwise.
    #[serde(default)]
    pub enterprise: String,
    pub level: TeacherLevel,
    /// 职称.
    #[serde(default)]
    pub title: String,
    /// 技能等级.
    #[serde(default)]
    pub skill_level: String,
    /// 教师资格.
    #[serde(default)]
    pub qualification: String,
    #[serde(default)]
    pub trainings: Vec<Training>,
    #[serde(default)]
    pub practices: Vec<Practice>,
}

impl Teacher {
    /// "教师张伟（T001）及其 37 条课时记录": how a teacher is named when deleting them.
    pub fn with_entries(&self, entries: usize) -> String {
        let mut text = format!("教师{}（{}）", self.name, self.id);
        if entries > 0 {
            text.push_str(&format!("及其 {entries} 条课时记录"));
        }
        text
    }

    /// A teacher with the required fields and nothing else, as the roster form starts.
    pub fn new(id: &str, name: &str, department: &str) -> Teacher {
        Teacher {
            id: id.into(),
            name: name.into(),
            gender: Gender::Male,
            department: department.into(),
            employment: Employment::FullTime,
            enterprise: String::new(),
            level: TeacherLevel::Unrated,
            title: String::new(),
            skill_level: String::new(),
            qualification: String::new(),
            trainings: Vec::new(),
            practices: Vec::new(),
        }
    }

    /// What the roster refuses, each said for the user.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.id.trim().is_empty() {
            problems.push("工号不能为空".to_string());
        } else if self.id.chars().any(char::is_whitespace) {
            problems.push("工号不能含空格".to_string());
        }
        if self.name.trim().is_empty() {
            problems.push("姓名不能为空".to_string());
        }
        if self.department.trim().is_empty() {
            problems.push("系部不能为空".to_string());
        }
        if self.employment == Employment::FromEnterprise && self.enterprise.trim().is_empty() {
            problems.push("企业聘用的教师须填写聘用企业".to_string());
        }
        for t in &self.trainings {
            if t.end < t.start {
                problems.push(format!("培训“{}”的结束日期早于开始日期", t.project));
            }
        }
        for p in &self.practices {
            if p.end < p.start {
                problems.push(format!("企业实践“{}”的结束日期早于开始日期", p.enterprise));
            }
        }
        problems
    }

    /// Counts toward the region's trained-teacher target: at least one training with a
    /// certificate issued.
    pub fn is_trained(&self) -> bool {
        self.trainings
            .iter()
            .any(|t| !t.certificate.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_tolerate_blanks() {
        for level in TeacherLevel::ALL {
            assert_eq!(TeacherLevel::from_name(level.name()), Some(*level));
        }
        assert_eq!(
            Employment::from_name(" 企业聘用 "),
            Some(Employment::FromEnterprise)
        );
        assert_eq!(TeacherLevel::from_name("四级"), None);
    }

    #[test]
    fn an_enterprise_hire_names_the_enterprise() {
        let mut t = Teacher::new("T001", "王芳", "汽车系");
        assert!(t.problems().is_empty());
        t.employment = Employment::FromEnterprise;
        assert_eq!(t.problems(), ["企业聘用的教师须填写聘用企业"]);
        t.enterprise = "包头北奔重汽".into();
        assert!(t.problems().is_empty());
        t.id = "T 1".into();
        t.name = " ".into();
        assert_eq!(t.problems(), ["工号不能含空格", "姓名不能为空"]);
    }
}
