//! Reading a sheet from .xlsx, .xls or .csv as offices keep them: columns found by their header
//! in any order, a title row or two above the header allowed, blank rows ignored, and every row
//! numbered as the spreadsheet numbers it (the header being 第1行 when it is the first row), so
//! a problem can be found in the file.

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

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
    Unreadable(String),
    Unsupported(String),
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
            Self::Empty => write!(f, "工作表是空的：没有表头，也没有数据"),
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
}

/// How many rows above the header a sheet may have (a title, a date line).
const HEADER_SEARCH_ROWS: usize = 5;

/// A merged area as (first row, last row, first column, last column), 0-based.
type Merged = (usize, usize, usize, usize);

/// An error value: (spreadsheet row number, 0-based column, the value as Excel shows it).
type CellError = (usize, usize, String);

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
                let bytes =
                    std::fs::read(path).map_err(|e| TableError::Unreadable(e.to_string()))?;
                Table::from_csv(&bytes, required)
            }
            "xlsx" | "xlsm" | "xls" => read_workbook(path, required),
            other => Err(TableError::Unsupported(other.to_string())),
        }
    }

    pub fn from_csv(bytes: &[u8], required: &[&str]) -> Result<Table, TableError> {
        // Excel writes CRLF; csv would place a record's start on the LF before it, one line
        // early, so lines are made LF-only first.
        let text = super::catalogue::decode(bytes)
            .map_err(|e| TableError::Unreadable(e.to_string()))?
            .replace("\r\n", "\n");
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
                    problems.push(Problem::new(line, None, format!("无法读取（{e}）")));
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

    /// Rows that reading already found unusable.
    pub fn bad_rows(&self) -> BTreeSet<usize> {
        self.problems.iter().map(|p| p.row).collect()
    }
}

fn read_workbook(path: &Path, required: &[&str]) -> Result<Table, TableError> {
    let mut workbook =
        open_workbook_auto(path).map_err(|e| TableError::Unreadable(e.to_string()))?;
    let name = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or(TableError::Empty)?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| TableError::Unreadable(e.to_string()))?;
    let dimensions = match &mut workbook {
        calamine::Sheets::Xlsx(x) => x
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| TableError::Unreadable(e.to_string()))?,
        calamine::Sheets::Xls(x) => x
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| TableError::Unreadable(e.to_string()))?,
        _ => Vec::new(),
    };
    let merged: Vec<Merged> = dimensions
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
    let (top, left) = range.start().unwrap_or((0, 0));
    let (top, left) = (top as usize, left as usize);
    let mut errors = Vec::new();
    let grid = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let number = top + i + 1;
            // Cells left of the used range are empty; keep columns where the sheet has them.
            let mut row = vec![String::new(); left];
            for (c, cell) in cells.iter().enumerate() {
                if let Data::Error(e) = cell {
                    errors.push((number, left + c, e.to_string()));
                }
                row.push(cell_text(cell));
            }
            (number, row)
        })
        .collect();
    from_grid(grid, &merged, &errors, required)
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
    let (header_number, header_cells) = rows.pop().expect("the header row");
    let headers = normalise(&header_cells);
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
        for row in (first_row + 1).max(header_number + 1)..=last_row + 1 {
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
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
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
}
