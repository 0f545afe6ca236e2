//! Ruled tables: cells that span columns and rows, a header repeated on every page, and groups
//! of rows kept on one page.

use super::{
    Align, Block, HEIGHT, Item, Layout, MM, PAD_X, PAD_Y, Style, TABLE_LEADING, WIDTH, rule,
};

/// One cell of a table; spans columns and rows as in HTML.
#[derive(Debug, Clone)]
pub struct Cell {
    text: String,
    cols: usize,
    rows: usize,
    align: Align,
    shade: bool,
    bold: bool,
    fit: bool,
    /// The cell is at least this tall (room for a signature).
    min_height: f32,
    /// An image drawn centred in the cell, by index and aspect ratio (width / height).
    image: Option<(usize, f32)>,
    /// A line to sign on, drawn near the bottom of the cell when it has no image.
    ink_line: bool,
}

impl Cell {
    /// A plain cell, left-aligned, one column and one row.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            cols: 1,
            rows: 1,
            align: Align::Left,
            shade: false,
            bold: false,
            fit: false,
            min_height: 0.0,
            image: None,
            ink_line: false,
        }
    }

    /// A shaded, centred label cell, as forms print their field names.
    pub fn label(text: impl Into<String>) -> Cell {
        Cell::new(text).center().shaded()
    }

    /// Spans `n` columns, e.g. a value across a form's width.
    pub fn cols(mut self, n: usize) -> Cell {
        self.cols = n.max(1);
        self
    }

    /// Spans `n` rows of its group, e.g. a teacher over one sub-row per term.
    pub fn rows(mut self, n: usize) -> Cell {
        self.rows = n.max(1);
        self
    }

    /// Centred, as forms set numbers, codes and short values.
    pub fn center(mut self) -> Cell {
        self.align = Align::Center;
        self
    }

    /// Light grey behind the text, which marks labels and headers.
    pub fn shaded(mut self) -> Cell {
        self.shade = true;
        self
    }

    /// Bold text, for headers and totals.
    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }

    /// Keeps the text on one line by setting it smaller if need be: names must not be broken.
    pub fn fit(mut self) -> Cell {
        self.fit = true;
        self
    }

    /// At least `h` points tall, room to sign in.
    pub fn min_height(mut self, h: f32) -> Cell {
        self.min_height = h;
        self
    }

    /// Draws image number `index` of the packet, `aspect` = width / height, fitted into the cell.
    pub fn image(mut self, index: usize, aspect: f32) -> Cell {
        self.image = Some((index, aspect));
        self
    }

    /// A line to sign on by hand.
    pub fn ink_line(mut self) -> Cell {
        self.ink_line = true;
        self
    }
}

/// A ruled table. `groups` are the units kept on one page: one row each, or a row with the
/// sub-rows that its row-spanning cells cover.
#[derive(Debug, Clone)]
pub struct Table {
    /// Column widths in points; they should add up to [`WIDTH`].
    pub widths: Vec<f32>,
    /// Type size of the whole table.
    pub size: f32,
    /// A bold line above the table, kept on the page of the table's first rows.
    pub caption: Option<String>,
    /// Repeated at the top of every page the table reaches; shaded and centred.
    pub header: Vec<Vec<Cell>>,
    /// The body: groups of rows, each group kept on one page.
    pub groups: Vec<Vec<Vec<Cell>>>,
}

impl Table {
    /// A table with columns of the given widths in millimetres, scaled to the text width so
    /// rounding in the caller never makes a table wider than the page.
    pub fn new(widths_mm: &[f32], size: f32) -> Table {
        let total: f32 = widths_mm.iter().sum();
        Table {
            widths: widths_mm.iter().map(|w| w / total * WIDTH).collect(),
            size,
            caption: None,
            header: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Sets a one-row header.
    pub fn header<S: Into<String>>(mut self, titles: impl IntoIterator<Item = S>) -> Table {
        self.header = vec![titles.into_iter().map(|t| Cell::label(t).bold()).collect()];
        self
    }

    /// Sets the caption that names the table within a form.
    pub fn caption(mut self, text: impl Into<String>) -> Table {
        self.caption = Some(text.into());
        self
    }

    /// Adds a group of one row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.groups.push(vec![cells]);
    }
}

/// Where a cell landed in the grid.
struct Placed<'c> {
    cell: &'c Cell,
    row: usize,
    col: usize,
    /// The spans, cut to the grid.
    cols: usize,
    rows: usize,
    size: f32,
    lines: Vec<String>,
}

impl Layout<'_> {
    /// A ruled table; its header repeats on every page, a group of rows is never split unless
    /// it is taller than a whole page (then it is cut between lines of text, and the cut is
    /// ruled off on both pages).
    pub fn table(&mut self, table: &Table) {
        let header = (!table.header.is_empty()).then(|| self.rows_block(table, &table.header));
        let header_h = header.as_ref().map_or(0.0, |h| h.height);
        let groups: Vec<Block> = table
            .groups
            .iter()
            .map(|g| self.rows_block(table, g))
            .collect();
        let caption = table.caption.as_ref().map(|text| {
            let above = 2.5 * MM;
            let b = self.paragraph_block(text, Style::bold(table.size), 0.0, Align::Left);
            Block {
                height: b.height + above + 1.0 * MM,
                items: b.items.iter().map(|i| i.moved(above)).collect(),
                frame: None,
            }
        });
        // Neither the caption nor the header stands alone at the foot of a page.
        let first = groups.first().map_or(0.0, |g| g.height.min(HEIGHT / 3.0));
        self.ensure(caption.as_ref().map_or(0.0, |c| c.height) + header_h + first);
        if let Some(c) = &caption {
            self.place(c);
        }
        if let Some(h) = &header {
            self.place(h);
        }
        for group in &groups {
            self.flow(group, true, header.as_ref());
        }
    }

    /// The block of a header or of one group: cells placed on the grid, rows as tall as their
    /// tallest cell, a row-spanning cell's extra height given to the last row it covers.
    fn rows_block(&self, table: &Table, rows: &[Vec<Cell>]) -> Block {
        let ncols = table.widths.len();
        let nrows = rows.len();
        let (pad_x, pad_y) = (PAD_X * table.size, PAD_Y * table.size);
        let mut taken = vec![vec![false; ncols]; nrows];
        let mut placed: Vec<Placed<'_>> = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let mut c = 0;
            for cell in row {
                while c < ncols && taken[r][c] {
                    c += 1;
                }
                if c >= ncols {
                    break;
                }
                let cols = cell.cols.min(ncols - c);
                let rows = cell.rows.min(nrows - r);
                for line in taken.iter_mut().skip(r).take(rows) {
                    for t in line.iter_mut().skip(c).take(cols) {
                        *t = true;
                    }
                }
                let inner = table.widths[c..c + cols].iter().sum::<f32>() - 2.0 * pad_x;
                let size = if cell.fit {
                    self.measure.fit(&cell.text, inner, table.size)
                } else {
                    table.size
                };
                let lines = self.measure.wrap(&cell.text, inner, size);
                placed.push(Placed {
                    cell,
                    row: r,
                    col: c,
                    cols,
                    rows,
                    size,
                    lines,
                });
                c += cols;
            }
        }
        let lead = table.size * TABLE_LEADING;
        let content =
            |p: &Placed<'_>| (p.lines.len() as f32 * lead + 2.0 * pad_y).max(p.cell.min_height);
        let mut heights = vec![lead + 2.0 * pad_y; nrows];
        for p in placed.iter().filter(|p| p.rows == 1) {
            heights[p.row] = heights[p.row].max(content(p));
        }
        for p in placed.iter().filter(|p| p.rows > 1) {
            let covered: f32 = heights[p.row..p.row + p.rows].iter().sum();
            let need = content(p);
            if need > covered {
                heights[p.row + p.rows - 1] += need - covered;
            }
        }
        let tops: Vec<f32> = heights
            .iter()
            .scan(0.0, |y, h| {
                let top = *y;
                *y += h;
                Some(top)
            })
            .collect();
        let lefts: Vec<f32> = table
            .widths
            .iter()
            .scan(0.0, |x, w| {
                let left = *x;
                *x += w;
                Some(left)
            })
            .collect();
        let total_w: f32 = table.widths.iter().sum();
        let total_h: f32 = heights.iter().sum();
        let mut fills = Vec::new();
        let mut rules = vec![rule(0.0, 0.0, total_w, 0.0), rule(0.0, 0.0, 0.0, total_h)];
        let mut texts = Vec::new();
        let mut images = Vec::new();
        for p in &placed {
            let x = lefts[p.col];
            let y = tops[p.row];
            let w: f32 = table.widths[p.col..p.col + p.cols].iter().sum();
            let h: f32 = heights[p.row..p.row + p.rows].iter().sum();
            if p.cell.shade {
                fills.push(Item::Fill { x, y, w, h });
            }
            if let Some((image, aspect)) = p.cell.image {
                let (bw, bh) = (w - 2.0 * pad_x, h - 2.0 * pad_y);
                let (iw, ih) = if bw / bh > aspect {
                    (bh * aspect, bh)
                } else {
                    (bw, bw / aspect)
                };
                images.push(Item::Image {
                    image,
                    x: x + (w - iw) / 2.0,
                    y: y + (h - ih) / 2.0,
                    w: iw,
                    h: ih,
                });
            } else if p.cell.ink_line {
                let under = y + h - 2.0 * pad_y;
                rules.push(rule(x + 2.0 * pad_x, under, x + w - 2.0 * pad_x, under));
            }
            rules.push(rule(x, y + h, x + w, y + h));
            rules.push(rule(x + w, y, x + w, y + h));
            let style = Style {
                size: p.size,
                bold: p.cell.bold,
                grey: false,
            };
            let text_h = p.lines.len() as f32 * lead;
            let mut ty = y + (h - text_h) / 2.0;
            for line in &p.lines {
                let lw = self.measure.width(line, p.size);
                let tx = match p.cell.align {
                    Align::Left => x + pad_x,
                    Align::Center => x + (w - lw) / 2.0,
                };
                if !line.is_empty() {
                    texts.push(Item::Text {
                        x: tx,
                        y: ty,
                        h: lead,
                        style,
                        text: line.clone(),
                    });
                }
                ty += lead;
            }
        }
        fills.extend(rules);
        fills.extend(texts);
        fills.extend(images);
        Block {
            height: total_h,
            items: fills,
            frame: Some((0.0, total_w)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{measure, texts};
    use super::super::{EPS, size};
    use super::*;

    fn table(rows: usize, lines: usize) -> Table {
        let mut t = Table::new(&[20.0, 136.0], size::WU_HAO).header(["序号", "内容"]);
        for i in 0..rows {
            t.row(vec![
                Cell::new(format!("第{i}行")),
                Cell::new(vec!["文"; lines].join("\n")),
            ]);
        }
        t
    }

    #[test]
    fn a_long_table_repeats_its_header_and_keeps_rows_whole() {
        let m = measure();
        let mut l = Layout::new(&m);
        l.table(&table(150, 3));
        let pages = l.finish();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let mut rows = Vec::new();
        for page in &pages {
            let t = texts(page);
            assert_eq!(t[0].0, "序号");
            assert_eq!(t[1].0, "内容");
            assert!(t.iter().all(|(_, y, h)| *y >= 0.0 && y + h <= HEIGHT + EPS));
            let labels: Vec<&str> = t
                .iter()
                .map(|(s, ..)| *s)
                .filter(|s| s.starts_with('第'))
                .collect();
            let lines = t.iter().filter(|(s, ..)| *s == "文").count();
            assert_eq!(lines, 3 * labels.len(), "a row was split");
            rows.extend(labels);
        }
        let expected: Vec<String> = (0..150).map(|i| format!("第{i}行")).collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn a_row_taller_than_a_page_is_cut_between_its_lines() {
        let m = measure();
        let mut l = Layout::new(&m);
        l.table(&table(1, 80));
        let pages = l.finish();
        assert_eq!(pages.len(), 2);
        let mut lines = 0;
        for page in &pages {
            let t = texts(page);
            assert_eq!(t[0].0, "序号");
            assert!(t.iter().all(|(_, y, h)| *y >= 0.0 && y + h <= HEIGHT + EPS));
            lines += t.iter().filter(|(s, ..)| *s == "文").count();
            // The cut is ruled off: the page's last rule spans the table at its foot.
            let bottom = page
                .iter()
                .filter_map(|i| match i {
                    Item::Rule { y1, y2, .. } if (y1 - y2).abs() < EPS => Some(*y1),
                    _ => None,
                })
                .fold(0.0, f32::max);
            let last_text = t.iter().map(|(_, y, h)| y + h).fold(0.0, f32::max);
            assert!(bottom >= last_text - EPS);
        }
        assert_eq!(lines, 80);
    }
}
