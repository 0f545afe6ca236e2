//! How long the workload summary of the large demo school (600 teachers, 12,300 entries) takes
//! to recompute, and how long importing its 12,300 hours from .xlsx takes, on a release build.
//! Prints each measurement's median of several runs:
//!
//!     cargo bench --bench workload

mod common;

use common::{Failure, median};

use rust_xlsxwriter::Workbook;
use yitihua::domain::Amount;
use yitihua::domain::workload::summarise;
use yitihua::exchange::demo::{Size, document};
use yitihua::exchange::import::{self, HOURS_HEADERS};
use yitihua::exchange::table::Table;
use yitihua::store::Mode;

fn main() -> Result<(), Failure> {
    let doc = document(Size::Large);
    let dir = tempfile::tempdir()?;
    let mut file = doc.create_file(&dir.path().join("large.yth"), "benchmark")?;
    let term = doc.terms[0].name.clone();

    let t = median(21, || {
        let s = summarise(
            &doc.teachers,
            &doc.terms,
            &doc.hours,
            &doc.workload,
            Some(&term),
        );
        assert_eq!(s.teachers.len(), 600);
        Ok(())
    })?;
    println!("summary of one term, in memory (12,300 entries):        {t:>10.2?}");
    let t = median(21, || {
        let s = file.workload_summary(Some(&term))?;
        assert_eq!(s.teachers.len(), 600);
        Ok(())
    })?;
    println!("summary of one term, read from the school file:          {t:>10.2?}");
    let t = median(11, || {
        file.workload_summary(None)?;
        Ok(())
    })?;
    println!("summary of all terms, read from the school file:         {t:>10.2?}");

    let sheet = dir.path().join("hours.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let headers = [
        &HOURS_HEADERS[..],
        &[
            "专业",
            "日期",
            "节数",
            "内容",
            "周课时",
            "周数",
            "记录类型",
            "被代课教师工号",
        ],
    ]
    .concat();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let names: std::collections::HashMap<&str, &str> = doc
        .teachers
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str()))
        .collect();
    for (r, e) in doc.hours.iter().enumerate() {
        let r = r as u32 + 1;
        let text = [
            &e.teacher,
            names[e.teacher.as_str()],
            &e.term,
            &e.course,
            e.kind.name(),
            &e.class,
            &e.specialty,
        ];
        for (c, v) in text.iter().enumerate() {
            ws.write_string(r, c as u16, *v)?;
        }
        let mut dated = |date: &chrono::NaiveDate, periods: &u32, content: &str| {
            ws.write_string(r, 7, date.to_string())?;
            ws.write_number(r, 8, *periods)?;
            ws.write_string(r, 9, content)?;
            Ok::<_, rust_xlsxwriter::XlsxError>(())
        };
        match &e.amount {
            Amount::Lessons {
                date,
                periods,
                content,
            } => dated(date, periods, content)?,
            Amount::Cancelled {
                date,
                periods,
                reason,
            } => {
                dated(date, periods, reason)?;
                ws.write_string(r, 12, "停课")?;
            }
            Amount::Substitute {
                date,
                periods,
                absent,
                content,
            } => {
                dated(date, periods, content)?;
                ws.write_string(r, 12, "代课")?;
                ws.write_string(r, 13, absent)?;
            }
            Amount::Planned { weekly, weeks } => {
                ws.write_number(r, 10, *weekly)?;
                ws.write_number(r, 11, *weeks)?;
            }
        }
    }
    book.save(&sheet)?;
    let teachers = file.teachers()?;
    let terms = file.terms()?;
    let t = median(5, || {
        let table = Table::read(&sheet, &HOURS_HEADERS)?;
        let plan = import::hours(&table, &teachers, &terms);
        assert!(plan.problems.is_empty());
        let changes = file.import_hours(&plan.new_terms, &plan.records, Mode::DryRun)?;
        assert_eq!(changes.unchanged, doc.hours.len());
        Ok(())
    })?;
    println!("import dry run of 12,300 hours from .xlsx (read+check):  {t:>10.2?}");
    Ok(())
}
