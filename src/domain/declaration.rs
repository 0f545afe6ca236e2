//! 建设专业申报: a school's declaration of specialties for one batch, with everything the
//! regional office asks about each specialty.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::terms::chinese_enum;
use super::{Level, Schooling};

chinese_enum! {
    /// 草稿 → 已校验 → 已签署. A signed revision is never edited again: changing it starts the
    /// next revision, so what was signed stays on record.
    pub enum Status {
        Draft = "草稿",
        Checked = "已校验",
        Signed = "已签署",
    }
}

/// One revision of the declaration for one batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    pub batch: u32,
    /// 1 for the first; a signed revision is followed by revision + 1.
    pub revision: u32,
    pub status: Status,
    pub specialties: Vec<DeclaredSpecialty>,
    /// 说明: the office's written explanation of each warning, keyed by the finding's id;
    /// printed with the packet.
    pub explanations: BTreeMap<String, String>,
}

chinese_enum! {
    /// 国家标准 (the national 工学一体化 curriculum standard as published) or 校本转化 (the
    /// school's adaptation of it).
    pub enum CurriculumStandard: array {
        National = "国家标准",
        SchoolBased = "校本转化",
    }
}

chinese_enum! {
    /// 校企合作 modes named by policy 二(五).
    pub enum CooperationMode: array {
        EnterpriseOnCampus = "引企驻校",
        SchoolInEnterprise = "引校进企",
        Joint = "校企联动",
        EnterpriseRun = "企业办学",
    }
}

/// One specialty of a declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredSpecialty {
    /// The catalogue name.
    pub name: String,
    pub programmes: Vec<Programme>,
    pub standard: CurriculumStandard,
    pub sites: Vec<Site>,
    pub partners: Vec<Partner>,
    /// Integrated teachers assigned; a count until the roster exists.
    pub teachers: u32,
}

impl DeclaredSpecialty {
    /// Whether anything was entered beyond choosing it: losing it would lose typing.
    pub fn is_filled_in(&self) -> bool {
        self.teachers > 0
            || !self.sites.is_empty()
            || !self.partners.is_empty()
            || self.programmes.len() > 1
            || self.programmes.iter().any(|p| p.enrolment > 0)
    }
}

/// 培养层次 with its 学制 and planned enrolment (计划招生人数).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub schooling: Schooling,
    pub enrolment: u32,
}

impl Programme {
    pub fn level(&self) -> Level {
        self.schooling.level()
    }
}

/// 教学场地 (policy 二(三): sized to the class).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub name: String,
    /// Floor area in whole square metres, as site plans give it.
    pub area_m2: u32,
    /// 工位数
    pub stations: u32,
    /// 班级规模: students taught there at once.
    pub class_size: u32,
}

/// 合作企业 (policy 二(五)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    pub credit_code: String,
    pub mode: CooperationMode,
    pub agreement_date: Option<NaiveDate>,
    /// What the enterprise contributes (场地、设备、兼职教师、实习岗位…).
    pub contribution: String,
}

impl Declaration {
    /// A new, empty first revision for `batch`.
    pub fn new(batch: u32) -> Declaration {
        Declaration {
            batch,
            revision: 1,
            status: Status::Draft,
            specialties: Vec::new(),
            explanations: BTreeMap::new(),
        }
    }

    /// The next revision of a signed declaration: the same content, back to 草稿.
    pub fn next_revision(&self) -> Declaration {
        Declaration {
            revision: self.revision + 1,
            status: Status::Draft,
            ..self.clone()
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.status == Status::Signed
    }

    /// Whether a specialty of this name is declared.
    pub fn declares(&self, name: &str) -> bool {
        self.specialties.iter().any(|s| s.name == name)
    }

    /// Follows a catalogue entry's new name: the declared specialty, and the explanations of
    /// its findings, whose ids name the specialty as one `:`-separated part.
    pub fn rename_specialty(&mut self, old: &str, new: &str) {
        for s in self.specialties.iter_mut().filter(|s| s.name == old) {
            s.name = new.to_string();
        }
        let explanations = std::mem::take(&mut self.explanations);
        self.explanations = explanations
            .into_iter()
            .map(|(id, text)| {
                let parts: Vec<&str> = id
                    .split(':')
                    .map(|part| if part == old { new } else { part })
                    .collect();
                (parts.join(":"), text)
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_specialty_keeps_its_explanations() {
        let mut d = Declaration::new(1);
        d.specialties.push(DeclaredSpecialty {
            name: "汽车维修".into(),
            programmes: Vec::new(),
            standard: CurriculumStandard::National,
            sites: Vec::new(),
            partners: Vec::new(),
            teachers: 0,
        });
        d.explanations
            .insert("stations:汽车维修:0".into(), "工位在建".into());
        d.explanations
            .insert("earlier:汽车维修专业".into(), "另一个专业".into());
        d.rename_specialty("汽车维修", "汽车维修与检测");
        assert!(d.declares("汽车维修与检测"));
        assert!(!d.declares("汽车维修"));
        assert_eq!(
            d.explanations.keys().collect::<Vec<_>>(),
            ["earlier:汽车维修专业", "stations:汽车维修与检测:0"],
            "only the part that is the name changes"
        );
    }
}
