//! Closed sets of values that users see by their Chinese names: the name is what the forms show,
//! what spreadsheets hold and what the interchange JSON stores.

/// Declares an enum whose variants are known by a Chinese name, with `name()`, `ALL` and
/// `from_name()` (which accepts surrounding blanks, as spreadsheet cells carry them). The name
/// is also the serde name, so the JSON and the school file store exactly that text.
///
/// `ALL` is a slice (`&[T]`), which the forms' choice rows take as it is; written
/// `pub enum T: array { .. }` it is an array (`[T; N]`) instead, for callers that iterate it by
/// value or `map` it. Attributes before `pub enum` (doc comments, an extra `derive`) go on the
/// enum, attributes before a variant on the variant.
macro_rules! chinese_enum {
    ($(#[$meta:meta])* pub enum $ty:ident: array { $($(#[$vmeta:meta])* $variant:ident = $name:literal,)+ }) => {
        $crate::domain::terms::chinese_enum!(@enum $(#[$meta])* $ty { $($(#[$vmeta])* $variant = $name,)+ });

        impl $ty {
            /// Every value, in the order they are offered.
            pub const ALL: [$ty; <[&str]>::len(&[$($name),+])] = [$($ty::$variant,)+];
        }
    };
    ($(#[$meta:meta])* pub enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $name:literal,)+ }) => {
        $crate::domain::terms::chinese_enum!(@enum $(#[$meta])* $ty { $($(#[$vmeta])* $variant = $name,)+ });

        impl $ty {
            /// Every value, in the order they are offered.
            pub const ALL: &[$ty] = &[$($ty::$variant,)+];
        }
    };
    (@enum $(#[$meta:meta])* $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $name:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $ty {
            $($(#[$vmeta])* #[serde(rename = $name)] $variant,)+
        }

        impl $ty {
            /// The Chinese name, as shown, printed and stored in files.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }

            /// Reads the Chinese name back (forms, sheets, command-line arguments, stored
            /// values), ignoring surrounding blanks.
            pub fn from_name(text: &str) -> Option<$ty> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| v.name() == text)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

pub(crate) use chinese_enum;

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use crate::domain::check::Severity;
    use crate::domain::resource::{Cell, FileStatus, ReviewState};
    use crate::domain::signature::SignatureRole;
    use crate::domain::{
        Conclusion, CooperationMode, CourseKind, CurriculumStandard, Employment, Gender, Level,
        Origin, Region, SchoolKind, Schooling, Status, TeacherLevel,
    };

    /// Each value's JSON is its Chinese name, exactly: school files and signed packets in the
    /// wild hold these strings.
    fn pin<T: Serialize + Copy + std::fmt::Debug>(
        pairs: &[(T, &str)],
        name: fn(T) -> &'static str,
    ) {
        for &(value, text) in pairs {
            assert_eq!(
                serde_json::to_string(&value).unwrap(),
                format!("\"{text}\""),
                "{value:?}"
            );
            assert_eq!(name(value), text, "{value:?}");
        }
    }

    #[test]
    fn every_name_is_what_files_store() {
        use SchoolKind as K;
        pin(
            &[
                (K::TechnicianCollege, "技师学院"),
                (K::SeniorTechnicalSchool, "高级技工学校"),
                (K::TechnicalSchool, "技工学校"),
            ],
            K::name,
        );
        use Region as R;
        pin(
            &[
                (R::Hohhot, "呼和浩特市"),
                (R::Baotou, "包头市"),
                (R::Wuhai, "乌海市"),
                (R::Chifeng, "赤峰市"),
                (R::Tongliao, "通辽市"),
                (R::Ordos, "鄂尔多斯市"),
                (R::Hulunbuir, "呼伦贝尔市"),
                (R::Bayannur, "巴彦淖尔市"),
                (R::Ulanqab, "乌兰察布市"),
                (R::Hinggan, "兴安盟"),
                (R::XilinGol, "锡林郭勒盟"),
                (R::Alxa, "阿拉善盟"),
                (R::Manzhouli, "满洲里市"),
                (R::RegionDirect, "自治区直属"),
            ],
            R::name,
        );
        pin(
            &[
                (Status::Draft, "草稿"),
                (Status::Checked, "已校验"),
                (Status::Signed, "已签署"),
            ],
            Status::name,
        );
        use CurriculumStandard as D;
        pin(
            &[(D::National, "国家标准"), (D::SchoolBased, "校本转化")],
            D::name,
        );
        use CooperationMode as M;
        pin(
            &[
                (M::EnterpriseOnCampus, "引企驻校"),
                (M::SchoolInEnterprise, "引校进企"),
                (M::Joint, "校企联动"),
                (M::EnterpriseRun, "企业办学"),
            ],
            M::name,
        );
        pin(
            &[
                (Severity::Error, "错误"),
                (Severity::Warning, "提醒"),
                (Severity::Incomplete, "待补充"),
            ],
            Severity::name,
        );
        use Level as L;
        pin(
            &[
                (L::Intermediate, "中级工"),
                (L::Advanced, "高级工"),
                (L::PreTechnician, "预备技师"),
            ],
            L::name,
        );
        use Schooling as S;
        pin(
            &[
                (S::JuniorThreeYearIntermediate, "初中起点三年中级"),
                (S::SeniorThreeYearAdvanced, "高中起点三年高级"),
                (S::JuniorFiveYearAdvanced, "初中起点五年高级"),
                (S::SeniorFourYearPreTechnician, "高中起点四年预备技师"),
                (S::JuniorSixYearPreTechnician, "初中起点六年预备技师"),
            ],
            S::name,
        );
        pin(
            &[(Origin::Compiled, "自编"), (Origin::Selected, "选用")],
            Origin::name,
        );
        use Conclusion as C;
        pin(
            &[
                (C::Pass, "通过"),
                (C::PassAfterRevision, "修改后通过"),
                (C::Resubmit, "重新送审"),
                (C::Reject, "不予通过"),
            ],
            C::name,
        );
        use FileStatus as F;
        pin(
            &[
                (F::Unchanged, "未变"),
                (F::Missing, "缺失"),
                (F::Changed, "已改动"),
            ],
            F::name,
        );
        pin(
            &[
                (Cell::Missing, "缺"),
                (Cell::Unreviewed, "待审"),
                (Cell::Present, "齐"),
            ],
            Cell::name,
        );
        pin(
            &[
                (ReviewState::Counted, "已计入"),
                (ReviewState::Unreviewed, "未审核"),
                (ReviewState::NotApproved, "审核未通过"),
            ],
            ReviewState::name,
        );
        pin(
            &[(Gender::Male, "男"), (Gender::Female, "女")],
            Gender::name,
        );
        use Employment as E;
        pin(
            &[
                (E::FullTime, "专职"),
                (E::PartTime, "兼职"),
                (E::FromEnterprise, "企业聘用"),
            ],
            E::name,
        );
        use TeacherLevel as T;
        pin(
            &[
                (T::First, "一级"),
                (T::Second, "二级"),
                (T::Third, "三级"),
                (T::Unrated, "无"),
            ],
            T::name,
        );
        pin(
            &[
                (CourseKind::Integrated, "一体化课程"),
                (CourseKind::Other, "其他"),
            ],
            CourseKind::name,
        );
        use SignatureRole as G;
        pin(
            &[
                (G::Filler, "填表人"),
                (G::AcademicHead, "教务处负责人"),
                (G::Principal, "学校负责人"),
                (G::Seal, "学校公章"),
            ],
            G::name,
        );
    }
}
