//! The school's signing key and the certificates others send: the rules and readings that
//! 导出与签署 and `yitihua sign-setup` / `verify` share.

use std::path::Path;

use crate::sign;
use crate::store::{RollupFile, SchoolFile, io_message};

/// The one rule for a new passphrase.
pub fn check_passphrase(passphrase: &str) -> Result<(), String> {
    if passphrase.chars().count() < 8 {
        return Err("口令至少8个字符".into());
    }
    Ok(())
}

/// The passphrase is the file's first line; a file keeps it out of the shell's history and the
/// process list.
pub fn read_passphrase(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("无法读取口令文件 {}：{}", path.display(), io_message(&e)))?;
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    check_passphrase(line)?;
    Ok(line.to_string())
}

/// Creates the school's key and self-issued certificate, stored with the key encrypted by
/// `passphrase`; `replace` retires the current key (its packets still verify). Returns the
/// certificate's fingerprint, which the receiving office compares.
pub fn create_key(
    school: &mut SchoolFile,
    passphrase: &str,
    replace: bool,
) -> Result<String, String> {
    check_passphrase(passphrase)?;
    let profile = school.profile().map_err(|e| e.to_string())?;
    let key = sign::create_key(
        &profile.name,
        &profile.credit_code,
        passphrase,
        chrono::Utc::now(),
    )
    .map_err(|e| e.to_string())?;
    school
        .save_signing_key(&key.certificate_der, &key.encrypted_key_der, replace)
        .map_err(|e| e.to_string())?;
    Ok(sign::fingerprint(&key.certificate_der))
}

/// Creates the receiving office's key and self-issued certificate (in the office's name), with
/// which a 盟市 signs its 转报材料; as [`create_key`] otherwise.
pub fn create_office_key(
    file: &mut RollupFile,
    passphrase: &str,
    replace: bool,
) -> Result<String, String> {
    check_passphrase(passphrase)?;
    let office = file.office().map_err(|e| e.to_string())?;
    let key = sign::create_key(&office.name, "", passphrase, chrono::Utc::now())
        .map_err(|e| e.to_string())?;
    file.save_signing_key(&key.certificate_der, &key.encrypted_key_der, replace)
        .map_err(|e| e.to_string())?;
    Ok(sign::fingerprint(&key.certificate_der))
}

/// Whether the passphrase typed opens the school's key. scrypt makes this take a moment: run it
/// off the window's thread.
pub fn unlocks(encrypted_key: &[u8], passphrase: &str) -> Result<(), String> {
    sign::check_passphrase(encrypted_key, passphrase).map_err(|e| match e {
        sign::SignError::WrongPassphrase => {
            "签署口令不正确，请重新输入；忘记口令时，可在“数字签名”中更换密钥".to_string()
        }
        other => other.to_string(),
    })
}

/// Reads a certificate given as PEM or DER (.cer).
pub fn read_certificate(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("无法读取证书 {}：{}", path.display(), io_message(&e)))?;
    if !bytes.starts_with(b"-----BEGIN") {
        return Ok(bytes);
    }
    der::pem::decode_vec(&bytes)
        .map(|(_, der)| der)
        .map_err(|_| {
            format!(
                "证书 {} 不是有效的证书文件（.pem 或 .cer），请让对方重新导出证书后再试",
                path.display()
            )
        })
}
