//! 所属盟市: the twelve leagues and cities of Inner Mongolia, 满洲里市 (which reports to the
//! region directly for this programme) and schools under the regional department itself.

use serde::{Deserialize, Serialize};

/// Which regional office a school's packet goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Region {
    #[serde(rename = "呼和浩特市")]
    Hohhot,
    #[serde(rename = "包头市")]
    Baotou,
    #[serde(rename = "乌海市")]
    Wuhai,
    #[serde(rename = "赤峰市")]
    Chifeng,
    #[serde(rename = "通辽市")]
    Tongliao,
    #[serde(rename = "鄂尔多斯市")]
    Ordos,
    #[serde(rename = "呼伦贝尔市")]
    Hulunbuir,
    #[serde(rename = "巴彦淖尔市")]
    Bayannur,
    #[serde(rename = "乌兰察布市")]
    Ulanqab,
    #[serde(rename = "兴安盟")]
    Hinggan,
    #[serde(rename = "锡林郭勒盟")]
    XilinGol,
    #[serde(rename = "阿拉善盟")]
    Alxa,
    #[serde(rename = "满洲里市")]
    Manzhouli,
    #[serde(rename = "自治区直属")]
    RegionDirect,
}

impl Region {
    /// In the order the regional notices list them, which is the order offices expect in a list.
    pub const ALL: [Region; 14] = [
        Region::Hohhot,
        Region::Baotou,
        Region::Wuhai,
        Region::Chifeng,
        Region::Tongliao,
        Region::Ordos,
        Region::Hulunbuir,
        Region::Bayannur,
        Region::Ulanqab,
        Region::Hinggan,
        Region::XilinGol,
        Region::Alxa,
        Region::Manzhouli,
        Region::RegionDirect,
    ];

    /// The Chinese name, as printed and as stored in files.
    pub fn name(self) -> &'static str {
        match self {
            Region::Hohhot => "呼和浩特市",
            Region::Baotou => "包头市",
            Region::Wuhai => "乌海市",
            Region::Chifeng => "赤峰市",
            Region::Tongliao => "通辽市",
            Region::Ordos => "鄂尔多斯市",
            Region::Hulunbuir => "呼伦贝尔市",
            Region::Bayannur => "巴彦淖尔市",
            Region::Ulanqab => "乌兰察布市",
            Region::Hinggan => "兴安盟",
            Region::XilinGol => "锡林郭勒盟",
            Region::Alxa => "阿拉善盟",
            Region::Manzhouli => "满洲里市",
            Region::RegionDirect => "自治区直属",
        }
    }

    /// Reads the Chinese name back (command-line arguments, stored values).
    pub fn from_name(name: &str) -> Option<Region> {
        Self::ALL.into_iter().find(|r| r.name() == name.trim())
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_serde_agrees() {
        for r in Region::ALL {
            assert_eq!(Region::from_name(r.name()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.name())
            );
        }
        assert_eq!(Region::from_name("北京市"), None);
    }
}
