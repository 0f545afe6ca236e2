//! 导入: a roster or hours sheet is read in the background, then shown as a dry run — every
//! problem by row, column and reason, and what importing would add or change — and written only
//! when the office confirms.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use crate::domain::{Entry, Teacher, Term};
use crate::exchange::import::{self, HOURS_HEADERS, TEACHER_HEADERS, TableKind};
use crate::exchange::table::{Problem, Table};
use crate::store::{Changes, Mode, SchoolFile};
use crate::ui::widget::banner::notice;
use crate::ui::{background, style, text as t};

#[derive(Default)]
pub struct Import {
    state: State,
    notice: Option<Result<String, String>>,
}

#[derive(Default)]
enum State {
    #[default]
    Idle,
    Reading(PathBuf),
    Planned(Planned),
}

/// A dry run's result, kept until the office confirms or cancels.
struct Planned {
    path: PathBuf,
    records: Records,
    rows: usize,
    bad_rows: usize,
    unfilled: usize,
    problems: Vec<Problem>,
    /// Cells the sheet reader ignored (far outside the data), said but not counted as bad.
    notices: Vec<String>,
    /// What writing every good row would change.
    changes: Changes,
}

enum Records {
    Teachers(Vec<Teacher>),
    Hours {
        new_terms: Vec<Term>,
        entries: Vec<Entry>,
    },
}

impl Records {
    fn len(&self) -> usize {
        match self {
            Records::Teachers(t) => t.len(),
            Records::Hours { entries, .. } => entries.len(),
        }
    }

    fn write(&self, file: &mut SchoolFile, mode: Mode) -> Result<Changes, String> {
        match self {
            Records::Teachers(teachers) => file.import_teachers(teachers, mode),
            Records::Hours { new_terms, entries } => file.import_hours(new_terms, entries, mode),
        }
        .map_err(|e| e.to_string())
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Pick(TableKind),
    Chosen(TableKind, Option<PathBuf>),
    Read(TableKind, PathBuf, Result<Table, String>),
    Confirm,
    Cancel,
}

impl Import {
    pub fn fail(&mut self, error: String) {
        self.notice = Some(Err(error));
    }

    pub fn update(&mut self, message: Message, file: &mut SchoolFile) -> Task<Message> {
        match message {
            Message::Pick(kind) => {
                let title = match kind {
                    TableKind::Teachers => t::IMPORT_ROSTER,
                    TableKind::Hours => t::IMPORT_HOURS,
                };
                return Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(title)
                        .add_filter("表格", &["xlsx", "xls", "csv"])
                        .pick_file(),
                    move |h| Message::Chosen(kind, h.map(|h| h.path().to_path_buf())),
                );
            }
            Message::Chosen(_, None) => {}
            Message::Chosen(kind, Some(path)) => {
                self.state = State::Reading(path.clone());
                self.notice = None;
                let required: &'static [&'static str] = match kind {
                    TableKind::Teachers => &TEACHER_HEADERS,
                    TableKind::Hours => &HOURS_HEADERS,
                };
                let reading = path.clone();
                return Task::perform(
                    background::run(move || {
                        Table::read(&reading, required).map_err(|e| e.to_string())
                    }),
                    move |table| Message::Read(kind, path.clone(), table),
                );
            }
            Message::Read(kind, path, table) => {
                self.state = State::Idle;
                match table.and_then(|table| plan(kind, path, &table, file)) {
                    Ok(planned) => self.state = State::Planned(planned),
                    Err(e) => self.notice = Some(Err(e)),
                }
            }
            Message::Confirm => {
                if let State::Planned(p) = std::mem::take(&mut self.state) {
                    self.notice = Some(
                        p.records
                            .write(file, Mode::Write)
                            .map(|changes| format!("已导入 {}：{changes}", file_name(&p.path))),
                    );
                }
            }
            Message::Cancel => {
                self.state = State::Idle;
                self.notice = None;
            }
        }
        Task::none()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut content = column![
            text(t::IMPORT_INTRO).size(style::BODY_SIZE),
            text(t::IMPORT_HEADERS)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
            row![
                button(text(t::IMPORT_ROSTER).size(style::BODY_SIZE))
                    .style(button::secondary)
                    .on_press(Message::Pick(TableKind::Teachers)),
                button(text(t::IMPORT_HOURS).size(style::BODY_SIZE))
                    .style(button::secondary)
                    .on_press(Message::Pick(TableKind::Hours)),
            ]
            .spacing(10),
        ]
        .spacing(12);
        if let Some(n) = notice(&self.notice) {
            content = content.push(n);
        }
        match &self.state {
            State::Idle => {}
            State::Reading(path) => {
                content = content
                    .push(text(format!("正在读取 {}…", file_name(path))).size(style::BODY_SIZE));
            }
            State::Planned(p) => content = content.push(p.view()),
        }
        scrollable(content.max_width(1100))
            .height(Length::Fill)
            .into()
    }
}

/// Plans the import and runs it as a dry run for exact counts.
fn plan(
    kind: TableKind,
    path: PathBuf,
    table: &Table,
    file: &mut SchoolFile,
) -> Result<Planned, String> {
    let roster = file.teachers().map_err(|e| e.to_string())?;
    let (records, rows, bad_rows, unfilled, problems) = match kind {
        TableKind::Teachers => {
            let plan = import::teachers(table, &roster);
            let bad = plan.bad_rows();
            (
                Records::Teachers(plan.records),
                plan.rows,
                bad,
                plan.unfilled,
                plan.problems,
            )
        }
        TableKind::Hours => {
            if !table.has("日期") && !table.has("周课时") {
                return Err(t::HOURS_NEED_AMOUNT.into());
            }
            let terms = file.terms().map_err(|e| e.to_string())?;
            let plan = import::hours(table, &roster, &terms);
            let bad = plan.bad_rows();
            (
                Records::Hours {
                    new_terms: plan.new_terms,
                    entries: plan.records,
                },
                plan.rows,
                bad,
                plan.unfilled,
                plan.problems,
            )
        }
    };
    let changes = records.write(file, Mode::DryRun)?;
    Ok(Planned {
        path,
        records,
        rows,
        bad_rows,
        unfilled,
        problems,
        notices: table.notices.clone(),
        changes,
    })
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Problems shown at once; a sheet with thousands of bad rows is fixed from the first ones.
const SHOWN_PROBLEMS: usize = 200;

impl Planned {
    fn view(&self) -> Element<'_, Message> {
        let unit = match self.records {
            Records::Teachers(_) => "位教师",
            Records::Hours { .. } => "条课时",
        };
        let mut summary = format!(
            "共 {} 行数据：可导入 {} {unit}，{} 行有问题",
            self.rows,
            self.records.len(),
            self.bad_rows
        );
        if self.unfilled > 0 {
            summary.push_str(&format!("，{} 行未填课时（跳过）", self.unfilled));
        }
        let mut body = column![
            text(format!("试运行：{}", file_name(&self.path))).size(style::BODY_SIZE + 3),
            text(summary).size(style::BODY_SIZE),
            text(format!("导入将{}。", self.changes)).size(style::BODY_SIZE),
        ]
        .spacing(8);
        for notice in &self.notices {
            body = body.push(
                text(notice.as_str())
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
            );
        }
        if let Records::Hours { new_terms, .. } = &self.records {
            for term in new_terms {
                body = body.push(
                    text(format!(
                        "将新建学期：{}（{} 至 {}）",
                        term.name, term.start, term.end
                    ))
                    .size(style::BODY_SIZE),
                );
            }
        }
        if !self.problems.is_empty() {
            let mut list = column![text(t::PROBLEM_ROWS).size(style::BODY_SIZE)].spacing(4);
            for p in self.problems.iter().take(SHOWN_PROBLEMS) {
                list = list.push(
                    text(p.to_string())
                        .size(style::SMALL_SIZE)
                        .style(style::error_text),
                );
            }
            if self.problems.len() > SHOWN_PROBLEMS {
                list = list.push(
                    text(format!(
                        "另有 {} 个问题未列出",
                        self.problems.len() - SHOWN_PROBLEMS
                    ))
                    .size(style::SMALL_SIZE),
                );
            }
            body = body.push(list);
        }
        let clean = self.problems.is_empty();
        let confirm = if clean {
            t::CONFIRM_IMPORT
        } else {
            t::IMPORT_GOOD_ROWS
        };
        body = body.push(
            row![
                button(text(confirm).size(style::BODY_SIZE))
                    .style(if clean {
                        button::primary
                    } else {
                        button::danger
                    })
                    .on_press_maybe((self.records.len() > 0).then_some(Message::Confirm)),
                button(text(t::CANCEL).size(style::BODY_SIZE))
                    .style(button::secondary)
                    .on_press(Message::Cancel),
            ]
            .spacing(10),
        );
        if !clean {
            body = body.push(
                text(t::FIX_AND_REIMPORT)
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
            );
        }
        container(body)
            .padding(16)
            .width(Length::Fill)
            .style(style::dialog)
            .into()
    }
}
