//! Step 3: everything the regional office asks about each chosen specialty.

use iced::widget::{Column, button, column, row, text};
use iced::{Alignment, Element, Length};

use super::{Edit, Message, Wizard, shown};
use crate::domain::workload::parse_date;
use crate::domain::{CooperationMode, CurriculumStandard, Schooling};
use crate::ui::widget::{actions, form, readiness};
use crate::ui::{style, text as t};

pub fn view(w: &Wizard) -> Element<'_, Message> {
    if w.draft.specialties.is_empty() {
        return text(t::CHOOSE_SPECIALTY_FIRST)
            .size(style::BODY_SIZE)
            .into();
    }
    let tabs = row(w.draft.specialties.iter().enumerate().map(|(i, s)| {
        actions::chip(s.name.as_str(), i == w.open)
            .padding([6, 14])
            .on_press(Message::Open(i))
            .into()
    }))
    .spacing(8)
    .wrap();
    let s = &w.draft.specialties[w.open];
    let edit = |e: Edit| Message::Edit(e);

    let programmes = s
        .programmes
        .iter()
        .enumerate()
        .fold(section(t::PROGRAMMES), |col, (i, p)| {
            col.push(
                column![
                    chips(&Schooling::ALL, p.schooling, Schooling::name, move |v| {
                        edit(Edit::Schooling(i, v))
                    }),
                    row![
                        text(t::ENROLMENT).size(style::BODY_SIZE),
                        form::cell(
                            format!("{} {}", t::ENROLMENT, i + 1),
                            t::HEADCOUNT_HINT,
                            &shown(p.enrolment),
                            120,
                            move |v| edit(Edit::Enrolment(i, v)),
                        ),
                        remove_button(edit(Edit::RemoveProgramme(i))),
                    ]
                    .spacing(10)
                    .align_y(Alignment::Center),
                ]
                .spacing(6),
            )
        })
        .push(add_button(t::ADD_PROGRAMME, edit(Edit::AddProgramme)));

    let standard = section(t::STANDARD).push(chips(
        &[
            CurriculumStandard::National,
            CurriculumStandard::SchoolBased,
        ],
        s.standard,
        |c| match c {
            CurriculumStandard::National => t::NATIONAL_STANDARD,
            CurriculumStandard::SchoolBased => t::SCHOOL_BASED_STANDARD,
        },
        move |v| edit(Edit::Standard(v)),
    ));

    let sites = s
        .sites
        .iter()
        .enumerate()
        .fold(
            section(t::SITES).push(headers(&[
                (t::SITE_NAME, Length::Fill),
                (t::SITE_AREA, Length::Fixed(110.0)),
                (t::SITE_STATIONS, Length::Fixed(90.0)),
                (t::SITE_CLASS, Length::Fixed(90.0)),
                ("", Length::Fixed(REMOVE_WIDTH)),
            ])),
            |col, (i, site)| {
                let n = i + 1;
                let warning = (site.class_size > 0 && site.stations < site.class_size).then(|| {
                    text(t::STATIONS_SHORT)
                        .size(style::SMALL_SIZE)
                        .style(style::error_text)
                });
                let mut item = column![
                    row![
                        form::cell(
                            format!("{} {n}", t::SITE_NAME),
                            t::SITE_NAME,
                            &site.name,
                            Length::Fill,
                            move |v| edit(Edit::SiteName(i, v))
                        ),
                        form::cell(
                            format!("{} {n}", t::SITE_AREA),
                            t::SITE_AREA,
                            &shown(site.area_m2),
                            110,
                            move |v| edit(Edit::SiteArea(i, v))
                        ),
                        form::cell(
                            format!("{} {n}", t::SITE_STATIONS),
                            t::SITE_STATIONS,
                            &shown(site.stations),
                            90,
                            move |v| edit(Edit::SiteStations(i, v))
                        ),
                        form::cell(
                            format!("{} {n}", t::SITE_CLASS),
                            t::SITE_CLASS,
                            &shown(site.class_size),
                            90,
                            move |v| edit(Edit::SiteClass(i, v))
                        ),
                        remove_button(edit(Edit::RemoveSite(i))),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center)
                ]
                .spacing(4);
                if let Some(warning) = warning {
                    item = item.push(warning);
                }
                col.push(item)
            },
        )
        .push(add_button(t::ADD_SITE, edit(Edit::AddSite)));

    let dates = &w.dates[w.open];
    let partners = s
        .partners
        .iter()
        .enumerate()
        .fold(section(t::PARTNERS), |col, (i, p)| {
            let n = i + 1;
            let date = dates.get(i).map_or("", String::as_str);
            col.push(
                column![
                    row![
                        form::cell(
                            format!("{} {n}", t::PARTNER_NAME),
                            t::PARTNER_NAME,
                            &p.name,
                            Length::Fill,
                            move |v| edit(Edit::PartnerName(i, v))
                        ),
                        form::cell(
                            format!("{} {n}", t::PARTNER_CODE),
                            t::PARTNER_CODE,
                            &p.credit_code,
                            220,
                            move |v| edit(Edit::PartnerCode(i, v))
                        ),
                        remove_button(edit(Edit::RemovePartner(i))),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                    chips(
                        &CooperationMode::ALL,
                        p.mode,
                        CooperationMode::name,
                        move |v| { edit(Edit::PartnerMode(i, v)) }
                    ),
                    row![
                        form::cell(
                            format!("{} {n}", t::PARTNER_DATE),
                            "2024-03-15",
                            date,
                            140,
                            move |v| edit(Edit::PartnerDate(i, v))
                        ),
                        form::cell(
                            format!("{} {n}", t::PARTNER_CONTRIBUTION),
                            t::PARTNER_CONTRIBUTION,
                            &p.contribution,
                            Length::Fill,
                            move |v| edit(Edit::PartnerContribution(i, v))
                        ),
                    ]
                    .spacing(8),
                ]
                .spacing(6)
                .push(
                    // What is typed stays in the field; until it reads as a date it is not
                    // stored, and says so.
                    (!date.trim().is_empty() && parse_date(date).is_none()).then(|| {
                        text(t::unreadable_date(date))
                            .size(style::SMALL_SIZE)
                            .style(style::error_text)
                    }),
                ),
            )
        })
        .push(add_button(t::ADD_PARTNER, edit(Edit::AddPartner)));

    let teachers = section(t::TEACHERS).push(form::cell(
        t::TEACHERS.to_string(),
        t::HEADCOUNT_HINT,
        &shown(s.teachers),
        120,
        move |v| edit(Edit::Teachers(v)),
    ));
    let readiness = section(t::READINESS).push(package_readiness(w, &s.name));

    column![
        tabs,
        actions::card(
            column![programmes, standard, sites, partners, teachers, readiness].spacing(22)
        )
        .padding(16)
    ]
    .spacing(12)
    .into()
}

/// Room for the 删除 button at the end of a row, so headers line up with the fields.
const REMOVE_WIDTH: f32 = 56.0;

/// Column headings over repeated rows: once a field is filled its placeholder is gone, and the
/// numbers of a site would otherwise be anonymous.
fn headers<'a>(columns: &[(&'static str, Length)]) -> Element<'a, Message> {
    row(columns.iter().map(|&(label, width)| {
        text(label)
            .size(style::SMALL_SIZE)
            .style(style::muted_text)
            .width(width)
            .into()
    }))
    .spacing(8)
    .into()
}

/// Read-only: each kind the policy names, with how many items count; a kind with none is shown
/// as missing. Filled from the 教学资源包 inventory.
fn package_readiness<'a>(w: &Wizard, specialty: &str) -> Element<'a, Message> {
    let lines = crate::domain::resource::readiness(
        &w.inputs.resource_kinds,
        &w.inputs.resources,
        specialty,
    );
    readiness::summary(&lines)
}

fn section<'a>(title: &'static str) -> Column<'a, Message> {
    column![text(title).size(18)].spacing(8)
}

fn chips<'a, T: Copy + PartialEq + 'a>(
    options: &[T],
    selected: T,
    name: impl Fn(T) -> &'static str,
    on_pick: impl Fn(T) -> Message,
) -> Element<'a, Message> {
    row(options.iter().map(|&o| {
        actions::small_chip(name(o), o == selected)
            .on_press(on_pick(o))
            .into()
    }))
    .spacing(6)
    .wrap()
    .into()
}

fn add_button<'a>(label: &'static str, message: Message) -> Element<'a, Message> {
    button(text(format!("＋ {label}")).size(style::SMALL_SIZE))
        .style(button::text)
        .on_press(message)
        .into()
}

fn remove_button<'a>(message: Message) -> Element<'a, Message> {
    button(text(t::REMOVE).size(style::SMALL_SIZE))
        .width(REMOVE_WIDTH)
        .padding([4, 8])
        .style(button::text)
        .on_press(message)
        .into()
}
