use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{SchoolFile, StoreError, history};
use crate::domain::{Employment, Entry, Gender, Teacher, TeacherLevel};

/// Whether an import writes, or only reports what it would do (the dry run runs the same
/// statements in a transaction that is rolled back, so its counts are exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    DryRun,
}

/// What an import did, so the office is told "新增 3 条，更新 1 条，未变 40 条".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl std::fmt::Display for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "新增 {} 条，更新 {} 条，未变 {} 条",
            self.added, self.updated, self.unchanged
        )
    }
}

/// A teacher taken out of the roster, with what went with them.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletedTeacher {
    pub teacher: Teacher,
    position: i64,
    pub entries: Vec<Entry>,
}

impl DeletedTeacher {
    /// "教师张伟（T001）及其 37 条课时记录", for the question, the notice and the history.
    pub fn describe(&self) -> String {
        self.teacher.with_entries(self.entries.len())
    }
}

const COLUMNS: &str = "id, name, gender, department, employment, enterprise, level, title, \
                       skill_level, qualification, trainings, practices, achievements";

impl SchoolFile {
    /// The roster in the order teachers were added.
    pub fn teachers(&self) -> Result<Vec<Teacher>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM teachers ORDER BY position"))?;
        let rows = stmt.query_map([], read_teacher)?;
        rows.map(|r| r?).collect()
    }

    /// Adds a teacher or replaces the one with the same 工号; refuses what the roster refuses.
    pub fn save_teacher(&mut self, teacher: &Teacher) -> Result<Changes, StoreError> {
        self.save_teachers(std::slice::from_ref(teacher))
    }

    /// Adds or updates teachers by 工号 in one transaction: all of them or none.
    pub fn save_teachers(&mut self, teachers: &[Teacher]) -> Result<Changes, StoreError> {
        self.import_teachers(teachers, Mode::Write)
    }

    /// Deletes a teacher and every hour entry of theirs, and returns both so the deletion can
    /// be undone with [`SchoolFile::restore_teacher`]. The roster position is kept with them.
    pub fn delete_teacher(&mut self, id: &str) -> Result<DeletedTeacher, StoreError> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS}, position FROM teachers WHERE id = ?1"),
                [id],
                |r| Ok((read_teacher(r)?, r.get::<_, i64>(13)?)),
            )
            .optional()?;
        let Some((teacher, position)) = found else {
            return Err(StoreError::Refused(format!(
                "名册中没有工号“{id}”（可能已被删除）"
            )));
        };
        let teacher = teacher?;
        let entries = self
            .entries_of(id, None)?
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM hours WHERE teacher = ?1", [id])?;
        tx.execute("DELETE FROM teachers WHERE id = ?1", [id])?;
        let deleted = DeletedTeacher {
            teacher,
            position,
            entries,
        };
        history::record(&tx, &format!("删除{}", deleted.describe()))?;
        tx.commit()?;
        Ok(deleted)
    }

    /// Puts a deleted teacher back in their place in the roster, with their hours.
    pub fn restore_teacher(&mut self, deleted: &DeletedTeacher) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        insert_teacher(&tx, &deleted.teacher)?;
        tx.execute(
            "UPDATE teachers SET position = ?2 WHERE id = ?1",
            params![deleted.teacher.id, deleted.position],
        )?;
        // Newest first as read; written oldest first, so they list in the same order again.
        for entry in deleted.entries.iter().rev() {
            super::workload::insert_entry(&tx, entry)?;
        }
        history::record(&tx, &format!("撤销删除{}", deleted.describe()))?;
        tx.commit()?;
        Ok(())
    }

    /// [`SchoolFile::save_teachers`], or with [`Mode::DryRun`] only what it would change.
    pub fn import_teachers(
        &mut self,
        teachers: &[Teacher],
        mode: Mode,
    ) -> Result<Changes, StoreError> {
        for t in teachers {
            let problems = t.problems();
            if !problems.is_empty() {
                return Err(StoreError::Refused(format!(
                    "教师{}（{}）：{}",
                    t.name,
                    t.id,
                    problems.join("；")
                )));
            }
        }
        let tx = self.conn.transaction()?;
        let mut changes = Changes::default();
        for t in teachers {
            let existing = tx
                .prepare_cached(&format!("SELECT {COLUMNS} FROM teachers WHERE id = ?1"))?
                .query_row([&t.id], read_teacher)
                .optional()?
                .transpose()?;
            match existing {
                Some(e) if e == *t => changes.unchanged += 1,
                Some(_) => {
                    update_teacher(&tx, t)?;
                    changes.updated += 1;
                }
                None => {
                    insert_teacher(&tx, t)?;
                    changes.added += 1;
                }
            }
        }
        if mode == Mode::Write {
            tx.commit()?;
        }
        Ok(changes)
    }
}

fn read_teacher(r: &Row<'_>) -> rusqlite::Result<Result<Teacher, StoreError>> {
    let text = |i| r.get::<_, String>(i);
    let (id, name, gender, department, employment, enterprise, level) = (
        text(0)?,
        text(1)?,
        text(2)?,
        text(3)?,
        text(4)?,
        text(5)?,
        text(6)?,
    );
    let (title, skill_level, qualification, trainings, practices, achievements) = (
        text(7)?,
        text(8)?,
        text(9)?,
        text(10)?,
        text(11)?,
        text(12)?,
    );
    let bad =
        |what: &str, value: &str| StoreError::InvalidData(format!("教师{id}的{what}“{value}”无效"));
    let teacher = (|| {
        Ok(Teacher {
            gender: Gender::from_name(&gender).ok_or_else(|| bad("性别", &gender))?,
            employment: Employment::from_name(&employment)
                .ok_or_else(|| bad("任职形式", &employment))?,
            level: TeacherLevel::from_name(&level).ok_or_else(|| bad("一体化教师等级", &level))?,
            trainings: serde_json::from_str(&trainings).map_err(|_| bad("培训记录", &trainings))?,
            practices: serde_json::from_str(&practices).map_err(|_| bad("企业实践", &practices))?,
            achievements: serde_json::from_str(&achievements)
                .map_err(|_| bad("成果认定", &achievements))?,
            id: id.clone(),
            name,
            department,
            enterprise,
            title,
            skill_level,
            qualification,
        })
    })();
    Ok(teacher)
}

#[expect(
    clippy::expect_used,
    reason = "trainings, practices and achievements are plain derived structs: serde_json cannot fail on them"
)]
fn values(t: &Teacher) -> [String; 13] {
    [
        t.id.clone(),
        t.name.clone(),
        t.gender.name().to_string(),
        t.department.clone(),
        t.employment.name().to_string(),
        t.enterprise.clone(),
        t.level.name().to_string(),
        t.title.clone(),
        t.skill_level.clone(),
        t.qualification.clone(),
        serde_json::to_string(&t.trainings).expect("trainings serialise"),
        serde_json::to_string(&t.practices).expect("practices serialise"),
        serde_json::to_string(&t.achievements).expect("achievements serialise"),
    ]
}

pub(super) fn insert_teacher(conn: &Connection, t: &Teacher) -> rusqlite::Result<()> {
    let v = values(t);
    conn.prepare_cached(&format!(
        "INSERT INTO teachers (position, {COLUMNS})
         VALUES ((SELECT coalesce(max(position), 0) + 1 FROM teachers),
                 ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    ))?
    .execute(params![
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]
    ])?;
    Ok(())
}

fn update_teacher(conn: &Connection, t: &Teacher) -> rusqlite::Result<()> {
    let v = values(t);
    conn.prepare_cached(
        "UPDATE teachers SET name = ?2, gender = ?3, department = ?4, employment = ?5,
             enterprise = ?6, level = ?7, title = ?8, skill_level = ?9, qualification = ?10,
             trainings = ?11, practices = ?12, achievements = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]
    ])?;
    Ok(())
}
