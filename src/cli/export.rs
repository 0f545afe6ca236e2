//! `yitihua export`: the packet of one batch, refused with the findings when an error blocks it.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{Outcome, write_new};
use crate::domain::Severity;
use crate::domain::check;
use crate::domain::signature::SignatureRole;
use crate::exchange::Document;
use crate::report::{self, PacketInput, Signatures};
use crate::store::SchoolFile;

pub fn export(
    school: &SchoolFile,
    batch: u32,
    out_path: &Path,
    date: NaiveDate,
    passphrase: Option<&str>,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    let inputs = school.check_inputs()?;
    if !inputs.declarations.iter().any(|d| d.batch == batch) {
        return Err(format!("第{batch}批还没有申报，无法导出").into());
    }
    let findings = check::check(&inputs.context(), batch);
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        writeln!(out, "有 {} 个错误，未导出：", errors.len())?;
        for f in errors {
            writeln!(out, "  {}：{}〔政策 {}〕", f.location, f.message, f.clause)?;
        }
        return Ok(Outcome::Blocked);
    }
    let image = |role| school.signature_image(role);
    let signatures = Signatures {
        filler: image(SignatureRole::Filler)?,
        academic_head: image(SignatureRole::AcademicHead)?,
        principal: image(SignatureRole::Principal)?,
        seal: image(SignatureRole::Seal)?,
    };
    let document = Document::from_file(school)?;
    let input = PacketInput {
        document: &document,
        batch,
        findings: &findings,
        date,
        filler: &document.school.contact,
        signatures: &signatures,
    };
    let mut bytes = report::packet(&input, &mut |_| {})?;
    if let Some(passphrase) = passphrase {
        bytes = super::sign::sign_packet(school, &bytes, passphrase)?;
    }
    write_new(out_path, &bytes)?;
    writeln!(
        out,
        "已导出{}申报材料：{}（{} KB）",
        if passphrase.is_some() {
            "并签署"
        } else {
            ""
        },
        out_path.display(),
        bytes.len() / 1024
    )?;
    Ok(Outcome::Done)
}
