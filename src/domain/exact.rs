//! Exact figures where factors multiply and where money is paid.
//!
//! A factor has two decimal places. A weighted period is the periods times at most
//! [`MAX_FACTORS`] factors (the policy's coefficient and the school's raises for the teacher, the
//! course, and the teacher on the course), so it has at most eight decimal places: [`Exact`]
//! keeps 10⁻⁸ units and every product and sum is exact (1.45 × 1.15 = 1.6675). Money is whole
//! 分 ([`Fen`]); the only rounding anywhere is a teacher's allowance for a term, rounded half up
//! to the 分 from the exact product of periods and rate.

use serde::{Deserialize, Serialize};

use super::Hundredths;

/// The most factors one period is ever multiplied by; eight decimal places hold their product.
pub const MAX_FACTORS: usize = 4;

const SCALE: u128 = 100_000_000;

/// A non-negative decimal with up to eight places, held as 10⁻⁸ units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Exact(pub u128);

impl Exact {
    pub fn whole(n: u64) -> Exact {
        Exact(u128::from(n) * SCALE)
    }

    /// `periods × factors[0] × factors[1] × …`, exactly. In 10⁻⁸ units that is the integer
    /// product of the periods and the factors' hundredths times 100 for each factor fewer than
    /// [`MAX_FACTORS`]: multiplications only, since a u128 division per entry is what a summary
    /// of twelve thousand entries would spend its time on.
    pub fn weigh(periods: u64, factors: &[Hundredths]) -> Exact {
        debug_assert!(factors.len() <= MAX_FACTORS);
        let product = factors
            .iter()
            .fold(u128::from(periods), |value, f| value * u128::from(f.0));
        let missing = MAX_FACTORS.saturating_sub(factors.len()) as u32;
        Exact(product * 100u128.pow(missing))
    }

    /// The product of factors on their own, as the combined factor printed beside them.
    pub fn product(factors: &[Hundredths]) -> Exact {
        Exact::weigh(1, factors)
    }

    pub fn saturating_sub(self, other: Exact) -> Exact {
        Exact(self.0.saturating_sub(other.0))
    }

    /// For a spreadsheet cell. Dividing an integer below 2^53 by 10⁸ gives the double nearest
    /// the decimal, which every spreadsheet prints back as that decimal.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    /// `self × rate`, rounded half up to the 分: the one rounding, on the final figure.
    pub fn pay(self, rate: Fen) -> Fen {
        let fen = (self.0 * u128::from(rate.0) + SCALE / 2) / SCALE;
        Fen(u64::try_from(fen).unwrap_or(u64::MAX))
    }
}

impl From<Hundredths> for Exact {
    fn from(h: Hundredths) -> Exact {
        Exact(u128::from(h.0) * (SCALE / 100))
    }
}

impl std::ops::Add for Exact {
    type Output = Exact;
    fn add(self, other: Exact) -> Exact {
        Exact(self.0 + other.0)
    }
}

impl std::ops::AddAssign for Exact {
    fn add_assign(&mut self, other: Exact) {
        self.0 += other.0;
    }
}

/// Trailing zeros dropped: "51.8", "16.675", "7".
impl std::fmt::Display for Exact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, frac) = (self.0 / SCALE, self.0 % SCALE);
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{frac:08}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

impl Serialize for Exact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// An amount of money in 分, printed in 元 with two places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fen(pub u64);

impl Fen {
    /// Parses 元 as offices type them: "35", "35.5", "35.50"; a third place is refused, not rounded.
    pub fn parse_yuan(text: &str) -> Option<Fen> {
        Hundredths::parse(text.trim().trim_end_matches('元')).map(|h| Fen(h.0))
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl std::ops::Add for Fen {
    type Output = Fen;
    fn add(self, other: Fen) -> Fen {
        Fen(self.0 + other.0)
    }
}

impl std::ops::AddAssign for Fen {
    fn add_assign(&mut self, other: Fen) {
        self.0 += other.0;
    }
}

impl std::fmt::Display for Fen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// Stored and exchanged as 元 with two places ("35.50").
impl Serialize for Fen {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Fen {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Fen, D::Error> {
        let text = String::deserialize(d)?;
        Fen::parse_yuan(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("“{text}”不是最多两位小数的金额（元）"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_multiply_exactly() {
        let f = |n| Hundredths(n);
        assert_eq!(Exact::product(&[f(145), f(115)]).to_string(), "1.6675");
        assert_eq!(Exact::weigh(10, &[f(145), f(115)]).to_string(), "16.675");
        assert_eq!(
            Exact::weigh(3, &[f(199), f(199), f(199), f(199)]).to_string(),
            "47.04717603"
        );
        // Every pair of factors from 1.00 to 2.00 over a term's periods, against the integer
        // formula: periods × a × b hundredths of hundredths, never a float.
        for a in 100..=200u64 {
            for b in (100..=200u64).step_by(7) {
                for periods in [0, 1, 3, 37, 71, 360] {
                    let exact = Exact::weigh(periods, &[f(a), f(b)]);
                    assert_eq!(exact.0, u128::from(periods * a * b) * 10_000);
                    let ten_thousandths = periods * a * b;
                    let text = format!(
                        "{}.{:04}",
                        ten_thousandths / 10_000,
                        ten_thousandths % 10_000
                    );
                    let text = text.trim_end_matches('0').trim_end_matches('.');
                    assert_eq!(exact.to_string(), text);
                }
            }
        }
        assert_eq!(Exact::from(Hundredths(140)).to_string(), "1.4");
        assert_eq!(
            Exact::weigh(37, &[f(140)]),
            Exact::from(Hundredths(140).times(37))
        );
    }

    #[test]
    fn pay_rounds_once_half_up_to_the_fen() {
        // 16.675 periods × 35.00 元 = 583.625 元 → 583.63.
        let periods = Exact::weigh(10, &[Hundredths(145), Hundredths(115)]);
        assert_eq!(periods.pay(Fen(3500)).to_string(), "583.63");
        // 1.6675 × 0.01 元 = 0.016675 元 → 0.02; 0.4 × 0.01 → 0.00.
        assert_eq!(
            Exact::product(&[Hundredths(145), Hundredths(115)]).pay(Fen(1)),
            Fen(2)
        );
        assert_eq!(Exact::from(Hundredths(40)).pay(Fen(1)), Fen(0));
        assert_eq!(Exact::from(Hundredths(50)).pay(Fen(1)), Fen(1));
        assert_eq!(Fen::parse_yuan("35.5"), Some(Fen(3550)));
        assert_eq!(Fen::parse_yuan("35元"), Some(Fen(3500)));
        assert_eq!(Fen::parse_yuan("35.505"), None);
        assert_eq!(Fen(5).to_string(), "0.05");
    }
}
