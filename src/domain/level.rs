//! 培养层次 and 学制: what a specialty trains to and over how many years from which entry.

use serde::{Deserialize, Serialize};

/// 培养层次, the qualification level a programme leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "中级工")]
    Intermediate,
    #[serde(rename = "高级工")]
    Advanced,
    #[serde(rename = "预备技师")]
    PreTechnician,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Intermediate, Level::Advanced, Level::PreTechnician];

    pub fn name(self) -> &'static str {
        match self {
            Level::Intermediate => "中级工",
            Level::Advanced => "高级工",
            Level::PreTechnician => "预备技师",
        }
    }
}

/// 学制: entry point and length, as technical schools publish their programmes. Each leads to
/// exactly one [`Level`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Schooling {
    #[serde(rename = "初中起点三年中级")]
    JuniorThreeYearIntermediate,
    #[serde(rename = "高中起点三年高级")]
    SeniorThreeYearAdvanced,
    #[serde(rename = "初中起点五年高级")]
    JuniorFiveYearAdvanced,
    #[serde(rename = "高中起点四年预备技师")]
    SeniorFourYearPreTechnician,
    #[serde(rename = "初中起点六年预备技师")]
    JuniorSixYearPreTechnician,
}

impl Schooling {
    pub const ALL: [Schooling; 5] = [
        Schooling::JuniorThreeYearIntermediate,
        Schooling::SeniorThreeYearAdvanced,
        Schooling::JuniorFiveYearAdvanced,
        Schooling::SeniorFourYearPreTechnician,
        Schooling::JuniorSixYearPreTechnician,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Schooling::JuniorThreeYearIntermediate => "初中起点三年中级",
            Schooling::SeniorThreeYearAdvanced => "高中起点三年高级",
            Schooling::JuniorFiveYearAdvanced => "初中起点五年高级",
            Schooling::SeniorFourYearPreTechnician => "高中起点四年预备技师",
            Schooling::JuniorSixYearPreTechnician => "初中起点六年预备技师",
        }
    }

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
