//! The review of a textbook (凡编必审、凡选必审: every textbook, compiled or selected).

use iced::Element;
use iced::widget::{column, text};

use crate::domain::{Conclusion, Review};
use crate::store::SchoolFile;
use crate::ui::widget::actions;
use crate::ui::widget::form;
use crate::ui::{style, text as t};

use super::{Field, Inventory, Message};

#[derive(Debug, Clone, Default)]
pub(super) struct ReviewDraft {
    pub(super) conclusion: Option<Conclusion>,
    pub(super) reviewers: String,
    pub(super) date: String,
    pub(super) opinion: String,
}

impl Inventory {
    pub(super) fn save_review(&mut self, file: &mut SchoolFile) {
        let Some((id, r)) = &self.review else { return };
        let result = (|| -> Result<String, String> {
            let conclusion = r.conclusion.ok_or(t::CHOOSE_CONCLUSION)?;
            if r.reviewers.trim().is_empty() {
                return Err(t::REVIEWERS_MISSING.into());
            }
            let date = crate::domain::workload::parse_date(&r.date).ok_or(t::REVIEW_DATE_FORM)?;
            file.add_review(
                *id,
                &Review {
                    conclusion,
                    reviewers: r.reviewers.trim().into(),
                    date,
                    opinion: r.opinion.trim().into(),
                },
            )
            .map_err(|e| e.to_string())?;
            Ok(t::review_recorded(conclusion.name(), conclusion.approves()))
        })();
        if result.is_ok() {
            self.review = None;
            self.reload(file);
        }
        self.notice = Some(result.into());
    }

    pub(super) fn review_view<'a>(&'a self, id: i64, r: &'a ReviewDraft) -> Element<'a, Message> {
        let item = self
            .items
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, item)| item);
        let mut body = column![
            text(format!(
                "{}：{}",
                t::REVIEW_TITLE,
                item.map_or("", |i| i.title.as_str())
            ))
            .size(style::BODY_SIZE + 3),
            text(t::REVIEW_HINT)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        ]
        .spacing(10);
        for old in item.map_or(&[][..], |i| i.reviews.as_slice()) {
            body = body.push(
                text(format!(
                    "{}　{}　{}　{}",
                    old.date,
                    old.conclusion.name(),
                    old.reviewers,
                    old.opinion
                ))
                .size(style::SMALL_SIZE),
            );
        }
        body = body
            .push(form::choices(
                t::CONCLUSION,
                &[
                    Conclusion::Pass,
                    Conclusion::PassAfterRevision,
                    Conclusion::Resubmit,
                    Conclusion::Reject,
                ],
                r.conclusion,
                Conclusion::name,
                Message::Conclusion,
                None,
            ))
            .push(form::text_field(
                t::REVIEWERS,
                true,
                t::REVIEWERS_HINT,
                &r.reviewers,
                None,
                |v| Message::Input(Field::Reviewers, v),
            ))
            .push(form::text_field(
                t::REVIEW_DATE,
                true,
                "2024-09-02",
                &r.date,
                None,
                |v| Message::Input(Field::ReviewDate, v),
            ))
            .push(form::text_field(
                t::OPINION,
                false,
                "",
                &r.opinion,
                None,
                |v| Message::Input(Field::Opinion, v),
            ))
            .push(actions::save_cancel(
                t::SAVE_REVIEW,
                Message::SaveReview,
                Message::CancelReview,
            ));
        actions::card(body).into()
    }
}
