//! 课时: terms, the periods each teacher taught, and the policy's weighting — periods of
//! integrated courses count 1.4× (policy 二(四)).
//!
//! **Arithmetic is exact.** Periods are whole numbers (节数, 周课时 × 周数). A coefficient has at
//! most two decimal places and is kept as hundredths, so a weighted total is an integer number of
//! hundredths: 37 × 1.4 is 3700 × 140 / 100 = 5180 hundredths, printed "51.8". No value is ever
//! rounded; printing drops trailing zeros only.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::allowance::{Figures, Pay};
use super::exact::Exact;
use super::raise::{self, Development, Raise};
use super::terms::chinese_enum;
use super::{Teacher, teacher::TeacherLevel};

/// A non-negative decimal with two places, held as hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hundredths(pub u64);

impl Hundredths {
    pub const ONE: Hundredths = Hundredths(100);

    pub fn whole(n: u64) -> Hundredths {
        Hundredths(n * 100)
    }

    /// `periods × self`, exactly.
    pub fn times(self, periods: u64) -> Hundredths {
        Hundredths(self.0 * periods)
    }

    /// Parses "1.4", "1.40", "1" or "0.85"; refuses a third decimal place rather than round it.
    pub fn parse(text: &str) -> Option<Hundredths> {
        let text = text.trim();
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty()
            || frac.len() > 2
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: u64 = whole.parse().ok()?;
        let frac: u64 = format!("{frac:0<2}").parse().ok()?;
        whole.checked_mul(100)?.checked_add(frac).map(Hundredths)
    }
}

impl std::ops::Add for Hundredths {
    type Output = Hundredths;
    fn add(self, other: Hundredths) -> Hundredths {
        Hundredths(self.0 + other.0)
    }
}

impl std::ops::AddAssign for Hundredths {
    fn add_assign(&mut self, other: Hundredths) {
        self.0 += other.0;
    }
}

impl std::fmt::Display for Hundredths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{whole}"),
            f10 if f10 % 10 == 0 => write!(f, "{whole}.{}", f10 / 10),
            _ => write!(f, "{whole}.{frac:02}"),
        }
    }
}

/// Stored and exchanged as the decimal string ("1.4"), as the interchange format keeps decimals.
impl Serialize for Hundredths {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Hundredths {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Hundredths, D::Error> {
        let text = String::deserialize(d)?;
        Hundredths::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("“{text}”不是最多两位小数的非负数")))
    }
}

/// 学年学期, e.g. 2024-2025学年第一学期.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Term {
    /// A term named in the usual way, with the usual dates (第一学期 1 September to 31 January,
    /// 第二学期 1 February to 31 July), for a term a spreadsheet mentions that the file does not
    /// know yet. The office can correct the dates afterwards.
    pub fn from_usual_name(name: &str) -> Option<Term> {
        let name = name.trim();
        let (years, part) = name.split_once("学年")?;
        let (first, second) = years.split_once('-')?;
        let first: i32 = first.parse().ok()?;
        let second: i32 = second.parse().ok()?;
        if second != first + 1 {
            return None;
        }
        let (start, end) = match part {
            "第一学期" => (ymd(first, 9, 1)?, ymd(second, 1, 31)?),
            "第二学期" => (ymd(second, 2, 1)?, ymd(second, 7, 31)?),
            _ => return None,
        };
        Some(Term {
            name: name.into(),
            start,
            end,
        })
    }

    /// The usual term a date falls in (none in August, between the two).
    pub fn usual_for(date: NaiveDate) -> Option<Term> {
        let y = date.year();
        let name = match date.month() {
            9..=12 => format!("{y}-{}学年第一学期", y + 1),
            1 => format!("{}-{y}学年第一学期", y - 1),
            2..=7 => format!("{}-{y}学年第二学期", y - 1),
            _ => return None,
        };
        Term::from_usual_name(&name)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The term a date falls in, e.g. for 教师填报's default.
    pub fn for_date(terms: &[Term], date: NaiveDate) -> Option<&Term> {
        terms.iter().find(|t| t.contains(date))
    }
}

/// Dates as offices type them: 2024-09-02, 2024/9/2, 2024.9.2, 2024年9月2日. A time after the
/// date (2024-09-10 08:30, 2024-09-10T08:30:00, as a sheet's date-time cell reads) is allowed
/// and dropped, since every date field here is a day; anything else after it is refused.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (date, time) = text
        .split_once(|c: char| c == 'T' || c.is_whitespace())
        .unwrap_or((text, ""));
    if !time.is_empty() && !is_time(time.trim()) {
        return None;
    }
    let text = date.trim_end_matches('日');
    let parts: Vec<&str> = text.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// 8:30, 08:30:00 or 08:30:00.000: hours, minutes and optional (fractional) seconds.
fn is_time(text: &str) -> bool {
    let parts: Vec<&str> = text.split(':').collect();
    let number = |part: &str, below: u32| {
        !part.is_empty() && part.len() <= 2 && part.parse::<u32>().is_ok_and(|n| n < below)
    };
    match parts.as_slice() {
        [h, m] => number(h, 24) && number(m, 60),
        [h, m, s] => {
            let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
            number(h, 24)
                && number(m, 60)
                && number(whole, 60)
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

chinese_enum! {
    /// 课程类型: only integrated courses are weighted.
    pub enum CourseKind {
        Integrated = "一体化课程",
        Other = "其他",
    }
}

/// How many periods an entry stands for: a plan for the term, or lessons actually given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum Amount {
    /// 周课时 × 周数.
    #[serde(rename = "计划")]
    Planned { weekly: u32, weeks: u32 },
    /// One day's lessons of one course and class: 日期, 节数, 内容.
    #[serde(rename = "授课")]
    Lessons {
        date: NaiveDate,
        periods: u32,
        #[serde(default)]
        content: String,
    },
    /// 停课: lessons of the plan that were not given (a holiday moved, an exam week, the
    /// teacher's leave). They reduce the plan while the plan is what counts, and nothing once
    /// lessons are logged, since the lessons then say what was given.
    #[serde(rename = "停课")]
    Cancelled {
        date: NaiveDate,
        periods: u32,
        #[serde(default)]
        reason: String,
    },
    /// 代课: lessons this entry's teacher gave in place of `absent` (a 工号), of the absent
    /// teacher's course and class. They count for the substitute as lessons given, and reduce
    /// the absent teacher's plan as 停课 does.
    #[serde(rename = "代课")]
    Substitute {
        date: NaiveDate,
        periods: u32,
        absent: String,
        #[serde(default)]
        content: String,
    },
}

impl Amount {
    /// The periods the entry names: for 停课 those taken off, for the others those taught.
    pub fn periods(&self) -> u64 {
        match self {
            Amount::Planned { weekly, weeks } => u64::from(*weekly) * u64::from(*weeks),
            Amount::Lessons { periods, .. }
            | Amount::Cancelled { periods, .. }
            | Amount::Substitute { periods, .. } => u64::from(*periods),
        }
    }

    /// The day of a dated entry; a plan has none.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Amount::Planned { .. } => None,
            Amount::Lessons { date, .. }
            | Amount::Cancelled { date, .. }
            | Amount::Substitute { date, .. } => Some(*date),
        }
    }
}

/// The most periods one teacher can give one class in a day; more is a typing error.
pub const MAX_PERIODS_PER_DAY: u32 = 12;

/// The group in the summaries by 系部 and by 专业 for teachers and hours whose 系部 or 专业 is
/// still 待补充: they are counted, under this heading, so the totals stay whole and the office
/// sees how much is waiting for the field. Sorts after every name.
pub const INCOMPLETE_GROUP: &str = "（待补充）";

/// One line of a teacher's hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The teacher's 工号.
    pub teacher: String,
    pub term: String,
    pub course: String,
    /// The specialty the course belongs to, for the per-专业 summary.
    #[serde(default)]
    pub specialty: String,
    pub kind: CourseKind,
    /// 班级.
    pub class: String,
    pub amount: Amount,
}

impl Entry {
    /// What the office still has to complete, as [`Teacher::missing`]: an entry without its
    /// 专业 is counted for the teacher and listed under [`INCOMPLETE_GROUP`] by 专业. Course,
    /// class, term and periods are never missing, only wrong: without them an entry cannot be
    /// counted or told apart from another.
    pub fn missing(&self) -> Vec<String> {
        if self.specialty.trim().is_empty() {
            vec!["专业待补充".to_string()]
        } else {
            Vec::new()
        }
    }

    /// What identifies an entry across imports: the same teacher, term, course, class and day
    /// (or the plan of that course) is the same entry, so importing a sheet twice changes
    /// nothing and importing a corrected sheet corrects the entry.
    pub fn key(&self) -> String {
        // A day's 停课 and 代课 are keyed apart from its lessons: a teacher may give two of a
        // class's four periods and have the other two cancelled.
        let when = match &self.amount {
            Amount::Planned { .. } => "计划".to_string(),
            Amount::Lessons { date, .. } => date.to_string(),
            Amount::Cancelled { date, .. } => format!("停课{date}"),
            Amount::Substitute { date, .. } => format!("代课{date}"),
        };
        format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.teacher, self.term, self.course, self.class, when
        )
    }

    /// What the store refuses about an entry given its term.
    pub fn problems(&self, term: Option<&Term>) -> Vec<String> {
        let mut problems = Vec::new();
        for (label, value) in [("课程", &self.course), ("班级", &self.class)] {
            if value.trim().is_empty() {
                problems.push(format!("{label}不能为空"));
            }
        }
        if let Amount::Substitute { absent, .. } = &self.amount {
            if absent.trim().is_empty() {
                problems.push("代课须填写被代课教师的工号".into());
            } else if absent == &self.teacher {
                problems.push("被代课教师不能是代课教师本人".into());
            }
        }
        match &self.amount {
            Amount::Lessons { date, periods, .. }
            | Amount::Cancelled { date, periods, .. }
            | Amount::Substitute { date, periods, .. } => {
                if *periods == 0 {
                    problems.push("节数须大于0".into());
                } else if *periods > MAX_PERIODS_PER_DAY {
                    problems.push(format!("一天超过{MAX_PERIODS_PER_DAY}节"));
                }
                match term {
                    Some(t) if !t.contains(*date) => problems.push(format!(
                        "日期{date}不在{}（{}至{}）内",
                        t.name, t.start, t.end
                    )),
                    _ => {}
                }
            }
            Amount::Planned { weekly, weeks } => {
                if *weekly == 0 || *weeks == 0 {
                    problems.push("周课时和周数须大于0".into());
                }
                if *weekly > MAX_PERIODS_PER_DAY * 7 {
                    problems.push("周课时过大".into());
                }
            }
        }
        if term.is_none() {
            problems.push(format!("没有学期“{}”", self.term));
        }
        problems
    }
}

/// 折算系数 of integrated courses from a date on (policy 二(四) sets 1.4; a school may raise
/// it for course development work, policy 四(二)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coefficient {
    pub from: NaiveDate,
    pub integrated: Hundredths,
}

/// The school's workload settings, and what the office approves on top of the policy's
/// weighting: raised factors, credited course development, 额定课时 and 课时津贴.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Never empty; ordered by date.
    pub coefficients: Vec<Coefficient>,
    /// Most periods a teacher should give in a week; a warning, not a refusal.
    #[serde(default)]
    pub weekly_limit: Option<u32>,
    /// Most periods a teacher should give in a term.
    #[serde(default)]
    pub term_limit: Option<u32>,
    #[serde(default)]
    pub raises: Vec<Raise>,
    #[serde(default)]
    pub developments: Vec<Development>,
    #[serde(default)]
    pub pay: Pay,
}

/// 2022年6月30日, the date of 内人社办发〔2022〕111号, from which its coefficient applies; checked
/// when the program is compiled.
const POLICY_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2022, 6, 30) {
    Some(date) => date,
    None => panic!("a valid date"),
};

impl Default for Settings {
    /// 1.4 from the policy's date (2022年6月30日), no load limits.
    fn default() -> Settings {
        Settings {
            coefficients: vec![Coefficient {
                from: POLICY_DATE,
                integrated: Hundredths(140),
            }],
            weekly_limit: None,
            term_limit: None,
            raises: Vec::new(),
            developments: Vec::new(),
            pay: Pay::default(),
        }
    }
}

impl Settings {
    /// The integrated coefficient in force on `date`: the latest one set on or before it, or the
    /// earliest one for older dates (a file's first setting stands for the time before it).
    pub fn integrated_on(&self, date: NaiveDate) -> Hundredths {
        self.coefficients
            .iter()
            .rev()
            .find(|c| c.from <= date)
            .or(self.coefficients.first())
            .map_or(Hundredths(140), |c| c.integrated)
    }

    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.coefficients.is_empty() {
            problems.push("至少要有一个折算系数".to_string());
        }
        if self.coefficients.windows(2).any(|w| w[0].from >= w[1].from) {
            problems.push("折算系数的起始日期须逐个递增".to_string());
        }
        if self
            .coefficients
            .iter()
            .any(|c| c.integrated < Hundredths::ONE)
        {
            problems.push("一体化课程的折算系数不能小于1".to_string());
        }
        for (n, r) in self.raises.iter().enumerate() {
            problems.extend(
                r.problems()
                    .into_iter()
                    .map(|p| format!("第{}条提高系数：{p}", n + 1)),
            );
        }
        for (n, d) in self.developments.iter().enumerate() {
            problems.extend(
                d.problems()
                    .into_iter()
                    .map(|p| format!("第{}条课程开发工作量：{p}", n + 1)),
            );
        }
        problems.extend(self.pay.problems());
        problems
    }

    /// The factors one entry's periods are multiplied by, with the raises' places in
    /// [`Settings::raises`]: none for other courses; for integrated ones the coefficient of the
    /// day and the raises in force (see [`raise`]).
    fn factors(&self, entry: &Entry, date: NaiveDate) -> Factors {
        let mut factors = Factors::default();
        if entry.kind == CourseKind::Integrated {
            factors.push(self.integrated_on(date), None);
            for (i, r) in raise::in_force(&self.raises, &entry.teacher, &entry.course, date) {
                factors.push(r.factor, Some(i));
            }
        }
        factors
    }
}

/// The factors of one entry: at most the coefficient and one raise per scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Factors {
    values: [Hundredths; super::exact::MAX_FACTORS],
    raises: [Option<usize>; super::exact::MAX_FACTORS],
    len: usize,
}

impl Factors {
    fn push(&mut self, factor: Hundredths, raise: Option<usize>) {
        self.values[self.len] = factor;
        self.raises[self.len] = raise;
        self.len += 1;
    }

    /// The coefficient first, then each raise in scope order; empty for other courses.
    pub fn values(&self) -> &[Hundredths] {
        &self.values[..self.len]
    }

    /// The places in [`Settings::raises`] of the raises among them.
    pub fn raises(&self) -> impl Iterator<Item = usize> + '_ {
        self.raises[..self.len].iter().flatten().copied()
    }

    /// Their product, the factor the periods were multiplied by.
    pub fn product(&self) -> Exact {
        Exact::product(self.values())
    }
}

/// One teacher's periods in one term.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    /// 一体化课时 as given (unweighted).
    pub integrated: u64,
    /// 其他课时.
    pub other: u64,
    /// Of the two above, the periods given as 代课 for an absent teacher.
    pub substitute: u64,
    /// Periods taken off a plan that counts: its 停课 and the 代课 others gave for it.
    pub cancelled: u64,
    /// 课程开发 periods credited (policy 四(二)), counted once each.
    pub development: u64,
    /// 折算课时: integrated × every factor + other + development, exactly.
    pub weighted: Exact,
    /// 额定, 超额 and 津贴, when the school has set them.
    pub pay: Figures,
}

impl Totals {
    /// Adds `periods` of `entry` that count (a plan's may be fewer than it names).
    fn add(&mut self, entry: &Entry, periods: u64, weighted: Exact) {
        match entry.kind {
            CourseKind::Integrated => self.integrated += periods,
            CourseKind::Other => self.other += periods,
        }
        if matches!(entry.amount, Amount::Substitute { .. }) {
            self.substitute += periods;
        }
        self.weighted += weighted;
    }

    fn merge(&mut self, other: &Totals) {
        self.integrated += other.integrated;
        self.other += other.other;
        self.substitute += other.substitute;
        self.cancelled += other.cancelled;
        self.development += other.development;
        self.weighted += other.weighted;
        self.pay.merge(&other.pay);
    }

    pub fn periods(&self) -> u64 {
        self.integrated + self.other
    }
}

/// A teacher's row of the workload summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeacherRow {
    pub id: String,
    pub name: String,
    pub department: String,
    pub level: TeacherLevel,
    /// 职称, which 额定课时 and the rate may depend on.
    pub title: String,
    pub totals: Totals,
    /// The places in [`Settings::raises`] of the raises that counted toward the row.
    pub raises: Vec<usize>,
    /// Load warnings against the school's limits, said for the user.
    pub warnings: Vec<String>,
}

/// How a course's plan and its lessons are counted, printed under every summary: they describe
/// the same teaching, so adding both would count a teacher twice.
pub const COUNTING_RULE: &str = "计划与实际不重复计算：同一教师、学期、课程和班级，已有授课记录的按实际授课节数计，尚无授课记录的按计划（周课时×周数）减去停课和他人代课的节数计；代课节数计入代课教师。";

chinese_enum! {
    /// Which of a course's figures counts toward the totals.
    pub enum Basis {
        Plan = "按计划",
        Lessons = "按实际",
    }
}

/// The 系部 a teacher is summed under: a blank one under [`INCOMPLETE_GROUP`].
pub fn department_group(department: &str) -> &str {
    if department.trim().is_empty() {
        INCOMPLETE_GROUP
    } else {
        department
    }
}

impl Summary {
    /// The teachers summed under `department` (a name of [`Summary::departments`]), in roster
    /// order: the rows of one 系部 in the 课时津贴表.
    pub fn teachers_in<'a>(&'a self, department: &'a str) -> impl Iterator<Item = &'a TeacherRow> {
        self.teachers
            .iter()
            .filter(move |t| department_group(&t.department) == department)
    }
}

/// One teacher's course and class in one term: the planned periods beside those given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseRow {
    /// The teacher's 工号.
    pub teacher: String,
    pub name: String,
    pub term: String,
    pub course: String,
    pub class: String,
    pub kind: CourseKind,
    /// 周课时 × 周数, when the course has a plan.
    pub planned: Option<u64>,
    /// The periods of its logged lessons.
    pub given: u64,
    /// Its 停课, and the 代课 others gave for it: they come off the plan while it counts.
    pub cancelled: u64,
    /// The periods this teacher gave as 代课 in this course and class, counted for them always.
    pub substitute: u64,
    /// Lessons once any are logged, the plan before that.
    pub basis: Basis,
    /// The factors of what counts (of its last day, when they changed during the term).
    pub factors: Factors,
    /// What counts, weighted.
    pub weighted: Exact,
}

impl CourseRow {
    /// 实际 − 计划, when there is a plan to compare with.
    pub fn difference(&self) -> Option<i64> {
        let given = i64::try_from(self.given).ok()?;
        Some(given - i64::try_from(self.planned?).ok()?)
    }
}

/// How many courses and classes that have a plan (in `before` or in `sheet`) get lessons from
/// `sheet`: their plan stops counting once the sheet is imported (COUNTING_RULE).
pub fn plans_given_by(sheet: &[Entry], before: &[Entry]) -> usize {
    let planned: std::collections::HashSet<_> = before
        .iter()
        .chain(sheet)
        .filter(|e| matches!(e.amount, Amount::Planned { .. }))
        .map(course_of)
        .collect();
    let given: std::collections::HashSet<_> = sheet
        .iter()
        .filter(|e| matches!(e.amount, Amount::Lessons { .. }))
        .map(course_of)
        .filter(|c| planned.contains(c))
        .collect();
    given.len()
}

/// The summary of one term (or all terms): per teacher in roster order, per 系部 and per 专业,
/// and per course and class with plan and lessons side by side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub teachers: Vec<TeacherRow>,
    pub departments: Vec<(String, Totals)>,
    pub specialties: Vec<(String, Totals)>,
    pub courses: Vec<CourseRow>,
    pub total: Totals,
    /// Each raise that counted, described, numbered as in [`Settings::raises`] plus one.
    pub raises: Vec<(usize, String)>,
}

/// What a course and class is known by across its plan and its lessons.
fn course_of(entry: &Entry) -> (&str, &str, &str, &str) {
    (
        entry.teacher.as_str(),
        entry.term.as_str(),
        entry.course.as_str(),
        entry.class.as_str(),
    )
}

/// A course and class of one teacher (by place in the roster) in one term, while summarising.
fn course_key(teacher: usize, entry: &Entry) -> (usize, &str, &str, &str) {
    (
        teacher,
        entry.term.as_str(),
        entry.course.as_str(),
        entry.class.as_str(),
    )
}

/// What a course and class adds up to before it becomes a [`CourseRow`].
struct Tally {
    kind: CourseKind,
    planned: Option<u64>,
    given: u64,
    lessons: bool,
    cancelled: u64,
    substitute: u64,
    /// What of `cancelled` is still to come off the plan's entries.
    to_deduct: u64,
    factors: Factors,
    /// The day `factors` are of.
    last: Option<NaiveDate>,
    weighted: Exact,
}

impl Tally {
    /// The tally of teacher `i`'s course and class of `entry`, started empty.
    fn of<'a, 'm>(
        courses: &'m mut HashMap<(usize, &'a str, &'a str, &'a str), Tally>,
        i: usize,
        entry: &'a Entry,
    ) -> &'m mut Tally {
        courses.entry(course_key(i, entry)).or_insert(Tally {
            kind: entry.kind,
            planned: None,
            given: 0,
            lessons: false,
            cancelled: 0,
            substitute: 0,
            to_deduct: 0,
            factors: Factors::default(),
            last: None,
            weighted: Exact::default(),
        })
    }
}

/// Summarises `entries` of `term` (all terms if `None`). Entries of teachers not on the roster
/// are impossible in a school file (the store refuses them) and are ignored here.
pub fn summarise(
    teachers: &[Teacher],
    terms: &[Term],
    entries: &[Entry],
    settings: &Settings,
    term: Option<&str>,
) -> Summary {
    let index: HashMap<&str, usize> = teachers
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let term_start: HashMap<&str, NaiveDate> =
        terms.iter().map(|t| (t.name.as_str(), t.start)).collect();
    let mut per_teacher = vec![Totals::default(); teachers.len()];
    // Periods per teacher and ISO week (lessons), and planned weekly periods per teacher and term.
    let mut weekly: HashMap<(usize, i32, u32), u64> = HashMap::default();
    let mut planned_weekly: HashMap<(usize, &str), u64> = HashMap::default();
    let mut per_term: HashMap<(usize, &str), u64> = HashMap::default();
    let mut specialties: HashMap<&str, Totals> = HashMap::default();
    // Weighted periods per teacher and term, for 额定, 超额 and 津贴, which are per term.
    let mut term_weighted: HashMap<(usize, &str), Exact> = HashMap::default();
    let mut raised: Vec<std::collections::BTreeSet<usize>> =
        vec![Default::default(); teachers.len()];
    let in_term = |entry: &&Entry| term.is_none_or(|t| t == entry.term);
    // COUNTING_RULE: a plan stops counting once its course and class has a lesson. Keyed by
    // the teacher's place in the roster, so the keys sort into the order the rows are shown.
    let mut courses: HashMap<(usize, &str, &str, &str), Tally> = HashMap::default();
    for entry in entries.iter().filter(in_term) {
        let Some(&i) = index.get(entry.teacher.as_str()) else {
            continue;
        };
        let periods = entry.amount.periods();
        let own = Tally::of(&mut courses, i, entry);
        match &entry.amount {
            Amount::Planned { .. } => *own.planned.get_or_insert(0) += periods,
            Amount::Lessons { .. } => {
                own.given += periods;
                own.lessons = true;
            }
            Amount::Cancelled { .. } => own.cancelled += periods,
            Amount::Substitute { absent, .. } => {
                own.substitute += periods;
                // A substitute for someone no longer on the roster still counts for the
                // substitute; there is no plan left to reduce.
                if let Some(&a) = index.get(absent.as_str()) {
                    Tally::of(&mut courses, a, entry).cancelled += periods;
                }
            }
        }
    }
    for t in courses.values_mut() {
        if !t.lessons {
            t.to_deduct = t.cancelled.min(t.planned.unwrap_or(0));
        }
    }
    for entry in entries.iter().filter(in_term) {
        let Some(&i) = index.get(entry.teacher.as_str()) else {
            continue;
        };
        let Some(tally) = courses.get_mut(&course_key(i, entry)) else {
            continue;
        };
        let mut periods = entry.amount.periods();
        let date = match &entry.amount {
            Amount::Cancelled { .. } => continue,
            Amount::Planned { .. } if tally.lessons => continue,
            Amount::Planned { .. } => {
                let deducted = tally.to_deduct.min(periods);
                tally.to_deduct -= deducted;
                per_teacher[i].cancelled += deducted;
                periods -= deducted;
                match term_start.get(entry.term.as_str()) {
                    Some(d) => *d,
                    None => continue,
                }
            }
            Amount::Lessons { date, .. } | Amount::Substitute { date, .. } => *date,
        };
        let factors = settings.factors(entry, date);
        let weighted = Exact::weigh(periods, factors.values());
        if tally.last.is_none_or(|last| date >= last) {
            tally.factors = factors;
            tally.last = Some(date);
        }
        tally.weighted += weighted;
        raised[i].extend(factors.raises());
        per_teacher[i].add(entry, periods, weighted);
        *term_weighted.entry((i, entry.term.as_str())).or_default() += weighted;
        specialties
            .entry(entry.specialty.as_str())
            .or_default()
            .add(entry, periods, weighted);
        *per_term.entry((i, entry.term.as_str())).or_default() += periods;
        match &entry.amount {
            Amount::Planned { weekly: w, .. } => {
                *planned_weekly.entry((i, entry.term.as_str())).or_default() += u64::from(*w);
            }
            _ => {
                let week = date.iso_week();
                *weekly.entry((i, week.year(), week.week())).or_default() += periods;
            }
        }
    }
    for d in settings
        .developments
        .iter()
        .filter(|d| term.is_none_or(|t| t == d.term))
    {
        let Some(&i) = index.get(d.teacher.as_str()) else {
            continue;
        };
        let periods = u64::from(d.periods);
        per_teacher[i].development += periods;
        per_teacher[i].weighted += Exact::whole(periods);
        *term_weighted.entry((i, d.term.as_str())).or_default() += Exact::whole(periods);
    }
    if !settings.pay.is_empty() {
        if let Some(term) = term {
            // A term's sheet lists every teacher's 额定, whether or not they taught.
            for i in 0..teachers.len() {
                term_weighted.entry((i, term)).or_default();
            }
        }
        for ((i, term), weighted) in &term_weighted {
            let Some(start) = term_start.get(term) else {
                continue;
            };
            let t = &teachers[*i];
            let figures = settings.pay.for_term(&t.id, &t.title, *start, *weighted);
            per_teacher[*i].pay.merge(&figures);
        }
    }
    let mut warnings: Vec<Vec<String>> = vec![Vec::new(); teachers.len()];
    if let Some(limit) = settings.weekly_limit.map(u64::from) {
        let mut over: Vec<_> = weekly.iter().filter(|(_, p)| **p > limit).collect();
        over.sort();
        for ((i, year, week), periods) in over {
            warnings[*i].push(format!("{year}年第{week}周{periods}节，超过每周{limit}节"));
        }
        let mut planned: Vec<_> = planned_weekly.iter().filter(|(_, p)| **p > limit).collect();
        planned.sort();
        for ((i, term), periods) in planned {
            warnings[*i].push(format!("{term}计划每周{periods}节，超过每周{limit}节"));
        }
    }
    if let Some(limit) = settings.term_limit.map(u64::from) {
        let mut over: Vec<_> = per_term.iter().filter(|(_, p)| **p > limit).collect();
        over.sort();
        for ((i, term), periods) in over {
            warnings[*i].push(format!("{term}共{periods}节，超过每学期{limit}节"));
        }
    }
    let mut departments: Vec<(String, Totals)> = Vec::new();
    let mut total = Totals::default();
    let used: std::collections::BTreeSet<usize> = raised.iter().flatten().copied().collect();
    let rows: Vec<TeacherRow> = teachers
        .iter()
        .zip(per_teacher)
        .zip(warnings)
        .zip(raised)
        .map(|(((t, totals), warnings), raised)| {
            let department = department_group(&t.department);
            match departments.iter_mut().find(|(d, _)| *d == department) {
                Some((_, d)) => d.merge(&totals),
                None => departments.push((department.to_string(), totals.clone())),
            }
            total.merge(&totals);
            TeacherRow {
                id: t.id.clone(),
                name: t.name.clone(),
                department: t.department.clone(),
                level: t.level,
                title: t.title.clone(),
                totals,
                raises: raised.into_iter().collect(),
                warnings,
            }
        })
        .collect();
    let mut specialties: Vec<(String, Totals)> = specialties
        .into_iter()
        .map(|(s, t)| {
            (
                if s.is_empty() { INCOMPLETE_GROUP } else { s }.to_string(),
                t,
            )
        })
        .collect();
    specialties.sort_by(|a, b| a.0.cmp(&b.0));
    let mut courses: Vec<_> = courses.into_iter().collect();
    courses.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let courses = courses
        .into_iter()
        .map(|((i, term, course, class), tally)| CourseRow {
            teacher: teachers[i].id.clone(),
            name: teachers[i].name.clone(),
            term: term.into(),
            course: course.into(),
            class: class.into(),
            kind: tally.kind,
            planned: tally.planned,
            given: tally.given,
            cancelled: tally.cancelled,
            substitute: tally.substitute,
            // A course and class with no plan counts what was given, 代课 included.
            basis: if tally.lessons || tally.planned.is_none() {
                Basis::Lessons
            } else {
                Basis::Plan
            },
            factors: tally.factors,
            weighted: tally.weighted,
        })
        .collect();
    Summary {
        teachers: rows,
        departments,
        specialties,
        courses,
        total,
        raises: used
            .into_iter()
            .filter_map(|i| {
                let r = settings.raises.get(i)?;
                let name = index
                    .get(r.teacher.as_str())
                    .map(|&t| teachers[t].name.as_str());
                Some((i + 1, r.describe(name)))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn lesson(teacher: &str, kind: CourseKind, day: &str, periods: u32) -> Entry {
        Entry {
            teacher: teacher.into(),
            term: "2024-2025学年第一学期".into(),
            course: "汽车发动机检修".into(),
            specialty: "汽车维修".into(),
            kind,
            class: "汽修2401".into(),
            amount: Amount::Lessons {
                date: date(day),
                periods,
                content: String::new(),
            },
        }
    }

    #[test]
    fn weighting_is_exact() {
        assert_eq!(Hundredths(140).times(37).to_string(), "51.8");
        assert_eq!(Hundredths(140).times(5).to_string(), "7");
        assert_eq!(Hundredths(115).times(3).to_string(), "3.45");
        // Summing 1.4 a thousand times is where floating point drifts.
        let mut sum = Hundredths::default();
        for _ in 0..1000 {
            sum += Hundredths(140).times(1);
        }
        assert_eq!(sum.to_string(), "1400");
        // Every period count up to a large term, against the integer formula.
        for periods in 0..5000u64 {
            let text = Hundredths(140).times(periods).to_string();
            let tenths = periods * 14;
            let expected = if tenths % 10 == 0 {
                format!("{}", tenths / 10)
            } else {
                format!("{}.{}", tenths / 10, tenths % 10)
            };
            assert_eq!(text, expected);
        }
    }

    #[test]
    fn coefficients_parse_without_rounding() {
        assert_eq!(Hundredths::parse("1.4"), Some(Hundredths(140)));
        assert_eq!(Hundredths::parse(" 1.40 "), Some(Hundredths(140)));
        assert_eq!(Hundredths::parse("2"), Some(Hundredths(200)));
        for bad in ["1.405", "-1.4", "1,4", "", ".5", "1.4.1", "abc"] {
            assert_eq!(Hundredths::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn usual_term_names_give_usual_dates() {
        let t = Term::from_usual_name("2024-2025学年第一学期").unwrap();
        assert_eq!((t.start, t.end), (date("2024-09-01"), date("2025-01-31")));
        let t = Term::from_usual_name("2024-2025学年第二学期").unwrap();
        assert_eq!((t.start, t.end), (date("2025-02-01"), date("2025-07-31")));
        assert!(Term::from_usual_name("2024-2026学年第一学期").is_none());
        assert!(Term::from_usual_name("第一学期").is_none());
    }

    #[test]
    fn dates_are_read_as_offices_type_them_and_find_their_term() {
        for text in [
            "2024-09-02",
            "2024/9/2",
            "2024.9.2",
            "2024年9月2日",
            " 2024-9-2 ",
        ] {
            assert_eq!(parse_date(text), Some(date("2024-09-02")), "{text}");
        }
        for bad in ["2024-02-30", "9/2", "二〇二四年", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        for with_time in [
            "2024-09-02 08:30",
            "2024/9/2 8:30:15",
            "2024-09-02T08:30:00",
            "2024-09-02T08:30:00.000",
            "2024年9月2日 14:05",
        ] {
            assert_eq!(
                parse_date(with_time),
                Some(date("2024-09-02")),
                "{with_time}"
            );
        }
        for bad in [
            "2024-09-02 上午",
            "2024-09-02 25:00",
            "2024-09-02 8:60",
            "2024-09-02 8",
            "2024-09-02 08:30 外加",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        let name = |d: &str| Term::usual_for(date(d)).map(|t| t.name);
        assert_eq!(name("2024-12-31").as_deref(), Some("2024-2025学年第一学期"));
        assert_eq!(name("2025-01-15").as_deref(), Some("2024-2025学年第一学期"));
        assert_eq!(name("2025-03-01").as_deref(), Some("2024-2025学年第二学期"));
        assert_eq!(name("2025-08-10"), None);
    }

    #[test]
    fn the_coefficient_in_force_is_the_latest_set_before_the_day() {
        let mut settings = Settings::default();
        settings.coefficients.push(Coefficient {
            from: date("2024-10-01"),
            integrated: Hundredths(150),
        });
        assert!(settings.problems().is_empty());
        assert_eq!(settings.integrated_on(date("2024-09-30")), Hundredths(140));
        assert_eq!(settings.integrated_on(date("2024-10-01")), Hundredths(150));
        assert_eq!(settings.integrated_on(date("2020-01-01")), Hundredths(140));
        let t = [Teacher::new("T1", "王芳", "汽车系")];
        let terms = [Term::from_usual_name("2024-2025学年第一学期").unwrap()];
        let entries = [
            lesson("T1", CourseKind::Integrated, "2024-09-30", 10),
            lesson("T1", CourseKind::Integrated, "2024-10-08", 10),
            lesson("T1", CourseKind::Other, "2024-10-09", 3),
        ];
        let s = summarise(&t, &terms, &entries, &settings, None);
        assert_eq!(s.teachers[0].totals.integrated, 20);
        assert_eq!(s.teachers[0].totals.other, 3);
        assert_eq!(s.teachers[0].totals.weighted.to_string(), "32");
    }

    #[test]
    fn summaries_group_by_department_and_specialty_and_warn_on_load() {
        let teachers = [
            Teacher::new("T1", "王芳", "汽车系"),
            Teacher::new("T2", "李强", "机电系"),
            Teacher::new("T3", "赵敏", "汽车系"),
        ];
        let terms = [Term::from_usual_name("2024-2025学年第一学期").unwrap()];
        let mut plan = lesson("T2", CourseKind::Other, "2024-09-02", 1);
        plan.amount = Amount::Planned {
            weekly: 16,
            weeks: 18,
        };
        plan.specialty = "机电一体化".into();
        let entries = [
            lesson("T1", CourseKind::Integrated, "2024-09-02", 8),
            lesson("T1", CourseKind::Integrated, "2024-09-03", 8),
            lesson("T3", CourseKind::Integrated, "2024-09-10", 1),
            plan,
        ];
        let settings = Settings {
            weekly_limit: Some(14),
            term_limit: Some(200),
            ..Settings::default()
        };
        let s = summarise(
            &teachers,
            &terms,
            &entries,
            &settings,
            Some("2024-2025学年第一学期"),
        );
        assert_eq!(s.teachers[0].totals.weighted.to_string(), "22.4");
        assert_eq!(s.teachers[0].warnings, ["2024年第36周16节，超过每周14节"]);
        assert_eq!(
            s.teachers[1].warnings,
            [
                "2024-2025学年第一学期计划每周16节，超过每周14节",
                "2024-2025学年第一学期共288节，超过每学期200节"
            ]
        );
        assert_eq!(s.departments.len(), 2);
        assert_eq!(s.departments[0].0, "汽车系");
        assert_eq!(s.departments[0].1.weighted.to_string(), "23.8");
        assert_eq!(s.specialties[0].0, "机电一体化");
        assert_eq!(s.total.periods(), 17 + 288);
        let other_term = summarise(&teachers, &terms, &entries, &settings, Some("2025"));
        assert_eq!(other_term.total, Totals::default());
    }

    #[test]
    fn a_blank_department_or_specialty_is_counted_under_incomplete() {
        let teachers = [
            Teacher::new("T1", "王芳", "汽车系"),
            Teacher::new("T2", "李强", " "),
        ];
        let terms = [Term::from_usual_name("2024-2025学年第一学期").unwrap()];
        let mut unnamed = lesson("T1", CourseKind::Other, "2024-09-03", 2);
        unnamed.specialty = String::new();
        assert_eq!(unnamed.missing(), ["专业待补充"]);
        let entries = [lesson("T2", CourseKind::Other, "2024-09-02", 3), unnamed];
        assert!(entries[0].missing().is_empty());
        let s = summarise(&teachers, &terms, &entries, &Settings::default(), None);
        let names = |groups: &[(String, Totals)]| -> Vec<String> {
            groups.iter().map(|(n, _)| n.clone()).collect()
        };
        assert_eq!(names(&s.departments), ["汽车系", INCOMPLETE_GROUP]);
        assert_eq!(s.departments[1].1.periods(), 3);
        assert_eq!(names(&s.specialties), ["汽车维修", INCOMPLETE_GROUP]);
        assert_eq!(s.specialties[1].1.periods(), 2);
    }

    #[test]
    fn a_plan_counts_until_its_course_and_class_has_lessons_and_never_beside_them() {
        let teachers = [Teacher::new("T1", "王芳", "汽车系")];
        let terms = [Term::from_usual_name("2024-2025学年第一学期").unwrap()];
        let planned = |class: &str| {
            let mut plan = lesson("T1", CourseKind::Integrated, "2024-09-02", 1);
            plan.class = class.into();
            plan.amount = Amount::Planned {
                weekly: 2,
                weeks: 18,
            };
            plan
        };
        let settings = Settings {
            weekly_limit: Some(1),
            ..Settings::default()
        };
        let term = Some("2024-2025学年第一学期");

        // The plan alone: 2 × 18 = 36 periods, weighted 50.4.
        let only_plan = summarise(&teachers, &terms, &[planned("汽修2401")], &settings, term);
        assert_eq!(only_plan.total.integrated, 36);
        assert_eq!(only_plan.total.weighted.to_string(), "50.4");
        assert_eq!(only_plan.courses.len(), 1);
        assert_eq!(only_plan.courses[0].planned, Some(36));
        assert_eq!(only_plan.courses[0].given, 0);
        assert_eq!(only_plan.courses[0].basis, Basis::Plan);
        assert_eq!(only_plan.courses[0].difference(), Some(-36));

        // The demo school's case: the plan and one day's 2 lessons of the same course and class
        // give 2, not 38, and the plan's weekly load no longer warns.
        let entries = [
            planned("汽修2401"),
            lesson("T1", CourseKind::Integrated, "2024-09-03", 2),
        ];
        let both = summarise(&teachers, &terms, &entries, &settings, term);
        assert_eq!(both.total.integrated, 2);
        assert_eq!(both.total.weighted.to_string(), "2.8");
        assert_eq!(both.teachers[0].totals, both.total);
        assert_eq!(both.specialties[0].1, both.total);
        assert_eq!(both.departments[0].1, both.total);
        assert_eq!(both.teachers[0].warnings, ["2024年第36周2节，超过每周1节"]);
        let row = &both.courses[0];
        assert_eq!(
            (row.planned, row.given, row.basis),
            (Some(36), 2, Basis::Lessons)
        );
        assert_eq!(row.difference(), Some(-34));
        assert_eq!(row.name, "王芳");

        // Another class's plan still counts: the rule is per course and class.
        let entries = [
            planned("汽修2402"),
            planned("汽修2401"),
            lesson("T1", CourseKind::Integrated, "2024-09-03", 2),
        ];
        let two = summarise(&teachers, &terms, &entries, &settings, term);
        assert_eq!(two.total.integrated, 36 + 2);
        let classes: Vec<_> = two
            .courses
            .iter()
            .map(|c| (c.class.as_str(), c.basis))
            .collect();
        assert_eq!(
            classes,
            [("汽修2401", Basis::Lessons), ("汽修2402", Basis::Plan)]
        );

        // A sheet of lessons for the planned class says it replaces that plan.
        let sheet = [lesson("T1", CourseKind::Integrated, "2024-09-04", 2)];
        assert_eq!(plans_given_by(&sheet, &[planned("汽修2401")]), 1);
        assert_eq!(plans_given_by(&sheet, &[planned("汽修2402")]), 0);
        assert_eq!(
            plans_given_by(&[planned("汽修2401"), sheet[0].clone()], &[]),
            1
        );

        // Lessons without a plan have nothing to compare with.
        let lessons = [lesson("T1", CourseKind::Integrated, "2024-09-03", 2)];
        let unplanned = summarise(&teachers, &terms, &lessons, &settings, term);
        assert_eq!(unplanned.courses[0].difference(), None);
    }

    /// 停课 comes off a plan that counts; a substitute's 代课 counts for the substitute and
    /// comes off the absent teacher's plan; once lessons are logged neither changes the lessons.
    #[test]
    fn cancelled_and_substituted_lessons_come_off_the_plan_and_count_for_the_substitute() {
        let teachers = [
            Teacher::new("T1", "王芳", "汽车系"),
            Teacher::new("T2", "李强", "机电系"),
        ];
        let terms = [Term::from_usual_name("2024-2025学年第一学期").unwrap()];
        let term = Some("2024-2025学年第一学期");
        let settings = Settings::default();
        let mut plan = lesson("T1", CourseKind::Integrated, "2024-09-02", 1);
        plan.amount = Amount::Planned {
            weekly: 2,
            weeks: 18,
        };
        let mut cancelled = lesson("T1", CourseKind::Integrated, "2024-10-01", 1);
        cancelled.amount = Amount::Cancelled {
            date: date("2024-10-01"),
            periods: 4,
            reason: "国庆放假".into(),
        };
        let mut covered = lesson("T2", CourseKind::Integrated, "2024-11-05", 1);
        covered.amount = Amount::Substitute {
            date: date("2024-11-05"),
            periods: 2,
            absent: "T1".into(),
            content: String::new(),
        };
        assert_ne!(
            cancelled.key(),
            lesson("T1", CourseKind::Integrated, "2024-10-01", 1).key()
        );

        let s = summarise(
            &teachers,
            &terms,
            &[plan.clone(), cancelled.clone(), covered.clone()],
            &settings,
            term,
        );
        // T1: 36 − 4 停课 − 2 代课 = 30 periods, 42 weighted.
        let t1 = &s.teachers[0].totals;
        assert_eq!((t1.integrated, t1.cancelled, t1.substitute), (30, 6, 0));
        assert_eq!(t1.weighted.to_string(), "42");
        // T2: the 2 periods given for T1, weighted as T2's own lessons.
        let t2 = &s.teachers[1].totals;
        assert_eq!((t2.integrated, t2.cancelled, t2.substitute), (2, 0, 2));
        assert_eq!(t2.weighted.to_string(), "2.8");
        assert_eq!(s.total.integrated, 32);
        assert_eq!(s.total.weighted.to_string(), "44.8");
        let rows: Vec<_> = s
            .courses
            .iter()
            .map(|c| {
                (
                    c.teacher.as_str(),
                    c.planned,
                    c.given,
                    c.cancelled,
                    c.substitute,
                    c.basis,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("T1", Some(36), 0, 6, 0, Basis::Plan),
                ("T2", None, 0, 0, 2, Basis::Lessons)
            ]
        );

        // Once T1's lessons are logged they say what was given: nothing more comes off.
        let given = lesson("T1", CourseKind::Integrated, "2024-09-03", 2);
        let s = summarise(
            &teachers,
            &terms,
            &[plan.clone(), cancelled.clone(), covered.clone(), given],
            &settings,
            term,
        );
        assert_eq!(
            (
                s.teachers[0].totals.integrated,
                s.teachers[0].totals.cancelled
            ),
            (2, 0)
        );
        assert_eq!(s.teachers[1].totals.integrated, 2);

        // More cancelled than planned takes the plan to nothing, not below.
        let mut all = cancelled.clone();
        all.amount = Amount::Cancelled {
            date: date("2024-10-02"),
            periods: 12,
            reason: String::new(),
        };
        let many = [
            plan,
            cancelled,
            all.clone(),
            {
                let mut a = all.clone();
                a.amount = Amount::Cancelled {
                    date: date("2024-10-03"),
                    periods: 12,
                    reason: String::new(),
                };
                a
            },
            {
                let mut a = all;
                a.amount = Amount::Cancelled {
                    date: date("2024-10-04"),
                    periods: 12,
                    reason: String::new(),
                };
                a
            },
        ];
        let s = summarise(&teachers, &terms, &many, &settings, term);
        assert_eq!(
            (
                s.teachers[0].totals.integrated,
                s.teachers[0].totals.cancelled
            ),
            (0, 36)
        );
        assert_eq!(s.total.weighted.to_string(), "0");

        // A substitute names someone else.
        let mut own = covered;
        if let Amount::Substitute { absent, .. } = &mut own.amount {
            *absent = "T2".into();
        }
        assert!(
            own.problems(Some(&terms[0]))
                .contains(&"被代课教师不能是代课教师本人".to_string())
        );
    }

    #[test]
    fn entries_are_checked_against_their_term() {
        let term = Term::from_usual_name("2024-2025学年第一学期").unwrap();
        let e = lesson("T1", CourseKind::Integrated, "2025-03-01", 13);
        assert_eq!(
            e.problems(Some(&term)),
            [
                "一天超过12节",
                "日期2025-03-01不在2024-2025学年第一学期（2024-09-01至2025-01-31）内"
            ]
        );
        assert_eq!(
            e.problems(None).last().unwrap(),
            "没有学期“2024-2025学年第一学期”"
        );
        assert_ne!(
            e.key(),
            lesson("T1", CourseKind::Integrated, "2025-03-02", 1).key()
        );
        assert_eq!(
            e.key(),
            lesson("T1", CourseKind::Other, "2025-03-01", 1).key()
        );
    }

    /// The teacher the closing note of issue 15 works by hand: every factor, a credit, 额定, 超额
    /// and the allowance, rounded once.
    #[test]
    fn raises_multiply_credits_add_and_the_allowance_is_paid_on_the_excess_to_the_fen() {
        use crate::domain::allowance::{AllowanceBasis, Rate, Required};
        use crate::domain::exact::Fen;
        use crate::domain::raise::RaiseReason;
        let mut teacher = Teacher::new("T1", "张伟", "汽车系");
        teacher.title = "讲师".into();
        let terms = [Term::from_usual_name("2024-2025学年第一学期").unwrap()];
        let at = |course: &str, class: &str, kind, amount| Entry {
            teacher: "T1".into(),
            term: terms[0].name.clone(),
            course: course.into(),
            specialty: "汽车维修".into(),
            kind,
            class: class.into(),
            amount,
        };
        let given = |day: &str, periods| Amount::Lessons {
            date: date(day),
            periods,
            content: String::new(),
        };
        let entries = [
            at(
                "汽车发动机检修",
                "汽修2401",
                CourseKind::Integrated,
                Amount::Planned {
                    weekly: 4,
                    weeks: 18,
                },
            ),
            at(
                "底盘检修",
                "汽修2402",
                CourseKind::Integrated,
                given("2024-09-10", 4),
            ),
            at(
                "底盘检修",
                "汽修2402",
                CourseKind::Integrated,
                given("2024-10-15", 4),
            ),
            at(
                "体育",
                "汽修2402",
                CourseKind::Other,
                given("2024-09-11", 2),
            ),
        ];
        let raise = |teacher: &str, course: &str, factor, reason, from: &str| Raise {
            teacher: teacher.into(),
            course: course.into(),
            factor: Hundredths(factor),
            reason,
            note: String::new(),
            approver: "王校长".into(),
            from: date(from),
        };
        let mut settings = Settings {
            raises: vec![
                raise("T1", "", 115, RaiseReason::Development, "2024-09-01"),
                raise("", "底盘检修", 110, RaiseReason::Difficulty, "2024-10-01"),
                raise(
                    "T1",
                    "汽车发动机检修",
                    105,
                    RaiseReason::Effect,
                    "2024-09-01",
                ),
                raise("T2", "", 150, RaiseReason::Other, "2024-09-01"),
            ],
            developments: vec![Development {
                teacher: "T1".into(),
                term: terms[0].name.clone(),
                periods: 10,
                what: "校本转化：汽车发动机检修课程标准".into(),
                resources: Vec::new(),
                approver: "教务处".into(),
            }],
            ..Settings::default()
        };
        settings.pay.required.push(Required {
            title: String::new(),
            periods: 80,
        });
        settings.pay.rates.push(Rate {
            from: date("2024-09-01"),
            title: String::new(),
            per_period: Fen(3333),
        });
        settings.pay.basis = AllowanceBasis::Excess;
        assert!(settings.problems().is_empty());
        let teachers = [teacher];
        let s = summarise(&teachers, &terms, &entries, &settings, Some(&terms[0].name));
        let row = &s.teachers[0];
        // Plan 4×18 = 72 × 1.4 × 1.15 × 1.05 = 121.716; 底盘 4 × 1.4 × 1.15 = 6.44 before the
        // course's raise and 4 × 1.4 × 1.15 × 1.1 = 7.084 after it; 体育 2; credit 10.
        assert_eq!(
            (
                row.totals.integrated,
                row.totals.other,
                row.totals.development
            ),
            (80, 2, 10)
        );
        assert_eq!(row.totals.weighted.to_string(), "147.24");
        assert_eq!(row.totals.pay.required, Some(80));
        assert_eq!(
            row.totals.pay.excess.map(|e| e.to_string()).as_deref(),
            Some("67.24")
        );
        // 67.24 × 33.33 = 2241.1092 元, paid 2241.11.
        assert_eq!(row.totals.pay.allowance, Some(Fen(224_111)));
        assert_eq!(s.total, row.totals);
        assert_eq!(row.raises, [0, 1, 2], "T2's raise is not this teacher's");
        let chassis = s.courses.iter().find(|c| c.course == "底盘检修").unwrap();
        let factors: Vec<u64> = chassis.factors.values().iter().map(|f| f.0).collect();
        assert_eq!(factors, [140, 115, 110]);
        assert_eq!(chassis.factors.product().to_string(), "1.771");
        assert_eq!(chassis.weighted.to_string(), "13.524");
        let sport = s.courses.iter().find(|c| c.course == "体育").unwrap();
        assert!(sport.factors.values().is_empty());
        assert_eq!(sport.weighted.to_string(), "2");
        assert_eq!(s.raises.len(), 3);
        assert_eq!(
            s.raises[1],
            (
                2,
                "课程“底盘检修”系数×1.1，依据教学难度，王校长批准，2024-10-01起".to_string()
            )
        );
        // On all periods instead: 147.24 × 33.33 = 4907.5092 → 4907.51.
        settings.pay.basis = AllowanceBasis::All;
        let s = summarise(&teachers, &terms, &entries, &settings, None);
        assert_eq!(s.teachers[0].totals.pay.allowance, Some(Fen(490_751)));
    }
}
