//! `sign-setup`, the signing half of `export --sign`, and `verify`.

use std::io::Write;
use std::path::Path;

use super::Outcome;
use crate::sign;
use crate::store::SchoolFile;

pub fn setup(
    school: &mut SchoolFile,
    passphrase: &str,
    replace: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    if school.signing_key()?.is_some() && !replace {
        return Err("学校已有签署密钥；如确需更换（例如忘记口令），请加 --replace".into());
    }
    let fingerprint = crate::workflow::signing::create_key(school, passphrase, replace)?;
    writeln!(
        out,
        "已创建签署密钥和证书（有效期5年）。证书指纹（SHA-256）：{fingerprint}"
    )?;
    Ok(Outcome::Done)
}

/// Exit 0 valid and unchanged, 1 invalid or changed, 2 not a signed packet (`Ok(Err(_))`). With
/// `--trust`, a certificate other than the trusted one is also exit 1: anyone can make a
/// self-issued certificate in a school's name.
pub fn verify(
    packet: &Path,
    trusted: &[Vec<u8>],
    trust_required: bool,
    out: &mut dyn Write,
) -> Result<Result<Outcome, sign::VerifyError>, Box<dyn std::error::Error>> {
    // No file to read is, as the usage says, no signed PDF: exit 2.
    let pdf = match std::fs::read(packet) {
        Ok(pdf) => pdf,
        Err(e) => {
            return Ok(Ok(Outcome::NotSigned(crate::store::read_failure(
                packet, &e,
            ))));
        }
    };
    let v = match sign::verify_pdf(&pdf, trusted) {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    for line in v.report() {
        writeln!(out, "{line}")?;
    }
    Ok(Ok(if v.intact && (v.trusted || !trust_required) {
        Outcome::Done
    } else {
        Outcome::Blocked
    }))
}
