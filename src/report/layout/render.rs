//! Laid-out pages to printpdf operations.

use printpdf::{
    Color, FontId, Greyscale, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfFontHandle,
    PdfPage, Point, Pt, Rect, TextMatrix, TextRenderingMode, XObjectId, XObjectTransform,
};

use super::{GREY, Item, LEFT, Measure, PAGE_H, RULE, SHADE, Style, TOP};

/// An image ready to be drawn: the PDF object and its size in pixels.
pub struct Placeable {
    pub id: XObjectId,
    pub width_px: f32,
    pub height_px: f32,
}

/// Turns laid-out pages into printpdf pages. Shading goes first, then rules, then text, then
/// images, so a seal covers the text it is stamped on as ink would. `fonts` are the bundled
/// face and then the fallbacks, in the order the measure was given them.
pub fn render(
    pages: &[Vec<Item>],
    measure: &Measure,
    fonts: &[FontId],
    images: &[Placeable],
) -> Vec<PdfPage> {
    pages
        .iter()
        .map(|items| {
            let mut ops = Vec::new();
            let at = |x: f32, y: f32| Point {
                x: Pt(LEFT + x),
                y: Pt(PAGE_H - TOP - y),
            };
            let fills: Vec<_> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Fill { x, y, w, h } => Some((*x, *y, *w, *h)),
                    _ => None,
                })
                .collect();
            if !fills.is_empty() {
                ops.push(Op::SetFillColor {
                    col: Color::Greyscale(Greyscale::new(SHADE, None)),
                });
                for (x, y, w, h) in fills {
                    let corner = at(x, y + h);
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: corner.x,
                            y: corner.y,
                            width: Pt(w),
                            height: Pt(h),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                }
                ops.push(Op::SetFillColor { col: black() });
            }
            ops.push(Op::SetOutlineThickness { pt: Pt(RULE) });
            let mut dotted_now = false;
            for item in items {
                if let Item::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    dotted,
                } = item
                {
                    if *dotted != dotted_now {
                        dotted_now = *dotted;
                        ops.push(Op::SetLineDashPattern {
                            dash: if dotted_now {
                                LineDashPattern::new(0.0, &[0.6, 2.4])
                            } else {
                                LineDashPattern::solid()
                            },
                        });
                    }
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: at(*x1, *y1),
                                    bezier: false,
                                },
                                LinePoint {
                                    p: at(*x2, *y2),
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
            if dotted_now {
                ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::solid(),
                });
            }
            ops.push(Op::StartTextSection);
            let mut current: Option<Style> = None;
            let mut current_font: Option<(usize, f32)> = None;
            for item in items {
                if let Item::Text {
                    x,
                    y,
                    h,
                    style,
                    text,
                } = item
                {
                    set_style(&mut ops, current, *style);
                    current = Some(*style);
                    let p = at(*x, *y + measure.baseline(*h, style.size));
                    // Each run is placed where the measure put it, so a borrowed glyph sits
                    // exactly in the room the line breaking gave it, on the same baseline.
                    for run in measure.runs(text) {
                        if current_font != Some((run.font, style.size)) {
                            current_font = Some((run.font, style.size));
                            ops.push(Op::SetFont {
                                font: PdfFontHandle::External(fonts[run.font].clone()),
                                size: Pt(style.size),
                            });
                        }
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(Pt(p.x.0 + run.x * style.size), p.y),
                        });
                        ops.push(Op::ShowText {
                            items: vec![printpdf::TextItem::GlyphIds(run.glyphs)],
                        });
                    }
                }
            }
            ops.push(Op::EndTextSection);
            for item in items {
                if let Item::Image { image, x, y, w, h } = item
                    && let Some(img) = images.get(*image)
                {
                    let corner = at(*x, *y + *h);
                    ops.push(Op::UseXobject {
                        id: img.id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(corner.x),
                            translate_y: Some(corner.y),
                            scale_x: Some(w / img.width_px),
                            scale_y: Some(h / img.height_px),
                            // At 72 dpi a pixel is a point, so the scales above are exact.
                            dpi: Some(72.0),
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
            PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops)
        })
        .collect()
}

fn black() -> Color {
    Color::Greyscale(Greyscale::new(0.0, None))
}

/// Emits only what changes between consecutive text lines, which keeps content streams small.
/// The font and its size are set per run, by `render`.
fn set_style(ops: &mut Vec<Op>, current: Option<Style>, next: Style) {
    if current.map(|c| c.grey) != Some(next.grey) {
        let col = if next.grey {
            Color::Greyscale(Greyscale::new(GREY, None))
        } else {
            black()
        };
        ops.push(Op::SetFillColor { col });
    }
    if current.map(|c| (c.bold, c.size)) != Some((next.bold, next.size)) {
        if next.bold {
            ops.push(Op::SetOutlineColor { col: black() });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(next.size * 0.03),
            });
        }
        ops.push(Op::SetTextRenderingMode {
            mode: if next.bold {
                TextRenderingMode::FillStroke
            } else {
                TextRenderingMode::Fill
            },
        });
    }
}
