//! `yitihua rollup …`: the receiving office's 汇总文件 from the terminal, over the same
//! workflow as the window.

use std::io::{IsTerminal, Write};

use serde_json::json;

use super::Outcome;
use super::args::{Rollup, RollupOutput, TrustFrom};
use crate::domain::rollup::{
    self, COUNTING_RULE, Office, OfficeLevel, Row, Sums, TARGET_SCHOOLS, TARGET_SPECIALTIES,
    TARGET_TRAINED_TEACHERS, Verdict,
};
use crate::domain::time;
use crate::store::RollupFile;
use crate::workflow::rollup::{self as flow, Overview};
use crate::workflow::signing;

pub fn run(command: Rollup, out: &mut dyn Write) -> Result<Outcome, String> {
    let open = |file: &std::path::Path| RollupFile::open(file).map_err(|e| e.to_string());
    let said = |r: std::io::Result<()>| {
        r.map_err(|e| format!("无法输出：{}", crate::store::io_message(&e)))
    };
    match command {
        Rollup::New {
            file,
            office,
            level,
            region,
        } => {
            let office = Office {
                name: office,
                level,
                region,
            };
            RollupFile::create(&file, &office).map_err(|e| e.to_string())?;
            said(writeln!(out, "已新建汇总文件：{}", file.display()))?;
            Ok(Outcome::Done)
        }
        Rollup::Add { file, packets } => {
            let mut rollup = open(&file)?;
            let paths = flow::packet_paths(&packets)?;
            // Progress on the terminal only: a script reading the output wants the lines alone.
            let terminal = std::io::stderr().is_terminal();
            let outcomes = flow::receive(&mut rollup, &paths, &mut |done, total| {
                if terminal {
                    eprint!("\r正在验证和读取 {done}/{total}");
                    if done == total {
                        eprintln!();
                    }
                }
            })?;
            for outcome in &outcomes {
                said(writeln!(out, "{}", outcome.line()))?;
            }
            let attention = outcomes.iter().filter(|o| o.needs_attention()).count();
            said(writeln!(
                out,
                "共{}份：有效{}份，需处理{attention}份",
                outcomes.len(),
                outcomes.len() - attention
            ))?;
            Ok(if attention > 0 {
                Outcome::Blocked
            } else {
                Outcome::Done
            })
        }
        Rollup::Report { file, output } => {
            let overview = Overview::read(&open(&file)?)?;
            match output {
                RollupOutput::Text => said(report_text(&overview, out))?,
                RollupOutput::Json => said(writeln!(out, "{:#}", report_json(&overview)))?,
                RollupOutput::Xlsx(path) => {
                    super::write_new(&path, &overview.workbook()?)?;
                    said(writeln!(out, "已导出汇总表：{}", path.display()))?;
                }
                RollupOutput::Pdf(path, date) => {
                    let date = date.unwrap_or_else(|| time::beijing_date(chrono::Utc::now()));
                    super::write_new(&path, &overview.printout(date)?)?;
                    said(writeln!(out, "已导出推荐汇总表：{}", path.display()))?;
                }
            }
            Ok(Outcome::Done)
        }
        Rollup::Trust { file, from } => {
            let mut rollup = open(&file)?;
            let sentence = match from {
                TrustFrom::Certificate(path) => flow::trust_certificate(&mut rollup, &path)?,
                TrustFrom::Packet(id) => flow::trust_packet(&mut rollup, id)?,
            };
            said(writeln!(out, "{sentence}"))?;
            Ok(Outcome::Done)
        }
        Rollup::Opinion {
            file,
            school,
            batch,
            opinion,
            text,
        } => {
            let mut rollup = open(&file)?;
            let verdict = opinion.map(|opinion| Verdict { opinion, text });
            flow::set_verdict(&mut rollup, &school, batch, verdict.as_ref())?;
            said(match &verdict {
                Some(v) => writeln!(out, "已记录意见：第{batch}批 {}", v.opinion.name()),
                None => writeln!(out, "已撤回第{batch}批的意见"),
            })?;
            Ok(Outcome::Done)
        }
        Rollup::SignSetup {
            file,
            passphrase_file,
            replace,
        } => {
            let passphrase = signing::read_passphrase(&passphrase_file)?;
            let mut rollup = open(&file)?;
            if rollup.signing_key().map_err(|e| e.to_string())?.is_some() && !replace {
                return Err(
                    "本单位已有签署密钥；如确需更换（例如忘记口令），请加 --replace".into(),
                );
            }
            let fingerprint = signing::create_office_key(&mut rollup, &passphrase, replace)?;
            said(writeln!(
                out,
                "已创建本单位的签署密钥和证书（有效期5年）。证书指纹（SHA-256）：{fingerprint}"
            ))?;
            Ok(Outcome::Done)
        }
        Rollup::ExportCertificate { file, out: path } => {
            let certificate = flow::office_certificate(&open(&file)?)?;
            super::export_certificate(&certificate, &path, "本单位证书", out)
        }
        Rollup::Forward {
            file,
            out: path,
            passphrase_file,
            date,
        } => {
            let passphrase = signing::read_passphrase(&passphrase_file)?;
            let date = date.unwrap_or_else(|| time::beijing_date(chrono::Utc::now()));
            let forwarding = flow::prepare_forward(&open(&file)?, date, passphrase)?;
            super::write_new(&path, &forwarding.build()?)?;
            said(writeln!(
                out,
                "已导出转报材料（随附申报材料{}份，已签署）：{}",
                forwarding.count(),
                path.display()
            ))?;
            Ok(Outcome::Done)
        }
    }
}

fn office_line(office: &Office) -> String {
    match (office.level, office.region) {
        (OfficeLevel::League, Some(region)) => {
            format!("{}（{} · {}）", office.name, office.level, region)
        }
        _ => format!("{}（{}）", office.name, office.level),
    }
}

fn report_text(overview: &Overview, out: &mut dyn Write) -> std::io::Result<()> {
    let rows = overview.rows();
    let totals = rollup::totals(&rows);
    writeln!(out, "汇总单位：{}", office_line(&overview.office))?;
    writeln!(
        out,
        "收到申报材料{}份，汇总为{}行（每校每批一行）",
        overview.received.len(),
        rows.len()
    )?;
    writeln!(out)?;
    writeln!(out, "对照“十四五”目标（计入规则：{COUNTING_RULE}）")?;
    let r = &totals.region;
    writeln!(out, "  建设专业  {} / {TARGET_SPECIALTIES}", r.specialties)?;
    writeln!(out, "  参与学校  {} / {TARGET_SCHOOLS}", r.schools)?;
    writeln!(
        out,
        "  培训教师  {} / {TARGET_TRAINED_TEACHERS}",
        r.trained_teachers
    )?;
    for (region, sums) in &totals.by_region {
        writeln!(
            out,
            "  {region}：专业{}个，学校{}所，培训教师{}人",
            sums.specialties, sums.schools, sums.trained_teachers
        )?;
    }
    writeln!(out)?;
    writeln!(out, "汇总表")?;
    for (i, row) in rows.iter().enumerate() {
        write_row(out, i + 1, row)?;
    }
    let notes = rollup::across(&overview.office, &rows);
    if !notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "跨校提示")?;
        for note in notes {
            writeln!(out, "  {note}")?;
        }
    }
    Ok(())
}

fn write_row(out: &mut dyn Write, n: usize, row: &Row<'_>) -> std::io::Result<()> {
    let p = row.packet;
    let s = &p.summary;
    let opinion = row.verdict.map_or_else(
        || "未填写意见".to_string(),
        |v| format!("意见：{}", v.describe()),
    );
    writeln!(
        out,
        "{n}. {} {}（{}，{}） 第{}批 {} {opinion}",
        s.region, s.school, s.kind, s.credit_code, s.batch, row.state
    )?;
    let specialties: Vec<String> = s.specialties.iter().map(|l| l.describe()).collect();
    writeln!(out, "   专业：{}", specialties.join("；"))?;
    writeln!(
        out,
        "   一体化教师{}人，培训教师{}人；重新审核：错误{}处，提醒{}处",
        s.integrated_teachers,
        s.trained_teachers,
        s.errors(),
        s.warnings()
    )?;
    for f in s
        .findings
        .iter()
        .filter(|f| f.severity != crate::domain::Severity::Incomplete)
    {
        let explained = f
            .explanation
            .as_deref()
            .map(|e| format!("（学校说明：{e}）"))
            .unwrap_or_default();
        writeln!(
            out,
            "     [{}] {}：{}{explained}",
            f.severity, f.location, f.message
        )?;
    }
    let signed = match &p.signed_at {
        Some(at) => format!("{}签署于{}", p.signer, time::show_stored(at)),
        None => "未签名".into(),
    };
    writeln!(
        out,
        "   第{}份材料（{}）：{signed}；收到于{}",
        p.id,
        p.file_name,
        time::show_stored(&p.received_at)
    )?;
    if let Some(forwarded) = &p.forwarded {
        writeln!(out, "   {}", forwarded.describe())?;
    }
    if let Some(why) = flow::problem(row.state, p.problem.as_deref(), p.certificate_matches) {
        writeln!(out, "   {why}")?;
    }
    if !row.superseded.is_empty() {
        let ids: Vec<String> = row
            .superseded
            .iter()
            .map(|o| format!("第{}份", o.id))
            .collect();
        writeln!(out, "   已替代较早的材料：{}", ids.join("、"))?;
    }
    Ok(())
}

fn sums_json(sums: &Sums) -> serde_json::Value {
    json!({
        "specialties": sums.specialties,
        "schools": sums.schools,
        "trained_teachers": sums.trained_teachers,
        "declarations": sums.declarations,
    })
}

/// The totals against the three targets, one entry per row and one per received packet with
/// its state, for other programs.
fn report_json(overview: &Overview) -> serde_json::Value {
    let rows = overview.rows();
    let totals = rollup::totals(&rows);
    let any_recommended = rows.iter().any(|r| {
        r.verdict
            .is_some_and(|v| v.opinion == rollup::Opinion::Recommend)
    });
    let standing: std::collections::BTreeMap<i64, (&Row<'_>, Option<i64>)> = rows
        .iter()
        .flat_map(|row| {
            std::iter::once((row.packet.id, (row, None))).chain(
                row.superseded
                    .iter()
                    .map(move |old| (old.id, (row, Some(row.packet.id)))),
            )
        })
        .collect();
    let packets: Vec<serde_json::Value> = overview
        .received
        .iter()
        .map(|p| {
            let state = p.state(&overview.pins);
            let superseded_by = standing.get(&p.id).and_then(|(_, by)| *by);
            json!({
                "id": p.id,
                "file_name": p.file_name,
                "sha256": p.sha256,
                "school": p.summary.school,
                "credit_code": p.summary.credit_code,
                "region": p.summary.region,
                "batch": p.summary.batch,
                "state": state,
                "problem": flow::problem(state, p.problem.as_deref(), p.certificate_matches),
                "signer": p.signer,
                "fingerprint": p.fingerprint,
                "signed_at": p.signed_at.as_deref().map(time::show_stored),
                "received_at": time::show_stored(&p.received_at),
                "superseded_by": superseded_by,
                "forwarded": p.forwarded,
            })
        })
        .collect();
    json!({
        "office": overview.office,
        "counting_rule": COUNTING_RULE,
        "targets": {
            "specialties": { "target": TARGET_SPECIALTIES, "counted": totals.region.specialties },
            "schools": { "target": TARGET_SCHOOLS, "counted": totals.region.schools },
            "trained_teachers": {
                "target": TARGET_TRAINED_TEACHERS,
                "counted": totals.region.trained_teachers,
            },
        },
        "totals": sums_json(&totals.region),
        "by_region": totals.by_region.iter().map(|(region, sums)| {
            let mut value = sums_json(sums);
            value["region"] = json!(region);
            value
        }).collect::<Vec<_>>(),
        "rows": rows.iter().map(|row| json!({
            "packet": row.packet.id,
            "state": row.state,
            "counted": rollup::counts(row, any_recommended),
            "opinion": row.verdict,
            "superseded": row.superseded.iter().map(|o| o.id).collect::<Vec<_>>(),
            "summary": row.packet.summary,
        })).collect::<Vec<_>>(),
        "across": rollup::across(&overview.office, &rows),
        "packets": packets,
    })
}
