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

    /// What the roster refuses, each said for the user: a value that is wrong, or one without
    /// which the teacher cannot be told apart (工号, which hours refer to) or named (姓名).
    /// What is merely not known yet is [`Teacher::missing`], not a refusal: an HR sheet often
    /// lacks a hire's enterprise, and refusing the row would lose the whole teacher.
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

    /// What the office still has to complete (待补充), each said as "聘用企业待补充": the
    /// teacher is kept and counted, and the roster, the import's dry run and `check` list
    /// these until they are filled in. 职称, 技能等级 and 教师资格 are not listed: many
    /// teachers rightly have none; nor is a training's 证书编号, which waits for the
    /// certificate, or its 研修基地, which an online course has not. A training or practice is
    /// known by its dates, so its name can wait.
    pub fn missing(&self) -> Vec<String> {
        let mut missing = Vec::new();
        if self.department.trim().is_empty() {
            missing.push("系部待补充".to_string());
        }
        if self.employment == Employment::FromEnterprise && self.enterprise.trim().is_empty() {
            missing.push("聘用企业待补充".to_string());
        }
        for t in &self.trainings {
            if t.project.trim().is_empty() {
                missing.push(format!("{}开始的培训项目待补充", t.start));
            }
        }
        for p in &self.practices {
            if p.enterprise.trim().is_empty() {
                missing.push(format!("{}开始的企业实践企业待补充", p.start));
            }
        }
        missing
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
    fn an_enterprise_hire_without_the_enterprise_is_incomplete_not_refused() {
        let mut t = Teacher::new("T001", "王芳", "汽车系");
        assert!(t.problems().is_empty());
        assert!(t.missing().is_empty());
        t.employment = Employment::FromEnterprise;
        assert!(t.problems().is_empty());
        assert_eq!(t.missing(), ["聘用企业待补充"]);
        t.enterprise = "包头北奔重汽".into();
        assert!(t.missing().is_empty());
        t.department = " ".into();
        assert!(t.problems().is_empty());
        assert_eq!(t.missing(), ["系部待补充"]);
    }

    #[test]
    fn a_wrong_value_is_refused_whatever_is_missing() {
        let mut t = Teacher::new("T 1", " ", "");
        t.employment = Employment::FromEnterprise;
        t.trainings.push(Training {
            project: "一体化课程开发".into(),
            base: String::new(),
            start: NaiveDate::from_ymd_opt(2024, 7, 10).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap_or_default(),
            hours: 40,
            certificate: String::new(),
        });
        assert_eq!(
            t.problems(),
            [
                "工号不能含空格",
                "姓名不能为空",
                "培训“一体化课程开发”的结束日期早于开始日期"
            ]
        );
        assert_eq!(t.missing(), ["系部待补充", "聘用企业待补充"]);
        t.trainings[0].project.clear();
        assert_eq!(t.missing()[2], "2024-07-10开始的培训项目待补充");
        t.id = String::new();
        assert_eq!(t.problems()[0], "工号不能为空");
    }
}
