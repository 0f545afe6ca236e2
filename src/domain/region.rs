//! 所属盟市: the twelve leagues and cities of Inner Mongolia, 满洲里市 (which reports to the
//! region directly for this programme) and schools under the regional department itself.

use super::terms::chinese_enum;

chinese_enum! {
    /// Which regional office a school's packet goes to. `ALL` is in the order the regional
    /// notices list them, which is the order offices expect in a list.
    #[derive(PartialOrd, Ord)]
    pub enum Region: array {
        Hohhot = "呼和浩特市",
        Baotou = "包头市",
        Wuhai = "乌海市",
        Chifeng = "赤峰市",
        Tongliao = "通辽市",
        Ordos = "鄂尔多斯市",
        Hulunbuir = "呼伦贝尔市",
        Bayannur = "巴彦淖尔市",
        Ulanqab = "乌兰察布市",
        Hinggan = "兴安盟",
        XilinGol = "锡林郭勒盟",
        Alxa = "阿拉善盟",
        Manzhouli = "满洲里市",
        RegionDirect = "自治区直属",
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
