//! The school (技工院校) and its profile (学校基本情况), the first page of every packet.

use serde::{Deserialize, Serialize};

use super::terms::chinese_enum;
use super::{Region, credit_code, phone};

chinese_enum! {
    /// 技工院校 kinds named by the policy (二(一), 三(一)). The kind decides how many specialties a
    /// school may declare per batch. `ALL` runs from the highest level of school to the lowest,
    /// the order the policy names them.
    pub enum SchoolKind: array {
        TechnicianCollege = "技师学院",
        SeniorTechnicalSchool = "高级技工学校",
        TechnicalSchool = "技工学校",
    }
}

impl SchoolKind {
    /// Policy 三(一): "每批次技师学院申报建设专业原则上不超过3个，其他技工院校不超过2个".
    pub fn max_specialties_per_batch(self) -> usize {
        match self {
            SchoolKind::TechnicianCollege => 3,
            SchoolKind::SeniorTechnicalSchool | SchoolKind::TechnicalSchool => 2,
        }
    }
}

/// 学校基本情况. Only name, kind and region are needed to start a file; the rest is filled in
/// later and checked by [`SchoolProfile::validate`] before it is saved. Unknown keys are
/// refused, as everywhere in the interchange format, so a misspelt key is not silently lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolProfile {
    pub name: String,
    pub kind: SchoolKind,
    pub region: Region,
    /// 统一社会信用代码, stored upper-case; empty until the office enters it.
    pub credit_code: String,
    pub address: String,
    /// 校长
    pub principal: String,
    /// 教务处负责人
    pub academic_head: String,
    /// 联系人
    pub contact: String,
    /// 联系电话
    pub phone: String,
}

/// The profile's fields, so errors can be shown next to the field they concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Kind,
    Region,
    CreditCode,
    Address,
    Principal,
    AcademicHead,
    Contact,
    Phone,
}

impl Field {
    /// The label printed on forms and used in messages about the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "学校名称",
            Field::Kind => "学校类型",
            Field::Region => "所属盟市",
            Field::CreditCode => "统一社会信用代码",
            Field::Address => "地址",
            Field::Principal => "校长",
            Field::AcademicHead => "教务处负责人",
            Field::Contact => "联系人",
            Field::Phone => "联系电话",
        }
    }
}

/// One problem with one field, already worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

/// A school name longer than this is surely pasted by mistake; it would not fit the form.
pub const MAX_NAME_CHARS: usize = 60;

impl SchoolProfile {
    /// A profile with just what the first-run form asks; the rest stays empty.
    pub fn new(name: impl Into<String>, kind: SchoolKind, region: Region) -> Self {
        SchoolProfile {
            name: name.into(),
            kind,
            region,
            credit_code: String::new(),
            address: String::new(),
            principal: String::new(),
            academic_head: String::new(),
            contact: String::new(),
            phone: String::new(),
        }
    }

    /// Every problem at once, so the form can mark all fields in one pass. Optional fields may
    /// stay empty: a school often starts a file before it has all the details, and the packet
    /// check (a later step) insists on them before printing.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut push = |field, message: String| errors.push(FieldError { field, message });
        let name = self.name.trim();
        if name.is_empty() {
            push(Field::Name, "请填写学校名称".into());
        } else if name.chars().count() > MAX_NAME_CHARS {
            push(Field::Name, format!("学校名称不能超过{MAX_NAME_CHARS}个字"));
        }
        if !self.credit_code.trim().is_empty()
            && let Err(e) = credit_code::validate(&self.credit_code)
        {
            push(Field::CreditCode, e.to_string());
        }
        if !self.phone.trim().is_empty()
            && let Err(e) = phone::validate(&self.phone)
        {
            push(Field::Phone, e.to_string());
        }
        errors
    }

    /// The form values as they are stored: trimmed, credit code upper-case.
    pub fn normalized(&self) -> SchoolProfile {
        SchoolProfile {
            name: self.name.trim().to_string(),
            kind: self.kind,
            region: self.region,
            credit_code: credit_code::normalize(&self.credit_code),
            address: self.address.trim().to_string(),
            principal: self.principal.trim().to_string(),
            academic_head: self.academic_head.trim().to_string(),
            contact: self.contact.trim().to_string(),
            phone: self.phone.trim().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_per_kind_follows_policy() {
        assert_eq!(SchoolKind::TechnicianCollege.max_specialties_per_batch(), 3);
        assert_eq!(
            SchoolKind::SeniorTechnicalSchool.max_specialties_per_batch(),
            2
        );
        assert_eq!(SchoolKind::TechnicalSchool.max_specialties_per_batch(), 2);
    }

    #[test]
    fn kind_names_round_trip() {
        for k in SchoolKind::ALL {
            assert_eq!(SchoolKind::from_name(k.name()), Some(k));
        }
        assert_eq!(SchoolKind::from_name("职业学院"), None);
    }

    fn fields(p: &SchoolProfile) -> Vec<Field> {
        p.validate().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn empty_optional_fields_are_fine_but_name_is_not() {
        let mut p = SchoolProfile::new(
            "包头技师学院",
            SchoolKind::TechnicianCollege,
            Region::Baotou,
        );
        assert!(p.validate().is_empty());
        p.name = "   ".into();
        assert_eq!(fields(&p), vec![Field::Name]);
        p.name = "校".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(fields(&p), vec![Field::Name]);
    }

    #[test]
    fn bad_code_and_phone_are_reported_on_their_fields() {
        let mut p =
            SchoolProfile::new("赤峰技工学校", SchoolKind::TechnicalSchool, Region::Chifeng);
        p.credit_code = "91350100M000100Y44".into();
        p.phone = "12345".into();
        assert_eq!(fields(&p), vec![Field::CreditCode, Field::Phone]);
        p.credit_code = "91350100m000100y43".into();
        p.phone = "0476-8888888".into();
        assert!(p.validate().is_empty());
        assert_eq!(p.normalized().credit_code, "91350100M000100Y43");
    }
}
