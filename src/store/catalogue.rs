use rusqlite::Connection;

use super::{SchoolFile, StoreError, history};

/// What a catalogue entry's new name changed besides the catalogue.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Renamed {
    pub declarations: usize,
    pub resources: usize,
    pub hours: usize,
}
use crate::domain::{Catalogue, Level, Specialty};

impl SchoolFile {
    /// The specialty catalogue in use, in the office's order.
    pub fn catalogue(&self) -> Result<Catalogue, StoreError> {
        read(&self.conn)
    }

    /// Merges imported entries into the catalogue in one transaction (see
    /// [`Catalogue::merge`]); returns how many were added and how many replaced.
    pub fn import_catalogue(
        &mut self,
        imported: Vec<Specialty>,
    ) -> Result<(usize, usize), StoreError> {
        let mut catalogue = self.catalogue()?;
        let counts = catalogue.merge(imported);
        self.replace_catalogue(&catalogue)?;
        Ok(counts)
    }

    /// Corrects an entry found by its old name. A new name follows it everywhere the name is
    /// used: the unsigned declarations (with the explanations of their findings), the resources
    /// and the hours. Refused while the current declaration of a batch, signed and sent,
    /// declares it under the old name; older signed revisions stay as they were sent.
    pub fn update_catalogue_entry(
        &mut self,
        old: &str,
        entry: &Specialty,
    ) -> Result<Renamed, StoreError> {
        let mut catalogue = self.catalogue()?;
        let Some(position) = catalogue.specialties.iter().position(|s| s.name == old) else {
            return Err(StoreError::Refused(format!(
                "专业目录中没有“{old}”（可能已被删除）"
            )));
        };
        let renamed = entry.name != old;
        if renamed && catalogue.find(&entry.name).is_some() {
            return Err(StoreError::Refused(format!(
                "专业目录中已有“{}”",
                entry.name
            )));
        }
        let mut counts = Renamed::default();
        let mut revisions = Vec::new();
        if renamed {
            let batches = self.batches()?;
            let label = |number: u32| {
                batches
                    .iter()
                    .find(|b| b.number == number)
                    .map_or_else(|| format!("第{number}批"), |b| b.name.clone())
            };
            if let Some(signed) = self
                .current_declarations()?
                .into_iter()
                .find(|d| d.is_read_only() && d.declares(old))
            {
                return Err(StoreError::Refused(format!(
                    "“{old}”在已签署的{}申报中，不能改名；请先在专业申报中新建修订版本",
                    label(signed.batch)
                )));
            }
            revisions = self
                .declarations()?
                .into_iter()
                .filter(|d| !d.is_read_only() && d.declares(old))
                .collect();
        }
        catalogue.specialties[position] = entry.clone();
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM catalogue", [])?;
        write(&tx, &catalogue)?;
        if renamed {
            for mut d in revisions {
                d.rename_specialty(old, &entry.name);
                super::declarations::write_declaration(&tx, &d)?;
                counts.declarations += 1;
            }
            counts.resources = tx.execute(
                "UPDATE resource_items SET specialty = ?2 WHERE specialty = ?1",
                (old, &entry.name),
            )?;
            counts.hours = tx.execute(
                "UPDATE hours SET specialty = ?2 WHERE specialty = ?1",
                (old, &entry.name),
            )?;
            history::record(&tx, &format!("专业目录改名：{old} → {}", entry.name))?;
        } else {
            history::record(&tx, &format!("修改专业目录：{old}"))?;
        }
        tx.commit()?;
        Ok(counts)
    }

    /// Deletes an entry no declaration names, and returns it with its place for 撤销
    /// ([`SchoolFile::restore_catalogue_entry`]). One that is declared is refused with where.
    pub fn delete_catalogue_entry(&mut self, name: &str) -> Result<(usize, Specialty), StoreError> {
        let mut catalogue = self.catalogue()?;
        let Some(position) = catalogue.specialties.iter().position(|s| s.name == name) else {
            return Err(StoreError::Refused(format!(
                "专业目录中没有“{name}”（可能已被删除）"
            )));
        };
        if let Some(d) = self.declarations()?.into_iter().find(|d| d.declares(name)) {
            let batch = self
                .batches()?
                .into_iter()
                .find(|b| b.number == d.batch)
                .map_or_else(|| format!("第{}批", d.batch), |b| b.name);
            return Err(StoreError::Refused(format!(
                "“{name}”已在{batch}申报，不能从目录删除；若只是选错了，可在第 2 步取消选择"
            )));
        }
        let entry = catalogue.specialties.remove(position);
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM catalogue", [])?;
        write(&tx, &catalogue)?;
        history::record(&tx, &format!("从专业目录删除：{name}"))?;
        tx.commit()?;
        Ok((position, entry))
    }

    /// Puts a deleted entry back where it was.
    pub fn restore_catalogue_entry(
        &mut self,
        position: usize,
        entry: &Specialty,
    ) -> Result<(), StoreError> {
        let mut catalogue = self.catalogue()?;
        if catalogue.find(&entry.name).is_some() {
            return Err(StoreError::Refused(format!(
                "专业目录中已有“{}”",
                entry.name
            )));
        }
        let at = position.min(catalogue.specialties.len());
        catalogue.specialties.insert(at, entry.clone());
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM catalogue", [])?;
        write(&tx, &catalogue)?;
        history::record(&tx, &format!("恢复专业目录：{}", entry.name))?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces the whole catalogue (an import of the official list, or `load`).
    pub fn replace_catalogue(&mut self, catalogue: &Catalogue) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM catalogue", [])?;
        write(&tx, catalogue)?;
        tx.commit()?;
        Ok(())
    }
}

pub(super) fn write(conn: &Connection, catalogue: &Catalogue) -> rusqlite::Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO catalogue (position, name, code, levels, national_standard, source, verified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, s) in catalogue.specialties.iter().enumerate() {
        #[expect(
            clippy::expect_used,
            reason = "a list of unit enums: serde_json cannot fail on it"
        )]
        let levels = serde_json::to_string(&s.levels).expect("levels serialise");
        insert.execute((
            i as i64,
            &s.name,
            &s.code,
            levels,
            s.national_standard,
            &s.source,
            s.verified,
        ))?;
    }
    Ok(())
}

fn read(conn: &Connection) -> Result<Catalogue, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT name, code, levels, national_standard, source, verified
         FROM catalogue ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<bool>>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, bool>(5)?,
        ))
    })?;
    let mut specialties = Vec::new();
    for row in rows {
        let (name, code, levels, national_standard, source, verified) = row?;
        // serde's reason is English and says no more than the stored text does.
        let levels: Vec<Level> = serde_json::from_str(&levels).map_err(|_| {
            StoreError::InvalidData(format!("专业“{name}”的培养层次无效（{levels}）"))
        })?;
        specialties.push(Specialty {
            name,
            code,
            levels,
            national_standard,
            source,
            verified,
        });
    }
    Ok(Catalogue { specialties })
}
