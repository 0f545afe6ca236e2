//! Demo schools for trying the app and for benchmarks. Names are made up but look like the
//! schools and people of Inner Mongolia; credit codes carry valid check characters.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::resource::{TEXTBOOK, default_kinds};
use crate::domain::{Conclusion, Origin, ResourceItem, Review, Textbook, credit_code, isbn};
use crate::domain::{
    CooperationMode, CurriculumStandard, Declaration, DeclaredSpecialty, Partner, Programme,
    Region, SchoolKind, SchoolProfile, Schooling, Site, Status,
};

use super::Document;

mod staff;

/// `small` is a school to click through; `large` the benchmark school later areas extend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Small,
    Large,
}

impl Size {
    pub fn from_name(name: &str) -> Option<Size> {
        match name {
            "small" => Some(Size::Small),
            "large" => Some(Size::Large),
            _ => None,
        }
    }
}

/// The demo school of the given size as an interchange document.
pub fn document(size: Size) -> Document {
    let school = match size {
        Size::Small => SchoolProfile {
            name: "赤峰市巴林右旗技工学校".into(),
            kind: SchoolKind::TechnicalSchool,
            region: Region::Chifeng,
            credit_code: "12150200MB0K3C7D57".into(),
            address: "赤峰市巴林右旗大板镇罕山街18号".into(),
            principal: "孟和".into(),
            academic_head: "乌日娜".into(),
            contact: "张玥".into(),
            phone: "0476-6221234".into(),
        },
        Size::Large => SchoolProfile {
            name: "内蒙古呼和浩特技师学院".into(),
            kind: SchoolKind::TechnicianCollege,
            region: Region::Hohhot,
            credit_code: "12150100MB1902345Y".into(),
            address: "呼和浩特市赛罕区大学东街126号".into(),
            principal: "额尔敦毕力格".into(),
            academic_head: "王堃".into(),
            contact: "李喆".into(),
            phone: "0471-4961234".into(),
        },
    };
    let declarations = match size {
        Size::Small => vec![small_batch_one()],
        Size::Large => large_declarations(),
    };
    let resources = match size {
        Size::Small => {
            let mut items = resources("汽车维修", &COURSES[..3], 1, 0);
            // The small school has not filmed its videos yet: the package shows the gap.
            items.retain(|i| i.kind != "教学视频");
            items.extend(resources("畜牧兽医", &COURSES[..3], 1, 100));
            items
        }
        Size::Large => declarations
            .iter()
            .flat_map(|d| d.specialties.iter())
            .enumerate()
            .flat_map(|(i, s)| resources(&s.name, &COURSES, 30, i * 100))
            .collect(),
    };
    let staff = match size {
        Size::Small => staff::small(&COURSES[..3]),
        Size::Large => {
            let specialties: Vec<String> = declarations
                .iter()
                .flat_map(|d| d.specialties.iter().map(|s| s.name.clone()))
                .collect();
            staff::large(&COURSES, &specialties)
        }
    };
    Document {
        declarations,
        resources,
        teachers: staff.teachers,
        terms: staff.terms,
        hours: staff.hours,
        workload: staff.settings,
        ..Document::new(school)
    }
}

/// Course stems every demo specialty uses; real schools name courses after work tasks.
const COURSES: [&str; 8] = [
    "基础加工与安全生产",
    "设备操作与日常维护",
    "工艺文件编制",
    "质量检测与分析",
    "综合项目实施",
    "生产组织与管理",
    "新技术新工艺应用",
    "企业顶岗实践",
];

const EDITORS: [&str; 8] = [
    "乌日娜",
    "额尔敦毕力格",
    "王堃",
    "李喆",
    "张玥",
    "其木格",
    "巴特尔",
    "刘龑",
];

/// Per course: a selected and a compiled textbook (both reviewed and approved), 6 工作页,
/// 4 教学案例库, 8 教学课件, `videos` 教学视频 and one of each school-based document.
fn resources(specialty: &str, courses: &[&str], videos: usize, serial: usize) -> Vec<ResourceItem> {
    let counts = [
        ("工作页", 6),
        ("教学案例库", 4),
        ("教学课件", 8),
        ("教学视频", videos),
    ];
    let school_based: Vec<String> = default_kinds()
        .into_iter()
        .filter(|k| !k.named_by_policy)
        .map(|k| k.name)
        .collect();
    let mut items = Vec::new();
    for (c, course) in courses.iter().enumerate() {
        let item = |kind: &str, title: String, textbook: Option<Textbook>, reviews: Vec<Review>| {
            ResourceItem {
                specialty: specialty.into(),
                course: Some(course.to_string()),
                kind: kind.into(),
                title,
                textbook,
                reviews,
                files: Vec::new(),
            }
        };
        let n = serial + c;
        #[expect(clippy::expect_used, reason = "the month is 1 to 12 and the day 10")]
        let approved = vec![Review {
            conclusion: Conclusion::Pass,
            reviewers: "学校教材审核委员会".into(),
            date: NaiveDate::from_ymd_opt(2023, 1 + (n % 12) as u32, 10).expect("valid date"),
            opinion: "内容符合工学一体化课程标准，同意使用".into(),
        }];
        #[expect(
            clippy::expect_used,
            reason = "the prefix and a five-digit number are 12 digits"
        )]
        let selected = Textbook {
            origin: Origin::Selected,
            publisher: "中国劳动社会保障出版社".into(),
            isbn: isbn::isbn13_with_check(&format!("9787516{n:05}")).expect("12 digits"),
            edition: "第2版".into(),
            in_national_catalogue: true,
            chief_editor: String::new(),
            editors: Vec::new(),
        };
        let compiled = Textbook {
            origin: Origin::Compiled,
            publisher: String::new(),
            isbn: String::new(),
            edition: "校本第1版".into(),
            in_national_catalogue: false,
            chief_editor: EDITORS[n % EDITORS.len()].into(),
            editors: vec![
                EDITORS[(n + 3) % EDITORS.len()].into(),
                EDITORS[(n + 5) % EDITORS.len()].into(),
            ],
        };
        items.push(item(
            TEXTBOOK,
            format!("{course}（{specialty}）"),
            Some(selected),
            approved.clone(),
        ));
        items.push(item(
            TEXTBOOK,
            format!("{course}学习手册"),
            Some(compiled),
            approved,
        ));
        for (kind, count) in counts {
            for k in 1..=count {
                items.push(item(
                    kind,
                    format!("{course}{kind}{k:02}"),
                    None,
                    Vec::new(),
                ));
            }
        }
        for kind in &school_based {
            items.push(item(kind, format!("{course}{kind}"), None, Vec::new()));
        }
    }
    items
}

/// A partner with a valid credit code derived from `serial`, so every demo partner differs.
fn partner(name: &str, serial: u32, mode: CooperationMode, contribution: &str) -> Partner {
    #[expect(
        clippy::expect_used,
        reason = "digits and the letters M and A, all in the standard's alphabet"
    )]
    let code = credit_code::with_check(&format!("91150100MA{serial:07}"))
        .expect("demo codes use the standard's alphabet");
    Partner {
        name: name.into(),
        credit_code: code,
        mode,
        agreement_date: NaiveDate::from_ymd_opt(2022, 3 + serial % 9, 1 + serial % 27),
        contribution: contribution.into(),
    }
}

fn site(name: &str, area_m2: u32, stations: u32, class_size: u32) -> Site {
    Site {
        name: name.into(),
        area_m2,
        stations,
        class_size,
    }
}

fn programme(schooling: Schooling, enrolment: u32) -> Programme {
    Programme {
        schooling,
        enrolment,
    }
}

fn specialty(
    name: &str,
    programmes: Vec<Programme>,
    sites: Vec<Site>,
    partners: Vec<Partner>,
    teachers: u32,
) -> DeclaredSpecialty {
    DeclaredSpecialty {
        name: name.into(),
        programmes,
        standard: CurriculumStandard::National,
        sites,
        partners,
        teachers,
    }
}

/// Two specialties; one workshop has fewer stations than students, explained as offices do.
fn small_batch_one() -> Declaration {
    use CooperationMode::*;
    use Schooling::*;
    let mut explanations = BTreeMap::new();
    explanations.insert(
        "stations:汽车维修:0".to_string(),
        "实训车间按两人一工位分组教学，2024年9月前增设6个举升工位".to_string(),
    );
    explanations.insert(
        "resources:汽车维修".to_string(),
        "教学视频由合作企业协助拍摄，2023年12月前完成并经教研室审核".to_string(),
    );
    Declaration {
        batch: 1,
        revision: 1,
        status: Status::Checked,
        specialties: vec![
            specialty(
                "汽车维修",
                vec![programme(JuniorThreeYearIntermediate, 45)],
                vec![site("汽车维修一体化实训车间", 640, 36, 42)],
                vec![partner(
                    "巴林右旗宏达汽车服务有限公司",
                    1,
                    Joint,
                    "兼职教师2名、实习岗位20个",
                )],
                7,
            ),
            specialty(
                "畜牧兽医",
                vec![programme(JuniorThreeYearIntermediate, 40)],
                vec![site("动物疫病防治一体化教室", 180, 40, 40)],
                vec![partner(
                    "巴林右旗草原牧业合作社",
                    2,
                    SchoolInEnterprise,
                    "牧场实训基地",
                )],
                5,
            ),
        ],
        explanations,
    }
}

/// Batch 1 (checked) and batch 2 (draft), three specialties each, every rule met.
fn large_declarations() -> Vec<Declaration> {
    use CooperationMode::*;
    use Schooling::*;
    let first = vec![
        specialty(
            "数控加工",
            vec![
                programme(JuniorThreeYearIntermediate, 90),
                programme(SeniorThreeYearAdvanced, 45),
                programme(SeniorFourYearPreTechnician, 30),
            ],
            vec![
                site("数控车削一体化学习工作站", 860, 45, 45),
                site("数控铣削一体化学习工作站", 720, 40, 40),
            ],
            vec![
                partner(
                    "包头北辰重型装备有限公司",
                    11,
                    EnterpriseOnCampus,
                    "共建数控车间、兼职教师4名",
                ),
                partner(
                    "呼和浩特恒通机械制造有限公司",
                    12,
                    Joint,
                    "典型工作任务与生产项目",
                ),
            ],
            14,
        ),
        specialty(
            "电气自动化设备安装与维修",
            vec![
                programme(JuniorThreeYearIntermediate, 90),
                programme(JuniorFiveYearAdvanced, 45),
            ],
            vec![site("电气控制一体化学习工作站", 540, 48, 45)],
            vec![partner(
                "呼和浩特城发电气安装有限公司",
                13,
                SchoolInEnterprise,
                "变电站实训、企业实践岗位",
            )],
            11,
        ),
        specialty(
            "新能源汽车检测与维修",
            vec![
                programme(JuniorThreeYearIntermediate, 45),
                programme(SeniorThreeYearAdvanced, 40),
            ],
            vec![site("新能源汽车一体化实训中心", 980, 42, 40)],
            vec![partner(
                "呼和浩特市蒙驰新能源汽车销售服务有限公司",
                14,
                EnterpriseRun,
                "整车与电池包实训设备",
            )],
            9,
        ),
    ];
    let second = vec![
        specialty(
            "工业机器人应用与维护",
            vec![programme(SeniorThreeYearAdvanced, 40)],
            vec![site("工业机器人一体化学习工作站", 600, 40, 40)],
            vec![partner(
                "呼和浩特金川乳业智能制造有限公司",
                21,
                Joint,
                "智能产线参观与实践",
            )],
            8,
        ),
        specialty(
            "烹饪（中式烹调）",
            vec![programme(JuniorThreeYearIntermediate, 60)],
            vec![site("中式烹调一体化实训室", 420, 60, 60)],
            vec![partner(
                "呼和浩特草原阿妈蒙餐有限公司",
                22,
                EnterpriseOnCampus,
                "蒙餐名师工作室",
            )],
            7,
        ),
        specialty(
            "电子商务",
            vec![programme(JuniorThreeYearIntermediate, 50)],
            vec![site("电子商务运营一体化实训室", 260, 50, 50)],
            vec![partner(
                "内蒙古青城优选电子商务有限公司",
                23,
                SchoolInEnterprise,
                "农牧产品直播运营项目",
            )],
            6,
        ),
    ];
    vec![
        Declaration {
            status: Status::Checked,
            specialties: first,
            ..Declaration::new(1)
        },
        Declaration {
            specialties: second,
            ..Declaration::new(2)
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_schools_pass_the_profile_rules() {
        for size in [Size::Small, Size::Large] {
            assert!(document(size).school.validate().is_empty(), "{size:?}");
        }
        assert_eq!(
            document(Size::Large).school.kind,
            SchoolKind::TechnicianCollege
        );
    }
}
