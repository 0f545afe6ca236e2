//! 额定课时, 超额 and 课时津贴 (policy 四(二): "合理确定课时津贴").
//!
//! Per teacher and term: 额定 is the teacher's exception if any, else the setting for their 职称,
//! else the school's default. 超额 = 折算课时 − 额定 when positive. The allowance is the rate in
//! force on the term's first day (for the teacher's 职称, else the uniform rate) times either all
//! weighted periods or only the excess, as the school chooses, rounded half up to the 分 once per
//! teacher and term. Sums over terms and 系部 add those rounded amounts, so every printed column
//! adds up.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::exact::{Exact, Fen};
use super::terms::chinese_enum;

/// How the figures are computed, printed under every summary that shows them.
pub const ALLOWANCE_RULE: &str = "折算课时＝一体化课时×折算系数×各项提高系数＋其他课时＋课程开发认定课时，全程精确计算、不取舍；超额课时＝折算课时－额定课时（不足记0）；课时津贴＝津贴标准×折算课时（或超额课时），每位教师每学期只在最后四舍五入到分。";

chinese_enum! {
    /// Which periods the allowance pays for.
    #[derive(Default)]
    pub enum AllowanceBasis {
        #[default]
        All = "全部课时",
        Excess = "超额课时",
    }
}

/// 额定课时 per term for teachers of a 职称 (empty: every teacher without a setting of their own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    #[serde(default)]
    pub title: String,
    pub periods: u32,
}

/// One teacher's own 额定课时 per term (e.g. a 系部 head teaching less), with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    pub teacher: String,
    pub periods: u32,
    #[serde(default)]
    pub reason: String,
}

/// 课时津贴 per weighted period from a date on, for a 职称 (empty: the uniform rate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    pub from: NaiveDate,
    #[serde(default)]
    pub title: String,
    pub per_period: Fen,
}

/// The school's 额定 and 津贴 settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pay {
    #[serde(default)]
    pub required: Vec<Required>,
    #[serde(default)]
    pub exceptions: Vec<Exception>,
    #[serde(default)]
    pub rates: Vec<Rate>,
    #[serde(default)]
    pub basis: AllowanceBasis,
}

/// One teacher's 额定, 超额 and 津贴 for one term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    pub required: Option<u32>,
    pub excess: Option<Exact>,
    pub allowance: Option<Fen>,
}

impl Pay {
    /// The basis, every rate and [`ALLOWANCE_RULE`], as the 课时津贴表 states them under its
    /// title (the workbook's sheet and the PDF alike).
    pub fn note(&self) -> String {
        let rates: Vec<String> = self
            .rates
            .iter()
            .map(|r| {
                let who = if r.title.is_empty() {
                    "统一"
                } else {
                    r.title.as_str()
                };
                format!("{who}{}元/课时（{}起）", r.per_period, r.from)
            })
            .collect();
        format!(
            "课时津贴按{}计算；津贴标准：{}。{ALLOWANCE_RULE}",
            self.basis.name(),
            if rates.is_empty() {
                "未设定".to_string()
            } else {
                rates.join("；")
            }
        )
    }

    pub fn is_empty(&self) -> bool {
        self.required.is_empty() && self.exceptions.is_empty() && self.rates.is_empty()
    }

    pub fn required_for(&self, teacher: &str, title: &str) -> Option<u32> {
        let own = self.exceptions.iter().find(|e| e.teacher == teacher);
        let by_title = || {
            self.required
                .iter()
                .find(|r| !r.title.is_empty() && r.title == title)
        };
        let default = || self.required.iter().find(|r| r.title.is_empty());
        own.map(|e| e.periods)
            .or_else(|| by_title().or_else(default).map(|r| r.periods))
    }

    /// The rate in force on `date` for `title`: the latest for the title, else the latest uniform.
    pub fn rate_on(&self, title: &str, date: NaiveDate) -> Option<Fen> {
        let latest = |matches: &dyn Fn(&Rate) -> bool| {
            self.rates
                .iter()
                .filter(|r| r.from <= date && matches(r))
                .max_by_key(|r| r.from)
                .map(|r| r.per_period)
        };
        latest(&|r| !title.is_empty() && r.title == title)
            .or_else(|| latest(&|r| r.title.is_empty()))
    }

    /// A teacher's figures for a term whose weighted periods are `weighted` and which starts on
    /// `start`.
    pub fn for_term(
        &self,
        teacher: &str,
        title: &str,
        start: NaiveDate,
        weighted: Exact,
    ) -> Figures {
        let required = self.required_for(teacher, title);
        let excess = required.map(|r| weighted.saturating_sub(Exact::whole(u64::from(r))));
        let paid = match self.basis {
            AllowanceBasis::All => Some(weighted),
            AllowanceBasis::Excess => excess,
        };
        let allowance = self
            .rate_on(title, start)
            .zip(paid)
            .map(|(rate, periods)| periods.pay(rate));
        Figures {
            required,
            excess,
            allowance,
        }
    }

    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut titles: Vec<&str> = self.required.iter().map(|r| r.title.as_str()).collect();
        titles.sort_unstable();
        if titles.windows(2).any(|w| w[0] == w[1]) {
            problems.push("同一职称的额定课时只能设一个".to_string());
        }
        let mut teachers: Vec<&str> = self.exceptions.iter().map(|e| e.teacher.as_str()).collect();
        teachers.sort_unstable();
        if teachers.windows(2).any(|w| w[0] == w[1]) {
            problems.push("同一教师的额定课时只能设一个".to_string());
        }
        if self.exceptions.iter().any(|e| e.teacher.trim().is_empty()) {
            problems.push("额定课时的例外须指定教师".to_string());
        }
        let mut rates: Vec<(&str, NaiveDate)> = self
            .rates
            .iter()
            .map(|r| (r.title.as_str(), r.from))
            .collect();
        rates.sort_unstable();
        if rates.windows(2).any(|w| w[0] == w[1]) {
            problems.push("同一职称同一日期起的课时津贴标准只能设一个".to_string());
        }
        problems
    }
}

impl Figures {
    /// Adds another term's figures, as a teacher's row over several terms shows them.
    pub fn merge(&mut self, other: &Figures) {
        fn add<T: std::ops::Add<Output = T>>(a: Option<T>, b: Option<T>) -> Option<T> {
            match (a, b) {
                (Some(a), Some(b)) => Some(a + b),
                (a, b) => a.or(b),
            }
        }
        self.required = add(self.required, other.required);
        self.excess = add(self.excess, other.excess);
        self.allowance = add(self.allowance, other.allowance);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Hundredths;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn pay(basis: AllowanceBasis) -> Pay {
        Pay {
            required: vec![
                Required {
                    title: String::new(),
                    periods: 200,
                },
                Required {
                    title: "高级讲师".into(),
                    periods: 180,
                },
            ],
            exceptions: vec![Exception {
                teacher: "T009".into(),
                periods: 100,
                reason: "系部主任".into(),
            }],
            rates: vec![
                Rate {
                    from: day("2024-09-01"),
                    title: String::new(),
                    per_period: Fen(3000),
                },
                Rate {
                    from: day("2025-02-01"),
                    title: String::new(),
                    per_period: Fen(3200),
                },
                Rate {
                    from: day("2024-09-01"),
                    title: "高级讲师".into(),
                    per_period: Fen(4050),
                },
            ],
            basis,
        }
    }

    #[test]
    fn required_comes_from_the_teacher_then_the_title_then_the_default() {
        let p = pay(AllowanceBasis::All);
        assert_eq!(p.required_for("T009", "高级讲师"), Some(100));
        assert_eq!(p.required_for("T001", "高级讲师"), Some(180));
        assert_eq!(p.required_for("T001", "讲师"), Some(200));
        assert_eq!(Pay::default().required_for("T001", "讲师"), None);
    }

    #[test]
    fn the_allowance_is_exact_to_the_fen_on_all_periods_or_the_excess() {
        let start = day("2024-09-01");
        // 250 periods at 1.4 × 1.15 = 402.5 weighted.
        let weighted = Exact::weigh(250, &[Hundredths(140), Hundredths(115)]);
        let all = pay(AllowanceBasis::All).for_term("T001", "讲师", start, weighted);
        assert_eq!(all.required, Some(200));
        assert_eq!(all.excess.map(|e| e.to_string()).as_deref(), Some("202.5"));
        assert_eq!(
            all.allowance,
            Some(Fen(1_207_500)),
            "402.5 × 30.00 = 12075.00"
        );
        let excess = pay(AllowanceBasis::Excess).for_term("T001", "高级讲师", start, weighted);
        // 402.5 − 180 = 222.5 excess × 40.50 = 9011.25.
        assert_eq!(excess.allowance, Some(Fen(901_125)));
        // Under the required periods: no excess, nothing paid on the excess.
        let under = pay(AllowanceBasis::Excess).for_term("T009", "", start, Exact::whole(80));
        assert_eq!(under.excess, Some(Exact::default()));
        assert_eq!(under.allowance, Some(Fen(0)));
        // The rate of the term's first day: the second term uses 32.00.
        let later =
            pay(AllowanceBasis::All).for_term("T001", "讲师", day("2025-02-20"), Exact::whole(10));
        assert_eq!(later.allowance, Some(Fen(32_000)));
        // Before any rate: no allowance, and 额定 without a rate still gives the excess.
        let before =
            pay(AllowanceBasis::All).for_term("T001", "讲师", day("2024-02-01"), Exact::whole(210));
        assert_eq!(
            (before.allowance, before.excess),
            (None, Some(Exact::whole(10)))
        );
        // Half a 分 rounds up, once: 0.125 periods × 0.20 元 = 0.025 元 → 0.03.
        let tiny = Exact::weigh(1, &[Hundredths(50), Hundredths(25)]);
        assert_eq!(tiny.pay(Fen(20)), Fen(3));
    }

    #[test]
    fn duplicate_settings_are_refused() {
        let mut p = pay(AllowanceBasis::All);
        assert!(p.problems().is_empty());
        p.required.push(Required {
            title: "高级讲师".into(),
            periods: 1,
        });
        p.rates.push(p.rates[0].clone());
        assert_eq!(
            p.problems(),
            [
                "同一职称的额定课时只能设一个",
                "同一职称同一日期起的课时津贴标准只能设一个"
            ]
        );
    }
}
