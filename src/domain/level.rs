//! 培养层次 and 学制: what a specialty trains to and over how many years from which entry.

use super::terms::chinese_enum;

chinese_enum! {
    /// 培养层次, the qualification level a programme leads to, from the lowest.
    #[derive(PartialOrd, Ord)]
    pub enum Level: array {
        Intermediate = "中级工",
        Advanced = "高级工",
        PreTechnician = "预备技师",
    }
}

chinese_enum! {
    /// 学制: entry point and length, as technical schools publish their programmes. Each leads
    /// to exactly one [`Level`].
    pub enum Schooling: array {
        JuniorThreeYearIntermediate = "初中起点三年中级",
        SeniorThreeYearAdvanced = "高中起点三年高级",
        JuniorFiveYearAdvanced = "初中起点五年高级",
        SeniorFourYearPreTechnician = "高中起点四年预备技师",
        JuniorSixYearPreTechnician = "初中起点六年预备技师",
    }
}

impl Schooling {
    /// The level the programme ends at.
    pub fn level(self) -> Level {
        match self {
            Schooling::JuniorThreeYearIntermediate => Level::Intermediate,
            Schooling::SeniorThreeYearAdvanced | Schooling::JuniorFiveYearAdvanced => {
                Level::Advanced
            }
            Schooling::SeniorFourYearPreTechnician | Schooling::JuniorSixYearPreTechnician => {
                Level::PreTechnician
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schooling_leads_to_the_level_in_its_name() {
        for s in Schooling::ALL {
            assert!(s.name().contains(&s.level().name()[..6]), "{}", s.name());
        }
    }
}
