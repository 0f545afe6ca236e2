use rusqlite::Connection;

use super::{SchoolFile, StoreError};
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
