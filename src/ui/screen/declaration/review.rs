//! Steps 4 and 5: 校内审核 (every finding, explanations for warnings) and 确认 (the declaration
//! as it will be printed).

use iced::widget::{Column, button, column, row, text, text_input};
use iced::{Alignment, Element};

use super::{Message, Wizard};
use crate::domain::check::Part;
use crate::domain::{Severity, Status, check};
use crate::ui::widget::actions;
use crate::ui::{style, text as t};

/// Step 4: errors must be fixed in step 3; each warning takes a written explanation.
pub fn findings(w: &Wizard) -> Element<'_, Message> {
    let findings = w.findings();
    if findings.is_empty() {
        return text(t::NO_FINDINGS).size(style::BODY_SIZE).into();
    }
    let mut list = column![
        text(t::findings_to_answer(
            check::count(&findings, Severity::Error),
            check::count(&findings, Severity::Warning),
            check::count(&findings, Severity::Incomplete),
        ))
        .size(style::BODY_SIZE)
    ]
    .spacing(10);
    let mut warning_number = 0;
    for f in findings {
        let badge = text(f.severity.name())
            .size(style::SMALL_SIZE)
            .style(match f.severity {
                Severity::Error => style::error_text,
                Severity::Warning | Severity::Incomplete => style::muted_text,
            });
        let mut item = column![
            row![
                badge,
                text(f.location.clone())
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text)
            ]
            .spacing(10),
            text(t::finding_with_clause(&f.message, f.clause)).size(style::BODY_SIZE),
        ]
        .spacing(4);
        if let (Some(specialty), Some(part)) = (&f.specialty, f.part) {
            let fix: Element<'_, Message> = if part == Part::Resources {
                text(t::FIX_IN_RESOURCES)
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text)
                    .into()
            } else {
                button(text(t::FIX).size(style::SMALL_SIZE))
                    .padding([2, 8])
                    .style(button::secondary)
                    .on_press(Message::Fix(specialty.clone(), part))
                    .into()
            };
            item = item.push(row![fix]);
        }
        if f.severity == Severity::Warning {
            warning_number += 1;
            let current = w.draft.explanations.get(&f.id).map_or("", String::as_str);
            let id = f.id.clone();
            item = item.push(
                text_input(t::EXPLANATION_HINT, current)
                    .id(format!("{} {warning_number}", t::EXPLANATION))
                    .on_input(move |v| Message::Explain(id.clone(), v))
                    .padding(6)
                    .size(style::BODY_SIZE),
            );
        }
        list = list.push(actions::card(item).padding(10));
    }
    list.into()
}

/// Step 5: the declaration as it will be printed, and the button that marks it 已校验.
pub fn summary(w: &Wizard) -> Element<'_, Message> {
    let mut col: Column<'_, Message> = column![].spacing(14);
    for s in &w.draft.specialties {
        let programmes: Vec<String> = s
            .programmes
            .iter()
            .map(|p| t::programme_line(p.level().name(), p.schooling.name(), p.enrolment))
            .collect();
        let sites: Vec<String> = s
            .sites
            .iter()
            .map(|x| t::site_line(&x.name, x.area_m2, x.stations, x.class_size))
            .collect();
        let partners: Vec<String> = s
            .partners
            .iter()
            .map(|p| format!("{}（{}）", p.name, p.mode.name()))
            .collect();
        let standard = match s.standard {
            crate::domain::CurriculumStandard::National => t::NATIONAL_STANDARD,
            crate::domain::CurriculumStandard::SchoolBased => t::SCHOOL_BASED_STANDARD,
        };
        col = col.push(
            actions::card(
                column![
                    text(s.name.as_str()).size(18),
                    line(t::SUMMARY_PROGRAMMES, programmes.join("；")),
                    line(t::STANDARD, standard.to_string()),
                    line(t::SITES, sites.join("；")),
                    line(t::PARTNERS, partners.join("；")),
                    line(t::SUMMARY_TEACHERS, t::people(s.teachers)),
                ]
                .spacing(6),
            )
            .padding(12),
        );
    }
    // Each explanation under the warning it answers, as the packet prints it; the finding's
    // id is a key for the program, not something to show.
    let findings = w.findings();
    for (id, explanation) in &w.draft.explanations {
        let about = findings
            .iter()
            .find(|f| f.id == *id)
            .map_or(t::WARNING_GONE.to_string(), |f| f.message.clone());
        col = col.push(line(
            t::EXPLANATION,
            t::explained_warning(explanation, &about),
        ));
    }
    let ready = check::may_sign(&findings, &w.draft);
    let mut confirm = row![
        actions::primary(t::MARK_CHECKED)
            .padding([8, 20])
            .on_press(Message::MarkChecked)
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    if w.draft.status == Status::Checked {
        return col
            .push(
                row![
                    text(t::CHECKED_NEXT).size(style::BODY_SIZE),
                    actions::primary(t::GO_TO_EXPORT)
                        .padding([8, 20])
                        .on_press(Message::GoToExport),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
            )
            .into();
    }
    if !ready {
        confirm = confirm.push(
            text(t::CANNOT_CONFIRM)
                .size(style::SMALL_SIZE)
                .style(style::error_text),
        );
    }
    col.push(confirm).into()
}

fn line<'a>(label: &'static str, value: String) -> Element<'a, Message> {
    row![
        text(label).size(style::BODY_SIZE).width(100),
        text(value).size(style::BODY_SIZE)
    ]
    .spacing(8)
    .into()
}
