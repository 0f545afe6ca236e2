//! One line per specialty saying, for each kind of resource the policy names, how many items
//! there are and how many count; a kind with none counting is shown as missing, in red.

use iced::Element;
use iced::widget::{row, text};

use crate::domain::resource::Readiness;
use crate::ui::{style, text as t};

pub fn summary<'a, M: 'a>(lines: &[Readiness]) -> Element<'a, M> {
    row(lines.iter().map(|r| {
        let missing = r.counted == 0;
        let label = if missing {
            t::readiness_missing(&r.kind)
        } else {
            t::readiness_counted(&r.kind, r.items, r.counted)
        };
        text(label)
            .size(style::SMALL_SIZE)
            .style(if missing {
                style::error_text
            } else {
                style::muted_text
            })
            .into()
    }))
    .spacing(16)
    .wrap()
    .into()
}
