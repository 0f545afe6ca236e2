//! `sign-setup`, the signing half of `export --sign`, and `verify`.

use std::io::Write;
use std::path::Path;

use super::Outcome;
use crate::sign::{self, Signer};
use crate::store::SchoolFile;

/// The passphrase is the file's first line; a file keeps it out of the shell's history and the
/// process list.
pub fn read_passphrase(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "无法读取口令文件 {}：{}",
            path.display(),
            crate::store::io_message(&e)
        )
    })?;
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    check_passphrase(line)?;
    Ok(line.to_string())
}

/// The one rule for a new passphrase, shared with the window.
pub fn check_passphrase(passphrase: &str) -> Result<(), String> {
    if passphrase.chars().count() < 8 {
        return Err("口令至少8个字符".into());
    }
    Ok(())
}

pub fn setup(
    school: &mut SchoolFile,
    passphrase: &str,
    replace: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    if school.signing_key()?.is_some() && !replace {
        return Err("学校已有签署密钥；如确需更换（例如忘记口令），请加 --replace".into());
    }
    let profile = school.profile()?;
    let key = sign::create_key(
        &profile.name,
        &profile.credit_code,
        passphrase,
        chrono::Utc::now(),
    )?;
    school.save_signing_key(&key.certificate_der, &key.encrypted_key_der, replace)?;
    writeln!(
        out,
        "已创建签署密钥和证书（有效期5年）。证书指纹（SHA-256）：{}",
        sign::fingerprint(&key.certificate_der)
    )?;
    Ok(Outcome::Done)
}

/// Signs the packet's bytes with the school's key; the wrong passphrase signs nothing.
pub fn sign_packet(
    school: &SchoolFile,
    pdf: &[u8],
    passphrase: &str,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let key = school
        .signing_key()?
        .ok_or("学校还没有签署密钥：请先运行 yitihua sign-setup")?;
    let signer = Signer {
        certificate_der: &key.certificate,
        encrypted_key_der: &key.encrypted_key,
        passphrase,
    };
    Ok(sign::sign_pdf(
        pdf,
        &signer,
        &school.profile()?.name,
        chrono::Utc::now(),
    )?)
}

/// Reads a certificate given as PEM or DER (.cer).
pub fn read_certificate(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "无法读取证书 {}：{}",
            path.display(),
            crate::store::io_message(&e)
        )
    })?;
    if bytes.starts_with(b"-----BEGIN") {
        der::pem::decode_vec(&bytes)
            .map(|(_, der)| der)
            .map_err(|_| {
                format!(
                    "证书 {} 不是有效的证书文件（.pem 或 .cer），请让对方重新导出证书后再试",
                    path.display()
                )
            })
    } else {
        Ok(bytes)
    }
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
    let pdf = std::fs::read(packet).map_err(|e| {
        format!(
            "无法读取 {}：{}",
            packet.display(),
            crate::store::io_message(&e)
        )
    })?;
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
