//! 课时汇总: per teacher (paged), per 系部 and per 专业 for a term, the load warnings, the
//! settings the figures depend on (折算系数, load limits), the Excel exports and the 课时津贴表
//! PDF.

use std::path::PathBuf;

use iced::widget::{column, row, table, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::{cell, header};
use crate::domain::allowance::ALLOWANCE_RULE;
use crate::domain::workload::{
    self, COUNTING_RULE, Coefficient, CourseRow, Settings, TeacherRow, Totals, parse_date,
};
use crate::domain::{Hundredths, Term, teacher};
use crate::exchange::workbook;
use crate::store::atomic;
use crate::store::{SchoolFile, StoreError};
use crate::ui::background;
use crate::ui::screen::{Action, Screen};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::page::page;
use crate::ui::widget::pager;
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::{style, text as t};
use crate::workflow::certificate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    #[default]
    Teacher,
    Department,
    Specialty,
    /// Each course and class with its plan beside its lessons.
    Course,
}

#[derive(Default)]
pub struct Summary {
    terms: Vec<Term>,
    /// `None`: all terms.
    term: Option<String>,
    summary: workload::Summary,
    /// The trained teachers and levels of the whole roster, whatever the term.
    counts: teacher::Counts,
    settings: Settings,
    by: By,
    page: usize,
    /// The settings form: a new coefficient from a date, and the two limits.
    coefficient: String,
    from: String,
    weekly_limit: String,
    term_limit: String,
    /// A dialog came back empty: the path may be typed.
    typed: TypedPath<Message>,
    notice: Option<Notice>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Term(Option<String>),
    By(By),
    Page(usize),
    Coefficient(String),
    From(String),
    WeeklyLimit(String),
    TermLimit(String),
    SaveSettings,
    ExportSummary,
    SummaryPath(Option<PathBuf>),
    ExportTemplate,
    TemplatePath(Option<PathBuf>),
    /// 课时津贴表 as a PDF, built on a thread.
    ExportAllowance,
    AllowancePath(Option<PathBuf>),
    AllowanceDone(Result<(String, PathBuf), String>),
    Typed(typed_path::Message),
}

/// The term of today, else the latest: what an office looks at first.
fn first_term(terms: &[Term]) -> Option<String> {
    let today = crate::domain::time::beijing_date(chrono::Utc::now());
    Term::for_date(terms, today)
        .or(terms.last())
        .map(|t| t.name.clone())
}

impl Summary {
    fn reload(&mut self, file: &SchoolFile) {
        if let Err(e) = self.refresh(file) {
            self.notice = Some(Notice::Failed(e.to_string()));
        }
    }

    fn save_settings(&mut self, file: &mut SchoolFile) {
        let limit = |text: &str, label: &str| -> Result<Option<u32>, String> {
            match text.trim() {
                "" => Ok(None),
                n => n.parse().map(Some).map_err(|_| t::limit_not_whole(label)),
            }
        };
        let result = (|| -> Result<String, String> {
            let mut settings = self.settings.clone();
            settings.weekly_limit = limit(&self.weekly_limit, t::WEEKLY_LIMIT)?;
            settings.term_limit = limit(&self.term_limit, t::TERM_LIMIT)?;
            let mut said = t::SETTINGS_SAVED.to_string();
            if !self.coefficient.trim().is_empty() || !self.from.trim().is_empty() {
                let integrated = Hundredths::parse(&self.coefficient).ok_or(t::COEFFICIENT_FORM)?;
                let from = parse_date(&self.from).ok_or(t::COEFFICIENT_FROM_FORM)?;
                settings.coefficients.retain(|c| c.from != from);
                settings.coefficients.push(Coefficient { from, integrated });
                settings.coefficients.sort_by_key(|c| c.from);
                said = t::coefficient_set(from, integrated);
            }
            file.save_workload_settings(&settings)
                .map_err(|e| e.to_string())?;
            Ok(said)
        })();
        if result.is_ok() {
            self.coefficient.clear();
            self.from.clear();
            self.reload(file);
        }
        self.notice = Some(result.into());
    }

    /// How many rows the paged table shows.
    fn rows(&self) -> usize {
        match self.by {
            By::Course => self.summary.courses.len(),
            _ => self.summary.teachers.len(),
        }
    }

    fn courses(&self) -> Element<'_, Message> {
        let rows = pager::page(&self.summary.courses, self.page);
        let right = iced::alignment::Horizontal::Right;
        let mut columns = vec![
            table::column(header(t::TEACHER_NAME), |r: &CourseRow| {
                cell(r.name.as_str())
            }),
            table::column(header(t::COURSE), |r: &CourseRow| cell(r.course.as_str()))
                .width(Length::Fill),
            table::column(header(t::CLASS), |r: &CourseRow| cell(r.class.as_str())),
            table::column(header(t::PLANNED_PERIODS), |r: &CourseRow| {
                cell(
                    r.planned
                        .map_or(t::NOT_PLANNED.to_string(), |p| p.to_string()),
                )
            })
            .align_x(right),
            table::column(header(t::GIVEN_PERIODS), |r: &CourseRow| {
                cell(r.given.to_string())
            })
            .align_x(right),
        ];
        // 停课 and 代课 columns only for a school that records them: the table is wide already.
        let total = &self.summary.total;
        if total.cancelled > 0 || total.substitute > 0 {
            columns.extend([
                table::column(header(t::CANCELLED_SHORT), |r: &CourseRow| {
                    cell(r.cancelled.to_string())
                })
                .align_x(right),
                table::column(header(t::SUBSTITUTE_SHORT), |r: &CourseRow| {
                    cell(r.substitute.to_string())
                })
                .align_x(right),
            ]);
        }
        columns.extend([
            table::column(header(t::PERIOD_DIFFERENCE), |r: &CourseRow| {
                cell(
                    r.difference()
                        .map_or(t::NOT_PLANNED.to_string(), |d| format!("{d:+}")),
                )
            })
            .align_x(right),
            table::column(header(t::COUNTED_AS), |r: &CourseRow| cell(r.basis.name())),
            table::column(header(t::FACTORS), |r: &CourseRow| {
                cell(t::factors(r.factors.values(), r.factors.product()))
            }),
            table::column(header(t::WEIGHTED_PERIODS), |r: &CourseRow| {
                cell(r.weighted.to_string())
            })
            .align_x(right),
        ]);
        column![
            table(columns, rows).padding_y(4.0).width(Length::Fill),
            pager::pager(self.page, self.summary.courses.len(), Message::Page),
        ]
        .spacing(8)
        .into()
    }

    fn teachers(&self) -> Element<'_, Message> {
        let rows = pager::page(&self.summary.teachers, self.page);
        let right = iced::alignment::Horizontal::Right;
        let dash = |v: Option<String>| cell(v.unwrap_or_else(|| t::NOT_SET.to_string()));
        let mut columns = vec![
            table::column(header(t::TEACHER_ID), |r: &TeacherRow| cell(r.id.as_str())),
            table::column(header(t::TEACHER_NAME), |r: &TeacherRow| {
                cell(r.name.as_str())
            }),
            table::column(header(t::DEPARTMENT), |r: &TeacherRow| {
                cell(r.department.as_str())
            }),
            table::column(header(t::LEVEL_SHORT), |r: &TeacherRow| {
                cell(r.level.name())
            }),
            table::column(header(t::INTEGRATED_SHORT), |r: &TeacherRow| {
                cell(r.totals.integrated.to_string())
            })
            .align_x(iced::alignment::Horizontal::Right),
            table::column(header(t::OTHER_SHORT), |r: &TeacherRow| {
                cell(r.totals.other.to_string())
            })
            .align_x(iced::alignment::Horizontal::Right),
        ];
        let total = &self.summary.total;
        if total.cancelled > 0 || total.substitute > 0 {
            columns.extend([
                table::column(header(t::SUBSTITUTE_SHORT), |r: &TeacherRow| {
                    cell(r.totals.substitute.to_string())
                })
                .align_x(right),
                table::column(header(t::CANCELLED_SHORT), |r: &TeacherRow| {
                    cell(r.totals.cancelled.to_string())
                })
                .align_x(right),
            ]);
        }
        columns.extend([
            table::column(header(t::DEVELOPMENT_PERIODS), |r: &TeacherRow| {
                cell(r.totals.development.to_string())
            })
            .align_x(right),
            table::column(header(t::WEIGHTED_SHORT), |r: &TeacherRow| {
                cell(r.totals.weighted.to_string())
            })
            .align_x(right),
        ]);
        if !self.settings.pay.is_empty() {
            columns.extend([
                table::column(header(t::REQUIRED_SHORT), move |r: &TeacherRow| {
                    dash(r.totals.pay.required.map(|p| p.to_string()))
                })
                .align_x(right),
                table::column(header(t::EXCESS_SHORT), move |r: &TeacherRow| {
                    dash(r.totals.pay.excess.map(|p| p.to_string()))
                })
                .align_x(right),
                table::column(header(t::ALLOWANCE_YUAN), move |r: &TeacherRow| {
                    dash(r.totals.pay.allowance.map(|p| p.to_string()))
                })
                .align_x(right),
            ]);
        }
        columns.extend([
            table::column(header(t::RAISE_NOTES), |r: &TeacherRow| {
                cell(t::raise_notes(&r.raises))
            }),
            table::column(
                header(t::LOAD_WARNINGS),
                |r: &TeacherRow| -> Element<'_, Message> {
                    text(r.warnings.join("；"))
                        .size(style::SMALL_SIZE)
                        .style(style::error_text)
                        .into()
                },
            )
            .width(Length::Fill),
        ]);
        column![
            table(columns, rows).padding_y(4.0).width(Length::Fill),
            pager::pager(self.page, self.summary.teachers.len(), Message::Page),
        ]
        .spacing(8)
        .into()
    }

    fn settings_form(&self) -> Element<'_, Message> {
        let input =
            |label: &'static str, hint: &'static str, value: &str, on: fn(String) -> Message| {
                column![
                    text(label).size(style::SMALL_SIZE),
                    text_input(hint, value)
                        .id(label)
                        .on_input(on)
                        .on_submit(Message::SaveSettings)
                        .padding(6)
                        .size(style::BODY_SIZE)
                        .width(150),
                ]
                .spacing(4)
            };
        actions::card(
            column![
                text(t::WORKLOAD_SETTINGS).size(style::BODY_SIZE + 2),
                text(t::WORKLOAD_SETTINGS_HINT)
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
                row![
                    input(
                        t::NEW_COEFFICIENT,
                        t::COEFFICIENT_HINT,
                        &self.coefficient,
                        Message::Coefficient
                    ),
                    input(
                        t::COEFFICIENT_FROM,
                        t::COEFFICIENT_FROM_HINT,
                        &self.from,
                        Message::From
                    ),
                    input(
                        t::WEEKLY_LIMIT,
                        t::NO_LIMIT_HINT,
                        &self.weekly_limit,
                        Message::WeeklyLimit
                    ),
                    input(
                        t::TERM_LIMIT,
                        t::NO_LIMIT_HINT,
                        &self.term_limit,
                        Message::TermLimit
                    ),
                    actions::primary(t::SAVE_SETTINGS).on_press(Message::SaveSettings),
                ]
                .spacing(12)
                .align_y(Alignment::End),
            ]
            .spacing(8),
        )
        .padding(14)
        .into()
    }
}

impl Screen for Summary {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Self, StoreError> {
        let mut summary = Summary {
            term: first_term(&file.terms()?),
            ..Summary::default()
        };
        summary.refresh(file)?;
        Ok(summary)
    }

    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.terms = file.terms()?;
        // 全部学期 (`None`) stays chosen; a term that is gone falls back to the first choice.
        if let Some(name) = &self.term
            && !self.terms.iter().any(|t| t.name == *name)
        {
            self.term = first_term(&self.terms);
        }
        self.settings = file.workload_settings()?;
        self.weekly_limit = self
            .settings
            .weekly_limit
            .map(|n| n.to_string())
            .unwrap_or_default();
        self.term_limit = self
            .settings
            .term_limit
            .map(|n| n.to_string())
            .unwrap_or_default();
        self.summary = file.workload_summary(self.term.as_deref())?;
        self.counts = teacher::counts(&file.teachers()?);
        self.page = self.page.min(pager::last(self.rows()));
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::Term(term) => {
                self.term = term;
                self.page = 0;
                self.reload(file);
            }
            Message::By(by) => {
                self.by = by;
                self.page = 0;
            }
            Message::Page(page) => self.page = page,
            Message::Coefficient(v) => self.coefficient = v,
            Message::From(v) => self.from = v,
            Message::WeeklyLimit(v) => self.weekly_limit = v,
            Message::TermLimit(v) => self.term_limit = v,
            Message::SaveSettings => self.save_settings(file),
            Message::ExportSummary => {
                let name = t::summary_file(self.term.as_deref().unwrap_or(t::ALL_TERMS));
                return Action::Run(save_dialog(t::EXPORT_SUMMARY, name, Message::SummaryPath));
            }
            Message::ExportTemplate => {
                let Some(term) = &self.term else {
                    self.notice = Some(Notice::Failed(t::CHOOSE_TERM_FOR_TEMPLATE.into()));
                    return Action::None;
                };
                return Action::Run(save_dialog(
                    t::EXPORT_TEMPLATE,
                    t::template_file(term),
                    Message::TemplatePath,
                ));
            }
            Message::SummaryPath(Some(path)) => {
                self.typed.close();
                let result = (|| -> Result<Vec<u8>, String> {
                    let profile = file.profile().map_err(|e| e.to_string())?;
                    workbook::workload_summary(
                        &profile,
                        self.term.as_deref(),
                        &self.summary,
                        &self.settings,
                    )
                    .map_err(|e| e.to_string())
                })();
                self.notice = Some(Notice::from(write(path, result)));
            }
            Message::TemplatePath(Some(path)) => {
                self.typed.close();
                let result = (|| -> Result<Vec<u8>, String> {
                    let term = self
                        .terms
                        .iter()
                        .find(|t| Some(&t.name) == self.term.as_ref())
                        .ok_or(t::CHOOSE_TERM_FOR_TEMPLATE)?;
                    let entries: Vec<_> = file
                        .entries(Some(&term.name))
                        .map_err(|e| e.to_string())?
                        .into_iter()
                        .map(|(_, e)| e)
                        .collect();
                    workbook::hours_template(
                        &file.profile().map_err(|e| e.to_string())?,
                        term,
                        &file.teachers().map_err(|e| e.to_string())?,
                        &entries,
                    )
                    .map_err(|e| e.to_string())
                })();
                self.notice = Some(Notice::from(write(path, result)));
            }
            Message::ExportAllowance => {
                let name = t::allowance_file(self.term.as_deref().unwrap_or(t::ALL_TERMS));
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::EXPORT_ALLOWANCE)
                        .add_filter("PDF", &["pdf"])
                        .set_file_name(name)
                        .save_file(),
                    |h| Message::AllowancePath(h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::AllowancePath(None) => {
                return Action::Run(
                    self.typed
                        .offer_save(t::ALLOWANCE_PATH_HINT, "pdf", |path| {
                            Message::AllowancePath(Some(path))
                        }),
                );
            }
            Message::AllowancePath(Some(path)) => {
                self.typed.close();
                let today = crate::domain::time::beijing_date(chrono::Utc::now());
                match certificate::prepare_allowance(file, self.term.as_deref(), today, None) {
                    Ok(sheet) => {
                        self.notice = Some(Notice::done(t::BUILDING_ALLOWANCE));
                        return Action::Run(Task::perform(
                            background::run(move || {
                                let bytes = sheet.build()?;
                                // The save dialog has already asked whether to replace it.
                                atomic::save(&path, atomic::Existing::Replace, &bytes)?;
                                Ok((sheet.describe(), path))
                            }),
                            Message::AllowanceDone,
                        ));
                    }
                    Err(e) => self.notice = Some(Notice::Failed(e)),
                }
            }
            Message::AllowanceDone(result) => {
                self.notice = Some(Notice::from(
                    result.map(|(what, path)| t::signed_form_exported(&what, &path)),
                ));
            }
            Message::SummaryPath(None) => {
                return Action::Run(self.typed.offer_save(t::XLSX_PATH_HINT, "xlsx", |path| {
                    Message::SummaryPath(Some(path))
                }));
            }
            Message::TemplatePath(None) => {
                return Action::Run(self.typed.offer_save(t::XLSX_PATH_HINT, "xlsx", |path| {
                    Message::TemplatePath(Some(path))
                }));
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let mut terms = vec![(None, t::ALL_TERMS.to_string())];
        terms.extend(
            self.terms
                .iter()
                .map(|t| (Some(t.name.clone()), t.name.clone())),
        );
        let term_chips = row(terms.into_iter().map(|(value, label)| {
            let selected = value == self.term;
            actions::small_chip(label, selected)
                .on_press(Message::Term(value))
                .into()
        }))
        .spacing(6)
        .wrap();
        let total = &self.summary.total;
        let coefficients: Vec<String> = self
            .settings
            .coefficients
            .iter()
            .map(|c| t::coefficient_since(c.from, c.integrated))
            .collect();
        let mut content = column![
            term_chips,
            text(t::summary_totals(total, &coefficients.join("；"),)).size(style::BODY_SIZE),
            text(t::trained_teachers(&self.counts)).size(style::BODY_SIZE),
            text(COUNTING_RULE)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
            text(ALLOWANCE_RULE)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
            column(self.summary.raises.iter().map(|(n, note)| {
                text(t::raise_note(*n, note))
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text)
                    .into()
            }))
            .spacing(2),
            row![
                actions::secondary(t::EXPORT_SUMMARY).on_press(Message::ExportSummary),
                actions::secondary(t::EXPORT_TEMPLATE).on_press(Message::ExportTemplate),
                // Enabled without 额定 or rates too: the refusal then says where to set them.
                actions::secondary(t::EXPORT_ALLOWANCE).on_press(Message::ExportAllowance),
            ]
            .spacing(10)
            .wrap()
            .vertical_spacing(8),
        ]
        .spacing(12);
        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        if let Some(n) = notice::view(&self.notice) {
            content = content.push(n);
        }
        let by_chips = row([
            (By::Teacher, t::BY_TEACHER),
            (By::Department, t::BY_DEPARTMENT),
            (By::Specialty, t::BY_SPECIALTY),
            (By::Course, t::BY_COURSE),
        ]
        .into_iter()
        .map(|(by, label)| {
            actions::small_chip(label, by == self.by)
                .on_press(Message::By(by))
                .into()
        }))
        .spacing(6);
        content = content.push(by_chips);
        content = content.push(match self.by {
            By::Teacher => self.teachers(),
            By::Department => groups(t::DEPARTMENT, &self.summary.departments),
            By::Specialty => groups(t::SPECIALTY, &self.summary.specialties),
            By::Course => self.courses(),
        });
        content = content.push(self.settings_form());
        page(content)
    }
}

fn groups<'a>(label: &'a str, groups: &'a [(String, Totals)]) -> Element<'a, Message> {
    let columns = [
        table::column(header(label), |g: &(String, Totals)| cell(g.0.as_str())),
        table::column(header(t::INTEGRATED_PERIODS), |g: &(String, Totals)| {
            cell(g.1.integrated.to_string())
        })
        .align_x(iced::alignment::Horizontal::Right),
        table::column(header(t::OTHER_PERIODS), |g: &(String, Totals)| {
            cell(g.1.other.to_string())
        })
        .align_x(iced::alignment::Horizontal::Right),
        table::column(header(t::WEIGHTED_PERIODS), |g: &(String, Totals)| {
            cell(g.1.weighted.to_string())
        })
        .align_x(iced::alignment::Horizontal::Right),
    ];
    table(columns, groups).padding_y(4.0).into()
}

fn save_dialog(
    title: &'static str,
    name: String,
    done: fn(Option<PathBuf>) -> Message,
) -> Task<Message> {
    Task::perform(
        rfd::AsyncFileDialog::new()
            .set_title(title)
            .add_filter(t::EXCEL_FILTER, &["xlsx"])
            .set_file_name(name)
            .save_file(),
        move |handle| done(handle.map(|h| h.path().to_path_buf())),
    )
}

/// The save dialog already asked about replacing an existing file, so this writes over it.
fn write(path: PathBuf, bytes: Result<Vec<u8>, String>) -> Result<String, String> {
    let bytes = bytes?;
    atomic::save(&path, atomic::Existing::Replace, &bytes)?;
    Ok(t::exported(&path))
}
