//! What 教务处 signs alone: a teacher's 工作量证明 and the 课时津贴表. Read the school and the
//! 教务处's signature image, build the PDF and sign it when a passphrase is given.
//! `yitihua report teacher`, `yitihua report allowance`, the roster's 工作量证明 button and the
//! summary's 课时津贴表 button run this same sequence; the caller writes the bytes through
//! `store::atomic`.

use chrono::NaiveDate;

use super::export::{sign, signer};
use crate::domain::signature::SignatureRole;
use crate::exchange::Document;
use crate::report::{self, AllowanceInput, CertificateInput, SIGNATURE_BOX};
use crate::store::{SchoolFile, StoredKey};

/// Everything the certificate needs, read from the school file; building it needs the file no
/// more, so the window builds it on a thread.
pub struct Certificate {
    document: Document,
    form: Form,
    date: NaiveDate,
    signature: Option<Vec<u8>>,
    signer: Option<(StoredKey, String)>,
}

/// Which of the two is printed.
enum Form {
    /// The 工作量证明 of the teacher with this 工号.
    Teacher(String),
    /// The 课时津贴表 of a term, or of all terms.
    Allowance(Option<String>),
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
    read(
        school,
        document,
        Form::Teacher(teacher.to_string()),
        date,
        passphrase,
    )
}

/// As [`prepare`], for the 课时津贴表 of `term` (all terms if `None`); refuses a term the file
/// lacks, and a school that has set neither 额定课时 nor a rate, whose sheet would be all dashes.
pub fn prepare_allowance(
    school: &SchoolFile,
    term: Option<&str>,
    date: NaiveDate,
    passphrase: Option<String>,
) -> Result<Certificate, String> {
    let document = Document::from_file(school).map_err(|e| e.to_string())?;
    if let Some(term) = term
        && !document.terms.iter().any(|t| t.name == term)
    {
        return Err(format!("没有学期“{term}”，请核对学期名称"));
    }
    if document.workload.pay.is_empty() {
        return Err(
            "还没有设定额定课时或课时津贴标准：请先在“教师与课时 → 系数与津贴”中设定，再生成课时津贴表"
                .into(),
        );
    }
    let form = Form::Allowance(term.map(str::to_string));
    read(school, document, form, date, passphrase)
}

fn read(
    school: &SchoolFile,
    document: Document,
    form: Form,
    date: NaiveDate,
    passphrase: Option<String>,
) -> Result<Certificate, String> {
    Ok(Certificate {
        signer: signer(school, passphrase)?,
        signature: school
            .signature_image(SignatureRole::AcademicHead)
            .map_err(|e| e.to_string())?,
        document,
        form,
        date,
    })
}

impl Certificate {
    /// Whether [`Certificate::build`] signs.
    pub fn signed(&self) -> bool {
        self.signer.is_some()
    }

    /// "张伟（T001）的工作量证明" or "2024-2025学年第一学期课时津贴表", for what the caller
    /// says when done.
    pub fn describe(&self) -> String {
        match &self.form {
            Form::Teacher(id) => {
                let name = self
                    .document
                    .teachers
                    .iter()
                    .find(|t| t.id == *id)
                    .map_or("", |t| t.name.as_str());
                format!("{name}（{id}）的工作量证明")
            }
            Form::Allowance(term) => format!("{}课时津贴表", term.as_deref().unwrap_or("全部学期")),
        }
    }

    /// The PDF's bytes, signed when a passphrase was given.
    pub fn build(&self) -> Result<Vec<u8>, String> {
        let signature = self.signature.as_deref();
        let bytes = match &self.form {
            Form::Teacher(teacher) => report::workload_certificate(&CertificateInput {
                document: &self.document,
                teacher,
                date: self.date,
                signature,
            }),
            Form::Allowance(term) => report::allowance_sheet(&AllowanceInput {
                document: &self.document,
                term: term.as_deref(),
                date: self.date,
                signature,
            }),
        }
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
