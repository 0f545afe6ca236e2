//! 电子签名: the school signs its PDF packet so the receiving office can tell who sent it and
//! that nothing changed since. The signature is PAdES-style (a signature dictionary whose
//! ByteRange covers the whole file except the signature value, holding a detached CMS
//! SignedData with ECDSA P-256 / SHA-256), so ordinary readers such as Poppler and Acrobat check
//! it without this program.
//!
//! `key` makes and unlocks the school's key and self-issued certificate; `cms` builds and checks
//! the SignedData; `pdf` appends the signature as an incremental update and finds it again;
//! `appearance` draws the visible box on the last page. Nothing here touches the school file:
//! the caller keeps [`KeyPair`] wherever it keeps the school's data.

mod appearance;
mod cms;
mod key;
mod pdf;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

pub use key::{change_passphrase, check_passphrase, create_key};
pub use pdf::{Place, sign_pdf, sign_pdf_at, verify_pdf};

/// What the school file keeps: the certificate anyone may see, and the private key only ever in
/// its encrypted form (EncryptedPrivateKeyInfo, PBES2 with scrypt and AES-256-CBC), so a copied
/// school file does not give away the power to sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPair {
    /// The self-issued X.509 certificate, DER.
    pub certificate_der: Vec<u8>,
    /// The private key as encrypted PKCS#8, DER; opened only with the passphrase.
    pub encrypted_key_der: Vec<u8>,
}

/// Everything signing needs: the stored pair and the passphrase the user just typed, which is
/// used once and not kept.
#[derive(Debug, Clone, Copy)]
pub struct Signer<'a> {
    /// [`KeyPair::certificate_der`]; it goes into the signature so readers need nothing else.
    pub certificate_der: &'a [u8],
    /// [`KeyPair::encrypted_key_der`].
    pub encrypted_key_der: &'a [u8],
    /// Opens the key for this one signature.
    pub passphrase: &'a str,
}

/// What a check of a signed packet found, for `yitihua verify` and the window to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The certificate's common name (the school name it was made with); empty when the
    /// signature is too damaged to read.
    pub signer: String,
    /// The signing time the signer's software claimed inside the signature.
    pub signed_at: Option<DateTime<Utc>>,
    /// SHA-256 of the signer's certificate, as [`fingerprint`] writes it.
    pub fingerprint: String,
    /// The signer's certificate, so the user can choose to trust it.
    pub certificate_der: Vec<u8>,
    /// The signature is valid and covers the whole file: nothing changed since signing.
    pub intact: bool,
    /// Why not intact, in words for the office.
    pub problem: Option<String>,
    /// The certificate is byte for byte one of those the user trusts. A self-issued
    /// certificate proves nothing by itself, since anyone can make one in a school's name.
    pub trusted: bool,
}

impl Verification {
    /// The five lines `yitihua verify` prints and the window shows, in this order: signer,
    /// signing time (Beijing time, whatever the PC's zone), fingerprint, whether the file is unchanged, whether the
    /// certificate is trusted.
    pub fn report(&self) -> [String; 5] {
        let time = self.signed_at.map_or_else(
            || "（未记录）".to_string(),
            |t| format!("{}（北京时间）", crate::domain::time::beijing(t)),
        );
        [
            format!("签署人：{}", self.signer),
            format!("签署时间：{time}"),
            format!("证书指纹（SHA-256）：{}", self.fingerprint),
            if self.intact {
                "文件完整：签署后未被改动".to_string()
            } else {
                format!(
                    "文件已改动或签名无效：{}",
                    self.problem.as_deref().unwrap_or("签名与内容不符")
                )
            },
            if self.trusted {
                "证书：与信任的证书一致"
            } else {
                "证书：不在信任列表中（自签证书，请与签署单位核对指纹）"
            }
            .to_string(),
        ]
    }
}

/// Why nothing was signed or no key was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// The passphrase does not open the stored key.
    WrongPassphrase,
    /// Key or certificate trouble (damaged stored data, a key that does not match its
    /// certificate).
    Crypto(String),
    /// The PDF could not be read or extended.
    Pdf(String),
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignError::WrongPassphrase => write!(f, "口令不正确，未签署"),
            SignError::Crypto(reason) => write!(f, "签名密钥出错：{reason}"),
            SignError::Pdf(reason) => write!(f, "无法签署该 PDF：{reason}"),
        }
    }
}

impl std::error::Error for SignError {}

/// Why a file could not be checked at all, as opposed to checked and found changed (which is
/// an `Ok` [`Verification`] that is not intact); `yitihua verify` exits with 2 for these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyError {
    /// The bytes do not start as a PDF does.
    NotPdf,
    /// A PDF without any signature dictionary.
    NotSigned,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::NotPdf => write!(f, "不是 PDF 文件"),
            VerifyError::NotSigned => write!(f, "该 PDF 没有电子签名"),
        }
    }
}

impl std::error::Error for VerifyError {}

/// The certificate as PEM text, for users whose tools want `.pem` rather than the DER `.cer`.
pub fn certificate_pem(certificate_der: &[u8]) -> String {
    use base64ct::{Base64, Encoding};
    let body = Base64::encode_string(certificate_der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    // 64 columns, as RFC 7468 asks; base64 is ASCII, so byte chunks are whole characters.
    for line in body.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

/// Whom a certificate names: the school and, when it was made with one, its 统一社会信用代码.
/// The receiving office pins a certificate to the school by the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub school: String,
    pub credit_code: Option<String>,
}

/// Reads the subject of a certificate (DER); `None` when it is not a certificate.
pub fn subject(certificate_der: &[u8]) -> Option<Subject> {
    use der::Decode;
    let certificate = x509_cert::Certificate::from_der(certificate_der).ok()?;
    Some(Subject {
        school: cms::common_name(&certificate),
        credit_code: cms::credit_code(&certificate),
    })
}

/// SHA-256 of the certificate as readers show it (`AB:01:…`), so an office can compare what
/// the window shows with what a colleague reads out over the phone.
pub fn fingerprint(certificate_der: &[u8]) -> String {
    Sha256::digest(certificate_der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}
