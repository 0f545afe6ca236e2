use rusqlite::{OptionalExtension, params};

use super::{SchoolFile, StoreError};
use crate::domain::signature::{SignatureRole, png_info};

impl SchoolFile {
    /// The stored PNG for a role, if the office stored one.
    pub fn signature_image(&self, role: SignatureRole) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT png FROM signature_images WHERE role = ?1",
                [role.name()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores (or replaces) a role's image; refuses what is not a PNG.
    pub fn save_signature_image(
        &mut self,
        role: SignatureRole,
        png: &[u8],
    ) -> Result<(), StoreError> {
        png_info(png).map_err(StoreError::Refused)?;
        self.conn.execute(
            "INSERT INTO signature_images (role, png, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (role) DO UPDATE SET png = excluded.png, saved_at = excluded.saved_at",
            params![
                role.name(),
                png,
                crate::domain::time::stored(chrono::Utc::now())
            ],
        )?;
        Ok(())
    }

    /// Removes a role's image: the packet prints a line for ink instead.
    pub fn remove_signature_image(&mut self, role: SignatureRole) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM signature_images WHERE role = ?1",
            [role.name()],
        )?;
        Ok(())
    }
}
