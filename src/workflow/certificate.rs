//! 工作量证明: read the teacher's records and the 教务处's signature image, build the one-page
//! PDF and sign it when a passphrase is given. `yitihua report teacher` and the roster's
//! 工作量证明 button run this same sequence; the caller writes the bytes through
//! `store::atomic`.

use chrono::NaiveDate;

use super::export::{sign, signer};
use crate::domain::signature::SignatureRole;
use crate::exchange::Document;
use crate::report::{self, CertificateInput, SIGNATURE_BOX};
use crate::store::{SchoolFile, StoredKey};

/// Everything the certificate needs, read from the school file; building it needs the file no
/// more, so the window builds it on a thread.
pub struct Certificate {
    document: Document,
    teacher: String,
    date: NaiveDate,
    signature: Option<Vec<u8>>,
    signer: Option<(StoredKey, String)>,
}

/// Reads the school and the 教务处负责人's signature image; refuses a 工号 not on the roster
/// before anything is built. With a passphrase the certificate will be signed with the
/// school's key.
pub fn prepare(
    school: &SchoolFile,
    teacher: &str,
    date: NaiveDate,
    passphrase: Option<String>,
) -> Result<Certificate, String> {
    let document = Document::from_file(school).map_err(|e| e.to_string())?;
    if !document.teachers.iter().any(|t| t.id == teacher) {
        return Err(report::ReportError::NoTeacher(teacher.to_string()).to_string());
    }
    Ok(Certificate {
        signer: signer(school, passphrase)?,
        signature: school
            .signature_image(SignatureRole::AcademicHead)
            .map_err(|e| e.to_string())?,
        document,
        teacher: teacher.to_string(),
        date,
    })
}

impl Certificate {
    /// Whether [`Certificate::build`] signs.
    pub fn signed(&self) -> bool {
        self.signer.is_some()
    }

    /// "张伟（T001）", for what the caller says when done.
    pub fn teacher(&self) -> String {
        let name = self
            .document
            .teachers
            .iter()
            .find(|t| t.id == self.teacher)
            .map_or("", |t| t.name.as_str());
        format!("{name}（{}）", self.teacher)
    }

    /// The PDF's bytes, signed when a passphrase was given.
    pub fn build(&self) -> Result<Vec<u8>, String> {
        let bytes = report::workload_certificate(&CertificateInput {
            document: &self.document,
            teacher: &self.teacher,
            date: self.date,
            signature: self.signature.as_deref(),
        })
        .map_err(|e| e.to_string())?;
        match &self.signer {
            None => Ok(bytes),
            Some(signer) => sign(
                &bytes,
                signer,
                &self.document.school.name,
                crate::sign::Place {
                    left: SIGNATURE_BOX.0,
                    bottom: SIGNATURE_BOX.1,
                },
            ),
        }
    }
}
