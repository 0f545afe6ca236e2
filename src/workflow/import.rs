//! Importing a roster or hours sheet: read it, plan every row against the school file, run the
//! plan as a dry run for exact counts, and write it only when the user says so. The window
//! shows the plan and a confirm button; `import-table` prints it and writes unless `--dry-run`.

use std::path::{Path, PathBuf};

use crate::domain::workload::plans_given_by;
use crate::domain::{Entry, Teacher, Term};
use crate::exchange::import::{self, HOURS_HEADERS, Incomplete, TEACHER_HEADERS, TableKind};
use crate::exchange::table::{Problem, Table};
use crate::store::{Changes, Mode, SchoolFile};

/// Reads the sheet with the headers its kind requires; slow for a large workbook, so the
/// window calls it on a thread.
pub fn read(path: &Path, kind: TableKind) -> Result<Table, String> {
    let required: &[&str] = match kind {
        TableKind::Teachers => &TEACHER_HEADERS,
        TableKind::Hours => &HOURS_HEADERS,
    };
    Table::read(path, required).map_err(|e| e.to_string())
}

/// A dry run's result: what the sheet holds, what is wrong with it, what writing would change.
pub struct Plan {
    pub path: PathBuf,
    records: Records,
    pub rows: usize,
    pub bad_rows: usize,
    /// Rows of a template left without periods; skipped, not wrong.
    pub unfilled: usize,
    pub problems: Vec<Problem>,
    /// Rows imported with fields still to complete (待补充): said, counted, never refused.
    pub incomplete: Vec<Incomplete>,
    /// Cells the sheet reader ignored (far outside the data), said but not counted as bad.
    pub notices: Vec<String>,
    /// What writing every good row would change.
    pub changes: Changes,
    /// 师资培训 and 企业实践 records the roster sheet adds or corrects (zero for hours).
    pub trainings: usize,
    pub practices: usize,
    /// Planned courses and classes the hours sheet gives lessons for: their plans stop counting.
    pub replanned: usize,
}

enum Records {
    Teachers(Vec<Teacher>),
    Hours {
        new_terms: Vec<Term>,
        entries: Vec<Entry>,
    },
}

/// Plans the import of a sheet already read, and runs it as a dry run for exact counts.
pub fn plan(
    kind: TableKind,
    path: PathBuf,
    table: &Table,
    file: &mut SchoolFile,
) -> Result<Plan, String> {
    let roster = file.teachers().map_err(|e| e.to_string())?;
    let mut trainings = 0;
    let mut practices = 0;
    let mut replanned = 0;
    let (records, rows, bad_rows, unfilled, problems, incomplete) = match kind {
        TableKind::Teachers => {
            let plan = import::teachers(table, &roster);
            for t in &plan.records {
                let before = roster.iter().find(|r| r.id == t.id);
                trainings += written(&t.trainings, before.map(|b| &b.trainings[..]));
                practices += written(&t.practices, before.map(|b| &b.practices[..]));
            }
            let bad = plan.bad_rows();
            let records = Records::Teachers(plan.records);
            let (rows, unfilled) = (plan.rows, plan.unfilled);
            (records, rows, bad, unfilled, plan.problems, plan.incomplete)
        }
        TableKind::Hours => {
            if !table.has("日期") && !table.has("周课时") {
                return Err("表头须有“日期”和“节数”两列，或“周课时”和“周数”两列".into());
            }
            let terms = file.terms().map_err(|e| e.to_string())?;
            let plan = import::hours(table, &roster, &terms);
            let before: Vec<Entry> = file
                .entries(None)
                .map_err(|e| e.to_string())?
                .into_iter()
                .map(|(_, e)| e)
                .collect();
            replanned = plans_given_by(&plan.records, &before);
            let bad = plan.bad_rows();
            let records = Records::Hours {
                new_terms: plan.new_terms,
                entries: plan.records,
            };
            let (rows, unfilled) = (plan.rows, plan.unfilled);
            (records, rows, bad, unfilled, plan.problems, plan.incomplete)
        }
    };
    let changes = records.write(file, Mode::DryRun)?;
    Ok(Plan {
        path,
        records,
        rows,
        bad_rows,
        unfilled,
        problems,
        incomplete,
        notices: table.notices.clone(),
        changes,
        trainings,
        practices,
        replanned,
    })
}

/// How many of `now` are not already stored as they are.
fn written<T: PartialEq>(now: &[T], before: Option<&[T]>) -> usize {
    let before = before.unwrap_or_default();
    now.iter().filter(|r| !before.contains(r)).count()
}

impl Plan {
    /// How many rows would be written (the good ones).
    pub fn records(&self) -> usize {
        match &self.records {
            Records::Teachers(t) => t.len(),
            Records::Hours { entries, .. } => entries.len(),
        }
    }

    /// The terms the sheet names that the school file does not have yet.
    pub fn new_terms(&self) -> &[Term] {
        match &self.records {
            Records::Teachers(_) => &[],
            Records::Hours { new_terms, .. } => new_terms,
        }
    }

    /// One line: rows read, rows importable (with the trainings and practices they add or
    /// correct), rows with problems, rows left unfilled.
    pub fn summary(&self) -> String {
        let unit = match self.records {
            Records::Teachers(_) => "位教师",
            Records::Hours { .. } => "条课时",
        };
        let with = if self.trainings + self.practices > 0 {
            format!(
                "（写入师资培训 {} 条、企业实践 {} 条）",
                self.trainings, self.practices
            )
        } else {
            String::new()
        };
        let mut text = format!(
            "共 {} 行数据，可导入 {} {unit}{with}，{} 行有问题",
            self.rows,
            self.records(),
            self.bad_rows
        );
        if !self.incomplete.is_empty() {
            text.push_str(&format!(
                "，其中 {} 行有待补充的项目（照常导入，导入后请补全）",
                self.incomplete.len()
            ));
        }
        if self.unfilled > 0 {
            text.push_str(&format!("，{} 行未填课时（跳过）", self.unfilled));
        }
        if self.replanned > 0 {
            text.push_str(&format!(
                "。其中 {} 个课程班级已有计划，导入后按实际授课计、计划不再计入",
                self.replanned
            ));
        }
        text
    }

    /// Writes the good rows in one transaction.
    pub fn write(&self, file: &mut SchoolFile) -> Result<Changes, String> {
        self.records.write(file, Mode::Write)
    }
}

impl Records {
    fn write(&self, file: &mut SchoolFile, mode: Mode) -> Result<Changes, String> {
        match self {
            Records::Teachers(teachers) => file.import_teachers(teachers, mode),
            Records::Hours { new_terms, entries } => file.import_hours(new_terms, entries, mode),
        }
        .map_err(|e| e.to_string())
    }
}

/// The file's name as the user knows it, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
