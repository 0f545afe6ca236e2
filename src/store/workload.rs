use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::teachers::{Changes, Mode, insert_teacher};
use super::{SchoolFile, StoreError};
use crate::domain::workload::{Coefficient, Settings, Summary, summarise};
use crate::domain::{Amount, CourseKind, Entry, Hundredths, Teacher, TeacherLevel, Term};

const ENTRY_COLUMNS: &str = "teacher, term, course, specialty, kind, class, date, periods, content, weekly, weeks, type, absent";

/// [`ENTRY_COLUMNS`] without the lessons' 内容, which no summary shows, so a term's 6,000 texts
/// are neither copied out of the file nor allocated.
const SUMMARY_COLUMNS: &str =
    "teacher, term, course, specialty, kind, class, date, periods, '', weekly, weeks, type, absent";

impl SchoolFile {
    /// Terms by start date.
    pub fn terms(&self) -> Result<Vec<Term>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, start, end FROM terms ORDER BY start, name")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        rows.map(|row| {
            let (name, start, end) = row?;
            let date = |s: &str| {
                s.parse()
                    .map_err(|_| StoreError::InvalidData(format!("学期“{name}”的日期“{s}”无效")))
            };
            Ok(Term {
                start: date(&start)?,
                end: date(&end)?,
                name,
            })
        })
        .collect()
    }

    /// Adds a term, or changes the dates of the one with its name.
    pub fn save_term(&mut self, term: &Term) -> Result<(), StoreError> {
        if term.name.trim().is_empty() {
            return Err(StoreError::Refused("学期名称不能为空".into()));
        }
        if term.end < term.start {
            return Err(StoreError::Refused(format!(
                "{}的结束日期早于开始日期",
                term.name
            )));
        }
        write_term(&self.conn, term)?;
        Ok(())
    }

    /// Every entry of a term (of all terms if `None`), with its row id, by teacher then date.
    pub fn entries(&self, term: Option<&str>) -> Result<Vec<(i64, Entry)>, StoreError> {
        self.query_entries(
            ENTRY_COLUMNS,
            term,
            "ORDER BY teacher, term, coalesce(date, ''), course, class",
        )
    }

    /// `order` is an ORDER BY clause or empty: a summary does not depend on the order, and
    /// sorting 12,000 rows by text was about a fifth of its time (18.6 → 14.4 ms, all terms).
    fn query_entries(
        &self,
        columns: &str,
        term: Option<&str>,
        order: &str,
    ) -> Result<Vec<(i64, Entry)>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, {columns} FROM hours WHERE ?1 IS NULL OR term = ?1 {order}"
        ))?;
        let rows = stmt.query_map([term], |r| Ok((r.get(0)?, read_entry(r, 1)?)))?;
        rows.map(|row| {
            let (id, entry) = row?;
            Ok((id, entry?))
        })
        .collect()
    }

    /// One teacher's entries of a term (of all terms if `None`), newest first, for 教师填报;
    /// read through the teacher index rather than the whole school's hours.
    pub fn entries_of(
        &self,
        teacher: &str,
        term: Option<&str>,
    ) -> Result<Vec<(i64, Entry)>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, {ENTRY_COLUMNS} FROM hours WHERE teacher = ?1 AND (?2 IS NULL OR term = ?2)
             ORDER BY coalesce(date, '') DESC, id DESC"
        ))?;
        let rows = stmt.query_map(rusqlite::params![teacher, term], |r| {
            Ok((r.get(0)?, read_entry(r, 1)?))
        })?;
        rows.map(|row| {
            let (id, entry) = row?;
            Ok((id, entry?))
        })
        .collect()
    }

    /// Adds entries, or updates those with the same key (`Entry::key`), in one transaction:
    /// all or none. Refuses an entry of a teacher or term the file does not have, and anything
    /// `Entry::problems` refuses.
    pub fn save_entries(&mut self, entries: &[Entry]) -> Result<Changes, StoreError> {
        self.import_hours(&[], entries, Mode::Write)
    }

    /// Adds `new_terms` and saves `entries` as [`SchoolFile::save_entries`] does, in one
    /// transaction; with [`Mode::DryRun`] reports the changes and writes nothing.
    pub fn import_hours(
        &mut self,
        new_terms: &[Term],
        entries: &[Entry],
        mode: Mode,
    ) -> Result<Changes, StoreError> {
        let mut terms: HashMap<String, Term> = self
            .terms()?
            .into_iter()
            .map(|t| (t.name.clone(), t))
            .collect();
        let tx = self.conn.transaction()?;
        for term in new_terms {
            if term.end < term.start {
                return Err(StoreError::Refused(format!(
                    "{}的结束日期早于开始日期",
                    term.name
                )));
            }
            write_term(&tx, term)?;
            terms.insert(term.name.clone(), term.clone());
        }
        let mut changes = Changes::default();
        for entry in entries {
            let known: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM teachers WHERE id = ?1)")?
                .query_row([&entry.teacher], |r| r.get(0))?;
            let mut problems = entry.problems(terms.get(&entry.term));
            if !known {
                problems.insert(0, format!("名册中没有工号“{}”", entry.teacher));
            }
            if let Amount::Substitute { absent, .. } = &entry.amount {
                let known: bool = tx
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM teachers WHERE id = ?1)")?
                    .query_row([absent], |r| r.get(0))?;
                if !known && !absent.trim().is_empty() {
                    problems.push(format!("被代课教师的工号“{absent}”不在名册中"));
                }
            }
            if !problems.is_empty() {
                return Err(StoreError::Refused(format!(
                    "{}（{}，{}）：{}",
                    entry.course,
                    entry.teacher,
                    entry.term,
                    problems.join("；")
                )));
            }
            let key = entry.key();
            let existing = tx
                .prepare_cached(&format!("SELECT {ENTRY_COLUMNS} FROM hours WHERE key = ?1"))?
                .query_row([&key], |r| read_entry(r, 0))
                .optional()?
                .transpose()?;
            match existing {
                Some(e) if e == *entry => changes.unchanged += 1,
                Some(_) => {
                    tx.prepare_cached("DELETE FROM hours WHERE key = ?1")?
                        .execute([&key])?;
                    insert_entry(&tx, entry)?;
                    changes.updated += 1;
                }
                None => {
                    insert_entry(&tx, entry)?;
                    changes.added += 1;
                }
            }
        }
        if mode == Mode::Write {
            tx.commit()?;
        }
        Ok(changes)
    }

    pub fn delete_entry(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM hours WHERE id = ?1", [id])?;
        Ok(())
    }

    pub fn workload_settings(&self) -> Result<Settings, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT from_date, integrated FROM workload_coefficients ORDER BY from_date",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut coefficients = Vec::new();
        for row in rows {
            let (from, integrated) = row?;
            coefficients.push(Coefficient {
                from: from
                    .parse()
                    .map_err(|_| StoreError::InvalidData(format!("折算系数日期“{from}”无效")))?,
                integrated: Hundredths::parse(&integrated).ok_or_else(|| {
                    StoreError::InvalidData(format!("折算系数“{integrated}”无效"))
                })?,
            });
        }
        let (weekly_limit, term_limit) = self
            .conn
            .query_row("SELECT weekly, term FROM workload_limits", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .unwrap_or((None, None));
        let adjustments = self
            .conn
            .query_row(
                "SELECT raises, developments, pay FROM workload_adjustments",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        let (raises, developments, pay) = match adjustments {
            Some((raises, developments, pay)) => (
                from_json(&raises, "提高系数")?,
                from_json(&developments, "课程开发工作量")?,
                from_json(&pay, "额定课时与课时津贴")?,
            ),
            None => Default::default(),
        };
        Ok(Settings {
            coefficients,
            weekly_limit,
            term_limit,
            raises,
            developments,
            pay,
        })
    }

    pub fn save_workload_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        let problems = settings.problems();
        if !problems.is_empty() {
            return Err(StoreError::Refused(problems.join("；")));
        }
        let tx = self.conn.transaction()?;
        write_settings(&tx, settings)?;
        tx.commit()?;
        Ok(())
    }

    /// The workload summary of a term (all terms if `None`) as the file holds it now.
    pub fn workload_summary(&self, term: Option<&str>) -> Result<Summary, StoreError> {
        let entries: Vec<Entry> = self
            .query_entries(SUMMARY_COLUMNS, term, "")?
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        Ok(summarise(
            &self.roster_for_summary()?,
            &self.terms()?,
            &entries,
            &self.workload_settings()?,
            term,
        ))
    }

    /// The roster in order with what a summary shows of each teacher (工号, 姓名, 系部, 等级,
    /// 职称), leaving out the trainings, practice and 成果 that [`SchoolFile::teachers`] parses
    /// from JSON for every teacher.
    fn roster_for_summary(&self) -> Result<Vec<Teacher>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, department, level, title FROM teachers ORDER BY position")?;
        let rows = stmt.query_map([], |r| {
            let (id, level): (String, String) = (r.get(0)?, r.get(3)?);
            let Some(level) = TeacherLevel::from_name(&level) else {
                return Ok(Err(StoreError::InvalidData(format!(
                    "教师{id}的一体化教师等级“{level}”无效"
                ))));
            };
            Ok(Ok(Teacher {
                id,
                name: r.get(1)?,
                department: r.get(2)?,
                level,
                title: r.get(4)?,
                ..Teacher::new("", "", "")
            }))
        })?;
        rows.map(|r| r?).collect()
    }

    /// Replaces the roster, terms, hours and settings with a document's (used by `load`).
    pub fn replace_workload(
        &mut self,
        teachers: &[Teacher],
        terms: &[Term],
        entries: &[Entry],
        settings: &Settings,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute_batch("DELETE FROM hours; DELETE FROM terms; DELETE FROM teachers;")?;
        for t in teachers {
            insert_teacher(&tx, t)?;
        }
        for t in terms {
            write_term(&tx, t)?;
        }
        for e in entries {
            insert_entry(&tx, e)?;
        }
        write_settings(&tx, settings)?;
        tx.commit()?;
        Ok(())
    }
}

fn write_term(conn: &Connection, term: &Term) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO terms (name, start, end) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET start = excluded.start, end = excluded.end",
    )?
    .execute(params![
        term.name,
        term.start.to_string(),
        term.end.to_string()
    ])?;
    Ok(())
}

pub(super) fn write_settings(conn: &Connection, settings: &Settings) -> rusqlite::Result<()> {
    write_coefficients(conn, settings)?;
    conn.execute(
        "INSERT INTO workload_adjustments (id, raises, developments, pay) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET raises = excluded.raises,
             developments = excluded.developments, pay = excluded.pay",
        params![
            to_json(&settings.raises),
            to_json(&settings.developments),
            to_json(&settings.pay)
        ],
    )?;
    Ok(())
}

/// The part of the settings schema version 5 has, which its migration seeds.
pub(super) fn write_coefficients(conn: &Connection, settings: &Settings) -> rusqlite::Result<()> {
    conn.execute_batch("DELETE FROM workload_coefficients; DELETE FROM workload_limits;")?;
    for c in &settings.coefficients {
        conn.execute(
            "INSERT INTO workload_coefficients (from_date, integrated) VALUES (?1, ?2)",
            params![c.from.to_string(), c.integrated.to_string()],
        )?;
    }
    conn.execute(
        "INSERT INTO workload_limits (id, weekly, term) VALUES (1, ?1, ?2)",
        params![settings.weekly_limit, settings.term_limit],
    )?;
    Ok(())
}

pub(super) fn insert_entry(conn: &Connection, e: &Entry) -> rusqlite::Result<()> {
    let dated = |date: &chrono::NaiveDate, periods: &u32, text: &str| {
        (
            Some(date.to_string()),
            Some(*periods),
            Some(text.to_string()),
        )
    };
    let ((date, periods, content), plan, (kind, absent)) = match &e.amount {
        Amount::Lessons {
            date,
            periods,
            content,
        } => (dated(date, periods, content), None, (None, None)),
        Amount::Cancelled {
            date,
            periods,
            reason,
        } => (dated(date, periods, reason), None, (Some("停课"), None)),
        Amount::Substitute {
            date,
            periods,
            absent,
            content,
        } => (
            dated(date, periods, content),
            None,
            (Some("代课"), Some(absent.as_str())),
        ),
        Amount::Planned { weekly, weeks } => {
            ((None, None, None), Some((*weekly, *weeks)), (None, None))
        }
    };
    let (weekly, weeks) = plan.unzip();
    conn.prepare_cached(&format!(
        "INSERT INTO hours (key, {ENTRY_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    ))?
    .execute(params![
        e.key(),
        e.teacher,
        e.term,
        e.course,
        e.specialty,
        e.kind.name(),
        e.class,
        date,
        periods,
        content,
        weekly,
        weeks,
        kind,
        absent
    ])?;
    Ok(())
}

/// A date as this module writes it (`NaiveDate`'s `2024-09-02`), read in that one shape rather
/// than by chrono's general format parser: the summary reads a term's 6,000 of them. Anything
/// else is refused as before.
fn stored_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Reads the entry columns starting at `at`.
fn read_entry(r: &Row<'_>, at: usize) -> rusqlite::Result<Result<Entry, StoreError>> {
    // The short texts that are only looked at are borrowed from the row, not copied out.
    let text = |i: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null()?) };
    let kind = text(at + 4)?.unwrap_or_default();
    let date = text(at + 6)?;
    let kind_of_day = text(at + 11)?;
    let amount = match date {
        Some(date) => match (stored_date(date).ok_or(()), kind_of_day) {
            (Ok(date), None) => Ok(Amount::Lessons {
                date,
                periods: r.get(at + 7)?,
                content: r.get(at + 8)?,
            }),
            (Ok(date), Some("停课")) => Ok(Amount::Cancelled {
                date,
                periods: r.get(at + 7)?,
                reason: r.get(at + 8)?,
            }),
            (Ok(date), Some(_)) => Ok(Amount::Substitute {
                date,
                periods: r.get(at + 7)?,
                absent: r.get(at + 12)?,
                content: r.get(at + 8)?,
            }),
            (Err(_), _) => Err(StoreError::InvalidData(format!("课时日期“{date}”无效"))),
        },
        None => Ok(Amount::Planned {
            weekly: r.get(at + 9)?,
            weeks: r.get(at + 10)?,
        }),
    };
    let kind = CourseKind::from_name(kind)
        .ok_or_else(|| StoreError::InvalidData(format!("课程类型“{kind}”无效")));
    Ok((|| {
        Ok(Entry {
            teacher: r.get(at)?,
            term: r.get(at + 1)?,
            course: r.get(at + 2)?,
            specialty: r.get(at + 3)?,
            kind: kind?,
            class: r.get(at + 5)?,
            amount: amount?,
        })
    })())
}

#[expect(
    clippy::expect_used,
    reason = "these are plain structs of strings, numbers and dates, which serde_json always writes"
)]
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("settings always serialise")
}

fn from_json<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T, StoreError> {
    serde_json::from_str(json)
        .map_err(|_| StoreError::InvalidData(format!("{what}的记录无法读取，文件可能已损坏")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_read_as_chrono_writes_them_and_nothing_else() {
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..20_000 {
            assert_eq!(stored_date(&day.to_string()), Some(day));
            day = day.succ_opt().unwrap();
        }
        for bad in [
            "2024-9-02",
            "2024-13-01",
            "2024-02-30",
            "2024/09/02",
            "２０２４-09-02",
            "",
            "2024-09-0a",
        ] {
            assert_eq!(stored_date(bad), None, "{bad}");
        }
    }
}
