//! 导出申报材料: read what the packet prints, refuse while an error blocks it, build it (and sign
//! it) and write it whole. `yitihua export` and 导出与签署 run this same sequence.

use chrono::NaiveDate;

use crate::domain::check;
use crate::domain::signature::SignatureRole;
use crate::domain::{Finding, Severity};
use crate::exchange::Document;
use crate::report::{self, PacketInput, Signatures};
use crate::sign;
use crate::store::{SchoolFile, StoredKey};

/// Everything the packet needs, read from the school file; building it needs the file no
/// more, so the window builds it on a thread.
pub struct Packet {
    document: Document,
    batch: u32,
    findings: Vec<Finding>,
    date: NaiveDate,
    signatures: Signatures,
    signer: Option<(StoredKey, String)>,
}

/// What [`prepare`] found.
pub enum Prepared {
    Ready(Box<Packet>),
    /// The findings that are errors: the packet cannot be exported until they are corrected.
    Blocked(Vec<Finding>),
}

/// Reads the batch's declaration, runs the check and reads the signature images. With a
/// passphrase the packet will be signed with the school's key.
pub fn prepare(
    school: &SchoolFile,
    batch: u32,
    date: NaiveDate,
    passphrase: Option<String>,
) -> Result<Prepared, String> {
    let inputs = school.check_inputs().map_err(|e| e.to_string())?;
    if !inputs.declarations.iter().any(|d| d.batch == batch) {
        return Err(format!("第{batch}批还没有申报，无法导出"));
    }
    let findings = check::check(&inputs.context(), batch);
    let errors: Vec<Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .cloned()
        .collect();
    if !errors.is_empty() {
        return Ok(Prepared::Blocked(errors));
    }
    let signer = signer(school, passphrase)?;
    let image = |role| school.signature_image(role).map_err(|e| e.to_string());
    let signatures = Signatures {
        filler: image(SignatureRole::Filler)?,
        academic_head: image(SignatureRole::AcademicHead)?,
        principal: image(SignatureRole::Principal)?,
        seal: image(SignatureRole::Seal)?,
    };
    Ok(Prepared::Ready(Box::new(Packet {
        document: Document::from_file(school).map_err(|e| e.to_string())?,
        batch,
        findings,
        date,
        signatures,
        signer,
    })))
}

impl Packet {
    /// Whether [`Packet::build`] signs.
    pub fn signed(&self) -> bool {
        self.signer.is_some()
    }

    /// The PDF's bytes, signed when a passphrase was given; `progress` hears the fraction done.
    /// A wrong passphrase gives an error and no bytes.
    pub fn build(&self, progress: &mut dyn FnMut(f32)) -> Result<Vec<u8>, String> {
        let input = PacketInput {
            document: &self.document,
            batch: self.batch,
            findings: &self.findings,
            date: self.date,
            filler: &self.document.school.contact,
            signatures: &self.signatures,
        };
        let bytes = report::packet(&input, progress).map_err(|e| e.to_string())?;
        match &self.signer {
            None => Ok(bytes),
            Some(signer) => sign(
                &bytes,
                signer,
                &self.document.school.name,
                sign::Place::PACKET,
            ),
        }
    }
}

/// The school's key with the passphrase to open it, when a passphrase was given; refused when
/// the school has no key yet.
pub(super) fn signer(
    school: &SchoolFile,
    passphrase: Option<String>,
) -> Result<Option<(StoredKey, String)>, String> {
    let Some(passphrase) = passphrase else {
        return Ok(None);
    };
    let key = school.signing_key().map_err(|e| e.to_string())?.ok_or(
        "学校还没有签署密钥：请先在“导出与签署”中创建签署密钥（命令行：yitihua sign-setup）",
    )?;
    Ok(Some((key, passphrase)))
}

/// Signs `bytes` now with the school's key, its visible box at `place`. A wrong passphrase
/// gives an error and no bytes.
pub(super) fn sign(
    bytes: &[u8],
    (key, passphrase): &(StoredKey, String),
    school: &str,
    place: sign::Place,
) -> Result<Vec<u8>, String> {
    sign::sign_pdf_at(
        bytes,
        &sign::Signer {
            certificate_der: &key.certificate,
            encrypted_key_der: &key.encrypted_key,
            passphrase,
        },
        school,
        chrono::Utc::now(),
        place,
    )
    .map_err(|e| e.to_string())
}
