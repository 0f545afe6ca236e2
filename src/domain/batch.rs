//! 批次: the selection rounds of the regional notice (policy 三). Batches are data: a later
//! notice adds one, so they live in the school file and the office can add more.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A month, the precision of the notice's windows ("2022年4月—2023年7月").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub const fn new(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth::new(date.year(), date.month())
    }

    /// Reads `2022-04`.
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (y, m) = s.trim().split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        (y.len() == 4 && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<YearMonth, D::Error> {
        let s = String::deserialize(d)?;
        YearMonth::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("无效的年月“{s}”，应为 YYYY-MM")))
    }
}

/// One selection round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// 1 for 第一批; declarations refer to batches by number.
    pub number: u32,
    pub name: String,
    pub start: YearMonth,
    pub end: YearMonth,
}

impl Batch {
    /// Whether `date` falls in the batch's window, both end months included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.start..=self.end).contains(&YearMonth::of(date))
    }

    /// "第一批（2022-04 至 2023-07）", as lists and printed forms show it.
    pub fn label(&self) -> String {
        format!("{}（{} 至 {}）", self.name, self.start, self.end)
    }
}

/// The three batches of 内人社办发〔2022〕111号 三. The windows of 第二批 and 第三批 overlap
/// (2024-07..2024-12) as in the notice; the second batch's schools are assessed while the
/// third is selected.
pub fn policy_batches() -> Vec<Batch> {
    let batch = |number, name: &str, start, end| Batch {
        number,
        name: name.into(),
        start,
        end,
    };
    vec![
        batch(
            1,
            "第一批",
            YearMonth::new(2022, 4),
            YearMonth::new(2023, 7),
        ),
        batch(
            2,
            "第二批",
            YearMonth::new(2023, 9),
            YearMonth::new(2024, 12),
        ),
        batch(
            3,
            "第三批",
            YearMonth::new(2024, 7),
            YearMonth::new(2025, 7),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn windows_include_both_end_months() {
        let [first, second, third] = policy_batches().try_into().unwrap();
        assert!(!first.contains(date(2022, 3, 31)));
        assert!(first.contains(date(2022, 4, 1)));
        assert!(first.contains(date(2023, 7, 31)));
        assert!(!first.contains(date(2023, 8, 1)));
        assert!(!second.contains(date(2023, 8, 31)));
        assert!(second.contains(date(2024, 12, 31)));
        assert!(third.contains(date(2024, 7, 1)) && second.contains(date(2024, 7, 1)));
        assert!(!third.contains(date(2025, 8, 1)));
    }

    #[test]
    fn year_month_reads_and_writes_iso() {
        assert_eq!(YearMonth::parse("2022-04"), Some(YearMonth::new(2022, 4)));
        assert_eq!(YearMonth::new(2025, 7).to_string(), "2025-07");
        assert_eq!(YearMonth::parse("2022-13"), None);
        assert_eq!(YearMonth::parse("22-04"), None);
        assert_eq!(policy_batches()[0].label(), "第一批（2022-04 至 2023-07）");
    }
}
