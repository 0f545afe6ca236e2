//! Demo schools for trying the app and for benchmarks. Names are made up but look like the
//! schools and people of Inner Mongolia; credit codes carry valid check characters.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::credit_code;
use crate::domain::{
    CooperationMode, CurriculumStandard, Declaration, DeclaredSpecialty, Partner, Programme,
    Region, SchoolKind, SchoolProfile, Schooling, Site, Status,
};

use super::Document;

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
    Document {
        declarations,
        ..Document::new(school)
    }
}

/// A partner with a valid credit code derived from `serial`, so every demo partner differs.
fn partner(name: &str, serial: u32, mode: CooperationMode, contribution: &str) -> Partner {
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
