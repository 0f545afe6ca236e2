//! 教师名册: who teaches, how they are employed (policy 二(四): 专兼职, 面向企业聘用), their
//! integrated-teacher level, and the training and enterprise practice the region counts toward
//! its target of 200 trained integrated teachers (policy 一(二)). National ID numbers are
//! deliberately not part of a teacher: the office does not need them here and a lost laptop
//! must not leak them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::resource::FileRef;
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

chinese_enum! {
    /// 成果认定的类别: the two kinds of national work the policy rewards by name, and the rest.
    pub enum AchievementKind {
        /// 参与制定国家一体化课程标准.
        CurriculumStandard = "国家一体化课程标准",
        /// 参与编写全国技工教育规划教材.
        PlannedTextbook = "全国规划教材",
        Other = "其他",
    }
}

/// One 成果认定 record: national work the teacher took part in, printed on the roster and the
/// 工作量证明 for 评优评先 and 职称评定.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    pub kind: AchievementKind,
    /// The standard's or textbook's name.
    pub title: String,
    /// 主编, 副主编, 参编, 主持, 参与…: free text, since publishers and ministries word roles
    /// differently and the office copies what the certificate says.
    pub role: String,
    pub date: NaiveDate,
    /// The certificate or title page, by reference as resource files are (never copied in).
    #[serde(default)]
    pub evidence: Option<FileRef>,
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
    /// 成果认定; documents from before it existed have none.
    #[serde(default)]
    pub achievements: Vec<Achievement>,
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
            achievements: Vec::new(),
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
        for a in &self.achievements {
            if a.title.trim().is_empty() {
                problems.push(format!("{}成果须填写名称", a.kind.name()));
            } else if a.role.trim().is_empty() {
                problems.push(format!("成果“{}”须填写本人承担的角色", a.title));
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

/// How many of a roster count toward the region's 200 trained integrated teachers, and how many
/// hold each 一体化教师等级, highest (一级, per the 2022 training standard) first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    pub teachers: usize,
    pub trained: usize,
    /// Every level in [`TeacherLevel::ALL`] order, with its count (zero included, so every
    /// place that shows the counts lists the same levels).
    pub levels: Vec<(TeacherLevel, usize)>,
}

/// The counts the roster, the summary, the packet and `info` show.
pub fn counts(teachers: &[Teacher]) -> Counts {
    Counts {
        teachers: teachers.len(),
        trained: teachers.iter().filter(|t| t.is_trained()).count(),
        levels: TeacherLevel::ALL
            .iter()
            .map(|&level| (level, teachers.iter().filter(|t| t.level == level).count()))
            .collect(),
    }
}

impl Counts {
    /// "取得一体化师资培训证书2人；一级1人、二级0人、三级1人、无3人", the same words in the
    /// window, the packet and the command line; a level is named as the forms name it.
    pub fn describe(&self) -> String {
        let levels: Vec<String> = self
            .levels
            .iter()
            .map(|(level, n)| format!("{}{n}人", level.name()))
            .collect();
        format!(
            "取得一体化师资培训证书{}人；{}",
            self.trained,
            levels.join("、")
        )
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

    #[test]
    fn counts_the_trained_by_certificate_and_every_level() {
        let training = |certificate: &str| Training {
            project: "一体化教师培训".into(),
            base: "内蒙古技师学院".into(),
            start: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2024, 7, 10).unwrap(),
            hours: 80,
            certificate: certificate.into(),
        };
        let mut a = Teacher::new("T1", "其木格", "汽车系");
        a.level = TeacherLevel::First;
        a.trainings = vec![training(""), training("NMG2024-001")];
        let mut b = Teacher::new("T2", "张伟", "汽车系");
        b.level = TeacherLevel::Third;
        b.trainings = vec![training("  ")];
        let c = Teacher::new("T3", "王芳", "机电系");
        let counts = counts(&[a, b, c]);
        assert_eq!(counts.teachers, 3);
        assert_eq!(
            counts.trained, 1,
            "a blank certificate number is not a certificate"
        );
        assert_eq!(
            counts.levels,
            [
                (TeacherLevel::First, 1),
                (TeacherLevel::Second, 0),
                (TeacherLevel::Third, 1),
                (TeacherLevel::Unrated, 1),
            ]
        );
        assert_eq!(
            counts.describe(),
            "取得一体化师资培训证书1人；一级1人、二级0人、三级1人、无1人"
        );
    }

    #[test]
    fn an_achievement_names_what_and_the_role() {
        let mut t = Teacher::new("T001", "王芳", "汽车系");
        t.achievements.push(Achievement {
            kind: AchievementKind::PlannedTextbook,
            title: " ".into(),
            role: "参编".into(),
            date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            evidence: None,
        });
        assert_eq!(t.problems(), ["全国规划教材成果须填写名称"]);
        t.achievements[0].title = "汽车电气".into();
        t.achievements[0].role.clear();
        assert_eq!(t.problems(), ["成果“汽车电气”须填写本人承担的角色"]);
    }
}
