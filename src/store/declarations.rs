use rusqlite::{Connection, OptionalExtension};

use super::{SchoolFile, StoreError, history};
use crate::domain::check::{self, Finding, Inputs};
use crate::domain::{Batch, Declaration, Status, YearMonth};

impl SchoolFile {
    /// Every batch, in order.
    pub fn batches(&self) -> Result<Vec<Batch>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT number, name, start, end FROM batches ORDER BY number")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut batches = Vec::new();
        for row in rows {
            let (number, name, start, end) = row?;
            let month = |s: &str| {
                YearMonth::parse(s)
                    .ok_or_else(|| StoreError::InvalidData(format!("{name}的起止年月“{s}”无效")))
            };
            batches.push(Batch {
                start: month(&start)?,
                end: month(&end)?,
                number,
                name,
            });
        }
        Ok(batches)
    }

    /// Adds a batch announced by a later notice. Refuses a number or name already in use.
    pub fn add_batch(&mut self, batch: &Batch) -> Result<(), StoreError> {
        if batch.start > batch.end {
            return Err(StoreError::Refused(format!(
                "{}的开始年月晚于结束年月",
                batch.name
            )));
        }
        if self
            .batches()?
            .iter()
            .any(|b| b.number == batch.number || b.name == batch.name)
        {
            return Err(StoreError::Refused(format!("批次“{}”已存在", batch.name)));
        }
        write_batch(&self.conn, batch)?;
        Ok(())
    }

    /// Corrects a batch's name or window, found by its number.
    pub fn update_batch(&mut self, batch: &Batch) -> Result<(), StoreError> {
        if batch.start > batch.end {
            return Err(StoreError::Refused(format!(
                "{}的开始年月晚于结束年月",
                batch.name
            )));
        }
        let batches = self.batches()?;
        if batches
            .iter()
            .any(|b| b.number != batch.number && b.name == batch.name)
        {
            return Err(StoreError::Refused(format!("批次“{}”已存在", batch.name)));
        }
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE batches SET name = ?2, start = ?3, end = ?4 WHERE number = ?1",
            (
                batch.number,
                &batch.name,
                batch.start.to_string(),
                batch.end.to_string(),
            ),
        )?;
        if changed == 0 {
            return Err(StoreError::Refused("没有这个批次（可能已被删除）".into()));
        }
        history::record(&tx, &format!("修改批次：{}", batch.label()))?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a batch nothing is declared in, and returns it for 撤销 (`add_batch`). A batch
    /// with a declaration is refused with what is declared in it.
    pub fn delete_batch(&mut self, number: u32) -> Result<Batch, StoreError> {
        let batch = self
            .batches()?
            .into_iter()
            .find(|b| b.number == number)
            .ok_or_else(|| StoreError::Refused("没有这个批次（可能已被删除）".into()))?;
        // A draft whose specialties were all unchosen again declares nothing and goes along.
        let declared = self.declarations()?.into_iter().find(|d| {
            d.batch == number && (!d.specialties.is_empty() || d.status == Status::Signed)
        });
        if let Some(d) = declared {
            let names: Vec<&str> = d.specialties.iter().map(|s| s.name.as_str()).collect();
            return Err(StoreError::Refused(format!(
                "{}已申报{}，不能删除；若只是申报错了，可在第 2 步取消所选专业",
                batch.name,
                names.join("、")
            )));
        }
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM declarations WHERE batch = ?1", [number])?;
        tx.execute("DELETE FROM batches WHERE number = ?1", [number])?;
        history::record(&tx, &format!("删除批次：{}", batch.label()))?;
        tx.commit()?;
        Ok(batch)
    }

    /// Replaces all batches and declarations (used by `load`, which brings its own).
    pub fn replace_declarations(
        &mut self,
        batches: &[Batch],
        declarations: &[Declaration],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM declarations", [])?;
        tx.execute("DELETE FROM batches", [])?;
        for batch in batches {
            write_batch(&tx, batch)?;
        }
        for d in declarations {
            write_declaration(&tx, d)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every revision of every declaration, by batch then revision.
    pub fn declarations(&self) -> Result<Vec<Declaration>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT body FROM declarations ORDER BY batch, revision")?;
        let bodies = stmt.query_map([], |r| r.get::<_, String>(0))?;
        bodies
            .map(|body| parse(&body?))
            .collect::<Result<Vec<_>, _>>()
    }

    /// The newest revision for each batch: what the office is working on, or what it signed.
    pub fn current_declarations(&self) -> Result<Vec<Declaration>, StoreError> {
        let mut all = self.declarations()?;
        all.reverse();
        let mut seen = std::collections::BTreeSet::new();
        all.retain(|d| seen.insert(d.batch));
        all.reverse();
        Ok(all)
    }

    /// Everything 校内审核 reads, in one pass over the file.
    pub fn check_inputs(&self) -> Result<Inputs, StoreError> {
        Ok(Inputs {
            school: self.profile()?,
            batches: self.batches()?,
            catalogue: self.catalogue()?,
            declarations: self.current_declarations()?,
            resource_kinds: self.resource_kinds()?,
            resources: self.resources(None)?.into_iter().map(|(_, i)| i).collect(),
            teachers: self.teachers()?,
        })
    }

    /// 校内审核 of one batch's current declaration against everything else in the file.
    pub fn check(&self, batch: u32) -> Result<Vec<Finding>, StoreError> {
        Ok(check::check(&self.check_inputs()?.context(), batch))
    }

    /// Saves a revision (the draft as the user leaves each step). A signed revision is never
    /// overwritten: edit [`Declaration::next_revision`] instead.
    pub fn save_declaration(&mut self, declaration: &Declaration) -> Result<(), StoreError> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT status FROM declarations WHERE batch = ?1 AND revision = ?2",
                (declaration.batch, declaration.revision),
                |r| r.get(0),
            )
            .optional()?;
        if stored.as_deref() == Some(Status::Signed.name()) {
            return Err(StoreError::Refused(
                "已签署的申报不能修改；如需修改，请新建修订版本".into(),
            ));
        }
        let known: bool = self.conn.query_row(
            "SELECT count(*) > 0 FROM batches WHERE number = ?1",
            [declaration.batch],
            |r| r.get(0),
        )?;
        if !known {
            return Err(StoreError::Refused(format!(
                "没有第{}批",
                declaration.batch
            )));
        }
        write_declaration(&self.conn, declaration)?;
        Ok(())
    }
}

pub(super) fn write_batch(conn: &Connection, batch: &Batch) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO batches (number, name, start, end) VALUES (?1, ?2, ?3, ?4)",
        (
            batch.number,
            &batch.name,
            batch.start.to_string(),
            batch.end.to_string(),
        ),
    )?;
    Ok(())
}

pub(super) fn write_declaration(conn: &Connection, d: &Declaration) -> rusqlite::Result<()> {
    #[expect(
        clippy::expect_used,
        reason = "a declaration is derived structs and a map with string keys: serde_json cannot fail on it"
    )]
    let body = serde_json::to_string(d).expect("declarations serialise");
    let at = crate::domain::time::stored(chrono::Utc::now());
    conn.execute(
        "INSERT INTO declarations (batch, revision, status, body, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (batch, revision) DO UPDATE SET
             status = excluded.status, body = excluded.body, saved_at = excluded.saved_at",
        (d.batch, d.revision, d.status.name(), body, at),
    )?;
    Ok(())
}

fn parse(body: &str) -> Result<Declaration, StoreError> {
    serde_json::from_str(body).map_err(|e| StoreError::InvalidData(format!("申报数据无效：{e}")))
}
