use rusqlite::{Connection, OptionalExtension, params};

use super::{SchoolFile, StoreError};

/// The school's current signing key as stored: the certificate, and the private key encrypted
/// with the passphrase (never decrypted here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    pub certificate: Vec<u8>,
    pub encrypted_key: Vec<u8>,
    pub created_at: String,
}

fn now() -> String {
    crate::domain::time::stored(chrono::Utc::now())
}

/// The current key in a file of either kind: a school's, or a receiving office's (which signs
/// the 转报材料 it sends on). Both keep it in the same table.
pub(super) fn current_key(conn: &Connection) -> Result<Option<StoredKey>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT certificate, encrypted_key, created_at FROM signing_keys
             WHERE retired_at IS NULL",
            [],
            |r| {
                Ok(StoredKey {
                    certificate: r.get(0)?,
                    encrypted_key: r.get(1)?,
                    created_at: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Stores a new key. Refuses when the file has one, unless `replace`, which retires the old one
/// (kept, never deleted); `owner` names who holds it in the refusal ("学校", "本单位").
pub(super) fn save_key(
    conn: &mut Connection,
    certificate: &[u8],
    encrypted_key: &[u8],
    replace: bool,
    owner: &str,
) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM signing_keys WHERE retired_at IS NULL)",
        [],
        |r| r.get(0),
    )?;
    if exists && !replace {
        return Err(StoreError::Refused(format!(
            "{owner}已有签署密钥；如确需更换（例如忘记口令），请选择更换密钥"
        )));
    }
    tx.execute(
        "UPDATE signing_keys SET retired_at = ?1 WHERE retired_at IS NULL",
        [now()],
    )?;
    tx.execute(
        "INSERT INTO signing_keys (certificate, encrypted_key, created_at) VALUES (?1, ?2, ?3)",
        params![certificate, encrypted_key, now()],
    )?;
    tx.commit()?;
    Ok(())
}

impl SchoolFile {
    pub fn signing_key(&self) -> Result<Option<StoredKey>, StoreError> {
        current_key(&self.conn)
    }

    /// Every certificate this school has signed with, current first: a packet signed before a
    /// key was replaced is still recognised as the school's own.
    pub fn own_certificates(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT certificate FROM signing_keys ORDER BY retired_at IS NOT NULL, id DESC",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores a new key (see [`save_key`]).
    pub fn save_signing_key(
        &mut self,
        certificate: &[u8],
        encrypted_key: &[u8],
        replace: bool,
    ) -> Result<(), StoreError> {
        save_key(&mut self.conn, certificate, encrypted_key, replace, "学校")
    }

    /// After a passphrase change: the same key, encrypted anew.
    pub fn replace_encrypted_key(&mut self, encrypted_key: &[u8]) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE signing_keys SET encrypted_key = ?1 WHERE retired_at IS NULL",
            [encrypted_key],
        )?;
        if changed == 0 {
            return Err(StoreError::Refused("学校还没有签署密钥".into()));
        }
        Ok(())
    }

    /// Certificates of other schools (or offices) the user trusts, for verifying packets.
    pub fn trusted_certificates(&self) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, certificate FROM trusted_certificates ORDER BY added_at")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn add_trusted_certificate(
        &mut self,
        fingerprint: &str,
        name: &str,
        certificate: &[u8],
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO trusted_certificates (fingerprint, certificate, name, added_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name",
            params![fingerprint, certificate, name, now()],
        )?;
        Ok(())
    }
}
