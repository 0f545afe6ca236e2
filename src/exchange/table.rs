//! Reading a sheet from .xlsx, .xls or .csv as offices keep them: columns found by their header
//! in any order, a title row or two above the header allowed, blank rows ignored, and every row
//! numbered as the spreadsheet numbers it (the header being 第1行 when it is the first row), so
//! a problem can be found in the file.

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, Reader, Xls, Xlsx, open_workbook};

/// One problem with one row, said so the office can find and fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The spreadsheet's row number.
    pub row: usize,
    /// The column's header, when the problem is one cell's.
    pub column: Option<String>,
    pub reason: String,
}

impl Problem {
    pub fn new(row: usize, column: Option<&str>, reason: impl Into<String>) -> Problem {
        Problem {
            row,
            column: column.map(str::to_string),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(column) => write!(f, "第{}行，{}：{}", self.row, column, self.reason),
            None => write!(f, "第{}行：{}", self.row, self.reason),
        }
    }
}

/// Why a file gave no rows at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// The file could not be read (the reason already in Chinese).
    Unreadable(String),
    Unsupported(String),
    /// Not a workbook at all (a renamed PDF, a damaged or half-copied file).
    NotWorkbook,
    Password,
    /// A CSV cell opens a quote and never closes it, so the rest of the file is that one cell.
    UnclosedQuote {
        line: usize,
        excerpt: String,
    },
    /// More filled cells than any roster or hours sheet holds, counted up to this row.
    TooLarge {
        row: usize,
    },
    Empty,
    /// No row among the first few holds every required header.
    NoHeader {
        missing: Vec<String>,
    },
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable(why) => write!(f, "无法读取文件：{why}"),
            Self::Unsupported(ext) => write!(
                f,
                "不支持“.{ext}”文件：请使用 Excel 或 WPS 表格另存为 .xlsx 或 .csv"
            ),
            Self::NotWorkbook => f.write_str(
                "这不是 Excel 工作簿（.xlsx/.xls），或文件已损坏：请在 Excel/WPS 中打开后另存为 .xlsx 再导入。",
            ),
            Self::Password => f.write_str(
                "工作簿设有打开密码，无法读取：请在 Excel/WPS 中打开，取消密码后另存为 .xlsx 再导入。",
            ),
            Self::UnclosedQuote { line, excerpt } => write!(
                f,
                "第{line}行：引号没有闭合（{excerpt}），该行之后的内容都被当成了一个单元格。请在 Excel/WPS 中打开并另存为 CSV，或补上引号。"
            ),
            Self::TooLarge { row } => write!(
                f,
                "工作表中有内容的单元格超过{}万个（读到第{row}行）：请删除表格以外不需要的内容（如整列填充的数值或公式），或分成几个文件导入。",
                MAX_CELLS / 10_000
            ),
            Self::Empty => write!(
                f,
                "工作表是空的（没有表头，也没有数据）：请确认选对了文件，且数据在第一个工作表中"
            ),
            Self::NoHeader { missing } => write!(
                f,
                "第1行（表头）缺少这些列：{}。列的顺序不限，但表头文字须与此一致",
                missing.join("、")
            ),
        }
    }
}

impl std::error::Error for TableError {}

/// A data row: its number in the spreadsheet and its cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    cells: Vec<String>,
}

impl Row {
    /// The trimmed text of a column, "" if the column or the cell is absent.
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map_or("", |s| s.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Problems found while reading (merged cells, unreadable records), before any column is
    /// interpreted; their rows are not to be imported.
    pub problems: Vec<Problem>,
    /// Cells left out because they lie far from the table (a stray keystroke at XFD1048576),
    /// to be shown with the dry run; they make no row bad.
    pub notices: Vec<String>,
}

/// How many rows above the header a sheet may have (a title, a date line).
const HEADER_SEARCH_ROWS: usize = 5;

/// A merged area as (first row, last row, first column, last column), 0-based.
type Merged = (usize, usize, usize, usize);

/// An error value: (spreadsheet row number, 0-based column, the value as Excel shows it).
type CellError = (usize, usize, String);

/// Columns past this hold no part of an office's table (the sheets read here have a dozen or
/// so); a cell there is a stray keystroke. Excel's last column, XFD, is the 16384th.
const MAX_COLUMNS: u32 = 200;

/// A filled cell more rows than this away from the rest is not part of the table.
const MAX_ROW_GAP: u32 = 2000;

/// Far more filled cells than a school's sheet of a year's hours has; reading stops there, so
/// a column filled down to row 1048576 cannot exhaust memory.
const MAX_CELLS: usize = 1_000_000;

/// Ignored cells named one by one; the rest are counted.
const NAMED_NOTICES: usize = 5;

impl Table {
    /// Reads the first sheet of a workbook, or a CSV file (UTF-8 with or without BOM, or GBK as
    /// Excel and WPS save it), finding the header as the first row holding every `required`
    /// header among the first rows.
    pub fn read(path: &Path, required: &[&str]) -> Result<Table, TableError> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "csv" => {
                let bytes = std::fs::read(path)
                    .map_err(|e| TableError::Unreadable(crate::store::io_message(&e)))?;
                Table::from_csv(&bytes, required)
            }
            "xlsx" | "xlsm" => read_xlsx(path, required),
            "xls" => read_xls(path, required),
            other => Err(TableError::Unsupported(other.to_string())),
        }
    }

    pub fn from_csv(bytes: &[u8], required: &[&str]) -> Result<Table, TableError> {
        // Excel writes CRLF; csv would place a record's start on the LF before it, one line
        // early, so lines are made LF-only first.
        let text = super::catalogue::decode(bytes)
            .map_err(|e| TableError::Unreadable(e.to_string()))?
            .replace("\r\n", "\n");
        if let Some(unclosed) = unclosed_quote(&text) {
            return Err(unclosed);
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut grid = Vec::new();
        let mut problems = Vec::new();
        // csv skips blank lines, so a row's number is its line, not its index (a quoted cell
        // may span lines; a row is numbered by its first line, as Excel shows it).
        for record in reader.records() {
            match record {
                Ok(r) => {
                    let line = r.position().map_or(0, |p| p.line() as usize);
                    grid.push((line, r.iter().map(str::to_string).collect()));
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    problems.push(Problem::new(
                        line,
                        None,
                        "这一行无法读取：请在 Excel/WPS 中打开并另存为 CSV",
                    ));
                }
            }
        }
        let mut table = from_grid(grid, &[], &[], required)?;
        table.problems.extend(problems);
        Ok(table)
    }

    /// The position of a column by its header.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == header)
    }

    pub fn has(&self, header: &str) -> bool {
        self.column(header).is_some()
    }

    /// Every header, in column order; for repeated column groups such as 培训1项目, 培训2项目.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Rows that reading already found unusable.
    pub fn bad_rows(&self) -> BTreeSet<usize> {
        self.problems.iter().map(|p| p.row).collect()
    }
}

/// A filled cell at its 0-based sheet position: its text, and the error value it holds.
struct Filled {
    row: u32,
    col: u32,
    text: String,
    error: Option<String>,
}

/// Collects the cells that hold something, one at a time, so a workbook is read in memory
/// proportional to its content; calamine's `worksheet_range` allocates the whole rectangle up
/// to the farthest cell (512 GB for one cell at XFD1048576).
#[derive(Default)]
struct Cells(Vec<Filled>);

impl Cells {
    fn push(&mut self, (row, col): (u32, u32), cell: &Data) -> Result<(), TableError> {
        let error = match cell {
            Data::Error(e) => Some(e.to_string()),
            _ => None,
        };
        let text = cell_text(cell);
        if error.is_none() && text.trim().is_empty() {
            return Ok(());
        }
        if self.0.len() == MAX_CELLS {
            return Err(TableError::TooLarge {
                row: row as usize + 1,
            });
        }
        self.0.push(Filled {
            row,
            col,
            text,
            error,
        });
        Ok(())
    }
}

fn read_xlsx(path: &Path, required: &[&str]) -> Result<Table, TableError> {
    let mut workbook: Xlsx<_> = open_workbook(path).map_err(workbook_error)?;
    let name = first_sheet(workbook.sheet_names())?;
    let merged = workbook
        .merge_cells_by_sheet_name(&name)
        .map_err(workbook_error)?;
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(workbook_error)?;
    let mut cells = Cells::default();
    while let Some(cell) = reader.next_cell().map_err(workbook_error)? {
        cells.push(cell.get_position(), &Data::from(cell.get_value().clone()))?;
    }
    from_cells(cells, &merged, required)
}

/// An .xls sheet is at most 65536 × 256 cells, and calamine has built that grid on opening;
/// only its filled cells are taken, with the same bounds as .xlsx.
fn read_xls(path: &Path, required: &[&str]) -> Result<Table, TableError> {
    let mut workbook: Xls<_> = open_workbook(path).map_err(workbook_error)?;
    let name = first_sheet(workbook.sheet_names())?;
    let merged = workbook
        .merge_cells_by_sheet_name(&name)
        .map_err(workbook_error)?;
    let range = workbook.worksheet_range(&name).map_err(workbook_error)?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut cells = Cells::default();
    for (r, c, cell) in range.used_cells() {
        cells.push((top + r as u32, left + c as u32), cell)?;
    }
    from_cells(cells, &merged, required)
}

fn first_sheet(names: Vec<String>) -> Result<String, TableError> {
    names.into_iter().next().ok_or(TableError::Empty)
}

/// calamine's errors are English; what they mean for the office is one of three things.
fn workbook_error(e: impl Into<calamine::Error>) -> TableError {
    use calamine::{Error, XlsError, XlsxError};
    match e.into() {
        Error::Io(e) | Error::Xlsx(XlsxError::Io(e)) | Error::Xls(XlsError::Io(e)) => {
            TableError::Unreadable(crate::store::io_message(&e))
        }
        Error::Xlsx(XlsxError::Password) | Error::Xls(XlsError::Password) => TableError::Password,
        _ => TableError::NotWorkbook,
    }
}

/// Keeps the cells of the table and names the others: those past [`MAX_COLUMNS`], and those
/// separated from the largest block of rows by more than [`MAX_ROW_GAP`] empty rows.
fn from_cells(
    cells: Cells,
    merged: &[calamine::Dimensions],
    required: &[&str],
) -> Result<Table, TableError> {
    let (mut kept, mut ignored): (Vec<Filled>, Vec<Filled>) =
        cells.0.into_iter().partition(|c| c.col < MAX_COLUMNS);
    kept.sort_by_key(|c| (c.row, c.col));
    let mut block = 0..0;
    let mut start = 0;
    for i in 1..=kept.len() {
        if i == kept.len() || kept[i].row - kept[i - 1].row > MAX_ROW_GAP {
            if i - start > block.len() {
                block = start..i;
            }
            start = i;
        }
    }
    ignored.extend(kept.drain(block.end..));
    ignored.extend(kept.drain(..block.start));
    ignored.sort_by_key(|c| (c.row, c.col));

    let mut grid: Vec<(usize, Vec<String>)> = Vec::new();
    let mut errors = Vec::new();
    for cell in kept {
        let number = cell.row as usize + 1;
        if grid.last().is_none_or(|(n, _)| *n != number) {
            grid.push((number, Vec::new()));
        }
        #[expect(
            clippy::expect_used,
            reason = "a row was pushed just above if none was open"
        )]
        let (_, row) = grid.last_mut().expect("the row was just pushed");
        let col = cell.col as usize;
        if row.len() <= col {
            row.resize(col + 1, String::new());
        }
        if let Some(e) = cell.error {
            errors.push((number, col, e));
        }
        row[col] = cell.text;
    }
    let merged: Vec<Merged> = merged
        .iter()
        .map(|d| {
            (
                d.start.0 as usize,
                d.end.0 as usize,
                d.start.1 as usize,
                d.end.1 as usize,
            )
        })
        .collect();
    let mut table = from_grid(grid, &merged, &errors, required)?;
    table.notices = ignored_notices(&ignored);
    Ok(table)
}

fn ignored_notices(ignored: &[Filled]) -> Vec<String> {
    let mut notices: Vec<String> = ignored
        .iter()
        .take(NAMED_NOTICES)
        .map(|c| {
            let content = c.error.as_deref().unwrap_or(c.text.trim());
            format!(
                "已忽略远离数据区的单元格 {}{}（内容“{}”）",
                column_letter(c.col as usize),
                c.row + 1,
                excerpt(content)
            )
        })
        .collect();
    if ignored.len() > NAMED_NOTICES {
        notices.push(format!(
            "另有{}个远离数据区的单元格也已忽略",
            ignored.len() - NAMED_NOTICES
        ));
    }
    notices
}

/// Characters of a cell quoted in a message, so the message stays one line.
const EXCERPT_CHARS: usize = 20;

fn excerpt(text: &str) -> String {
    if text.chars().count() > EXCERPT_CHARS {
        format!("{}…", text.chars().take(EXCERPT_CHARS).collect::<String>())
    } else {
        text.to_string()
    }
}

/// Finds a quoted cell that never closes, reading as csv does: a quote opens a cell only as its
/// first character, `""` inside stands for one quote. csv itself reports nothing and returns the
/// rest of the file as that one cell.
pub(crate) fn unclosed_quote(text: &str) -> Option<TableError> {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut opened: Option<(usize, usize)> = None;
    let mut field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if opened.is_some() {
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => {
                    opened = None;
                    field_start = false;
                }
                b'\n' => line += 1,
                _ => {}
            }
        } else {
            match b {
                b'"' if field_start => opened = Some((line, i)),
                b',' | b'\r' => field_start = true,
                b'\n' => {
                    line += 1;
                    field_start = true;
                }
                _ => field_start = false,
            }
        }
        i += 1;
    }
    let (line, at) = opened?;
    let rest: String = text[at..]
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(EXCERPT_CHARS)
        .collect();
    // Always "…": what follows the quote was swallowed, whatever its length.
    Some(TableError::UnclosedQuote {
        line,
        excerpt: format!("{rest}…"),
    })
}

/// A cell as the text a user typed: whole numbers without ".0", dates as ISO dates.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.into(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

/// `rows` are (spreadsheet row number, cells); `merged` in 0-based sheet coordinates; `errors`
/// the cells holding Excel error values (#DIV/0! …), which read as empty text.
fn from_grid(
    rows: Vec<(usize, Vec<String>)>,
    merged: &[Merged],
    errors: &[CellError],
    required: &[&str],
) -> Result<Table, TableError> {
    let mut rows: Vec<(usize, Vec<String>)> = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.is_empty() {
        return Err(TableError::Empty);
    }
    let normalise = |cells: &[String]| -> Vec<String> {
        cells
            .iter()
            .map(|c| c.chars().filter(|ch| !ch.is_whitespace()).collect())
            .collect()
    };
    let header_at = rows.iter().take(HEADER_SEARCH_ROWS).position(|(_, cells)| {
        let headers = normalise(cells);
        required.iter().all(|r| headers.iter().any(|h| h == r))
    });
    let Some(header_at) = header_at else {
        let first = normalise(&rows[0].1);
        return Err(TableError::NoHeader {
            missing: required
                .iter()
                .filter(|r| !first.iter().any(|h| h == *r))
                .map(|r| r.to_string())
                .collect(),
        });
    };
    let data = rows.split_off(header_at + 1);
    // `header_at` was found among `rows`, so the header is the last row left before the data.
    let Some((header_number, header_cells)) = rows.pop() else {
        return Err(TableError::Empty);
    };
    let headers = normalise(&header_cells);
    // A merged area reaching below the table (formatting down a whole column) concerns only
    // the rows that hold data.
    let last_number = data.last().map_or(header_number, |(n, _)| *n);
    let mut problems = Vec::new();
    for &(first_row, last_row, first_col, last_col) in merged {
        if last_row < header_number {
            continue;
        }
        let area = format!(
            "{}{}:{}{}",
            column_letter(first_col),
            first_row + 1,
            column_letter(last_col),
            last_row + 1
        );
        let column = headers.get(first_col).filter(|h| !h.is_empty());
        for row in (first_row + 1).max(header_number + 1)..=(last_row + 1).min(last_number) {
            problems.push(Problem::new(
                row,
                column.map(String::as_str),
                format!("合并单元格（{area}）：请取消合并，并在每一行填写"),
            ));
        }
    }
    for &(row, col, ref value) in errors {
        if row > header_number {
            let column = headers.get(col).map(String::as_str);
            problems.push(Problem::new(row, column, format!("单元格是错误值 {value}")));
        }
    }
    problems.sort_by_key(|p| p.row);
    Ok(Table {
        headers,
        rows: data
            .into_iter()
            .map(|(number, cells)| Row { number, cells })
            .collect(),
        problems,
        notices: Vec::new(),
    })
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_header_below_a_title_in_any_order() {
        let csv =
            "教师名册（2024年）,,\n\n姓名,工号,系部\n王芳,T001,汽车系\n,,\n李喆,T002,机电系\n";
        let t = Table::from_csv(csv.as_bytes(), &["工号", "姓名"]).unwrap();
        assert_eq!(t.column("工号"), Some(1));
        let numbers: Vec<usize> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [4, 6], "rows keep the spreadsheet's numbers");
        assert_eq!(t.rows[1].get(t.column("姓名")), "李喆");
        assert_eq!(t.rows[1].get(t.column("职称")), "");
    }

    #[test]
    fn gbk_csv_reads_like_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("工号,姓名\r\nT001,额尔敦毕力格\r\n");
        let t = Table::from_csv(&gbk, &["工号", "姓名"]).unwrap();
        assert_eq!(t.rows[0].get(t.column("姓名")), "额尔敦毕力格");
        assert_eq!(t.rows[0].number, 2);
    }

    #[test]
    fn empty_and_headerless_sheets_are_refused() {
        assert_eq!(Table::from_csv(b"", &["x"]), Err(TableError::Empty));
        assert_eq!(Table::from_csv(b",,\n,\n", &["x"]), Err(TableError::Empty));
        let err = Table::from_csv("工号,名字\nT1,王芳\n".as_bytes(), &["工号", "姓名"]);
        assert_eq!(
            err,
            Err(TableError::NoHeader {
                missing: vec!["姓名".into()]
            })
        );
    }

    #[test]
    fn merged_cells_below_the_header_are_problems_of_each_row() {
        let grid = vec![
            (1, vec!["工号".into(), "系部".into()]),
            (2, vec!["T1".into(), "汽车系".into()]),
            (3, vec!["T2".into(), String::new()]),
        ];
        // B2:B3 merged, and a merged title above the header that is no problem.
        let t = from_grid(grid, &[(1, 2, 1, 1), (0, 0, 0, 1)], &[], &["工号"]).unwrap();
        let shown: Vec<String> = t.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            shown,
            [
                "第2行，系部：合并单元格（B2:B3）：请取消合并，并在每一行填写",
                "第3行，系部：合并单元格（B2:B3）：请取消合并，并在每一行填写"
            ]
        );
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn a_quote_left_open_is_found_where_it_opened() {
        let open = Table::from_csv("工号,姓名\n\"T001,张三\nT002,李四\n".as_bytes(), &["工号"]);
        assert_eq!(
            open.unwrap_err().to_string(),
            "第2行：引号没有闭合（\"T001,张三…），该行之后的内容都被当成了一个单元格。请在 Excel/WPS 中打开并另存为 CSV，或补上引号。"
        );
        let late = "工号,备注\nT1,\"两行\n的备注\"\nT2,他说\"好\"\nT3,\"引号\"\"内\"\"\"\nT4,\"未完的备注，很长很长很长很长很长很长很长\n";
        assert_eq!(
            unclosed_quote(late),
            Some(TableError::UnclosedQuote {
                line: 6,
                excerpt: "\"未完的备注，很长很长很长很长很长很长很…".into()
            }),
            "closed quotes spanning lines, quotes inside a cell and doubled quotes are fine"
        );
        assert_eq!(unclosed_quote(&late[..late.find("T4").unwrap()]), None);
    }

    fn filled(row: u32, col: u32, text: &str) -> Filled {
        Filled {
            row,
            col,
            text: text.into(),
            error: None,
        }
    }

    #[test]
    fn cells_far_from_the_largest_block_are_left_out_and_named() {
        let mut cells = vec![
            filled(0, 0, "工号"),
            filled(1, 0, "T1"),
            filled(2, 1, "汽车系"),
        ];
        // Next to the table, a gap of exactly MAX_ROW_GAP rows still belongs to it.
        cells.push(filled(2 + MAX_ROW_GAP, 0, "T2"));
        cells.push(filled(4 + 2 * MAX_ROW_GAP, 0, "远处"));
        cells.push(filled(
            1,
            MAX_COLUMNS,
            "右边很远的一段很长很长很长很长的文字，还有更多",
        ));
        cells.push(filled(1, 16_383, "x"));
        for i in 0..3 {
            cells.push(filled(1_000_000 + i, 0, "更远"));
        }
        let t = from_cells(Cells(cells), &[], &["工号"]).unwrap();
        let numbers: Vec<usize> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 3, 2 + MAX_ROW_GAP as usize + 1]);
        assert_eq!(t.rows[1].get(Some(1)), "汽车系");
        assert_eq!(
            t.notices,
            [
                "已忽略远离数据区的单元格 GS2（内容“右边很远的一段很长很长很长很长的文字，还…”）",
                "已忽略远离数据区的单元格 XFD2（内容“x”）",
                "已忽略远离数据区的单元格 A4005（内容“远处”）",
                "已忽略远离数据区的单元格 A1000001（内容“更远”）",
                "已忽略远离数据区的单元格 A1000002（内容“更远”）",
                "另有1个远离数据区的单元格也已忽略",
            ]
        );
    }

    #[test]
    fn a_merged_area_down_a_whole_column_concerns_only_the_rows_with_data() {
        let grid = vec![
            (1, vec!["工号".into(), "系部".into()]),
            (2, vec!["T1".into(), "汽车系".into()]),
        ];
        let t = from_grid(grid, &[(1, 1_048_575, 1, 1)], &[], &["工号"]).unwrap();
        assert_eq!(
            t.problems.len(),
            1,
            "not a problem for each of a million rows"
        );
    }

    #[test]
    fn a_sheet_of_too_many_cells_is_refused_where_reading_stopped() {
        let mut cells = Cells::default();
        for i in 0..MAX_CELLS as u32 {
            cells.push((i / 10, i % 10), &Data::Int(1)).unwrap();
        }
        cells.push((1, 1), &Data::Empty).unwrap();
        assert_eq!(
            cells.push((100_000, 0), &Data::Int(1)),
            Err(TableError::TooLarge { row: 100_001 })
        );
        assert_eq!(
            TableError::TooLarge { row: 100_001 }.to_string(),
            "工作表中有内容的单元格超过100万个（读到第100001行）：请删除表格以外不需要的内容（如整列填充的数值或公式），或分成几个文件导入。"
        );
    }

    #[test]
    fn calamine_errors_are_said_for_the_office() {
        use calamine::{XlsError, XlsxError};
        assert_eq!(
            workbook_error(XlsxError::Password).to_string(),
            "工作簿设有打开密码，无法读取：请在 Excel/WPS 中打开，取消密码后另存为 .xlsx 再导入。"
        );
        assert_eq!(workbook_error(XlsError::Password), TableError::Password);
        assert_eq!(
            workbook_error(XlsxError::XmlEof("sheetData")),
            TableError::NotWorkbook
        );
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            workbook_error(XlsxError::Io(missing)).to_string(),
            "无法读取文件：找不到该文件或文件夹，请检查路径是否正确。"
        );
    }
}
