//! 联系电话: the number the regional office calls back. Offices write mobiles and landlines in
//! many ways (spaces, hyphens, parentheses round the area code), so validation ignores those
//! separators and checks the digits that remain.

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    /// Something other than digits, spaces, `-`, `(`/`)` or their full-width forms.
    Character,
    /// Neither an 11-digit mobile (1[3-9]…) nor a landline with area code (0 + 2–3 digits, then 7–8).
    Shape,
}

impl std::fmt::Display for PhoneError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Character => write!(f, "电话号码只能包含数字、空格、短横线和括号"),
            Self::Shape => write!(
                f,
                "请填写11位手机号，或带区号的座机号（如 0471-1234567，分机号用“-”接在后面）"
            ),
        }
    }
}

/// Accepts a mobile number (11 digits starting 13–19) or a landline with its area code
/// (`0471-6661234`, `(0471)6661234`, an extension after a further `-`). A landline without the
/// area code is refused: the regional office calls from another city.
pub fn validate(phone: &str) -> Result<(), PhoneError> {
    let phone = phone.trim();
    // Runs of digits between separators; a separator right after another starts no group.
    let mut groups: Vec<String> = Vec::new();
    let mut group = String::new();
    for c in phone.chars() {
        match c {
            '0'..='9' => group.push(c),
            ' ' | '(' | '（' => {}
            '-' | '－' | ')' | '）' => {
                if !group.is_empty() {
                    groups.push(std::mem::take(&mut group));
                }
            }
            _ => return Err(PhoneError::Character),
        }
    }
    if !group.is_empty() {
        groups.push(group);
    }
    let digits: String = groups.concat();
    let is_mobile = digits.len() == 11
        && digits.starts_with('1')
        && matches!(digits.as_bytes()[1], b'3'..=b'9');
    if is_mobile {
        return Ok(());
    }
    let landline = match groups.as_slice() {
        [area, local] | [area, local, _] => is_area_code(area) && is_local(local),
        [all] => (10..=12).contains(&all.len()) && splits_as_landline(all),
        _ => false,
    };
    let extension_ok = groups.len() < 3 || groups[2].len() <= 6;
    if landline && extension_ok {
        Ok(())
    } else {
        Err(PhoneError::Shape)
    }
}

fn is_area_code(s: &str) -> bool {
    s.starts_with('0') && (3..=4).contains(&s.len())
}

fn is_local(s: &str) -> bool {
    (7..=8).contains(&s.len()) && !s.starts_with('0')
}

/// A landline typed without separators: some split into a valid area code and local number.
fn splits_as_landline(all: &str) -> bool {
    (3..=4).any(|n| all.len() > n && is_area_code(&all[..n]) && is_local(&all[n..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_writings() {
        for ok in [
            "13904711234",
            "139 0471 1234",
            "0471-6661234",
            "(0471)6661234",
            "（0471）66612345",
            "0477-8561234-803",
            "04716661234",
            "010-12345678",
        ] {
            assert_eq!(validate(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn refuses_what_cannot_be_called_back() {
        for bad in [
            "",
            "6661234",
            "1290471123",
            "12904711234",
            "0471-061234",
            "0471-6661234-1234567",
            "139047112345",
        ] {
            assert_eq!(validate(bad), Err(PhoneError::Shape), "{bad}");
        }
        assert_eq!(validate("0471-666123a"), Err(PhoneError::Character));
        assert_eq!(validate("+86 13904711234"), Err(PhoneError::Character));
    }
}
