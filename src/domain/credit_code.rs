//! 统一社会信用代码 (GB 32100-2015): 18 characters whose last one is a check character over the
//! first 17, so a mistyped code is caught before it reaches a printed form.

/// The 31 characters the standard allows; I, O, S, V and Z are excluded to avoid misreading.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weight of position i is 3^i mod 31, as tabulated in the standard.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a credit code was refused, so the form can say exactly what to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditCodeError {
    /// Not 18 characters long (the count found is carried).
    Length(usize),
    /// A character outside the standard's alphabet, at this 1-based position.
    Character(usize),
    /// All characters are allowed but the 18th does not match the other 17.
    Checksum,
}

impl std::fmt::Display for CreditCodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Length(n) => write!(f, "统一社会信用代码应为18位，当前为{n}位"),
            Self::Character(i) => write!(
                f,
                "第{i}位字符无效：只能是数字或大写字母（不含 I、O、S、V、Z）"
            ),
            Self::Checksum => write!(f, "校验位不正确，请核对是否输错"),
        }
    }
}

/// Checks a code as typed. Lower-case letters are accepted and compared as upper case because
/// people copy codes from documents in either case; the caller stores [`normalize`]'s result.
pub fn validate(code: &str) -> Result<(), CreditCodeError> {
    let code = normalize(code);
    let count = code.chars().count();
    if count != 18 {
        return Err(CreditCodeError::Length(count));
    }
    let mut values = [0u32; 18];
    for (i, c) in code.chars().enumerate() {
        values[i] = ALPHABET
            .iter()
            .position(|&a| char::from(a) == c)
            .ok_or(CreditCodeError::Character(i + 1))? as u32;
    }
    if values[17] == check_value(&values[..17]) {
        Ok(())
    } else {
        Err(CreditCodeError::Checksum)
    }
}

fn check_value(first17: &[u32]) -> u32 {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    (31 - sum % 31) % 31
}

/// Completes 17 characters with their check character: demo data and test fixtures need codes
/// that pass [`validate`]. `None` if a character is outside the alphabet or the length is wrong.
pub fn with_check(first17: &str) -> Option<String> {
    let values: Vec<u32> = first17
        .chars()
        .map(|c| {
            ALPHABET
                .iter()
                .position(|&a| char::from(a) == c)
                .map(|p| p as u32)
        })
        .collect::<Option<_>>()?;
    (values.len() == 17).then(|| {
        let check = char::from(ALPHABET[check_value(&values) as usize]);
        format!("{first17}{check}")
    })
}

/// Upper-cases and trims, the form the code is stored and printed in.
pub fn normalize(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_published_examples() {
        // The first is the standard's own example; the second a public company registration.
        for code in ["91350100M000100Y43", "91110000802100433B"] {
            assert_eq!(validate(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn with_check_completes_a_valid_code() {
        assert_eq!(
            with_check("91350100M000100Y4").as_deref(),
            Some("91350100M000100Y43")
        );
        assert_eq!(with_check("9135"), None);
        assert_eq!(with_check("91350100I000100Y4"), None);
    }

    #[test]
    fn accepts_lower_case_input() {
        assert_eq!(validate(" 91350100m000100y43 "), Ok(()));
    }

    #[test]
    fn rejects_every_single_character_change_of_the_check() {
        let good = "91350100M000100Y43";
        for replacement in ALPHABET.iter().map(|&b| b as char) {
            if replacement == '3' {
                continue;
            }
            let bad = format!("{}{replacement}", &good[..17]);
            assert_eq!(validate(&bad), Err(CreditCodeError::Checksum), "{bad}");
        }
    }

    #[test]
    fn reports_length_and_character() {
        assert_eq!(validate("9135010"), Err(CreditCodeError::Length(7)));
        assert_eq!(validate(""), Err(CreditCodeError::Length(0)));
        assert_eq!(
            validate("91350100I000100Y43"),
            Err(CreditCodeError::Character(9))
        );
        assert_eq!(
            validate("9135010０M000100Y43"),
            Err(CreditCodeError::Character(8))
        );
    }
}
