//! The receiving office's 汇总文件 (`.yhz`): created, opened, locked, backed up and migrated
//! exactly as a school file is (`file::create`, `file::open`), with its own mark and schema.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use super::kind;
use super::{HistoryEvent, StoreError, StoredKey, history, signing};
use crate::domain::rollup::{Forwarded, Office, OfficeLevel, Opinion, Received, Summary, Verdict};
use crate::domain::{Region, time};

/// An open 汇总文件, held exclusively as a school file is.
pub struct RollupFile {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for RollupFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RollupFile")
            .field("path", &self.path)
            .finish()
    }
}

/// Whose certificates a table of pins holds.
#[derive(Debug, Clone, Copy)]
enum Pins {
    /// Schools', by 统一社会信用代码.
    Schools,
    /// Forwarding offices', by name.
    Offices,
}

impl Pins {
    /// The table, its key column, and the history's word for a pin replaced.
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Pins::Schools => ("certificates", "credit_code", "信任证书"),
            Pins::Offices => ("offices", "name", "信任转报单位证书"),
        }
    }
}

/// What receiving writes of one packet: what verification found, who signed, and the summary
/// read from its attachment (`workflow::rollup` makes it). The packet's bytes go to
/// [`RollupFile::evidence`].
#[derive(Debug, Clone)]
pub struct Receipt {
    pub file_name: String,
    pub sha256: String,
    pub signed: bool,
    pub intact: bool,
    pub problem: Option<String>,
    pub signer: String,
    pub fingerprint: String,
    pub certificate: Option<Vec<u8>>,
    /// The certificate names the school the data names (or names no credit code at all).
    pub certificate_matches: bool,
    pub signed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub summary: Summary,
    /// The 盟市 that forwarded it, when it came inside a 转报材料.
    pub forwarded: Option<Forwarded>,
    /// The certificate that 转报材料 was signed with, pinned for its office on the first.
    pub forwarder_certificate: Option<Vec<u8>>,
    /// The packet as received.
    pub pdf: Vec<u8>,
}

impl RollupFile {
    /// Creates a new 汇总文件 for `office`; refuses an existing path and an office the form
    /// would refuse.
    pub fn create(path: &Path, office: &Office) -> Result<RollupFile, StoreError> {
        if let Some(problem) = office.problems().into_iter().next() {
            return Err(StoreError::Refused(problem));
        }
        let conn = super::file::create(
            path,
            &kind::ROLLUP,
            |tx| {
                tx.execute(
                    "INSERT INTO office (id, name, level, region) VALUES (1, ?1, ?2, ?3)",
                    (
                        office.name.trim(),
                        office.level.name(),
                        office.region.map(Region::name),
                    ),
                )?;
                Ok(())
            },
            |conn, _| Ok::<_, StoreError>(conn),
        )?;
        Ok(RollupFile {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens a 汇总文件 with every refusal of [`crate::store::SchoolFile::open`]; a school
    /// file is refused with words that say so.
    pub fn open(path: &Path) -> Result<RollupFile, StoreError> {
        let (conn, _) = super::file::open(path, &kind::ROLLUP).map_err(|e| match e {
            // These three name the school file in their words; here the file is a 汇总文件.
            StoreError::Empty => StoreError::Refused("这是一个空文件，不是汇总文件。".into()),
            StoreError::NotSqlite => {
                StoreError::Refused("这不是汇总文件（.yhz）：文件内容不是本程序的数据格式。".into())
            }
            StoreError::Incomplete => StoreError::Refused(
                "该汇总文件在创建时被中断，不含数据，未作任何改动。请删除它后重新新建。".into(),
            ),
            other => other,
        })?;
        Ok(RollupFile {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the packet with this SHA-256 is kept as received: `<名>-材料/<sha256>.pdf` beside
    /// the 汇总文件, the evidence a changed packet is kept as and what a forwarded roll-up
    /// carries on.
    pub fn evidence(&self, sha256: &str) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.path
            .with_file_name(format!("{stem}-材料"))
            .join(format!("{sha256}.pdf"))
    }

    /// Keeps each packet's bytes at [`RollupFile::evidence`], written whole (a packet already
    /// kept is left as it is: the name is its content's hash). Done before the packets are
    /// stored, so no stored packet lacks its file.
    pub fn keep_evidence(&self, receipts: &[Receipt]) -> Result<(), StoreError> {
        for r in receipts {
            let path = self.evidence(&r.sha256);
            if path.exists() {
                continue;
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            match super::atomic::write(&path, super::atomic::Existing::Refuse, &r.pdf) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e.into()),
                _ => {}
            }
        }
        Ok(())
    }

    pub fn office(&self) -> Result<Office, StoreError> {
        let (name, level, region): (String, String, Option<String>) = self.conn.query_row(
            "SELECT name, level, region FROM office WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let bad = |what: &str| StoreError::InvalidData(format!("单位的{what}无法识别"));
        Ok(Office {
            name,
            level: OfficeLevel::from_name(&level).ok_or_else(|| bad("级别"))?,
            region: region
                .map(|r| Region::from_name(&r).ok_or_else(|| bad("所属盟市")))
                .transpose()?,
        })
    }

    pub fn history(&self) -> Result<Vec<HistoryEvent>, StoreError> {
        Ok(history::list(&self.conn)?)
    }

    /// The packet already received with these bytes, if any: the same file twice is one
    /// packet.
    pub fn received_as(&self, sha256: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT id FROM packets WHERE sha256 = ?1", [sha256], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores received packets in one transaction, in order, and pins each school's
    /// certificate on its first signed, unchanged packet. Returns their numbers. A packet
    /// already received (the same bytes) is left as it was and given its old number, except
    /// that coming again inside a later 转报材料 records that office's opinion.
    pub fn receive(&mut self, receipts: &[Receipt]) -> Result<Vec<i64>, StoreError> {
        let tx = self.conn.transaction()?;
        let at = time::stored(chrono::Utc::now());
        let mut ids = Vec::with_capacity(receipts.len());
        {
            let mut insert = tx.prepare(
                "INSERT INTO packets (received_at, file_name, sha256, credit_code, batch, signed,
                     intact, problem, signer, fingerprint, certificate, certificate_matches,
                     signed_at, summary, forwarded)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                 ON CONFLICT (sha256) DO UPDATE
                     SET forwarded = coalesce(excluded.forwarded, packets.forwarded)",
            )?;
            let mut pin = tx.prepare(
                "INSERT INTO certificates (credit_code, fingerprint, certificate, source, at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (credit_code) DO NOTHING",
            )?;
            let mut pin_office = tx.prepare(
                "INSERT INTO offices (name, fingerprint, certificate, source, at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO NOTHING",
            )?;
            let mut existing = tx.prepare("SELECT id FROM packets WHERE sha256 = ?1")?;
            for r in receipts {
                let invalid = |e: serde_json::Error| StoreError::InvalidData(e.to_string());
                let summary = serde_json::to_string(&r.summary).map_err(invalid)?;
                let forwarded = r
                    .forwarded
                    .as_ref()
                    .map(serde_json::to_string)
                    .transpose()
                    .map_err(invalid)?;
                insert.execute(rusqlite::params![
                    at,
                    r.file_name,
                    r.sha256,
                    r.summary.credit_code,
                    r.summary.batch,
                    r.signed,
                    r.intact,
                    r.problem,
                    r.signer,
                    r.fingerprint,
                    r.certificate,
                    r.certificate_matches,
                    r.signed_at.map(time::stored),
                    summary,
                    forwarded,
                ])?;
                ids.push(existing.query_row([&r.sha256], |row| row.get(0))?);
                if let (Some(f), Some(certificate)) = (&r.forwarded, &r.forwarder_certificate) {
                    pin_office.execute((
                        &f.office,
                        &f.fingerprint,
                        certificate,
                        "首份转报材料",
                        &at,
                    ))?;
                }
                if let (true, true, true, Some(certificate)) =
                    (r.signed, r.intact, r.certificate_matches, &r.certificate)
                {
                    pin.execute((
                        &r.summary.credit_code,
                        &r.fingerprint,
                        certificate,
                        format!("首份申报材料（{}）", r.file_name),
                        &at,
                    ))?;
                }
            }
        }
        history::record(&tx, &format!("收取申报材料{}份", receipts.len()))?;
        tx.commit()?;
        Ok(ids)
    }

    /// Every packet received, in the order received.
    pub fn received(&self) -> Result<Vec<Received>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, received_at, file_name, sha256, signed, intact, problem, signer,
                    fingerprint, signed_at, summary, certificate_matches, forwarded
             FROM packets ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            let summary: String = r.get(10)?;
            // A damaged summary is reported by its packet number, not as a database error.
            let summary = match serde_json::from_str(&summary) {
                Ok(summary) => summary,
                Err(e) => {
                    let why = format!("第{id}份材料的摘要：{e}");
                    return Ok(Err(StoreError::InvalidData(why)));
                }
            };
            let forwarded: Option<String> = r.get(12)?;
            let forwarded = match forwarded.as_deref().map(serde_json::from_str).transpose() {
                Ok(forwarded) => forwarded,
                Err(e) => {
                    let why = format!("第{id}份材料的转报记录：{e}");
                    return Ok(Err(StoreError::InvalidData(why)));
                }
            };
            Ok(Ok(Received {
                id,
                received_at: r.get(1)?,
                file_name: r.get(2)?,
                sha256: r.get(3)?,
                signed: r.get(4)?,
                intact: r.get(5)?,
                problem: r.get(6)?,
                signer: r.get(7)?,
                fingerprint: r.get(8)?,
                signed_at: r.get(9)?,
                certificate_matches: r.get(11)?,
                summary,
                forwarded,
            }))
        })?;
        rows.map(|row| row.map_err(StoreError::from).and_then(|r| r))
            .collect()
    }

    /// The certificate fingerprint pinned for each school, by 统一社会信用代码.
    pub fn pins(&self) -> Result<BTreeMap<String, String>, StoreError> {
        self.pinned(Pins::Schools)
    }

    /// The certificate fingerprint pinned for each forwarding office, by its name.
    pub fn office_pins(&self) -> Result<BTreeMap<String, String>, StoreError> {
        self.pinned(Pins::Offices)
    }

    /// Accepts `certificate` as the school's from now on (imported beforehand, or a new
    /// certificate the office has checked with the school): packets signed with it become 有效,
    /// those signed with the one it replaces 证书不符. Returns the fingerprint it replaced.
    pub fn trust(
        &mut self,
        credit_code: &str,
        fingerprint: &str,
        certificate: &[u8],
        source: &str,
    ) -> Result<Option<String>, StoreError> {
        self.pin(Pins::Schools, credit_code, fingerprint, certificate, source)
    }

    /// Accepts `certificate` as the forwarding office's from now on: its 转报材料 signed with
    /// another are refused. Returns the fingerprint it replaced.
    pub fn trust_office(
        &mut self,
        office: &str,
        fingerprint: &str,
        certificate: &[u8],
        source: &str,
    ) -> Result<Option<String>, StoreError> {
        self.pin(Pins::Offices, office, fingerprint, certificate, source)
    }

    fn pinned(&self, pins: Pins) -> Result<BTreeMap<String, String>, StoreError> {
        let (table, key, _) = pins.names();
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {key}, fingerprint FROM {table}"))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn pin(
        &mut self,
        pins: Pins,
        whose: &str,
        fingerprint: &str,
        certificate: &[u8],
        source: &str,
    ) -> Result<Option<String>, StoreError> {
        let (table, key, event) = pins.names();
        let tx = self.conn.transaction()?;
        let replaced: Option<String> = tx
            .query_row(
                &format!("SELECT fingerprint FROM {table} WHERE {key} = ?1"),
                [whose],
                |r| r.get(0),
            )
            .optional()?;
        tx.execute(
            &format!(
                "INSERT INTO {table} ({key}, fingerprint, certificate, source, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT ({key}) DO UPDATE SET fingerprint = excluded.fingerprint,
                     certificate = excluded.certificate, source = excluded.source,
                     at = excluded.at"
            ),
            (
                whose,
                fingerprint,
                certificate,
                source,
                time::stored(chrono::Utc::now()),
            ),
        )?;
        history::record(&tx, &format!("{event}：{whose}（{source}）"))?;
        tx.commit()?;
        Ok(replaced.filter(|old| old != fingerprint))
    }

    /// The certificate a received packet was signed with, to accept it as its school's.
    pub fn packet_certificate(&self, id: i64) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT credit_code, certificate FROM packets WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get::<_, Option<Vec<u8>>>(1)?)),
            )
            .optional()?
            .and_then(|(code, cert)| Some((code, cert?))))
    }

    /// The office's signing key, for the 转报材料 a 盟市 sends on.
    pub fn signing_key(&self) -> Result<Option<StoredKey>, StoreError> {
        signing::current_key(&self.conn)
    }

    /// Stores the office's new signing key; refuses when it has one, unless `replace`.
    pub fn save_signing_key(
        &mut self,
        certificate: &[u8],
        encrypted_key: &[u8],
        replace: bool,
    ) -> Result<(), StoreError> {
        signing::save_key(
            &mut self.conn,
            certificate,
            encrypted_key,
            replace,
            "本单位",
        )
    }

    /// The office's opinion on each school and batch.
    pub fn verdicts(&self) -> Result<BTreeMap<(String, u32), Verdict>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT credit_code, batch, opinion, text FROM opinions")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (code, batch, opinion, text) = row?;
            let opinion = Opinion::from_name(&opinion)
                .ok_or_else(|| StoreError::InvalidData(format!("意见“{opinion}”无法识别")))?;
            Ok(((code, batch), Verdict { opinion, text }))
        })
        .collect()
    }

    /// Records the office's opinion on a school's batch; `None` takes it back.
    pub fn set_verdict(
        &mut self,
        credit_code: &str,
        batch: u32,
        verdict: Option<&Verdict>,
    ) -> Result<(), StoreError> {
        match verdict {
            Some(v) => self.conn.execute(
                "INSERT INTO opinions (credit_code, batch, opinion, text, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (credit_code, batch) DO UPDATE SET opinion = excluded.opinion,
                     text = excluded.text, at = excluded.at",
                (
                    credit_code,
                    batch,
                    v.opinion.name(),
                    v.text.trim(),
                    time::stored(chrono::Utc::now()),
                ),
            )?,
            None => self.conn.execute(
                "DELETE FROM opinions WHERE credit_code = ?1 AND batch = ?2",
                (credit_code, batch),
            )?,
        };
        Ok(())
    }
}
