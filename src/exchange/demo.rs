//! Demo schools for trying the app and for benchmarks. Names are made up but look like the
//! schools and people of Inner Mongolia; credit codes carry valid check characters.

use crate::domain::{Region, SchoolKind, SchoolProfile};

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
    Document::new(school)
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
