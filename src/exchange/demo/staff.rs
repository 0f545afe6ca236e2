//! The demo schools' teachers and hours. The large school has 600 teachers and 12,000 entries,
//! the scale issue 4 asks the summary and tables to stay instant at.

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::allowance::{AllowanceBasis, Exception, Pay, Rate, Required};
use crate::domain::exact::Fen;
use crate::domain::raise::{Development, Raise, RaiseReason};
use crate::domain::workload::Settings;
use crate::domain::{
    Amount, CourseKind, Employment, Entry, Gender, Hundredths, Practice, Teacher, TeacherLevel,
    Term, Training,
};

pub struct Staff {
    pub teachers: Vec<Teacher>,
    pub terms: Vec<Term>,
    pub hours: Vec<Entry>,
    pub settings: Settings,
}

const SURNAMES: [&str; 16] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "高", "孙", "马", "郭", "何", "韩",
];
const GIVEN: [&str; 20] = [
    "芳", "强", "敏", "磊", "静", "军", "丽", "涛", "玥", "喆", "堃", "娜", "鹏", "霞", "斌", "婷",
    "晓东", "海燕", "建国", "志刚",
];
/// Mongolian names, written whole as schools write them.
const MONGOLIAN: [&str; 10] = [
    "乌日娜",
    "额尔敦毕力格",
    "其木格",
    "巴特尔",
    "萨仁高娃",
    "阿拉坦仓",
    "苏日娜",
    "朝鲁门",
    "图雅",
    "孟和",
];
const ENTERPRISES: [&str; 4] = [
    "包头北方奔驰重型汽车有限责任公司",
    "内蒙古伊利实业集团股份有限公司",
    "赤峰富龙热力有限责任公司",
    "内蒙古电力（集团）有限责任公司",
];

#[expect(
    clippy::expect_used,
    reason = "called with literal dates only; every demo school is built by the tests"
)]
fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn teacher(n: usize, department: &str) -> Teacher {
    let name = if n.is_multiple_of(5) {
        MONGOLIAN[(n / 5) % MONGOLIAN.len()].to_string()
    } else {
        format!(
            "{}{}",
            SURNAMES[n % SURNAMES.len()],
            GIVEN[(n * 7 / 3) % GIVEN.len()]
        )
    };
    let employment = match n % 10 {
        7 => Employment::PartTime,
        9 => Employment::FromEnterprise,
        _ => Employment::FullTime,
    };
    let mut t = Teacher::new(&format!("T{:04}", n + 1), &name, department);
    t.gender = if n % 3 == 1 {
        Gender::Female
    } else {
        Gender::Male
    };
    t.employment = employment;
    if employment == Employment::FromEnterprise {
        t.enterprise = ENTERPRISES[n % ENTERPRISES.len()].into();
    }
    t.level = match n % 6 {
        0 => TeacherLevel::First,
        1 | 2 => TeacherLevel::Second,
        3 => TeacherLevel::Third,
        _ => TeacherLevel::Unrated,
    };
    t.title = ["讲师", "高级讲师", "实习指导教师", "正高级讲师"][n % 4].into();
    t.skill_level = ["高级工", "技师", "高级技师"][n % 3].into();
    t.qualification = "中等职业学校教师资格".into();
    if n.is_multiple_of(4) {
        t.trainings.push(Training {
            project: "工学一体化师资专项培训".into(),
            base: "自治区级一体化师资研修基地（包头）".into(),
            start: date(2023, 7, 10),
            end: date(2023, 7, 21),
            hours: 80,
            certificate: if n.is_multiple_of(8) {
                format!("NMGYTH2023{:04}", n + 1)
            } else {
                String::new()
            },
        });
    }
    if n.is_multiple_of(7) {
        t.practices.push(Practice {
            enterprise: ENTERPRISES[(n / 7) % ENTERPRISES.len()].into(),
            start: date(2024, 7, 15),
            end: date(2024, 8, 15),
            days: 30,
        });
    }
    t
}

#[expect(
    clippy::expect_used,
    reason = "two literal usual names, which Term::from_usual_name's tests read"
)]
fn terms() -> Vec<Term> {
    ["2024-2025学年第一学期", "2024-2025学年第二学期"]
        .iter()
        .map(|n| Term::from_usual_name(n).expect("a usual name"))
        .collect()
}

/// `teachers` teachers over `departments`, each with `per_term` entries in each of two terms:
/// every fourth entry a term plan, the rest days of lessons on weekdays.
fn staff(
    teachers: usize,
    departments: &[(&str, &str)],
    courses: &[&str],
    per_term: usize,
) -> Staff {
    let terms = terms();
    let teachers: Vec<Teacher> = (0..teachers)
        .map(|n| teacher(n, departments[n % departments.len()].0))
        .collect();
    let mut hours = Vec::new();
    for (n, t) in teachers.iter().enumerate() {
        let specialty = departments[n % departments.len()].1;
        for term in &terms {
            for k in 0..per_term {
                let course = courses[(n + k) % courses.len()];
                let kind = if (n + k) % 3 == 2 {
                    CourseKind::Other
                } else {
                    CourseKind::Integrated
                };
                let short: String = specialty.chars().take(2).collect();
                let class = format!("{short}{}班", 2401 + (k % 3));
                let amount = if k % 4 == 3 {
                    Amount::Planned {
                        weekly: 2 + (n % 3) as u32,
                        weeks: 18,
                    }
                } else {
                    // Weekdays only, one course per day, from the second Monday of term.
                    let to_monday = (7 - term.start.weekday().num_days_from_monday()) % 7;
                    let offset = i64::from(to_monday) + 7 + (k as i64 / 5) * 7 + k as i64 % 5;
                    let day = term.start + Duration::days(offset);
                    Amount::Lessons {
                        date: day,
                        periods: 2 + ((n + k) % 5) as u32,
                        content: format!("学习任务{}：{}", k + 1, course),
                    }
                };
                hours.push(Entry {
                    teacher: t.id.clone(),
                    term: term.name.clone(),
                    course: course.to_string(),
                    specialty: specialty.into(),
                    kind,
                    class,
                    amount,
                });
            }
        }
    }
    // Every sixth teacher has a class taught by plan alone that loses a day to 停课 and another
    // to the next teacher's 代课, so the summary's deductions and substitutes have figures.
    for n in (4..teachers.len().saturating_sub(1)).step_by(6) {
        let specialty = departments[n % departments.len()].1;
        let short: String = specialty.chars().take(2).collect();
        let plan = Entry {
            teacher: teachers[n].id.clone(),
            term: terms[0].name.clone(),
            course: courses[n % courses.len()].to_string(),
            specialty: specialty.into(),
            kind: CourseKind::Integrated,
            class: format!("{short}2404班"),
            amount: Amount::Planned {
                weekly: 2,
                weeks: 18,
            },
        };
        hours.push(plan.clone());
        let on = |days| terms[0].start + Duration::days(days);
        hours.push(Entry {
            amount: Amount::Cancelled {
                date: on(45),
                periods: 2,
                reason: "校运动会停课".into(),
            },
            ..plan.clone()
        });
        hours.push(Entry {
            teacher: teachers[n + 1].id.clone(),
            amount: Amount::Substitute {
                date: on(52),
                periods: 2,
                absent: teachers[n].id.clone(),
                content: "病假代课".into(),
            },
            ..plan
        });
    }
    Staff {
        settings: Settings {
            weekly_limit: Some(20),
            term_limit: Some(400),
            ..adjustments(&teachers, &terms, courses)
        },
        teachers,
        terms,
        hours,
    }
}

/// What an office approves on top of the policy's 1.4, so every column of the summary and the
/// 课时津贴表 has figures: a raise of each scope, credited development for every tenth teacher,
/// 额定课时 by 职称 with one exception, and an allowance on the excess from a dated rate.
fn adjustments(teachers: &[Teacher], terms: &[Term], courses: &[&str]) -> Settings {
    let raise = |teacher: &Teacher, course: &str, factor, reason, note: &str, from| Raise {
        teacher: teacher.id.clone(),
        course: course.into(),
        factor: Hundredths(factor),
        reason,
        note: note.into(),
        approver: "校长办公会".into(),
        from,
    };
    let mut raises = vec![
        raise(
            &teachers[0],
            "",
            115,
            RaiseReason::Development,
            "主持校本一体化课程转化",
            date(2024, 9, 1),
        ),
        raise(
            &teachers[1],
            courses[1],
            105,
            RaiseReason::Effect,
            "学生评教第一",
            date(2024, 9, 1),
        ),
    ];
    raises.push(Raise {
        teacher: String::new(),
        ..raise(
            &teachers[0],
            courses[0],
            110,
            RaiseReason::Difficulty,
            "新设备实训",
            date(2025, 2, 1),
        )
    });
    let developments = teachers
        .iter()
        .step_by(10)
        .enumerate()
        .map(|(k, t)| Development {
            teacher: t.id.clone(),
            term: terms[k % terms.len()].name.clone(),
            periods: 12,
            what: format!("校本转化：{}课程标准及工作页", courses[k % courses.len()]),
            resources: Vec::new(),
            approver: "教务处".into(),
        })
        .collect();
    Settings {
        raises,
        developments,
        pay: Pay {
            required: vec![
                Required {
                    title: String::new(),
                    periods: 24,
                },
                Required {
                    title: "高级讲师".into(),
                    periods: 20,
                },
            ],
            exceptions: vec![Exception {
                teacher: teachers[2].id.clone(),
                periods: 12,
                reason: "系部主任".into(),
            }],
            rates: vec![
                Rate {
                    from: date(2024, 9, 1),
                    title: String::new(),
                    per_period: Fen(3000),
                },
                Rate {
                    from: date(2024, 9, 1),
                    title: "正高级讲师".into(),
                    per_period: Fen(4000),
                },
            ],
            basis: AllowanceBasis::Excess,
        },
        ..Settings::default()
    }
}

pub fn small(courses: &[&str]) -> Staff {
    staff(
        12,
        &[("汽车工程系", "汽车维修"), ("农牧工程系", "畜牧兽医")],
        courses,
        6,
    )
}

pub fn large(courses: &[&str], specialties: &[String]) -> Staff {
    const DEPARTMENTS: [&str; 6] = [
        "机械工程系",
        "电气工程系",
        "汽车工程系",
        "信息工程系",
        "建筑工程系",
        "经济管理系",
    ];
    let departments: Vec<(&str, &str)> = specialties
        .iter()
        .enumerate()
        .map(|(i, s)| (DEPARTMENTS[i % DEPARTMENTS.len()], s.as_str()))
        .collect();
    staff(600, &departments, courses, 10)
}
