//! 收取申报材料 and the 汇总表: what the receiving office's window and `yitihua rollup` both do.
//! A packet is verified before any of its bytes are believed, its attached data is read and
//! checked as the interchange format, the policy check runs again on that data, and only then
//! is anything stored; a file that fails any of it is refused with a sentence and leaves the
//! 汇总文件 as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use sha2::{Digest, Sha256};

use crate::domain::rollup::{
    self, Forwarded, Office, OfficeLevel, PacketState, Received, Row, Totals, Verdict,
};
use crate::exchange::forward::{Entry, Forward};
use crate::exchange::{Document, packet};
use crate::report::FORWARD_ATTACHMENT_NAME;
use crate::sign::{self, VerifyError};
use crate::store::{Receipt, RollupFile, read_failure};

/// Reads one school packet's bytes into what receiving stores. Touches no file, so many run
/// at once.
pub fn read_packet(file_name: &str, bytes: &[u8]) -> Result<Receipt, String> {
    let verification = verify(bytes)?;
    let attached = guarded(|| packet::read(bytes))?;
    receipt(file_name, bytes, verification, attached)
}

/// The signature checked, `None` for an unsigned PDF; a file that is not a PDF is refused.
fn verify(bytes: &[u8]) -> Result<Option<sign::Verification>, String> {
    match sign::verify_pdf(bytes, &[]) {
        Ok(v) => Ok(Some(v)),
        Err(VerifyError::NotSigned) => Ok(None),
        Err(VerifyError::NotPdf) => {
            Err("不是 PDF 文件，请选择学校导出的申报材料或盟市的转报材料（.pdf）".into())
        }
    }
}

/// lopdf reads bytes nobody has vouched for yet; a panic in it must refuse this one file, not
/// end the office's whole batch.
fn guarded<T>(read: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err("PDF 结构异常，无法读取，请让发送单位重新导出".into()))
}

fn receipt(
    file_name: &str,
    bytes: &[u8],
    verification: Option<sign::Verification>,
    attached: packet::Attached,
) -> Result<Receipt, String> {
    let changed = verification.as_ref().is_some_and(|v| !v.intact);
    let document = Document::parse(&attached.json).map_err(|e| {
        if changed {
            "签署后被改动，且所附数据无法读取；请让学校重新发送".to_string()
        } else {
            format!("所附申报数据无法读取：{e}")
        }
    })?;
    let problems = document.problems();
    if let Some(first) = problems.first() {
        return Err(format!(
            "所附申报数据未通过校验（共{}处，如：{first}），请让学校改正后重新导出",
            problems.len()
        ));
    }
    if document.school.credit_code.trim().is_empty() {
        return Err(format!(
            "{}的申报数据没有统一社会信用代码，无法识别学校；请学校在“学校信息”中填写后重新导出",
            document.school.name
        ));
    }
    // Each batch once, whatever order the revisions come in.
    let declared: Vec<u32> = document
        .declarations
        .iter()
        .map(|d| d.batch)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let batch = match (attached.batch, declared.as_slice()) {
        (Some(b), _) => b,
        (None, [only]) => *only,
        (None, _) => {
            return Err(format!(
                "无法确定{}这份材料申报的是哪一批：它由旧版程序导出，且含多个批次的申报；请学校用新版程序重新导出",
                document.school.name
            ));
        }
    };
    if !declared.contains(&batch) {
        return Err(format!(
            "{}的材料注明第{batch}批，但所附数据中没有该批的申报；请让学校重新导出",
            document.school.name
        ));
    }
    let inputs = document.check_inputs();
    let summary = rollup::summarise(&inputs, batch);
    let (signed, intact, problem, signer, fingerprint, certificate, signed_at) = match verification
    {
        None => (false, false, None, String::new(), String::new(), None, None),
        Some(v) => (
            true,
            v.intact,
            v.problem,
            v.signer,
            v.fingerprint,
            Some(v.certificate_der).filter(|c| !c.is_empty()),
            v.signed_at,
        ),
    };
    // Our certificates name the school's code; one made in another code is not this school's.
    let certificate_matches = certificate.as_deref().is_none_or(|der| {
        sign::subject(der)
            .and_then(|s| s.credit_code)
            .is_none_or(|code| code == summary.credit_code)
    });
    Ok(Receipt {
        file_name: file_name.to_string(),
        sha256: crate::exchange::files::hex(&Sha256::digest(bytes)),
        signed,
        intact,
        problem,
        signer,
        fingerprint,
        certificate,
        certificate_matches,
        signed_at,
        summary,
        forwarded: None,
        forwarder_certificate: None,
        pdf: bytes.to_vec(),
    })
}

/// What the receiving office brings to reading files: its level (a 转报材料 goes to the 自治区
/// only) and the certificate pinned for each office that has forwarded to it.
#[derive(Debug, Clone)]
pub struct Receiving {
    pub level: OfficeLevel,
    pub offices: BTreeMap<String, String>,
}

impl Receiving {
    pub fn of(file: &RollupFile) -> Result<Receiving, String> {
        Ok(Receiving {
            level: file.office().map_err(|e| e.to_string())?.level,
            offices: file.office_pins().map_err(|e| e.to_string())?,
        })
    }
}

/// Reads a file given to receiving: one school packet, or a 盟市's 转报材料 with every packet
/// it carries, each checked as if the school had sent it. A 转报材料 must be signed, unchanged,
/// by a certificate in its office's name, and the one pinned for that office if there is one.
pub fn read_file(path: &Path, bytes: &[u8], receiving: &Receiving) -> Vec<Reading> {
    let file_name = &file_name(path);
    let reading = |inner, result| Reading {
        path: path.to_path_buf(),
        inner,
        result,
    };
    let read = || -> Result<Vec<Reading>, String> {
        let verification = verify(bytes)?;
        let embedded = guarded(|| packet::Embedded::load(bytes))?;
        let Some(json) = guarded(|| embedded.file(FORWARD_ATTACHMENT_NAME))? else {
            let attached = guarded(|| embedded.packet())?;
            let result = receipt(file_name, bytes, verification, attached);
            return Ok(vec![reading(None, result)]);
        };
        let forward = Forward::parse(&json)?;
        let from = &forward.office.name;
        if receiving.level == OfficeLevel::League {
            return Err(format!(
                "这是{from}的转报材料，由自治区收取；盟市请收取各校的申报材料"
            ));
        }
        let signature = match verification {
            None => {
                return Err(format!(
                    "{from}的转报材料没有数字签名，未收取；请让{from}签署后重新发送"
                ));
            }
            Some(v) if !v.intact => {
                return Err(format!(
                    "{from}的转报材料{}，未收取；请让{from}重新发送",
                    v.problem.as_deref().unwrap_or("签署后被改动")
                ));
            }
            Some(v) => v,
        };
        if signature.signer != *from {
            return Err(format!(
                "转报材料的签署证书属于“{}”，不是转报单位{from}的，未收取；请与{from}核实",
                signature.signer
            ));
        }
        if let Some(pinned) = receiving.offices.get(from)
            && *pinned != signature.fingerprint
        {
            return Err(format!(
                "{from}的转报材料所用签署证书与此前登记的不同（指纹 {}），未收取；请与{from}核实，\
                 如确已更换密钥，导入其新证书（“信任证书…”，命令行 yitihua rollup trust）后重新收取",
                signature.fingerprint
            ));
        }
        if forward.packets.is_empty() {
            return Err(format!(
                "{from}的转报材料中没有申报材料，未收取；请让{from}重新导出转报材料"
            ));
        }
        // The bytes come out of the parsed file one after another; each packet is then
        // verified and re-checked on every core, as separate files are.
        let carried: Vec<(&Entry, Result<Vec<u8>, String>)> = forward
            .packets
            .iter()
            .map(|entry| {
                let bytes = guarded(|| embedded.file(&entry.file)).and_then(|bytes| {
                    bytes.ok_or_else(|| {
                        format!(
                            "转报材料缺少{}第{}批的申报材料，请让{from}重新导出转报材料",
                            entry.school, entry.batch
                        )
                    })
                });
                (entry, bytes)
            })
            .collect();
        drop(embedded);
        let results = on_every_core(
            &carried,
            |(entry, bytes)| forwarded(entry, bytes, &forward.office, &signature),
            &mut |_, _| {},
        );
        Ok(carried
            .iter()
            .zip(results)
            .map(|((entry, _), result)| {
                let result = result.unwrap_or_else(|| Err(INTERRUPTED.into()));
                reading(Some(entry.file.clone()), result)
            })
            .collect())
    };
    read().unwrap_or_else(|why| vec![reading(None, Err(why))])
}

/// One school packet inside a 转报材料 (its bytes, or why they could not be taken out): they
/// must be those the 转报数据 names, and its school and batch those listed; then it is read as
/// the school's own.
fn forwarded(
    entry: &Entry,
    bytes: &Result<Vec<u8>, String>,
    office: &Office,
    signature: &sign::Verification,
) -> Result<Receipt, String> {
    let bytes = bytes.as_deref().map_err(String::clone)?;
    if crate::exchange::files::hex(&Sha256::digest(bytes)) != entry.sha256 {
        return Err(format!(
            "转报材料中{}第{}批的申报材料与转报数据所列不符，未收取；请与{}核实",
            entry.school, entry.batch, office.name
        ));
    }
    let mut receipt = read_packet(&entry.file, bytes)?;
    if receipt.summary.credit_code != entry.credit_code || receipt.summary.batch != entry.batch {
        return Err(format!(
            "转报数据称这份是{}第{}批的申报材料，实为{}第{}批，未收取；请与{}核实",
            entry.school, entry.batch, receipt.summary.school, receipt.summary.batch, office.name
        ));
    }
    receipt.forwarded = Some(Forwarded {
        office: office.name.clone(),
        verdict: entry.verdict.clone(),
        fingerprint: signature.fingerprint.clone(),
    });
    receipt.forwarder_certificate = Some(signature.certificate_der.clone());
    Ok(receipt)
}

/// `f` of every item on as many threads as there are cores, in the items' order; `progress`
/// hears (done, total) as each item is done. An item whose thread panicked has no result, and
/// the others still do.
fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Option<R>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len().max(1));
    let (sender, results) = mpsc::channel();
    let mut out: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let f = &f;
        for worker in 0..workers {
            let sender = sender.clone();
            scope.spawn(move || {
                for (i, item) in items.iter().enumerate().skip(worker).step_by(workers) {
                    if sender.send((i, f(item))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        for (done, (i, result)) in results.iter().enumerate() {
            out[i] = Some(result);
            progress(done + 1, items.len());
        }
    });
    out
}

/// What a file or packet whose reading thread failed says.
const INTERRUPTED: &str = "读取中断，请重试";

/// One packet found in a file given to receiving.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The file given.
    pub path: PathBuf,
    /// Its name inside the 转报材料 it came in; `None` for a file that is the packet.
    pub inner: Option<String>,
    pub result: Result<Receipt, String>,
}

/// What became of one file given to [`receive`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub path: PathBuf,
    /// The packet's name inside the 转报材料 `path`, when it came in one.
    pub inner: Option<String>,
    pub result: Result<Taken, String>,
}

/// A packet stored (or found already stored) and what it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub id: i64,
    pub school: String,
    pub batch: u32,
    pub state: PacketState,
    /// The same bytes had been received before; nothing was added.
    pub again: bool,
    /// Why the state is not 有效, in words for the office.
    pub problem: Option<String>,
}

impl Outcome {
    /// Whether the office must look at this file: refused, or stored but not 有效.
    pub fn needs_attention(&self) -> bool {
        !matches!(&self.result, Ok(t) if t.state == PacketState::Valid)
    }

    /// One line for the office: the file, the school and batch, and the state with its reason.
    pub fn line(&self) -> String {
        let mut name = file_name(&self.path);
        if let Some(inner) = &self.inner {
            name = format!("{name} › {inner}");
        }
        match &self.result {
            Err(why) => format!("{name}：未收取。{why}"),
            Ok(t) => {
                let again = if t.again { "（此前已收取）" } else { "" };
                let why = t
                    .problem
                    .as_deref()
                    .map(|p| format!("：{p}"))
                    .unwrap_or_default();
                format!(
                    "{name}：{}，第{}批，{}{why}{again}",
                    t.school,
                    t.batch,
                    t.state.name()
                )
            }
        }
    }
}

/// The PDF files named: each file as given, and the `.pdf` files directly inside each folder,
/// by name, so a folder of packets is taken in one go.
pub fn packet_paths(given: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    for path in given {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| read_failure(path, &e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|x| x.to_string_lossy().eq_ignore_ascii_case("pdf"))
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(format!(
                    "文件夹 {} 中没有 PDF 文件；请选择存放申报材料的文件夹",
                    path.display()
                ));
            }
            paths.extend(found);
        } else {
            paths.push(path.clone());
        }
    }
    Ok(paths)
}

/// Receives packets: reads and verifies them on every core ([`read_files`]), stores those that
/// pass in one transaction ([`store`]), and says for each packet what became of it (a
/// 转报材料 gives one line per packet it carries). `progress` hears (done, total) as each file
/// is read. Fails only when the 汇总文件 itself cannot be written, and then stores nothing.
pub fn receive(
    file: &mut RollupFile,
    paths: &[PathBuf],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Outcome>, String> {
    let readings = read_files(paths, &Receiving::of(file)?, progress);
    store(file, readings)
}

/// Stores what [`read_files`] read in one transaction: the window reads on a thread and stores
/// here, where the 汇总文件 is.
pub fn store(file: &mut RollupFile, readings: Vec<Reading>) -> Result<Vec<Outcome>, String> {
    let mut receipts: Vec<Receipt> = Vec::new();
    let mut again: Vec<bool> = Vec::new();
    let mut slots = Vec::with_capacity(readings.len());
    for reading in readings {
        let slot = match reading.result {
            Err(why) => Err(why),
            Ok(receipt) => {
                let known = file
                    .received_as(&receipt.sha256)
                    .map_err(|e| e.to_string())?;
                again.push(known.is_some());
                receipts.push(receipt);
                Ok(receipts.len() - 1)
            }
        };
        slots.push((reading.path, reading.inner, slot));
    }
    file.keep_evidence(&receipts).map_err(|e| e.to_string())?;
    let ids = file.receive(&receipts).map_err(|e| e.to_string())?;
    let pins = file.pins().map_err(|e| e.to_string())?;
    Ok(slots
        .into_iter()
        .map(|(path, inner, slot)| Outcome {
            path,
            inner,
            result: slot.map(|i| {
                let r = &receipts[i];
                let pinned = pins.get(&r.summary.credit_code).map(String::as_str);
                let state = rollup::state(
                    r.signed,
                    r.intact,
                    r.certificate_matches,
                    &r.fingerprint,
                    pinned,
                );
                Taken {
                    id: ids[i],
                    school: r.summary.school.clone(),
                    batch: r.summary.batch,
                    state,
                    again: again[i],
                    problem: problem(state, r.problem.as_deref(), r.certificate_matches),
                }
            }),
        })
        .collect())
}

/// Why a packet is not 有效, and what the office can do; `found` is what verification said,
/// `names_school` whether the certificate names the school the data names.
pub fn problem(state: PacketState, found: Option<&str>, names_school: bool) -> Option<String> {
    match state {
        PacketState::CertificateMismatch if !names_school => Some(
            "签署证书所载的统一社会信用代码与申报数据中的学校不符，不计入汇总；请与学校核实".into(),
        ),
        PacketState::Valid => None,
        PacketState::Changed => Some(format!(
            "{}；作为证据保留，不计入汇总，请让学校重新发送",
            found.unwrap_or("签署后被改动")
        )),
        PacketState::CertificateMismatch => {
            Some("签署证书与该校此前登记的不同，不计入汇总；与学校核实后可接受新证书".to_string())
        }
        PacketState::Unsigned => {
            Some("没有数字签名，不计入汇总；请让学校签署后重新发送".to_string())
        }
    }
}

/// Reads every file on as many threads as there are cores, for the office `receiving`; the
/// packets come back in the order of the files given. Touches no file of ours.
pub fn read_files(
    paths: &[PathBuf],
    receiving: &Receiving,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Reading> {
    let failed = |path: &PathBuf, why: String| {
        vec![Reading {
            path: path.clone(),
            inner: None,
            result: Err(why),
        }]
    };
    let read = |path: &PathBuf| match std::fs::read(path) {
        Ok(bytes) => read_file(path, &bytes, receiving),
        Err(e) => failed(path, read_failure(path, &e)),
    };
    on_every_core(paths, read, progress)
        .into_iter()
        .zip(paths)
        .flat_map(|(readings, path)| readings.unwrap_or_else(|| failed(path, INTERRUPTED.into())))
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Accepts a certificate file (PEM or .cer): a school's (the one it names by 统一社会信用代码),
/// or a forwarding office's (one without a code, by the office it names). Returns a sentence
/// saying what changed.
pub fn trust_certificate(file: &mut RollupFile, certificate_file: &Path) -> Result<String, String> {
    let der = super::signing::read_certificate(certificate_file)?;
    let subject = sign::subject(&der).ok_or_else(|| {
        format!(
            "{} 不是有效的证书，请让对方用“导出证书”重新导出",
            certificate_file.display()
        )
    })?;
    let fingerprint = sign::fingerprint(&der);
    let source = format!("导入证书文件 {}", file_name(certificate_file));
    let Some(code) = subject.credit_code else {
        // Our offices' certificates carry no code; a school's always does.
        let replaced = file
            .trust_office(&subject.school, &fingerprint, &der, &source)
            .map_err(|e| e.to_string())?;
        return Ok(match replaced {
            None => format!("已信任转报单位{}的证书，指纹 {fingerprint}", subject.school),
            Some(old) => format!(
                "已改为信任转报单位{}的新证书，指纹 {fingerprint}；用此前的证书（{old}）签署的转报材料将不再收取",
                subject.school
            ),
        });
    };
    let replaced = file
        .trust(&code, &fingerprint, &der, &source)
        .map_err(|e| e.to_string())?;
    Ok(match replaced {
        None => format!(
            "已信任{}（{code}）的证书，指纹 {fingerprint}",
            subject.school
        ),
        Some(old) => format!(
            "已改为信任{}（{code}）的新证书，指纹 {fingerprint}；此前的证书（{old}）签署的材料将标为“证书不符”",
            subject.school
        ),
    })
}

/// Accepts the certificate a received packet was signed with as its school's.
pub fn trust_packet(file: &mut RollupFile, id: i64) -> Result<String, String> {
    let (code, der) = file
        .packet_certificate(id)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("第{id}份材料没有数字签名，没有证书可接受"))?;
    let fingerprint = sign::fingerprint(&der);
    file.trust(
        &code,
        &fingerprint,
        &der,
        &format!("第{id}份材料的签署证书"),
    )
    .map_err(|e| e.to_string())?;
    Ok(format!(
        "已接受第{id}份材料的签署证书为该校（{code}）的证书，指纹 {fingerprint}"
    ))
}

/// Everything the 汇总表 shows, read once from the 汇总文件.
#[derive(Debug, Clone)]
pub struct Overview {
    pub office: Office,
    pub received: Vec<Received>,
    pub pins: BTreeMap<String, String>,
    pub verdicts: BTreeMap<(String, u32), Verdict>,
}

impl Overview {
    pub fn read(file: &RollupFile) -> Result<Overview, String> {
        let text = |e: crate::store::StoreError| e.to_string();
        Ok(Overview {
            office: file.office().map_err(text)?,
            received: file.received().map_err(text)?,
            pins: file.pins().map_err(text)?,
            verdicts: file.verdicts().map_err(text)?,
        })
    }

    /// One row per school and batch (see [`rollup::rows`]).
    pub fn rows(&self) -> Vec<Row<'_>> {
        rollup::rows(&self.received, &self.pins, &self.verdicts)
    }

    pub fn totals(&self) -> Totals {
        rollup::totals(&self.rows())
    }

    /// The 汇总表 as an .xlsx workbook (汇总表, 目标, 跨校提示).
    pub fn workbook(&self) -> Result<Vec<u8>, String> {
        let rows = self.rows();
        let notes = rollup::across(&self.office, &rows);
        crate::exchange::workbook::rollup_summary(&self.office, &rows, &notes)
            .map_err(|e| format!("无法生成 Excel 汇总表：{e}"))
    }

    /// The 推荐汇总表 as a print-ready PDF dated `date`.
    pub fn printout(&self, date: chrono::NaiveDate) -> Result<Vec<u8>, String> {
        let rows = self.rows();
        let notes = rollup::across(&self.office, &rows);
        crate::report::rollup_summary(&crate::report::RollupInput {
            office: &self.office,
            rows: &rows,
            notes: &notes,
            date,
            forwarded: None,
        })
        .map_err(|e| e.to_string())
    }
}

/// Records the office's opinion on a school's batch, refusing a school and batch it has
/// received nothing for (a mistyped code would otherwise be kept for nobody).
pub fn set_verdict(
    file: &mut RollupFile,
    credit_code: &str,
    batch: u32,
    verdict: Option<&Verdict>,
) -> Result<(), String> {
    let received = file.received().map_err(|e| e.to_string())?;
    let code = crate::domain::credit_code::normalize(credit_code);
    if !received
        .iter()
        .any(|r| r.summary.credit_code == code && r.summary.batch == batch)
    {
        return Err(format!(
            "没有收到统一社会信用代码为 {code} 的学校第{batch}批的申报材料；请核对代码和批次"
        ));
    }
    file.set_verdict(&code, batch, verdict)
        .map_err(|e| e.to_string())
}

/// The office's own certificate, for the 自治区 to trust (`rollup export-certificate`, 导出本单位
/// 证书…).
pub fn office_certificate(file: &RollupFile) -> Result<Vec<u8>, String> {
    Ok(office_key(file)?.certificate)
}

/// The office's current key, refused in words that say where to make one.
fn office_key(file: &RollupFile) -> Result<crate::store::StoredKey, String> {
    file.signing_key().map_err(|e| e.to_string())?.ok_or_else(|| {
        "本单位还没有签署密钥：请先在“转报自治区”中创建签署密钥（命令行：yitihua rollup sign-setup）"
            .into()
    })
}

/// A 盟市's 转报材料 read from its 汇总文件, ready to build: the 推荐汇总表 with every 有效 school
/// packet as received and the 转报数据 attached, signed with the office's key. Building needs
/// the file no more, so the window builds it on a thread.
pub struct Forwarding {
    overview: Overview,
    date: chrono::NaiveDate,
    json: String,
    packets: Vec<(String, Vec<u8>)>,
    /// The office's key and the passphrase that opens it.
    signer: (crate::store::StoredKey, String),
}

/// Reads what a 盟市 forwards: the standing packet of each school and batch that is 有效, from
/// the copies kept beside the 汇总文件, each checked against the SHA-256 it was received with.
/// Refused for the 自治区 (it forwards to no one), without a signing key, and with nothing 有效.
pub fn prepare_forward(
    file: &RollupFile,
    date: chrono::NaiveDate,
    passphrase: String,
) -> Result<Forwarding, String> {
    let overview = Overview::read(file)?;
    if overview.office.level != OfficeLevel::League {
        return Err("转报材料由盟市报送自治区；自治区的汇总文件请导出推荐汇总表".into());
    }
    let key = office_key(file)?;
    let mut entries = Vec::new();
    let mut packets = Vec::new();
    for row in overview
        .rows()
        .iter()
        .filter(|r| r.state == PacketState::Valid)
    {
        let p = row.packet;
        let s = &p.summary;
        let kept = file.evidence(&p.sha256);
        let bytes = std::fs::read(&kept).map_err(|e| {
            format!(
                "找不到{}第{}批申报材料的原件（{}）：{}；请重新收取该校的申报材料后再转报",
                s.school,
                s.batch,
                kept.display(),
                crate::store::io_message(&e)
            )
        })?;
        if crate::exchange::files::hex(&Sha256::digest(&bytes)) != p.sha256 {
            return Err(format!(
                "{}第{}批申报材料的原件（{}）在收取后被改动，未转报；请重新收取该校的申报材料",
                s.school,
                s.batch,
                kept.display()
            ));
        }
        let name = format!("{:02}-{}-第{}批.pdf", packets.len() + 1, s.school, s.batch);
        entries.push(Entry {
            file: name.clone(),
            sha256: p.sha256.clone(),
            school: s.school.clone(),
            credit_code: s.credit_code.clone(),
            batch: s.batch,
            verdict: row.verdict.cloned(),
        });
        packets.push((name, bytes));
    }
    if packets.is_empty() {
        return Err("没有状态为“有效”的申报材料可转报；请先收取各校的申报材料".into());
    }
    let json = Forward::new(overview.office.clone(), date, entries).to_json();
    Ok(Forwarding {
        overview,
        date,
        json,
        packets,
        signer: (key, passphrase),
    })
}

impl Forwarding {
    /// How many school packets it carries.
    pub fn count(&self) -> usize {
        self.packets.len()
    }

    /// The signed 转报材料's bytes; a wrong passphrase gives an error and no bytes.
    pub fn build(&self) -> Result<Vec<u8>, String> {
        let rows = self.overview.rows();
        let notes = rollup::across(&self.overview.office, &rows);
        let packets: Vec<crate::report::ForwardedPacket<'_>> = self
            .packets
            .iter()
            .map(|(name, bytes)| (name.clone(), bytes.as_slice()))
            .collect();
        let unsigned = crate::report::rollup_forward(
            &crate::report::RollupInput {
                office: &self.overview.office,
                rows: &rows,
                notes: &notes,
                date: self.date,
                forwarded: Some(self.packets.len()),
            },
            &self.json,
            &packets,
        )
        .map_err(|e| e.to_string())?;
        let (left, bottom) = crate::report::SIGNATURE_BOX;
        super::export::sign(
            &unsigned,
            &self.signer,
            &self.overview.office.name,
            sign::Place { left, bottom },
        )
    }
}
