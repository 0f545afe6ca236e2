//! `yitihua export`: the packet of one batch, refused with the findings when an error blocks it.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{Outcome, write_new};
use crate::store::SchoolFile;
use crate::workflow::export::{Prepared, prepare};

pub fn export(
    school: &SchoolFile,
    batch: u32,
    out_path: &Path,
    date: NaiveDate,
    passphrase: Option<String>,
    out: &mut dyn Write,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    let packet = match prepare(school, batch, date, passphrase)? {
        Prepared::Ready(packet) => packet,
        Prepared::Blocked(errors) => {
            writeln!(out, "有 {} 个错误，未导出：", errors.len())?;
            for f in errors {
                writeln!(out, "  {}：{}〔政策 {}〕", f.location, f.message, f.clause)?;
            }
            return Ok(Outcome::Blocked);
        }
    };
    let bytes = packet.build(&mut |_| {})?;
    write_new(out_path, &bytes)?;
    writeln!(
        out,
        "已导出{}申报材料：{}（{} KB）",
        if packet.signed() { "并签署" } else { "" },
        out_path.display(),
        bytes.len() / 1024
    )?;
    Ok(Outcome::Done)
}
