//! The flow of a page: blocks placed one after another, a new page when the next does not fit,
//! and a block taller than the room cut between its lines.

use super::{Align, EPS, HEIGHT, Item, Measure, Style, TEXT_LEADING, WIDTH, rule};

/// A piece of a page: laid out once, then placed whole on a page or, when it is taller than a
/// page, cut between its lines.
#[derive(Debug, Clone)]
pub struct Block {
    pub height: f32,
    /// Positions measured from the block's top-left corner.
    pub items: Vec<Item>,
    /// A table's horizontal extent: a cut through the block is closed with rules across it.
    pub(super) frame: Option<(f32, f32)>,
}

impl Block {
    /// A block of items the caller positioned itself (cover fields, signature lines).
    pub fn new(height: f32, items: Vec<Item>) -> Block {
        Block {
            height,
            items,
            frame: None,
        }
    }

    /// The lowest cut at or above `at` that passes between lines of text rather than through
    /// them; `from` (nothing fits) when the line at `from` itself reaches past `at`.
    fn cut(&self, from: f32, at: f32) -> f32 {
        let mut cut = at;
        loop {
            let through = self
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Text { y, h, .. } | Item::Image { y, h, .. } => Some((*y, *y + *h)),
                    _ => None,
                })
                .filter(|(top, bottom)| *top < cut - EPS && *bottom > cut + EPS)
                .map(|(top, _)| top)
                .fold(f32::INFINITY, f32::min);
            if !through.is_finite() {
                return cut;
            }
            if through <= from + EPS {
                return from;
            }
            cut = through;
        }
    }

    /// The part of the block between `from` and `to`, moved to start at 0.
    fn slice(&self, from: f32, to: f32) -> Block {
        let mut items = Vec::new();
        for item in &self.items {
            match item {
                Item::Text { y, h, .. } | Item::Image { y, h, .. } => {
                    if *y >= from - EPS && *y + *h <= to + EPS {
                        items.push(item.moved(-from));
                    }
                }
                Item::Fill { x, y, w, h } => {
                    let (top, bottom) = (y.max(from), (y + h).min(to));
                    if bottom > top + EPS {
                        items.push(Item::Fill {
                            x: *x,
                            y: top - from,
                            w: *w,
                            h: bottom - top,
                        });
                    }
                }
                Item::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    dotted,
                } => {
                    let (top, bottom) = (y1.min(*y2).max(from), y1.max(*y2).min(to));
                    if bottom >= top - EPS {
                        items.push(Item::Rule {
                            x1: *x1,
                            y1: top - from,
                            x2: *x2,
                            y2: bottom - from,
                            dotted: *dotted,
                        });
                    }
                }
            }
        }
        let height = to - from;
        if let Some((left, right)) = self.frame {
            for y in [0.0, height] {
                items.push(rule(left, y, right, y));
            }
        }
        Block {
            height,
            items,
            frame: self.frame,
        }
    }
}

/// Lays out pages: blocks are placed one after another and a new page starts when the next
/// does not fit.
pub struct Layout<'m> {
    /// The font's metrics, for callers that position text themselves.
    pub measure: &'m Measure,
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl<'m> Layout<'m> {
    /// An empty first page.
    pub fn new(measure: &'m Measure) -> Layout<'m> {
        Layout {
            measure,
            pages: vec![Vec::new()],
            y: 0.0,
        }
    }

    /// The index of the page being filled, from 0.
    pub fn page(&self) -> usize {
        self.pages.len() - 1
    }

    /// Starts a new page, unless the current one is still empty.
    pub fn new_page(&mut self) {
        if self.y > 0.0 || !self.pages[self.page()].is_empty() {
            self.pages.push(Vec::new());
            self.y = 0.0;
        }
    }

    pub(super) fn remaining(&self) -> f32 {
        HEIGHT - self.y
    }

    /// Starts a new page unless `h` more points fit on this one.
    pub(super) fn ensure(&mut self, h: f32) {
        if h > self.remaining() + EPS {
            self.new_page();
        }
    }

    /// Vertical space between blocks; it never carries over to the next page.
    pub fn gap(&mut self, h: f32) {
        self.y = (self.y + h).min(HEIGHT);
    }

    /// Puts a block at the current position; the caller has made room.
    pub(super) fn place(&mut self, block: &Block) {
        let page = self.page();
        self.pages[page].extend(block.items.iter().map(|i| i.moved(self.y)));
        self.y += block.height;
    }

    /// Places a block, cutting it between lines where it runs past the page; `repeat` (a
    /// table's header) is placed again at the top of every new page the block reaches.
    /// A block that is `whole` moves to the next page instead of being cut, and is cut only when
    /// it is taller than a page by itself.
    pub(super) fn flow(&mut self, block: &Block, whole: bool, repeat: Option<&Block>) {
        let top = repeat.map_or(0.0, |b| b.height);
        let new_page = |layout: &mut Layout<'_>| {
            layout.new_page();
            if let Some(r) = repeat {
                layout.place(r);
            }
        };
        if block.height <= self.remaining() + EPS {
            self.place(block);
            return;
        }
        if whole && self.y > top + EPS {
            new_page(self);
            if block.height <= self.remaining() + EPS {
                self.place(block);
                return;
            }
        }
        let mut from = 0.0;
        while from < block.height - EPS {
            let at = (from + self.remaining()).min(block.height);
            let mut to = block.cut(from, at);
            if to <= from + EPS {
                if self.y > top + EPS {
                    new_page(self);
                    continue;
                }
                // Not even one line fits on an empty page; cut through it rather than loop.
                to = at;
            }
            self.place(&block.slice(from, to));
            from = to;
            if from < block.height - EPS {
                new_page(self);
            }
        }
    }

    /// Places a block whole, on the next page if it does not fit on this one.
    pub fn block(&mut self, block: &Block) {
        self.flow(block, true, None);
    }

    /// Places a block whole at the foot of the page, on the next page if what this one holds
    /// reaches into it: a signature area then sits where a digital signature's box is drawn,
    /// however long the text above it.
    pub fn foot(&mut self, block: &Block) {
        self.ensure(block.height);
        self.y = HEIGHT - block.height;
        self.place(block);
    }

    /// A paragraph of running text; `indent` in em for the first line (正文首行缩进两字).
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32, align: Align) {
        let block = self.paragraph_block(text, style, indent, align);
        self.flow(&block, false, None);
    }

    /// Running text as a block the width of the text area. Each line of `text` is a paragraph
    /// of its own, its first line indented by `indent` em.
    pub(super) fn paragraph_block(
        &self,
        text: &str,
        style: Style,
        indent: f32,
        align: Align,
    ) -> Block {
        let width = WIDTH;
        let lead = style.size * TEXT_LEADING;
        let indent = indent * style.size;
        let mut items = Vec::new();
        let mut y = 0.0;
        for paragraph in text.split('\n') {
            let lines = self
                .measure
                .wrap_paragraph(paragraph, width - indent, width, style.size);
            for (n, line) in lines.into_iter().enumerate() {
                let w = self.measure.width(&line, style.size);
                let x = match align {
                    Align::Left if n == 0 => indent,
                    Align::Left => 0.0,
                    Align::Center => (width - w) / 2.0,
                };
                if !line.is_empty() {
                    items.push(Item::Text {
                        x,
                        y,
                        h: lead,
                        style,
                        text: line,
                    });
                }
                y += lead;
            }
        }
        Block {
            height: y,
            items,
            frame: None,
        }
    }

    /// A heading, kept on one page with at least `keep` points of what follows it.
    pub fn heading(&mut self, text: &str, style: Style, align: Align, keep: f32) {
        let block = self.paragraph_block(text, style, 0.0, align);
        self.ensure(block.height + keep);
        self.place(&block);
    }

    /// The pages laid out, each a list of items in text-area coordinates.
    pub fn finish(self) -> Vec<Vec<Item>> {
        self.pages
    }
}

#[cfg(test)]
mod tests {
    use super::super::size;
    use super::super::testing::{measure, texts};
    use super::*;

    #[test]
    fn a_paragraph_continues_on_the_next_page() {
        let m = measure();
        let mut l = Layout::new(&m);
        l.paragraph(
            &"正文".repeat(800),
            Style::plain(size::XIAO_SI),
            2.0,
            Align::Left,
        );
        let pages = l.finish();
        assert_eq!(pages.len(), 2);
        let all: String = pages
            .iter()
            .flat_map(|p| texts(p))
            .map(|(s, ..)| s)
            .collect();
        assert_eq!(all, "正文".repeat(800));
        let first = texts(&pages[0]);
        assert!(first[0].1 == 0.0 && first.iter().all(|(_, y, h)| y + h <= HEIGHT + EPS));
    }
}
