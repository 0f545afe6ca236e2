//! 四、教学资源包清单: each specialty's resources under their courses, with the textbooks'
//! reviews.

use crate::domain::resource::{ReviewState, TEXTBOOK};
use crate::domain::{Origin, ResourceItem};

use super::super::layout::{Align, Cell, Layout, MM, Style, Table, size};
use super::{Ctx, Mark, cn_number, section, subsection};

pub(super) fn resources(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "四、教学资源包清单");
    for (n, s) in ctx.declaration.specialties.iter().enumerate() {
        subsection(l, marks, format!("（{}）{}", cn_number(n + 1), s.name));
        let items: Vec<&ResourceItem> = ctx
            .doc
            .resources
            .iter()
            .filter(|i| i.specialty == s.name)
            .collect();
        let textbooks: Vec<&&ResourceItem> = items.iter().filter(|i| i.kind == TEXTBOOK).collect();
        let of = |f: &dyn Fn(&ResourceItem) -> bool| textbooks.iter().filter(|i| f(i)).count();
        let origin = |o| move |i: &ResourceItem| i.textbook.as_ref().is_some_and(|t| t.origin == o);
        l.paragraph(
            &format!(
                "共登记资源{}项，其中教材{}本（自编{}本、选用{}本，列入全国技工教育规划教材目录{}本，审核通过计入资源包{}本）。",
                items.len(),
                textbooks.len(),
                of(&origin(Origin::Compiled)),
                of(&origin(Origin::Selected)),
                of(&|i| i.textbook.as_ref().is_some_and(|t| t.in_national_catalogue)),
                of(&|i| i.counts()),
            ),
            Style::plain(size::WU_HAO),
            2.0,
            Align::Left,
        );
        l.gap(2.0 * MM);
        let mut t =
            Table::new(&[10.0, 21.5, 52.5, 11.0, 17.0, 30.0, 14.0], size::XIAO_WU).header([
                "序号",
                "类别",
                "资源名称",
                "来源",
                "规划教材目录",
                "审核结论",
                "计入资源包",
            ]);
        if items.is_empty() {
            t.row(vec![Cell::new("尚未登记资源").cols(7).center()]);
        }
        // Items are listed under their course: a shaded line opens each course and is kept on
        // the page of the course's first item.
        let mut course: Option<Option<&str>> = None;
        for (i, item) in items.iter().enumerate() {
            let (origin, listed, review) = match &item.textbook {
                Some(book) => (
                    book.origin.name().to_string(),
                    if book.in_national_catalogue {
                        "是"
                    } else {
                        "否"
                    }
                    .to_string(),
                    match item.reviews.last() {
                        Some(r) => format!("{} {}", r.conclusion.name(), r.date),
                        None => ReviewState::Unreviewed.name().to_string(),
                    },
                ),
                None => ("—".into(), "—".into(), "—".into()),
            };
            let row = vec![
                Cell::new((i + 1).to_string()).center(),
                Cell::new(&item.kind).center(),
                Cell::new(resource_title(item)),
                Cell::new(origin).center(),
                Cell::new(listed).center(),
                Cell::new(review).center(),
                Cell::new(if item.counts() { "是" } else { "否" }).center(),
            ];
            let this = item.course.as_deref();
            if course != Some(this) {
                course = Some(this);
                let title = match this {
                    Some(c) => format!("课程：{c}"),
                    None => "全专业通用".to_string(),
                };
                t.groups
                    .push(vec![vec![Cell::new(title).cols(7).shaded().bold()], row]);
            } else {
                t.row(row);
            }
        }
        l.table(&t);
        l.gap(4.0 * MM);
    }
}

/// A resource's name; a textbook adds what identifies it: publisher, ISBN and edition when
/// selected, the editors (whose work policy 四(二) asks schools to recognise) when compiled.
fn resource_title(item: &ResourceItem) -> String {
    let Some(book) = &item.textbook else {
        return item.title.clone();
    };
    let details: Vec<String> = match book.origin {
        Origin::Selected => vec![
            book.publisher.clone(),
            format!("ISBN {}", book.isbn),
            book.edition.clone(),
        ],
        Origin::Compiled => vec![
            format!("主编：{}", book.chief_editor),
            format!("编写：{}", book.editors.join("、")),
            book.edition.clone(),
        ],
    };
    let details: Vec<String> = details
        .into_iter()
        .filter(|d| !d.trim().is_empty() && !d.ends_with('：') && d != "ISBN ")
        .collect();
    format!("{}\n{}", item.title, details.join("，"))
}
