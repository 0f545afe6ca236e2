//! The interchange format: a whole school as one JSON document. Keys are English snake_case,
//! enumerated values the Chinese terms users see, dates ISO 8601, decimals strings. Output is
//! deterministic so `dump` → `load` → `dump` gives identical bytes.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::batch::policy_batches;
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
/// `resources`; version 4 `teachers`, `terms`, `hours` and `workload`. Older documents load with
/// the defaults of what they lack.
pub const VERSION: u32 = 4;

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
            Self::Syntax(e) => write!(
                f,
                "JSON 格式错误（第{}行第{}列）：{}",
                e.line(),
                e.column(),
                describe_serde(e)
            ),
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

/// serde's messages are English; the common cases are said in Chinese, the rest passed on.
fn describe_serde(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let msg = raw.split(" at line ").next().unwrap_or(&raw);
    if let Some(field) = msg.strip_prefix("missing field ") {
        format!("缺少字段 {field}")
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        format!("未知字段 {field}")
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let value = rest.split(',').next().unwrap_or(rest);
        format!("无效的取值 {value}")
    } else if e.is_eof() {
        "文件意外结束".into()
    } else {
        msg.to_string()
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
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("documents always serialise");
        s.push('\n');
        s
    }

    /// Parses and checks format and version; values are checked by [`Document::create_file`].
    pub fn parse(json: &str) -> Result<Document, ExchangeError> {
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
        let mut problems: Vec<String> = self
            .school
            .validate()
            .into_iter()
            .map(|e| format!("{}：{}", e.field.label(), e.message))
            .collect();
        problems.extend(self.content_problems());
        if !problems.is_empty() {
            return Err(ExchangeError::Invalid(problems));
        }
        let mut file = SchoolFile::create(path, &self.school.normalized())?;
        let filled = (|| {
            file.replace_catalogue(&Catalogue {
                specialties: self.catalogue.clone(),
            })?;
            file.replace_declarations(&self.batches, &self.declarations)?;
            file.replace_resources(&self.resource_kinds, &self.resources)?;
            file.replace_workload(&self.teachers, &self.terms, &self.hours, &self.workload)?;
            file.record_event(origin)
        })();
        if let Err(e) = filled {
            // The file was created a moment ago by this call; a half-filled one must not stay.
            drop(file);
            let _ = std::fs::remove_file(path);
            return Err(e.into());
        }
        Ok(file)
    }
}
