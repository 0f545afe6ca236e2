//! 教学资源包: the resources of each specialty (policy 二(一): 教材、工作页、教学案例库、教学课件、
//! 教学视频), and the rule 凡编必审、凡选必审 — no textbook counts toward the package without an
//! approving review.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::terms::chinese_enum;
use super::{Declaration, isbn};

/// A kind of resource. Kinds are data: the five the policy names come first, then the
/// school-based documents of integrated courses; a school can add more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceKind {
    pub name: String,
    /// One of the five kinds a package must contain (policy 二(一)).
    pub named_by_policy: bool,
}

/// The kind every textbook is filed under; only this kind is reviewed.
pub const TEXTBOOK: &str = "教材";

pub fn default_kinds() -> Vec<ResourceKind> {
    let kind = |name: &str, named_by_policy| ResourceKind {
        name: name.into(),
        named_by_policy,
    };
    vec![
        kind(TEXTBOOK, true),
        kind("工作页", true),
        kind("教学案例库", true),
        kind("教学课件", true),
        kind("教学视频", true),
        kind("课程标准校本转化", false),
        kind("学习任务设计", false),
        kind("考核方案", false),
        kind("信息页", false),
        kind("教学进度计划", false),
        kind("教案", false),
    ]
}

chinese_enum! {
    /// 自编 (written by the school) or 选用 (chosen from publishers).
    pub enum Origin {
        Compiled = "自编",
        Selected = "选用",
    }
}

chinese_enum! {
    /// 审核结论.
    pub enum Conclusion {
        Pass = "通过",
        PassAfterRevision = "修改后通过",
        Resubmit = "重新送审",
        Reject = "不予通过",
    }
}

impl Conclusion {
    /// Only 通过 and 修改后通过 let a textbook count toward the package.
    pub fn approves(self) -> bool {
        matches!(self, Conclusion::Pass | Conclusion::PassAfterRevision)
    }
}

/// One review of a textbook; the history is kept, the latest decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub conclusion: Conclusion,
    /// Reviewers or the committee (审核人或审核委员会).
    pub reviewers: String,
    pub date: NaiveDate,
    pub opinion: String,
}

/// What only textbooks carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Textbook {
    pub origin: Origin,
    /// 选用: publisher, ISBN, edition.
    pub publisher: String,
    pub isbn: String,
    pub edition: String,
    /// In the 全国技工教育规划教材目录 (policy 三(一)).
    pub in_national_catalogue: bool,
    /// 自编: 主编 and 编写人员, whose work the policy asks schools to recognise (四(二)).
    pub chief_editor: String,
    pub editors: Vec<String>,
}

/// A file a resource refers to. Files stay where they are (teaching videos can be gigabytes);
/// the school file keeps where, how big and the SHA-256, so a moved or edited file is noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    pub path: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
}

chinese_enum! {
    /// What became of a referenced file since it was recorded.
    pub enum FileStatus {
        Unchanged = "未变",
        Missing = "缺失",
        Changed = "已改动",
    }
}

chinese_enum! {
    /// Where an item stands under 凡编必审、凡选必审, as the inventory filters it and the packet
    /// and the resource workbook print it.
    pub enum ReviewState: array {
        /// Counts toward the package (approved textbooks, every other item).
        Counted = "已计入",
        /// A textbook without any review yet.
        Unreviewed = "未审核",
        /// A textbook whose latest review does not approve it.
        NotApproved = "审核未通过",
    }
}

/// One resource of a specialty, optionally of one course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceItem {
    pub specialty: String,
    pub course: Option<String>,
    pub kind: String,
    pub title: String,
    pub textbook: Option<Textbook>,
    /// Oldest first.
    pub reviews: Vec<Review>,
    /// Files of the resource (a video, the courseware deck), by reference.
    #[serde(default)]
    pub files: Vec<FileRef>,
}

impl ResourceItem {
    /// 凡编必审、凡选必审: a textbook counts only when its latest review approves it; other kinds
    /// count as soon as they are recorded.
    pub fn counts(&self) -> bool {
        self.kind != TEXTBOOK || self.reviews.last().is_some_and(|r| r.conclusion.approves())
    }

    /// Counted when [`ResourceItem::counts`] says so; a textbook that does not count is
    /// unreviewed until its first review, and not approved after one.
    pub fn review_state(&self) -> ReviewState {
        match (self.kind == TEXTBOOK, self.reviews.last()) {
            (true, None) => ReviewState::Unreviewed,
            _ if self.counts() => ReviewState::Counted,
            _ => ReviewState::NotApproved,
        }
    }

    /// What must be fixed before the item can be saved, worded for the user.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.specialty.trim().is_empty() {
            problems.push("请填写专业".to_string());
        }
        if self.title.trim().is_empty() {
            problems.push("请填写资源名称".to_string());
        }
        match (&self.textbook, self.kind == TEXTBOOK) {
            (None, true) => problems.push("教材须填写来源（自编或选用）".into()),
            (Some(_), false) => problems.push("只有教材填写出版和编写信息".into()),
            (Some(t), true) => match t.origin {
                Origin::Selected => {
                    if t.publisher.trim().is_empty() {
                        problems.push("选用教材须填写出版社".into());
                    }
                    if let Err(e) = isbn::validate(&t.isbn) {
                        problems.push(e.to_string());
                    }
                }
                Origin::Compiled => {
                    if t.chief_editor.trim().is_empty() {
                        problems.push("自编教材须填写主编".into());
                    }
                }
            },
            (None, false) => {}
        }
        problems
    }
}

/// How far one kind of a specialty's package is: recorded items and those that count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub kind: String,
    pub items: usize,
    pub counted: usize,
}

/// For each kind the policy names, how many items the specialty has and how many count. A kind
/// with nothing counted is what the package lacks.
pub fn readiness(
    kinds: &[ResourceKind],
    items: &[ResourceItem],
    specialty: &str,
) -> Vec<Readiness> {
    kinds
        .iter()
        .filter(|k| k.named_by_policy)
        .map(|k| {
            let of_kind = items
                .iter()
                .filter(|i| i.specialty == specialty && i.kind == k.name);
            let (items, counted) =
                of_kind.fold((0, 0), |(n, c), i| (n + 1, c + usize::from(i.counts())));
            Readiness {
                kind: k.name.clone(),
                items,
                counted,
            }
        })
        .collect()
}

chinese_enum! {
    /// One cell of the completeness matrix (kinds × courses).
    pub enum Cell {
        Missing = "缺",
        /// Recorded, but nothing counts yet (textbooks without an approving review).
        Unreviewed = "待审",
        Present = "齐",
    }
}

/// The specialties a package overview covers: those declared (in declaration order), then
/// any others that have resources, each once.
pub fn specialties(declarations: &[Declaration], items: &[ResourceItem]) -> Vec<String> {
    let mut names: Vec<String> = declarations
        .iter()
        .flat_map(|d| d.specialties.iter().map(|s| s.name.clone()))
        .chain(items.iter().map(|i| i.specialty.clone()))
        .collect();
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    names
}

/// The completeness matrix of a specialty: one row per course (items without a course form the
/// row `None`), one cell per kind in `kinds` order.
pub fn matrix(
    kinds: &[ResourceKind],
    items: &[ResourceItem],
    specialty: &str,
) -> Vec<(Option<String>, Vec<Cell>)> {
    let mut courses: Vec<Option<String>> = Vec::new();
    for item in items.iter().filter(|i| i.specialty == specialty) {
        if !courses.contains(&item.course) {
            courses.push(item.course.clone());
        }
    }
    courses
        .into_iter()
        .map(|course| {
            let cells = kinds
                .iter()
                .map(|k| {
                    let mut of = items.iter().filter(|i| {
                        i.specialty == specialty && i.course == course && i.kind == k.name
                    });
                    let first = of.next();
                    match first {
                        None => Cell::Missing,
                        Some(i) if i.counts() || of.any(ResourceItem::counts) => Cell::Present,
                        Some(_) => Cell::Unreviewed,
                    }
                })
                .collect();
            (course, cells)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn textbook(origin: Origin) -> Textbook {
        Textbook {
            origin,
            publisher: "中国劳动社会保障出版社".into(),
            isbn: "978-7-5167-4321-8".into(),
            edition: "第2版".into(),
            in_national_catalogue: true,
            chief_editor: "乌日娜".into(),
            editors: vec!["王堃".into(), "李喆".into()],
        }
    }

    fn item(kind: &str, course: &str) -> ResourceItem {
        ResourceItem {
            specialty: "数控加工".into(),
            course: Some(course.into()),
            kind: kind.into(),
            title: format!("{course}{kind}"),
            textbook: (kind == TEXTBOOK).then(|| textbook(Origin::Selected)),
            reviews: Vec::new(),
            files: Vec::new(),
        }
    }

    fn review(conclusion: Conclusion) -> Review {
        Review {
            conclusion,
            reviewers: "校教材审核委员会".into(),
            date: NaiveDate::from_ymd_opt(2023, 3, 1).unwrap(),
            opinion: String::new(),
        }
    }

    #[test]
    fn a_textbook_counts_only_after_an_approving_latest_review() {
        let mut book = item(TEXTBOOK, "数控车削加工");
        assert!(!book.counts(), "unreviewed");
        book.reviews.push(review(Conclusion::Reject));
        assert!(!book.counts(), "rejected");
        book.reviews.push(review(Conclusion::Resubmit));
        assert!(!book.counts());
        book.reviews.push(review(Conclusion::PassAfterRevision));
        assert!(book.counts());
        book.reviews.push(review(Conclusion::Reject));
        assert!(!book.counts(), "the latest review decides");
        assert!(
            item("工作页", "数控车削加工").counts(),
            "only textbooks are reviewed"
        );
    }

    #[test]
    fn a_textbook_is_unreviewed_then_counted_or_not_approved() {
        let mut book = item(TEXTBOOK, "数控车削加工");
        assert_eq!(book.review_state(), ReviewState::Unreviewed);
        book.reviews.push(review(Conclusion::Resubmit));
        assert_eq!(book.review_state(), ReviewState::NotApproved);
        book.reviews.push(review(Conclusion::Pass));
        assert_eq!(book.review_state(), ReviewState::Counted);
        book.reviews.push(review(Conclusion::Reject));
        assert_eq!(book.review_state(), ReviewState::NotApproved);
        let sheet = item("工作页", "数控车削加工");
        assert_eq!(
            sheet.review_state(),
            ReviewState::Counted,
            "only textbooks are reviewed"
        );
        assert_eq!(
            ReviewState::ALL.map(ReviewState::name),
            ["已计入", "未审核", "审核未通过"]
        );
    }

    #[test]
    fn textbook_details_are_checked_by_origin() {
        let mut selected = item(TEXTBOOK, "x");
        assert!(selected.problems().is_empty());
        selected.textbook.as_mut().unwrap().isbn = "978-7-5167-4321-9".into();
        assert_eq!(selected.problems(), ["ISBN 校验位不正确，请核对是否输错"]);
        let mut compiled = item(TEXTBOOK, "x");
        compiled.textbook = Some(Textbook {
            chief_editor: String::new(),
            isbn: String::new(),
            ..textbook(Origin::Compiled)
        });
        assert_eq!(compiled.problems(), ["自编教材须填写主编"]);
        let mut video = item("教学视频", "x");
        video.textbook = Some(textbook(Origin::Selected));
        assert_eq!(video.problems(), ["只有教材填写出版和编写信息"]);
    }

    #[test]
    fn readiness_and_matrix_show_what_is_missing() {
        let kinds = default_kinds();
        let mut book = item(TEXTBOOK, "数控车削加工");
        let items = vec![
            book.clone(),
            item("工作页", "数控车削加工"),
            item("教学视频", "数控铣削加工"),
        ];
        let ready = readiness(&kinds, &items, "数控加工");
        assert_eq!(ready.len(), 5, "the five kinds of policy 二(一)");
        assert_eq!((ready[0].items, ready[0].counted), (1, 0));
        assert_eq!((ready[1].items, ready[1].counted), (1, 1));
        assert_eq!(ready[2].items, 0);
        let rows = matrix(&kinds, &items, "数控加工");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0.as_deref(), Some("数控车削加工"));
        assert_eq!(
            &rows[0].1[..3],
            [Cell::Unreviewed, Cell::Present, Cell::Missing]
        );
        book.reviews.push(review(Conclusion::Pass));
        let rows = matrix(&kinds, &[book], "数控加工");
        assert_eq!(rows[0].1[0], Cell::Present);
    }
}
