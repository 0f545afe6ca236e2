use rusqlite::{Connection, OptionalExtension, params};

use super::{SchoolFile, StoreError, history};
use crate::domain::resource::{FileRef, TEXTBOOK};
use crate::domain::{ResourceItem, ResourceKind, Review};

impl SchoolFile {
    /// Resource kinds in their order.
    pub fn resource_kinds(&self) -> Result<Vec<ResourceKind>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, named_by_policy FROM resource_kinds ORDER BY position")?;
        let rows = stmt.query_map([], |r| {
            Ok(ResourceKind {
                name: r.get(0)?,
                named_by_policy: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records a resource; refuses one the rules refuse (see [`ResourceItem::problems`]).
    /// Returns its id, which reviews refer to.
    pub fn add_resource(&mut self, item: &ResourceItem) -> Result<i64, StoreError> {
        let problems = item.problems();
        if !problems.is_empty() {
            return Err(StoreError::Refused(problems.join("；")));
        }
        if !self.resource_kinds()?.iter().any(|k| k.name == item.kind) {
            return Err(StoreError::Refused(format!("没有“{}”这类资源", item.kind)));
        }
        let tx = self.conn.transaction()?;
        let id = write_item(&tx, item)?;
        tx.commit()?;
        Ok(id)
    }

    /// Corrects what was recorded of an item (specialty, course, kind, title, the textbook's
    /// details); its reviews and files stay. A textbook that has reviews stays a textbook: its
    /// review history would otherwise hang on an item that needs none.
    pub fn update_resource(&mut self, id: i64, item: &ResourceItem) -> Result<(), StoreError> {
        let problems = item.problems();
        if !problems.is_empty() {
            return Err(StoreError::Refused(problems.join("；")));
        }
        if !self.resource_kinds()?.iter().any(|k| k.name == item.kind) {
            return Err(StoreError::Refused(format!("没有“{}”这类资源", item.kind)));
        }
        let before = self.resource(id)?;
        if !before.reviews.is_empty() && item.kind != TEXTBOOK {
            return Err(StoreError::Refused(format!(
                "“{}”已有 {} 条审核记录，不能改为{}；若登记错了，可删除后重新登记",
                before.title,
                before.reviews.len(),
                item.kind
            )));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE resource_items SET specialty = ?2, course = ?3, kind = ?4, title = ?5,
             textbook = ?6 WHERE id = ?1",
            params![
                id,
                item.specialty,
                item.course,
                item.kind,
                item.title,
                textbook_json(item)
            ],
        )?;
        history::record(&tx, &format!("修改资源：{}", item.title))?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes an item with its reviews and files, and returns all of it so the deletion can
    /// be undone with [`SchoolFile::restore_resource`].
    pub fn delete_resource(&mut self, id: i64) -> Result<ResourceItem, StoreError> {
        let item = self.resource(id)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM resource_files WHERE item = ?1", [id])?;
        tx.execute("DELETE FROM resource_reviews WHERE item = ?1", [id])?;
        tx.execute("DELETE FROM resource_items WHERE id = ?1", [id])?;
        history::record(&tx, &format!("删除资源：{}", item.title))?;
        tx.commit()?;
        Ok(item)
    }

    /// Puts back a deleted item with its reviews and files; returns its new id.
    pub fn restore_resource(&mut self, item: &ResourceItem) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        let id = write_item(&tx, item)?;
        for review in &item.reviews {
            write_review(&tx, id, review)?;
        }
        for (position, file) in item.files.iter().enumerate() {
            write_file(&tx, id, position as i64, file)?;
        }
        history::record(&tx, &format!("撤销删除资源：{}", item.title))?;
        tx.commit()?;
        Ok(id)
    }

    fn resource(&self, id: i64) -> Result<ResourceItem, StoreError> {
        self.resources(None)?
            .into_iter()
            .find(|(i, _)| *i == id)
            .map(|(_, item)| item)
            .ok_or_else(|| StoreError::Refused("没有这项资源（可能已被删除）".into()))
    }

    /// Adds a review to a textbook's history.
    pub fn add_review(&mut self, item: i64, review: &Review) -> Result<(), StoreError> {
        let kind: Option<String> = self
            .conn
            .query_row(
                "SELECT kind FROM resource_items WHERE id = ?1",
                [item],
                |r| r.get(0),
            )
            .optional()?;
        match kind.as_deref() {
            None => Err(StoreError::Refused("没有这项资源".into())),
            Some(TEXTBOOK) => {
                write_review(&self.conn, item, review)?;
                Ok(())
            }
            Some(_) => Err(StoreError::Refused("只有教材需要审核".into())),
        }
    }

    /// Records a file of a resource (already hashed; see `exchange::files::hash`).
    pub fn attach_file(&mut self, item: i64, file: &FileRef) -> Result<(), StoreError> {
        let position: i64 = self.conn.query_row(
            "SELECT count(*) FROM resource_files WHERE item = ?1",
            [item],
            |r| r.get(0),
        )?;
        write_file(&self.conn, item, position, file).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                StoreError::Refused("没有这项资源".into())
            }
            other => other.into(),
        })
    }

    /// The courses known for each specialty, from the hours taught and the resources registered,
    /// in name order: what the resource form offers, so a course is not typed a second way.
    pub fn known_courses(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT specialty, course FROM hours WHERE specialty <> ''
             UNION SELECT specialty, course FROM resource_items WHERE course IS NOT NULL
             ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every resource with its id, by specialty, course and entry order; one specialty's if
    /// given.
    pub fn resources(
        &self,
        specialty: Option<&str>,
    ) -> Result<Vec<(i64, ResourceItem)>, StoreError> {
        let mut reviews = self.conn.prepare(
            "SELECT item, conclusion, reviewers, date, opinion FROM resource_reviews ORDER BY id",
        )?;
        let mut by_item: std::collections::HashMap<i64, Vec<Review>> = Default::default();
        let rows = reviews.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (item, conclusion, reviewers, date, opinion) = row?;
            let review = Review {
                conclusion: serde_json::from_value(conclusion.clone().into()).map_err(|_| {
                    StoreError::InvalidData(format!("未知的审核结论“{conclusion}”"))
                })?,
                reviewers,
                date: date
                    .parse()
                    .map_err(|_| StoreError::InvalidData(format!("审核日期“{date}”无效")))?,
                opinion,
            };
            by_item.entry(item).or_default().push(review);
        }
        let mut files_of: std::collections::HashMap<i64, Vec<FileRef>> = Default::default();
        let mut files = self.conn.prepare(
            "SELECT item, path, size, sha256 FROM resource_files ORDER BY item, position",
        )?;
        let rows = files.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                FileRef {
                    path: r.get(1)?,
                    size: r.get::<_, i64>(2)? as u64,
                    sha256: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (item, file) = row?;
            files_of.entry(item).or_default().push(file);
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, specialty, course, kind, title, textbook FROM resource_items
             WHERE ?1 IS NULL OR specialty = ?1 ORDER BY specialty, course, id",
        )?;
        let rows = stmt.query_map([specialty], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (id, specialty, course, kind, title, textbook) = row?;
            let textbook = textbook
                .map(|json| serde_json::from_str(&json))
                .transpose()
                .map_err(|e| StoreError::InvalidData(format!("教材“{title}”的信息无效：{e}")))?;
            items.push((
                id,
                ResourceItem {
                    specialty,
                    course,
                    kind,
                    title,
                    textbook,
                    reviews: by_item.remove(&id).unwrap_or_default(),
                    files: files_of.remove(&id).unwrap_or_default(),
                },
            ));
        }
        Ok(items)
    }

    /// Replaces kinds and items with a document's (used by `load`).
    pub fn replace_resources(
        &mut self,
        kinds: &[ResourceKind],
        items: &[ResourceItem],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute_batch(
            "DELETE FROM resource_files; DELETE FROM resource_reviews;
             DELETE FROM resource_items; DELETE FROM resource_kinds;",
        )?;
        write_kinds(&tx, kinds)?;
        for item in items {
            let id = write_item(&tx, item)?;
            for review in &item.reviews {
                write_review(&tx, id, review)?;
            }
            for (position, file) in item.files.iter().enumerate() {
                write_file(&tx, id, position as i64, file)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

pub(super) fn write_kinds(conn: &Connection, kinds: &[ResourceKind]) -> rusqlite::Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO resource_kinds (position, name, named_by_policy) VALUES (?1, ?2, ?3)",
    )?;
    for (i, k) in kinds.iter().enumerate() {
        insert.execute(params![i as i64, k.name, k.named_by_policy])?;
    }
    Ok(())
}

#[expect(
    clippy::expect_used,
    reason = "a textbook is a plain derived struct: serde_json cannot fail on it"
)]
fn textbook_json(item: &ResourceItem) -> Option<String> {
    item.textbook
        .as_ref()
        .map(|t| serde_json::to_string(t).expect("textbooks serialise"))
}

fn write_item(conn: &Connection, item: &ResourceItem) -> rusqlite::Result<i64> {
    let textbook = textbook_json(item);
    conn.prepare_cached(
        "INSERT INTO resource_items (specialty, course, kind, title, textbook)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        item.specialty,
        item.course,
        item.kind,
        item.title,
        textbook
    ])?;
    Ok(conn.last_insert_rowid())
}

fn write_review(conn: &Connection, item: i64, review: &Review) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO resource_reviews (item, conclusion, reviewers, date, opinion)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        item,
        review.conclusion.name(),
        review.reviewers,
        review.date.to_string(),
        review.opinion
    ])?;
    Ok(())
}

fn write_file(conn: &Connection, item: i64, position: i64, file: &FileRef) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO resource_files (item, position, path, size, sha256)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        item,
        position,
        file.path,
        file.size as i64,
        file.sha256
    ])?;
    Ok(())
}
