//! The interchange format: a whole school as one JSON document. Keys are English snake_case,
//! enumerated values the Chinese terms users see, dates ISO 8601, decimals strings. Output is
//! deterministic so `dump` → `load` → `dump` gives identical bytes.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::batch::policy_batches;
use crate::domain::check::Inputs;
use crate::domain::resource::default_kinds;
use crate::domain::workload::Settings;
use crate::domain::{
    Batch, Catalogue, Declaration, Entry, ResourceItem, ResourceKind, SchoolProfile, Specialty,
    Teacher, Term,
};
use crate::store::{SchoolFile, StoreError};

/// Names the format, so a JSON file from elsewhere is recognised as not ours.
pub const FORMAT: &str = "yitihua";

/// Raised whenever a key is added or changes meaning; older readers refuse newer documents.
/// Version 2 added `catalogue`, `batches` and `declarations`; version 3 `resource_kinds` and
/// `resources`; version 4 `teachers`, `terms`, `hours` and `workload`; version 5 the teachers'
/// `achievements`; version 6 the `停课` and `代课` amounts of hours. Older documents load with the
/// defaults of what they lack.
pub const VERSION: u32 = 6;

/// A whole school. Later areas (teachers, resources) add their sections here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub school: SchoolProfile,
    /// The specialty catalogue in use.
    #[serde(default = "bundled_specialties")]
    pub catalogue: Vec<Specialty>,
    #[serde(default = "policy_batches")]
    pub batches: Vec<Batch>,
    /// Every revision of every batch's declaration, by batch then revision.
    #[serde(default)]
    pub declarations: Vec<Declaration>,
    #[serde(default = "default_kinds")]
    pub resource_kinds: Vec<ResourceKind>,
    /// The resource inventory with each textbook's review history.
    #[serde(default)]
    pub resources: Vec<ResourceItem>,
    /// The roster in its order.
    #[serde(default)]
    pub teachers: Vec<Teacher>,
    #[serde(default)]
    pub terms: Vec<Term>,
    /// Every hours entry, by teacher, term and date.
    #[serde(default)]
    pub hours: Vec<Entry>,
    #[serde(default)]
    pub workload: Settings,
}

fn bundled_specialties() -> Vec<Specialty> {
    Catalogue::bundled().specialties
}

/// Why a document could not be read or loaded.
#[derive(Debug)]
pub enum ExchangeError {
    /// Not valid JSON, or not the shape of our format; serde's line and column are kept.
    Syntax(serde_json::Error),
    NotOurs(String),
    NewerVersion(u32),
    /// Values that break a rule, each worded for the user.
    Invalid(Vec<String>),
    Store(StoreError),
}

impl std::fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Syntax(e) => f.write_str(&describe_serde(e)),
            Self::NotOurs(found) => write!(
                f,
                "这不是申报助手的数据文件（format 应为“{FORMAT}”，实际为“{found}”）"
            ),
            Self::NewerVersion(v) => write!(
                f,
                "数据文件是第{v}版格式，本程序只支持到第{VERSION}版，请先升级程序"
            ),
            Self::Invalid(problems) => write!(f, "数据有误：{}", problems.join("；")),
            Self::Store(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ExchangeError {}

impl From<StoreError> for ExchangeError {
    fn from(e: StoreError) -> Self {
        ExchangeError::Store(e)
    }
}

/// What serde_json found wrong and where, in Chinese. serde's own text is English ("invalid
/// value: integer `-2`, expected u32"); it is read by its fixed patterns and said again in the
/// user's terms, and a pattern not known here gives a general sentence rather than English.
pub(crate) fn describe_serde(e: &serde_json::Error) -> String {
    format!(
        "JSON 格式错误（第{}行第{}列）：{}",
        e.line(),
        e.column(),
        serde_reason(e)
    )
}

fn serde_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let raw = e.to_string();
    let message = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(message, _)| message);
    match e.classify() {
        Category::Eof => "文件在此处意外结束（可能不完整），请重新导出，或补全后再导入".into(),
        Category::Syntax => format!(
            "语法错误，{}，请用记事本等编辑器检查这一处",
            syntax(message)
        ),
        Category::Data | Category::Io => data(message).map_or_else(
            || "数据与格式说明不符，请对照 docs/data-format.md 检查这一处".into(),
            |what| format!("{what}，请对照 docs/data-format.md 改正"),
        ),
    }
}

fn syntax(message: &str) -> &'static str {
    match message {
        "expected value" => "此处应有一个值（可能多了逗号，或有多余的字符）",
        "expected `:`" => "键的后面应有冒号“:”",
        "expected `,` or `]`" => "数组的各项之间应有逗号，或以“]”结束",
        "expected `,` or `}`" => "对象的各项之间应有逗号，或以“}”结束",
        "expected ident" => "此处应为 true、false 或 null",
        "expected `\"`" => "此处应有双引号",
        "key must be a string" => "键必须是用双引号括起的文字",
        "trailing comma" => "最后一项的后面多了逗号",
        "trailing characters" => "JSON 结束后还有多余的内容",
        "invalid escape" => "反斜杠“\\”后的转义无效（文件路径中的“\\”须写成“\\\\”）",
        "invalid number" => "数字的写法无效",
        "number out of range" => "数字超出范围",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "文字中有未转义的换行或制表符"
        }
        "recursion limit exceeded" => "嵌套层数过多",
        _ if message.contains("escape") || message.contains("code point") => "“\\u”转义无效",
        _ => "无法解析",
    }
}

/// serde's data messages, or `None` for one not known here. Our own `Deserialize` impls
/// already speak Chinese (they start with a Chinese word or quote) and pass through.
fn data(message: &str) -> Option<String> {
    if !message.starts_with(|c: char| c.is_ascii()) {
        return Some(message.to_string());
    }
    if let Some(name) = message.strip_prefix("missing field ") {
        return Some(format!("缺少字段“{}”", unquote(name)));
    }
    if let Some(name) = message.strip_prefix("duplicate field ") {
        return Some(format!("字段“{}”重复", unquote(name)));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, allowed) = rest.split_once("`, ")?;
        return Some(match one_of(allowed) {
            Some(names) => format!("未知的字段“{}”（可用的字段：{names}）", unquote(name)),
            None => format!("未知的字段“{}”（此处不应有字段）", unquote(name)),
        });
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = rest.split_once("`, ")?;
        return Some(match one_of(allowed) {
            Some(names) => format!("无效的取值“{}”（可用的取值：{names}）", unquote(value)),
            None => format!("无效的取值“{}”", unquote(value)),
        });
    }
    if message.starts_with("data did not match any variant of untagged enum") {
        return Some("该项的写法不符合任何一种允许的形式".into());
    }
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "取值类型不对：应为{}，{}",
            expected_kind(expected),
            found_value(found)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        // serde reads a struct from an array by position, so an array where an object belongs
        // comes back as a count of elements.
        let (_, expected) = rest.split_once(", expected ")?;
        return expected
            .starts_with("struct ")
            .then(|| "取值类型不对：应为对象（{…}），实为数组".into());
    }
    // chrono's date parser, behind every ISO date in the format.
    if message.starts_with("input ")
        || message.starts_with("premature end")
        || message.starts_with("trailing input")
        || message.starts_with("no possible date")
    {
        return Some("日期无效，应如“2024-09-02”".into());
    }
    None
}

/// `x` → x, as serde quotes names (the closing quote may be cut off already).
fn unquote(text: &str) -> &str {
    text.trim().trim_matches('`')
}

/// serde's "one of `a`, `b`", "`a` or `b`" and "`a`" as a Chinese list; `None` for "there are
/// no fields".
fn one_of(allowed: &str) -> Option<String> {
    let list = allowed.strip_prefix("expected ")?;
    let list = list.strip_prefix("one of ").unwrap_or(list);
    Some(
        list.split(", ")
            .flat_map(|part| part.split(" or "))
            .map(unquote)
            .collect::<Vec<_>>()
            .join("、"),
    )
}

/// serde's name of an expected type, as the user would call it.
fn expected_kind(expected: &str) -> &'static str {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "非负整数",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "整数",
        "f32" | "f64" => "数字",
        "a boolean" => "是非值 true 或 false",
        "a string" | "a borrowed string" | "a character" => "用双引号括起的文字",
        "a formatted date string" => "日期（如“2024-09-02”）",
        "a sequence" => "数组（[…]）",
        "a map" => "对象（{…}）",
        _ if expected.starts_with("struct ") || expected.starts_with("internally tagged") => {
            "对象（{…}）"
        }
        _ => "规定的写法",
    }
}

/// serde's `Unexpected` as the value the user wrote: "实为 -2", "实为文字“abc”".
fn found_value(found: &str) -> String {
    let literal = ["integer ", "floating point ", "boolean "]
        .into_iter()
        .find_map(|prefix| found.strip_prefix(prefix));
    if let Some(value) = literal {
        return format!("实为 {}", unquote(value));
    }
    if let Some(text) = found.strip_prefix("string ") {
        return format!("实为文字“{}”", text.trim_matches('"'));
    }
    match found {
        "null" | "unit value" | "Option value" => "实为 null（空值）".into(),
        "sequence" => "实为数组".into(),
        "map" => "实为对象".into(),
        _ => "实为其他写法".into(),
    }
}

impl Document {
    /// A new school's document: the bundled catalogue, the policy's batches, no declarations.
    pub fn new(school: SchoolProfile) -> Document {
        Document {
            format: FORMAT.into(),
            version: VERSION,
            school,
            catalogue: bundled_specialties(),
            batches: policy_batches(),
            declarations: Vec::new(),
            resource_kinds: default_kinds(),
            resources: Vec::new(),
            teachers: Vec::new(),
            terms: Vec::new(),
            hours: Vec::new(),
            workload: Settings::default(),
        }
    }

    /// Reads everything the file holds.
    pub fn from_file(file: &SchoolFile) -> Result<Document, StoreError> {
        Ok(Document {
            catalogue: file.catalogue()?.specialties,
            batches: file.batches()?,
            declarations: file.declarations()?,
            resource_kinds: file.resource_kinds()?,
            resources: file.resources(None)?.into_iter().map(|(_, i)| i).collect(),
            teachers: file.teachers()?,
            terms: file.terms()?,
            hours: file.entries(None)?.into_iter().map(|(_, e)| e).collect(),
            workload: file.workload_settings()?,
            ..Document::new(file.profile()?)
        })
    }

    /// Pretty-printed with a final newline, as `yitihua dump` writes it.
    #[expect(
        clippy::expect_used,
        reason = "serde_json fails only on a map with non-string keys or a failing Serialize; the document has neither"
    )]
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("documents always serialise");
        s.push('\n');
        s
    }

    /// Parses and checks format and version; values are checked by [`Document::create_file`].
    /// A UTF-8 byte-order mark, as Windows Notepad saves one, is skipped.
    pub fn parse(json: &str) -> Result<Document, ExchangeError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        #[derive(Deserialize)]
        struct Envelope {
            format: Option<String>,
            version: Option<u32>,
        }
        let envelope: Envelope = serde_json::from_str(json).map_err(ExchangeError::Syntax)?;
        let format = envelope.format.unwrap_or_default();
        if format != FORMAT {
            return Err(ExchangeError::NotOurs(format));
        }
        match envelope.version {
            Some(v) if v > VERSION => return Err(ExchangeError::NewerVersion(v)),
            _ => {}
        }
        let mut document: Document = serde_json::from_str(json).map_err(ExchangeError::Syntax)?;
        // An older document is read into today's shape; it is written back at this version.
        document.version = VERSION;
        Ok(document)
    }

    /// Everything [`Document::create_file`] would refuse, said in the user's terms: what a
    /// receiving office checks of a packet's data before it reads a figure of it.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self
            .school
            .validate()
            .into_iter()
            .map(|e| format!("{}：{}", e.field.label(), e.message))
            .collect();
        problems.extend(self.content_problems());
        problems
    }

    /// What the policy check reads: everything but the hours, with the newest revision of each
    /// batch's declaration, as the school file's `check_inputs` gives it.
    pub fn check_inputs(&self) -> Inputs {
        let mut declarations: Vec<Declaration> = Vec::new();
        for d in &self.declarations {
            match declarations.iter_mut().find(|o| o.batch == d.batch) {
                Some(o) if o.revision < d.revision => *o = d.clone(),
                Some(_) => {}
                None => declarations.push(d.clone()),
            }
        }
        Inputs {
            school: self.school.clone(),
            batches: self.batches.clone(),
            catalogue: Catalogue {
                specialties: self.catalogue.clone(),
            },
            declarations,
            resource_kinds: self.resource_kinds.clone(),
            resources: self.resources.clone(),
            teachers: self.teachers.clone(),
        }
    }

    /// What the store would refuse about batches, declarations, resources and the catalogue,
    /// said in the user's terms.
    fn content_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, b) in self.batches.iter().enumerate() {
            if b.start > b.end {
                problems.push(format!("{}的开始年月晚于结束年月", b.name));
            }
            if self.batches[..i]
                .iter()
                .any(|o| o.number == b.number || o.name == b.name)
            {
                problems.push(format!("批次“{}”重复", b.name));
            }
        }
        for (i, d) in self.declarations.iter().enumerate() {
            if !self.batches.iter().any(|b| b.number == d.batch) {
                problems.push(format!("申报引用了不存在的第{}批", d.batch));
            }
            if self.declarations[..i]
                .iter()
                .any(|o| o.batch == d.batch && o.revision == d.revision)
            {
                problems.push(format!("第{}批的第{}版申报重复", d.batch, d.revision));
            }
        }
        for (i, item) in self.resources.iter().enumerate() {
            let at = format!("第{}项资源（{}）", i + 1, item.title);
            if !self.resource_kinds.iter().any(|k| k.name == item.kind) {
                problems.push(format!("{at}：没有“{}”这类资源", item.kind));
            }
            problems.extend(item.problems().into_iter().map(|p| format!("{at}：{p}")));
        }
        problems.extend(self.workload_problems());
        let mut names: Vec<&str> = self.catalogue.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        for pair in names.windows(2).filter(|p| p[0] == p[1]) {
            problems.push(format!("专业目录中“{}”重复", pair[0]));
        }
        problems
    }

    /// The roster, terms and hours as the store would refuse them.
    fn workload_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for t in &self.teachers {
            if !ids.insert(t.id.as_str()) {
                problems.push(format!("工号“{}”重复", t.id));
            }
            problems.extend(
                t.problems()
                    .into_iter()
                    .map(|p| format!("教师{}：{p}", t.id)),
            );
        }
        let mut terms = std::collections::HashMap::new();
        for t in &self.terms {
            if t.end < t.start {
                problems.push(format!("{}的结束日期早于开始日期", t.name));
            }
            if terms.insert(t.name.as_str(), t).is_some() {
                problems.push(format!("学期“{}”重复", t.name));
            }
        }
        let mut keys = std::collections::HashSet::new();
        for (i, e) in self.hours.iter().enumerate() {
            let at = format!("第{}条课时（{}，{}）", i + 1, e.teacher, e.course);
            if !ids.contains(e.teacher.as_str()) {
                problems.push(format!("{at}：名册中没有这位教师"));
            }
            let term = terms.get(e.term.as_str()).copied();
            problems.extend(e.problems(term).into_iter().map(|p| format!("{at}：{p}")));
            if !keys.insert(e.key()) {
                problems.push(format!("{at}：与前面的一条重复"));
            }
        }
        problems.extend(self.workload.problems());
        problems
    }

    /// Creates a new school file holding this document. Refuses an existing path and values
    /// that the forms would refuse, so a loaded file is one the app could have made. `origin`
    /// goes into the file's history (e.g. "从 JSON 数据导入").
    pub fn create_file(&self, path: &Path, origin: &str) -> Result<SchoolFile, ExchangeError> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(ExchangeError::Invalid(problems));
        }
        // Built beside `path` and renamed into place when whole, so a load or demo that is
        // killed or fails part-way leaves nothing at `path`.
        SchoolFile::create_with(path, &self.school.normalized(), |file| {
            file.replace_catalogue(&Catalogue {
                specialties: self.catalogue.clone(),
            })?;
            file.replace_declarations(&self.batches, &self.declarations)?;
            file.replace_resources(&self.resource_kinds, &self.resources)?;
            file.replace_workload(&self.teachers, &self.terms, &self.hours, &self.workload)?;
            file.record_event(origin)?;
            Ok::<(), ExchangeError>(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workload::Hundredths;
    use crate::domain::{SchoolKind, SchoolProfile};

    fn reason<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        serde_reason(&serde_json::from_str::<T>(json).unwrap_err())
    }

    const FIX: &str = "，请对照 docs/data-format.md 改正";

    const SCHOOL: &str = r#""name": "兴安盟技工学校", "kind": "技工学校", "region": "兴安盟", "credit_code": "", "address": "", "principal": "", "academic_head": "", "contact": "", "phone": """#;

    #[test]
    fn serde_data_messages_are_said_in_chinese() {
        for (said, expected) in [
            (reason::<u32>("-2"), "取值类型不对：应为非负整数，实为 -2"),
            (reason::<i64>("1.5"), "取值类型不对：应为整数，实为 1.5"),
            (
                reason::<u32>(r#""2""#),
                "取值类型不对：应为非负整数，实为文字“2”",
            ),
            (
                reason::<bool>("null"),
                "取值类型不对：应为是非值 true 或 false，实为 null（空值）",
            ),
            (
                reason::<String>("[1]"),
                "取值类型不对：应为用双引号括起的文字，实为数组",
            ),
            (
                reason::<SchoolProfile>("[]"),
                "取值类型不对：应为对象（{…}），实为数组",
            ),
            (
                reason::<SchoolProfile>("7"),
                "取值类型不对：应为对象（{…}），实为 7",
            ),
            (
                reason::<SchoolKind>(r#""技校""#),
                "无效的取值“技校”（可用的取值：技师学院、高级技工学校、技工学校）",
            ),
            (
                reason::<SchoolProfile>(&format!("{{{SCHOOL}, \"motto\": \"x\"}}")),
                "未知的字段“motto”（可用的字段：name、kind、region、credit_code、address、principal、academic_head、contact、phone）",
            ),
            (
                reason::<SchoolProfile>(r#"{"名称, 简称": 1}"#),
                "未知的字段“名称, 简称”（可用的字段：name、kind、region、credit_code、address、principal、academic_head、contact、phone）",
            ),
            (
                reason::<SchoolProfile>(r#"{"name": "兴安盟技工学校"}"#),
                "缺少字段“kind”",
            ),
            (
                reason::<SchoolProfile>(&format!("{{{SCHOOL}, \"name\": \"又一个\"}}")),
                "字段“name”重复",
            ),
            (
                reason::<chrono::NaiveDate>(r#""2024-13-01""#),
                "日期无效，应如“2024-09-02”",
            ),
            (
                reason::<Hundredths>(r#""1.234""#),
                "“1.234”不是最多两位小数的非负数",
            ),
        ] {
            assert_eq!(said, format!("{expected}{FIX}"));
        }
    }

    #[test]
    fn an_untagged_shape_and_an_unknown_message_are_said_without_english() {
        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        #[allow(dead_code)]
        enum Shape {
            Number(u32),
            Text(String),
        }
        assert_eq!(
            reason::<Shape>("true"),
            format!("该项的写法不符合任何一种允许的形式{FIX}")
        );
        assert_eq!(
            reason::<std::net::IpAddr>(r#""x""#),
            "数据与格式说明不符，请对照 docs/data-format.md 检查这一处"
        );
    }

    #[test]
    fn syntax_errors_and_a_cut_off_file_keep_their_line_and_column() {
        let message = |json: &str| Document::parse(json).unwrap_err().to_string();
        assert_eq!(
            message("{\"format\": \"yitihua\",\n \"school\": {"),
            "JSON 格式错误（第2行第12列）：文件在此处意外结束（可能不完整），请重新导出，或补全后再导入"
        );
        assert_eq!(
            message("{\"format\": \"yitihua\",}"),
            "JSON 格式错误（第1行第22列）：语法错误，最后一项的后面多了逗号，请用记事本等编辑器检查这一处"
        );
        assert_eq!(
            message("x"),
            "JSON 格式错误（第1行第1列）：语法错误，此处应有一个值（可能多了逗号，或有多余的字符），请用记事本等编辑器检查这一处"
        );
        assert_eq!(
            message(r#"{"format": "C:\data"}"#),
            "JSON 格式错误（第1行第16列）：语法错误，反斜杠“\\”后的转义无效（文件路径中的“\\”须写成“\\\\”），请用记事本等编辑器检查这一处"
        );
        assert_eq!(
            message(r#"{"format": "yitihua", "version": -2}"#),
            format!("JSON 格式错误（第1行第35列）：取值类型不对：应为非负整数，实为 -2{FIX}")
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_unknown_school_keys_are_refused() {
        let json = format!("{{\"format\": \"yitihua\", \"version\": 4, \"school\": {{{SCHOOL}}}}}");
        let document = Document::parse(&format!("\u{feff}{json}")).unwrap();
        assert_eq!(document.school.name, "兴安盟技工学校");
        let misspelt = json.replace("\"phone\"", "\"telephone\"");
        assert!(
            Document::parse(&misspelt)
                .unwrap_err()
                .to_string()
                .contains("未知的字段“telephone”（可用的字段：name、"),
            "{misspelt}"
        );
    }
}
