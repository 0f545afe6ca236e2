//! 导入: a roster or hours sheet is read in the background, then shown as a dry run — every
//! problem by row, column and reason, and what importing would add or change — and written only
//! when the office confirms.

use std::path::PathBuf;

use iced::widget::{button, column, row, text};
use iced::{Element, Task};

use crate::exchange::import::TableKind;
use crate::exchange::table::Table;
use crate::exchange::workbook;
use crate::store::{SchoolFile, StoreError, atomic};
use crate::ui::screen::{Action, Screen};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::page::page;
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::{background, style, text as t};
use crate::workflow::import::{self, Plan, file_name};

#[derive(Default)]
pub struct Import {
    state: State,
    /// The file dialog came back empty: the sheet's path may be typed.
    typed: TypedPath<Message>,
    notice: Option<Notice>,
}

#[derive(Default)]
enum State {
    #[default]
    Idle,
    Reading(PathBuf),
    /// Kept until the office confirms or cancels.
    Planned(Plan),
}

#[derive(Debug, Clone)]
pub enum Message {
    Pick(TableKind),
    Chosen(TableKind, Option<PathBuf>),
    Read(TableKind, PathBuf, Result<Table, String>),
    Typed(typed_path::Message),
    Confirm,
    Cancel,
    ExportTemplate,
    TemplatePath(Option<PathBuf>),
}

impl Screen for Import {
    type Message = Message;

    fn open(_: &SchoolFile) -> Result<Self, StoreError> {
        Ok(Import::default())
    }

    /// What a dry run found is kept until the user confirms or cancels it.
    fn refresh(&mut self, _: &SchoolFile) -> Result<(), StoreError> {
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::Pick(kind) => {
                let title = match kind {
                    TableKind::Teachers => t::IMPORT_ROSTER,
                    TableKind::Hours => t::IMPORT_HOURS,
                };
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(title)
                        .add_filter(t::SHEET_FILTER, &["xlsx", "xls", "csv"])
                        .pick_file(),
                    move |h| Message::Chosen(kind, h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::Chosen(kind, None) => {
                return Action::Run(self.typed.offer(t::SHEET_PATH_HINT, move |path| {
                    Message::Chosen(kind, Some(path))
                }));
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }
            Message::Chosen(kind, Some(path)) => {
                self.typed.close();
                self.state = State::Reading(path.clone());
                self.notice = None;
                let reading = path.clone();
                return Action::Run(Task::perform(
                    background::run(move || import::read(&reading, kind)),
                    move |table| Message::Read(kind, path.clone(), table),
                ));
            }
            Message::Read(kind, path, table) => {
                self.state = State::Idle;
                match table.and_then(|table| import::plan(kind, path, &table, file)) {
                    Ok(planned) => self.state = State::Planned(planned),
                    Err(e) => self.notice = Some(Notice::Failed(e)),
                }
            }
            Message::Confirm => {
                if let State::Planned(p) = std::mem::take(&mut self.state) {
                    self.notice =
                        Some(Notice::from(p.write(file).map(|changes| {
                            t::imported(&file_name(&p.path), &changes.to_string())
                        })));
                }
            }
            Message::Cancel => {
                self.state = State::Idle;
                self.notice = None;
            }
            Message::ExportTemplate => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::EXPORT_ROSTER_TEMPLATE)
                        .add_filter(t::EXCEL_FILTER, &["xlsx"])
                        .set_file_name(t::ROSTER_TEMPLATE_FILE)
                        .save_file(),
                    |h| Message::TemplatePath(h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::TemplatePath(None) => {
                return Action::Run(self.typed.offer_save(t::XLSX_PATH_HINT, "xlsx", |path| {
                    Message::TemplatePath(Some(path))
                }));
            }
            Message::TemplatePath(Some(path)) => {
                self.typed.close();
                self.notice = Some(Notice::from(write_template(file, &path)));
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let mut content = column![
            text(t::IMPORT_INTRO).size(style::BODY_SIZE),
            text(t::IMPORT_HEADERS)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
            row![
                actions::secondary(t::IMPORT_ROSTER).on_press(Message::Pick(TableKind::Teachers)),
                actions::secondary(t::IMPORT_HOURS).on_press(Message::Pick(TableKind::Hours)),
                actions::secondary(t::EXPORT_ROSTER_TEMPLATE).on_press(Message::ExportTemplate),
            ]
            .spacing(10),
        ]
        .spacing(12);
        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        if let Some(n) = notice::view(&self.notice) {
            content = content.push(n);
        }
        match &self.state {
            State::Idle => {}
            State::Reading(path) => {
                content = content.push(text(t::reading(&file_name(path))).size(style::BODY_SIZE));
            }
            State::Planned(p) => content = content.push(planned(p)),
        }
        page(content)
    }
}

/// The roster as the template to fill in; the save dialog already asked about replacing an
/// existing file, so this writes over it.
fn write_template(file: &SchoolFile, path: &std::path::Path) -> Result<String, String> {
    let bytes = workbook::roster_template(
        &file.profile().map_err(|e| e.to_string())?,
        &file.teachers().map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    atomic::save(path, atomic::Existing::Replace, &bytes)?;
    Ok(t::exported(path))
}

/// Problems shown at once; a sheet with thousands of bad rows is fixed from the first ones.
const SHOWN_PROBLEMS: usize = 200;

fn planned(plan: &Plan) -> Element<'_, Message> {
    let mut body = column![
        text(t::dry_run(&file_name(&plan.path))).size(style::BODY_SIZE + 3),
        text(plan.summary()).size(style::BODY_SIZE),
        text(t::import_will(&plan.changes.to_string())).size(style::BODY_SIZE),
    ]
    .spacing(8);
    for notice in &plan.notices {
        body = body.push(
            text(notice.as_str())
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        );
    }
    for term in plan.new_terms() {
        body =
            body.push(text(t::new_term(&term.name, term.start, term.end)).size(style::BODY_SIZE));
    }
    if !plan.problems.is_empty() {
        let mut list = column![text(t::PROBLEM_ROWS).size(style::BODY_SIZE)].spacing(4);
        for p in plan.problems.iter().take(SHOWN_PROBLEMS) {
            list = list.push(
                text(p.to_string())
                    .size(style::SMALL_SIZE)
                    .style(style::error_text),
            );
        }
        if plan.problems.len() > SHOWN_PROBLEMS {
            list = list.push(
                text(t::more_problems(plan.problems.len() - SHOWN_PROBLEMS))
                    .size(style::SMALL_SIZE),
            );
        }
        body = body.push(list);
    }
    if !plan.incomplete.is_empty() {
        let mut list = column![text(t::INCOMPLETE_ROWS).size(style::BODY_SIZE)].spacing(4);
        for i in plan.incomplete.iter().take(SHOWN_PROBLEMS) {
            list = list.push(text(i.to_string()).size(style::SMALL_SIZE));
        }
        if plan.incomplete.len() > SHOWN_PROBLEMS {
            list = list.push(
                text(t::more_problems(plan.incomplete.len() - SHOWN_PROBLEMS))
                    .size(style::SMALL_SIZE),
            );
        }
        body = body.push(list);
    }
    let clean = plan.problems.is_empty();
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
                .on_press_maybe((plan.records() > 0).then_some(Message::Confirm)),
            actions::secondary(t::CANCEL).on_press(Message::Cancel),
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
    actions::card(body).into()
}
