//! ISBN-10 and ISBN-13 check digits, so a mistyped number of a selected textbook (选用教材) is
//! caught before it is printed in the resource list.

/// Why an ISBN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsbnError {
    /// Neither 10 nor 13 characters once hyphens and spaces are removed.
    Length(usize),
    /// Something other than digits (and a final X for ISBN-10).
    Character,
    Checksum,
}

impl std::fmt::Display for IsbnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Length(n) => write!(f, "ISBN 应为10位或13位，当前为{n}位"),
            Self::Character => write!(f, "ISBN 只能包含数字（ISBN-10 末位可为 X）"),
            Self::Checksum => write!(f, "ISBN 校验位不正确，请核对是否输错"),
        }
    }
}

/// The digits (and X) without the hyphens and spaces people type.
pub fn normalize(isbn: &str) -> String {
    isbn.chars()
        .filter(|c| !matches!(c, '-' | ' ' | '－'))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Completes the first 12 digits of an ISBN-13 with its check digit (demo data, fixtures).
pub fn isbn13_with_check(first12: &str) -> Option<String> {
    let digits: Vec<u32> = first12
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()?;
    (digits.len() == 12).then(|| {
        let sum: u32 = digits
            .iter()
            .enumerate()
            .map(|(i, d)| d * if i % 2 == 0 { 1 } else { 3 })
            .sum();
        format!("{first12}{}", (10 - sum % 10) % 10)
    })
}

pub fn validate(isbn: &str) -> Result<(), IsbnError> {
    let s = normalize(isbn);
    let chars: Vec<char> = s.chars().collect();
    match chars.len() {
        10 => {
            let mut sum = 0;
            for (i, &c) in chars.iter().enumerate() {
                let value = match c {
                    '0'..='9' => c as u32 - '0' as u32,
                    'X' if i == 9 => 10,
                    _ => return Err(IsbnError::Character),
                };
                sum += value * (10 - i as u32);
            }
            if sum % 11 == 0 {
                Ok(())
            } else {
                Err(IsbnError::Checksum)
            }
        }
        13 => {
            let mut sum = 0;
            for (i, &c) in chars.iter().enumerate() {
                let value = c.to_digit(10).ok_or(IsbnError::Character)?;
                sum += value * if i % 2 == 0 { 1 } else { 3 };
            }
            if sum % 10 == 0 {
                Ok(())
            } else {
                Err(IsbnError::Checksum)
            }
        }
        n => Err(IsbnError::Length(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_isbns_in_both_lengths() {
        for ok in [
            "978-7-5167-4321-8",
            "9787516743218",
            "7-5045-4521-X",
            "0-306-40615-2",
        ] {
            assert_eq!(validate(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn check_digit_completion_agrees_with_validation() {
        assert_eq!(
            isbn13_with_check("978751674321").as_deref(),
            Some("9787516743218")
        );
        for n in 0..50 {
            let isbn = isbn13_with_check(&format!("9787516{n:05}")).unwrap();
            assert_eq!(validate(&isbn), Ok(()), "{isbn}");
        }
        assert_eq!(isbn13_with_check("97875"), None);
    }

    #[test]
    fn every_wrong_final_digit_is_caught() {
        for d in '0'..='9' {
            let candidate = format!("978751674321{d}");
            assert_eq!(validate(&candidate).is_ok(), d == '8', "{candidate}");
        }
        assert_eq!(validate("0-306-40615-3"), Err(IsbnError::Checksum));
        assert_eq!(validate("978-7-5167"), Err(IsbnError::Length(8)));
        assert_eq!(validate("97875167432X6"), Err(IsbnError::Character));
        assert_eq!(validate("X-306-40615-2"), Err(IsbnError::Character));
    }
}
