//! 三、一体化教师名册及课时量汇总: every teacher with the periods of each term taught, and the
//! school's totals.

use crate::domain::Employment;
use crate::domain::workload::{COUNTING_RULE, Totals, summarise};

use super::super::layout::{Align, Cell, Layout, MM, Style, Table, size};
use super::{Ctx, Mark, section};

/// A term as the roster prints it: the usual names in the short form 教务 systems use
/// ("2024-2025-1" for 2024-2025学年第一学期), so a term fits one line of the table.
fn term_label(name: &str) -> String {
    if let Some(years) = name.strip_suffix("学年第一学期") {
        format!("{years}-1")
    } else if let Some(years) = name.strip_suffix("学年第二学期") {
        format!("{years}-2")
    } else {
        name.to_string()
    }
}

pub(super) fn roster(ctx: &Ctx<'_>, l: &mut Layout<'_>, marks: &mut Vec<Mark>) {
    section(l, marks, "三、一体化教师名册及课时量汇总");
    let doc = ctx.doc;
    let mut terms: Vec<&crate::domain::Term> = doc.terms.iter().collect();
    terms.sort_by_key(|t| t.start);
    let coefficients: Vec<String> = doc
        .workload
        .coefficients
        .iter()
        .map(|c| format!("{}（{}起）", c.integrated, c.from))
        .collect();
    let shortened: Vec<String> = terms
        .iter()
        .filter(|t| term_label(&t.name) != t.name)
        .map(|t| format!("“{}”指{}", term_label(&t.name), t.name))
        .collect();
    let legend = if shortened.is_empty() {
        String::new()
    } else {
        format!("学期栏中{}。", shortened.join("，"))
    };
    l.paragraph(
        &format!(
            "名册共{}人。折算课时＝一体化课程课时×折算系数（及学校批准的提高系数，见表后注）＋其他课时＋课程开发认定课时，折算系数{}（内人社办发〔2022〕111号 二(四)：课时量按照1.4倍核算；四(二)：可根据课程开发工作量、承担教学任务难度和教学效果适当提高工作量计算系数）。{COUNTING_RULE}{legend}",
            doc.teachers.len(),
            coefficients.join("；")
        ),
        Style::plain(size::WU_HAO),
        2.0,
        Align::Left,
    );
    l.gap(2.0 * MM);
    let summaries: Vec<_> = terms
        .iter()
        .map(|t| {
            summarise(
                &doc.teachers,
                &doc.terms,
                &doc.hours,
                &doc.workload,
                Some(&t.name),
            )
        })
        .collect();
    let mut table = Table::new(
        &[
            8.5, 11.0, 15.0, 12.5, 11.5, 16.0, 29.5, 20.0, 10.7, 10.6, 10.7,
        ],
        size::XIAO_WU,
    )
    .header([
        "序号",
        "工号",
        "姓名",
        "系部",
        "一体化等级",
        "任职形式",
        "师资培训",
        "学期",
        "一体化课时",
        "其他课时",
        "折算课时",
    ]);
    let numbers = |term: &str, integrated: u64, other: u64, weighted: String| {
        vec![
            Cell::new(term_label(term)).center().fit(),
            Cell::new(integrated.to_string()).center().fit(),
            Cell::new(other.to_string()).center().fit(),
            Cell::new(weighted).center().fit(),
        ]
    };
    for (i, teacher) in doc.teachers.iter().enumerate() {
        let employment = match teacher.employment {
            Employment::FromEnterprise if !teacher.enterprise.is_empty() => {
                format!("企业聘用（{}）", teacher.enterprise)
            }
            other => other.name().to_string(),
        };
        let trainings: Vec<String> = teacher
            .trainings
            .iter()
            .map(|t| {
                let certificate = if t.certificate.trim().is_empty() {
                    "未发证".to_string()
                } else {
                    format!("证书{}", t.certificate)
                };
                format!("{}，{}学时，{}", t.project, t.hours, certificate)
            })
            .collect();
        // Only the terms the teacher taught in: a school year with one entry would otherwise
        // give every other teacher a row of noughts.
        let taught: Vec<(&crate::domain::Term, &Totals)> = terms
            .iter()
            .zip(&summaries)
            .map(|(term, summary)| (*term, &summary.teachers[i].totals))
            .filter(|(_, totals)| totals.periods() > 0)
            .collect();
        let spans = taught.len().max(1);
        // A long name (额尔敦毕力格) wraps in its cell rather than shrinking to fit.
        let mut rows = vec![vec![
            Cell::new((i + 1).to_string()).center().rows(spans),
            Cell::new(&teacher.id).center().fit().rows(spans),
            Cell::new(&teacher.name).center().rows(spans),
            Cell::new(&teacher.department).center().rows(spans),
            Cell::new(teacher.level.name()).center().rows(spans),
            Cell::new(employment).center().rows(spans),
            Cell::new(if trainings.is_empty() {
                "—".to_string()
            } else {
                trainings.join("\n")
            })
            .rows(spans),
        ]];
        for (k, (term, totals)) in taught.iter().enumerate() {
            let cells = numbers(
                &term.name,
                totals.integrated,
                totals.other,
                totals.weighted.to_string(),
            );
            if k == 0 {
                rows[0].extend(cells);
            } else {
                rows.push(cells);
            }
        }
        if terms.is_empty() {
            rows[0].push(Cell::new("（未设学期）").cols(4).center());
        } else if taught.is_empty() {
            rows[0].push(Cell::new("—").cols(4).center());
        }
        table.groups.push(rows);
    }
    if !terms.is_empty() {
        let mut rows = Vec::new();
        for (term, summary) in terms.iter().zip(&summaries) {
            let mut row = Vec::new();
            if rows.is_empty() {
                row.push(
                    Cell::new("全校合计")
                        .cols(7)
                        .rows(terms.len())
                        .center()
                        .bold(),
                );
            }
            row.extend(numbers(
                &term.name,
                summary.total.integrated,
                summary.total.other,
                summary.total.weighted.to_string(),
            ));
            rows.push(row);
        }
        table.groups.push(rows);
    }
    l.table(&table);
    let mut notes: Vec<&(usize, String)> = summaries.iter().flat_map(|s| &s.raises).collect();
    notes.sort();
    notes.dedup();
    let mut lines: Vec<String> = notes
        .iter()
        .map(|(n, text)| format!("注{n}：{text}。"))
        .collect();
    lines.extend(doc.workload.developments.iter().map(|d| {
        let name = doc
            .teachers
            .iter()
            .find(|t| t.id == d.teacher)
            .map_or(d.teacher.as_str(), |t| t.name.as_str());
        format!(
            "课程开发认定：{name}（{}）{}，{}课时（{}认定，{}）。",
            d.teacher, d.term, d.periods, d.approver, d.what
        )
    }));
    if !lines.is_empty() {
        l.gap(2.0 * MM);
        l.paragraph(
            &lines.join("\n"),
            Style::plain(size::XIAO_WU),
            0.0,
            Align::Left,
        );
    }
    achievements(doc, l);
}

/// 成果认定 under the roster: the national standards and planned textbooks teachers took part
/// in, which the policy rewards; left out when no teacher has any.
fn achievements(doc: &crate::exchange::Document, l: &mut Layout<'_>) {
    let listed: Vec<_> = doc
        .teachers
        .iter()
        .flat_map(|t| t.achievements.iter().map(move |a| (t, a)))
        .collect();
    if listed.is_empty() {
        return;
    }
    l.gap(4.0 * MM);
    let mut table = Table::new(&[8.5, 11.0, 15.0, 26.0, 58.0, 16.0, 21.5], size::XIAO_WU)
        .caption("教师成果认定")
        .header(["序号", "工号", "姓名", "类别", "名称", "本人角色", "日期"]);
    for (i, (teacher, a)) in listed.iter().enumerate() {
        table.row(vec![
            Cell::new((i + 1).to_string()).center(),
            Cell::new(&teacher.id).center().fit(),
            Cell::new(&teacher.name).center(),
            Cell::new(a.kind.name()).center(),
            Cell::new(&a.title),
            Cell::new(&a.role).center(),
            Cell::new(a.date.to_string()).center(),
        ]);
    }
    l.table(&table);
}
