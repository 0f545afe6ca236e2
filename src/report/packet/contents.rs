//! 目录: the sections and specialties with the page each starts on.

use super::super::layout::{Align, Block, Item, Layout, MM, Measure, Style, WIDTH, size};
use super::{KEEP, Mark};

/// The contents; with `offset` None the page numbers are left out (the first pass, which only
/// counts the pages the contents take).
pub(super) fn contents(measure: &Measure, marks: &[Mark], offset: Option<usize>) -> Vec<Vec<Item>> {
    let mut l = Layout::new(measure);
    l.heading("目　　录", Style::bold(size::SAN_HAO), Align::Center, KEEP);
    l.gap(6.0 * MM);
    let style = Style::plain(size::XIAO_SI);
    let lead = size::XIAO_SI * 2.0;
    let number_w = 12.0 * MM;
    for mark in marks {
        let indent = f32::from(mark.level) * 2.0 * style.size;
        let lines = measure.wrap(&mark.title, WIDTH - indent - number_w, style.size);
        let mut items = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            items.push(Item::Text {
                x: indent,
                y: i as f32 * lead,
                h: lead,
                style,
                text: line.clone(),
            });
        }
        let last_y = (lines.len() - 1) as f32 * lead;
        let last_w = lines.last().map_or(0.0, |t| measure.width(t, style.size));
        if let Some(offset) = offset {
            let number = (offset + mark.page + 1).to_string();
            let w = measure.width(&number, style.size);
            items.push(Item::Text {
                x: WIDTH - w,
                y: last_y,
                h: lead,
                style,
                text: number,
            });
        }
        let baseline = last_y + measure.baseline(lead, style.size);
        let (from, to) = (indent + last_w + 3.0, WIDTH - number_w + 3.0);
        if from < to {
            items.push(Item::Rule {
                x1: from,
                y1: baseline,
                x2: to,
                y2: baseline,
                dotted: true,
            });
        }
        l.block(&Block::new(lines.len() as f32 * lead, items));
    }
    l.finish()
}
