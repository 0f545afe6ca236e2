use rusqlite::{Connection, OptionalExtension};

use super::{SchoolFile, StoreError};
use crate::domain::{Region, SchoolKind, SchoolProfile};

impl SchoolFile {
    /// The school's profile as last saved.
    pub fn profile(&self) -> Result<SchoolProfile, StoreError> {
        read(&self.conn)
    }

    /// Saves the profile as given; callers validate first (the store only refuses what it
    /// cannot represent).
    pub fn save_profile(&mut self, profile: &SchoolProfile) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        write(&tx, profile)?;
        tx.commit()?;
        Ok(())
    }
}

pub(super) fn write(conn: &Connection, p: &SchoolProfile) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO school (id, name, kind, region, credit_code, address, principal,
                             academic_head, contact, phone)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET
             name = excluded.name, kind = excluded.kind, region = excluded.region,
             credit_code = excluded.credit_code, address = excluded.address,
             principal = excluded.principal, academic_head = excluded.academic_head,
             contact = excluded.contact, phone = excluded.phone",
        (
            &p.name,
            p.kind.name(),
            p.region.name(),
            &p.credit_code,
            &p.address,
            &p.principal,
            &p.academic_head,
            &p.contact,
            &p.phone,
        ),
    )?;
    Ok(())
}

fn read(conn: &Connection) -> Result<SchoolProfile, StoreError> {
    let columns: Option<[String; 9]> = conn
        .query_row(
            "SELECT name, kind, region, credit_code, address, principal, academic_head,
                    contact, phone
             FROM school WHERE id = 1",
            [],
            |r| {
                Ok([
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ])
            },
        )
        .optional()?;
    let [
        name,
        kind,
        region,
        credit_code,
        address,
        principal,
        academic_head,
        contact,
        phone,
    ] = columns.ok_or_else(|| StoreError::InvalidData("缺少学校信息".into()))?;
    Ok(SchoolProfile {
        kind: SchoolKind::from_name(&kind)
            .ok_or_else(|| StoreError::InvalidData(format!("未知的学校类型“{kind}”")))?,
        region: Region::from_name(&region)
            .ok_or_else(|| StoreError::InvalidData(format!("未知的所属盟市“{region}”")))?,
        name,
        credit_code,
        address,
        principal,
        academic_head,
        contact,
        phone,
    })
}
