//! The cover: the title, the school, the batch, where the seal goes and the date.

use super::super::TITLE;
use super::super::layout::{Align, Block, Item, Layout, MM, Measure, Style, WIDTH, size};
use super::{Ctx, SEAL, date_cn, fit_box};

pub(super) fn cover(ctx: &Ctx<'_>, measure: &Measure) -> Vec<Vec<Item>> {
    let mut l = Layout::new(measure);
    l.gap(25.0 * MM);
    // The title breaks where an office would break it, not where the line runs out.
    let title = TITLE.replacen("工学一体化", "\n工学一体化", 1);
    for line in title.split('\n') {
        l.paragraph(line, Style::bold(size::ER_HAO), 0.0, Align::Center);
    }
    l.gap(45.0 * MM);
    let school = &ctx.doc.school;
    // (label, value, whether the seal is stamped there)
    let fields = [
        ("申报学校", school.name.clone(), false),
        ("学校类型", school.kind.name().to_string(), false),
        ("所属盟市", school.region.name().to_string(), false),
        ("申报批次", ctx.batch_label.clone(), false),
        ("学校（盖章）", String::new(), true),
        ("填报日期", date_cn(ctx.input.date), false),
    ];
    let style = Style::plain(size::SAN_HAO);
    let lead = size::SAN_HAO * 2.2;
    let label_right = 50.0 * MM;
    let value_x = 53.0 * MM;
    let value_w = WIDTH - value_x - 8.0 * MM;
    for (label, value, stamped) in fields {
        let label = format!("{label}：");
        let lines = measure.wrap(&value, value_w, style.size);
        let mut items = vec![Item::Text {
            x: label_right - measure.width(&label, style.size),
            y: 0.0,
            h: lead,
            style,
            text: label.clone(),
        }];
        for (i, line) in lines.iter().enumerate() {
            let y = i as f32 * lead;
            let w = measure.width(line, style.size);
            items.push(Item::Rule {
                x1: value_x,
                y1: y + lead - 4.0,
                x2: value_x + value_w,
                y2: y + lead - 4.0,
                dotted: false,
            });
            if !line.is_empty() {
                items.push(Item::Text {
                    x: value_x + (value_w - w) / 2.0,
                    y,
                    h: lead,
                    style,
                    text: line.clone(),
                });
            }
        }
        if stamped && let Some(seal) = ctx.stamps.seal {
            let (w, h) = fit_box(seal.aspect, SEAL, SEAL);
            items.push(Item::Image {
                image: seal.index,
                x: value_x + (value_w - w) / 2.0,
                y: lead / 2.0 - h / 2.0,
                w,
                h,
            });
        }
        l.block(&Block::new(lines.len() as f32 * lead, items));
    }
    l.finish()
}
