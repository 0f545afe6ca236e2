//! 五、承诺与签署: the school's commitment, the signatures, the seal and the box for the
//! league or city office.

use super::super::layout::{
    Align, Block, Cell, Item, Layout, MM, Measure, Style, Table, WIDTH, size,
};
use super::{Ctx, Mark, SEAL, date_cn, fit_box, section};

pub(super) fn commitment(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "五、承诺与签署");
    let text = [
        "本校郑重承诺：",
        "一、本申报材料所填内容真实、准确、完整，与学校实际情况一致；随本文件附带的电子数据与打印内容一致。",
        "二、申报的建设专业将按照《内蒙古自治区推进技工院校工学一体化技能人才培养模式实施方案》（内人社办发〔2022〕111号）的要求组织实施。",
        "三、教学资源包所列教材均按“凡编必审、凡选必审”的要求审核，审核结论如实填写。",
        "四、如有虚假，本校愿承担相应责任。",
    ];
    l.paragraph(
        &text.join("\n"),
        Style::plain(size::XIAO_SI),
        2.0,
        Align::Left,
    );
    l.gap(6.0 * MM);
    let school = &ctx.doc.school;
    let date = date_cn(ctx.input.date);
    let signers = [
        ("填表人", ctx.input.filler, ctx.stamps.filler),
        (
            "教务处负责人",
            school.academic_head.as_str(),
            ctx.stamps.academic_head,
        ),
        (
            "学校负责人",
            school.principal.as_str(),
            ctx.stamps.principal,
        ),
    ];
    let mut t = Table::new(&[34.0, 36.0, 50.0, 36.0], size::XIAO_SI).header([
        "签署人",
        "姓名",
        "签字",
        "日期",
    ]);
    for (role, name, stamp) in signers {
        let signature = match stamp {
            Some(s) => Cell::new("").image(s.index, s.aspect),
            None => Cell::new("").ink_line(),
        };
        t.row(vec![
            Cell::label(role).min_height(14.0 * MM),
            Cell::new(name).center().fit(),
            signature,
            Cell::new(&date).center(),
        ]);
    }
    l.table(&t);
    l.gap(4.0 * MM);
    l.block(&seal_block(ctx, l.measure, &date));
    l.gap(4.0 * MM);
    l.block(&opinion_box(l.measure, "盟市人社部门意见："));
}

/// 学校（盖章） and the date on the right, with the seal over them if the office stored one.
fn seal_block(ctx: &Ctx<'_>, measure: &Measure, date: &str) -> Block {
    let style = Style::plain(size::XIAO_SI);
    let lead = size::XIAO_SI * 2.0;
    let centre = WIDTH - 38.0 * MM;
    // The block is as tall as a seal, with both lines in its middle, so a seal stamped over
    // them covers neither the signatures above nor the box below.
    let mut items = Vec::new();
    for (i, text) in ["学校（盖章）", date].into_iter().enumerate() {
        let w = measure.width(text, style.size);
        items.push(Item::Text {
            x: centre - w / 2.0,
            y: SEAL / 2.0 - lead + i as f32 * lead,
            h: lead,
            style,
            text: text.to_string(),
        });
    }
    if let Some(seal) = ctx.stamps.seal {
        let (w, h) = fit_box(seal.aspect, SEAL, SEAL);
        items.push(Item::Image {
            image: seal.index,
            x: centre - w / 2.0,
            y: (SEAL - h) / 2.0,
            w,
            h,
        });
    }
    Block::new(SEAL, items)
}

/// An empty ruled box for the receiving office's opinion (`label`), stamp and date.
pub(in crate::report) fn opinion_box(measure: &Measure, label: &str) -> Block {
    let style = Style::plain(size::XIAO_SI);
    let lead = size::XIAO_SI * 2.0;
    let height = 50.0 * MM;
    let pad = 3.0 * MM;
    let mut items: Vec<Item> = [
        (0.0, 0.0, WIDTH, 0.0),
        (0.0, height, WIDTH, height),
        (0.0, 0.0, 0.0, height),
        (WIDTH, 0.0, WIDTH, height),
    ]
    .into_iter()
    .map(|(x1, y1, x2, y2)| Item::Rule {
        x1,
        y1,
        x2,
        y2,
        dotted: false,
    })
    .collect();
    items.push(Item::Text {
        x: pad,
        y: pad,
        h: lead,
        style,
        text: label.to_string(),
    });
    let stamp = "（盖章）";
    let date = "年　　月　　日";
    for (i, text) in [stamp, date].into_iter().enumerate() {
        let w = measure.width(text, style.size);
        items.push(Item::Text {
            x: WIDTH - 38.0 * MM - w / 2.0,
            y: height - pad - (2 - i) as f32 * lead,
            h: lead,
            style,
            text: text.to_string(),
        });
    }
    Block::new(height, items)
}
