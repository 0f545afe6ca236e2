//! 校内审核: every rule a declaration must meet, as findings the office reads before printing.
//! Errors (错误) block signing; each warning (提醒) needs a written explanation (说明), which
//! is printed with the packet. What the roster still lacks (待补充) is listed, teacher by
//! teacher, and blocks nothing: it is incomplete, not wrong.

use serde::Serialize;

use super::resource::{self, TEXTBOOK};
use super::terms::chinese_enum;
use super::{
    Batch, Catalogue, Declaration, DeclaredSpecialty, ResourceItem, ResourceKind, SchoolProfile,
    Teacher, credit_code,
};

chinese_enum! {
    /// 错误 blocks signing; 提醒 needs a written explanation; 待补充 needs neither, only
    /// completing when the office can. Errors sort first.
    #[derive(PartialOrd, Ord)]
    pub enum Severity {
        Error = "错误",
        Warning = "提醒",
        Incomplete = "待补充",
    }
}

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable across runs for the same problem, so an explanation stays attached to it.
    pub id: String,
    pub severity: Severity,
    /// Where: batch, specialty, item.
    pub location: String,
    pub message: String,
    /// The policy clause the rule comes from, e.g. "三(一)".
    pub clause: &'static str,
    /// The declared specialty the finding is about; `None` for the batch as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    /// What of that specialty to correct, so the window can take the user to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

/// The part of a declared specialty a finding concerns, by where the user corrects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Part {
    /// The choice itself (step 2): the catalogue entry, its levels, a repeat.
    Choice,
    Programmes,
    /// The sites as a whole (none yet), or the site of this index.
    Sites,
    Site(usize),
    Partners,
    Partner(usize),
    Teachers,
    /// The resource package, kept in its own area.
    Resources,
}

impl Finding {
    fn on(&mut self, specialty: &str, part: Part) {
        self.specialty = Some(specialty.to_string());
        self.part = Some(part);
    }
}

/// Everything the rules look at.
pub struct Context<'a> {
    pub school: &'a SchoolProfile,
    pub batches: &'a [Batch],
    pub catalogue: &'a Catalogue,
    /// All declarations of the school (every batch), latest revision of each.
    pub declarations: &'a [Declaration],
    pub resource_kinds: &'a [ResourceKind],
    pub resources: &'a [ResourceItem],
    /// The roster, which the packet prints whatever the batch.
    pub teachers: &'a [Teacher],
}

/// Everything the rules look at, owned: what a school file holds, read once and checked for as
/// many batches as needed.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub school: SchoolProfile,
    pub batches: Vec<Batch>,
    pub catalogue: Catalogue,
    /// The current revision of each batch's declaration.
    pub declarations: Vec<Declaration>,
    pub resource_kinds: Vec<ResourceKind>,
    pub resources: Vec<ResourceItem>,
    pub teachers: Vec<Teacher>,
}

impl Inputs {
    pub fn context(&self) -> Context<'_> {
        Context {
            school: &self.school,
            batches: &self.batches,
            catalogue: &self.catalogue,
            declarations: &self.declarations,
            resource_kinds: &self.resource_kinds,
            resources: &self.resources,
            teachers: &self.teachers,
        }
    }
}

/// Checks the declaration for `batch`. A batch with no declaration is itself a finding. The
/// roster's 待补充 follow, whatever the declaration: the packet prints the roster in any case.
pub fn check(ctx: &Context<'_>, batch: u32) -> Vec<Finding> {
    let mut out = Findings::default();
    declaration_rules(&mut out, ctx, batch);
    roster(&mut out, ctx.teachers);
    out.0
}

/// One 待补充 per teacher who still lacks something (`Teacher::missing`), with the teacher
/// named, so the office can find them in the roster.
fn roster(out: &mut Findings, teachers: &[Teacher]) {
    for t in teachers {
        let missing = t.missing();
        if !missing.is_empty() {
            out.push(
                &format!("incomplete:{}", t.id),
                Severity::Incomplete,
                format!("教师名册 · {}（{}）", t.name, t.id),
                format!("{}，请在教师名册中补全", missing.join("、")),
                "二(四)",
            );
        }
    }
}

fn declaration_rules(out: &mut Findings, ctx: &Context<'_>, batch: u32) {
    let Some(info) = ctx.batches.iter().find(|b| b.number == batch) else {
        out.error("batch", format!("第{batch}批"), "没有这个批次".into(), "三");
        return;
    };
    let Some(declaration) = ctx.declarations.iter().find(|d| d.batch == batch) else {
        out.error(
            "empty",
            info.name.clone(),
            "本批次还没有申报任何专业".into(),
            "三(一)",
        );
        return;
    };
    let here = info.name.as_str();
    if declaration.specialties.is_empty() {
        out.error(
            "empty",
            here.into(),
            "本批次还没有申报任何专业".into(),
            "三(一)",
        );
    }
    let limit = ctx.school.kind.max_specialties_per_batch();
    if declaration.specialties.len() > limit {
        out.error(
            "limit",
            here.into(),
            format!(
                "{}每批次申报建设专业原则上不超过{limit}个，本批次选了{}个",
                ctx.school.kind,
                declaration.specialties.len()
            ),
            "三(一)",
        );
    }
    for (i, s) in declaration.specialties.iter().enumerate() {
        let at = format!("{here} · {}", s.name);
        if declaration.specialties[..i]
            .iter()
            .any(|o| o.name == s.name)
        {
            out.error(
                &format!("duplicate:{}", s.name),
                at.clone(),
                "同一批次中重复申报了该专业".into(),
                "三(一)",
            )
            .on(&s.name, Part::Choice);
            continue;
        }
        if let Some(earlier) = ctx
            .declarations
            .iter()
            .filter(|d| d.batch < batch)
            .find(|d| d.specialties.iter().any(|o| o.name == s.name))
        {
            let name = ctx
                .batches
                .iter()
                .find(|b| b.number == earlier.batch)
                .map_or_else(|| format!("第{}批", earlier.batch), |b| b.name.clone());
            out.warning(
                &format!("earlier:{}", s.name),
                at.clone(),
                format!("该专业已在{name}申报，请说明再次申报的理由"),
                "三",
            )
            .on(&s.name, Part::Choice);
        }
        specialty(out, ctx, s, &at);
    }
}

fn specialty(out: &mut Findings, ctx: &Context<'_>, s: &DeclaredSpecialty, at: &str) {
    let key = &s.name;
    match ctx.catalogue.find(&s.name) {
        None => out
            .error(
                &format!("catalogue:{key}"),
                at.into(),
                "专业目录中没有该专业，请先在专业目录中添加".into(),
                "三(一)",
            )
            .on(&s.name, Part::Choice),
        Some(entry) => {
            for p in &s.programmes {
                if !entry.levels.contains(&p.level()) {
                    out.warning(
                        &format!("level:{key}:{}", p.schooling.name()),
                        at.into(),
                        format!("专业目录中该专业不开设{}层次", p.level().name()),
                        "三(一)",
                    )
                    .on(&s.name, Part::Choice);
                }
            }
        }
    }
    if s.programmes.is_empty() {
        out.error(
            &format!("programmes:{key}"),
            at.into(),
            "请至少填写一个培养层次和学制".into(),
            "三(一)",
        )
        .on(&s.name, Part::Programmes);
    }
    for p in &s.programmes {
        if p.enrolment == 0 {
            out.error(
                &format!("enrolment:{key}:{}", p.schooling.name()),
                format!("{at} · {}", p.schooling.name()),
                "请填写计划招生人数".into(),
                "三(一)",
            )
            .on(&s.name, Part::Programmes);
        }
    }
    if s.sites.is_empty() {
        out.error(
            &format!("sites:{key}"),
            at.into(),
            "请至少填写一个教学场地".into(),
            "二(三)",
        )
        .on(&s.name, Part::Sites);
    }
    for (i, site) in s.sites.iter().enumerate() {
        let where_ = format!("{at} · 教学场地{}", i + 1);
        if site.name.trim().is_empty() || site.area_m2 == 0 || site.class_size == 0 {
            out.error(
                &format!("site:{key}:{i}"),
                where_.clone(),
                "请填写场地名称、面积和班级规模".into(),
                "二(三)",
            )
            .on(&s.name, Part::Site(i));
        }
        if site.stations < site.class_size {
            out.warning(
                &format!("stations:{key}:{i}"),
                where_,
                format!(
                    "工位数（{}）少于班级规模（{}），教学场地应与班级规模相匹配",
                    site.stations, site.class_size
                ),
                "二(三)",
            )
            .on(&s.name, Part::Site(i));
        }
    }
    if s.partners.is_empty() {
        out.warning(
            &format!("partners:{key}"),
            at.into(),
            "没有合作企业；政策鼓励校企合作共建工学一体化专业".into(),
            "二(五)",
        )
        .on(&s.name, Part::Partners);
    }
    for (i, partner) in s.partners.iter().enumerate() {
        let where_ = format!("{at} · 合作企业{}", i + 1);
        if partner.name.trim().is_empty() {
            out.error(
                &format!("partner:{key}:{i}"),
                where_.clone(),
                "请填写合作企业名称".into(),
                "二(五)",
            )
            .on(&s.name, Part::Partner(i));
        }
        if let Err(e) = credit_code::validate(&partner.credit_code) {
            out.error(
                &format!("partner-code:{key}:{i}"),
                where_,
                format!("合作企业统一社会信用代码：{e}"),
                "二(五)",
            )
            .on(&s.name, Part::Partner(i));
        }
    }
    package(out, ctx, s, at);
    if s.teachers == 0 {
        out.error(
            &format!("teachers:{key}"),
            at.into(),
            "请填写承担该专业一体化课程的教师人数".into(),
            "二(四)",
        )
        .on(&s.name, Part::Teachers);
    }
}

/// 教学资源包 (二(一)): the kinds the policy names that have nothing counting yet, and the
/// textbooks that do not count because no approving review is on record (凡编必审、凡选必审).
/// One finding each per specialty, so a new specialty is not buried under a list.
fn package(out: &mut Findings, ctx: &Context<'_>, s: &DeclaredSpecialty, at: &str) {
    let missing: Vec<String> = resource::readiness(ctx.resource_kinds, ctx.resources, &s.name)
        .into_iter()
        .filter(|r| r.counted == 0)
        .map(|r| r.kind)
        .collect();
    if !missing.is_empty() {
        out.warning(
            &format!("resources:{}", s.name),
            at.into(),
            format!("教学资源包缺少：{}", missing.join("、")),
            "二(一)",
        )
        .on(&s.name, Part::Resources);
    }
    let unapproved: Vec<&str> = ctx
        .resources
        .iter()
        .filter(|i| i.specialty == s.name && i.kind == TEXTBOOK && !i.counts())
        .map(|i| i.title.as_str())
        .collect();
    if !unapproved.is_empty() {
        out.warning(
            &format!("textbooks:{}", s.name),
            at.into(),
            format!(
                "{}本教材未经审核或未通过审核，不计入资源包（凡编必审、凡选必审）：{}",
                unapproved.len(),
                unapproved.join("、")
            ),
            "二(一)",
        )
        .on(&s.name, Part::Resources);
    }
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn push(
        &mut self,
        id: &str,
        severity: Severity,
        location: String,
        message: String,
        clause: &'static str,
    ) -> &mut Finding {
        let index = self.0.len();
        self.0.push(Finding {
            id: id.into(),
            severity,
            location,
            message,
            clause,
            specialty: None,
            part: None,
        });
        &mut self.0[index]
    }

    fn error(
        &mut self,
        id: &str,
        location: String,
        message: String,
        clause: &'static str,
    ) -> &mut Finding {
        self.push(id, Severity::Error, location, message, clause)
    }

    fn warning(
        &mut self,
        id: &str,
        location: String,
        message: String,
        clause: &'static str,
    ) -> &mut Finding {
        self.push(id, Severity::Warning, location, message, clause)
    }
}

/// How many findings are of `severity`.
pub fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

/// Whether the declaration may be signed: no errors, and every warning explained. What is 待补充
/// does not hold signing up: the packet is due on the batch's date, the roster is completed
/// as the office learns the rest.
pub fn may_sign(findings: &[Finding], declaration: &Declaration) -> bool {
    findings.iter().all(|f| match f.severity {
        Severity::Error => false,
        Severity::Incomplete => true,
        Severity::Warning => declaration
            .explanations
            .get(&f.id)
            .is_some_and(|e| !e.trim().is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        CooperationMode, CurriculumStandard, Partner, Programme, Region, SchoolKind, Schooling,
        Site, batch::policy_batches,
    };

    fn school(kind: SchoolKind) -> SchoolProfile {
        SchoolProfile::new("测试学校", kind, Region::Baotou)
    }

    fn good(name: &str) -> DeclaredSpecialty {
        DeclaredSpecialty {
            name: name.into(),
            programmes: vec![Programme {
                schooling: Schooling::JuniorThreeYearIntermediate,
                enrolment: 40,
            }],
            standard: CurriculumStandard::National,
            sites: vec![Site {
                name: "一体化教室".into(),
                area_m2: 120,
                stations: 40,
                class_size: 40,
            }],
            partners: vec![Partner {
                name: "包头北方重工".into(),
                credit_code: "91350100M000100Y43".into(),
                mode: CooperationMode::Joint,
                agreement_date: None,
                contribution: "实习岗位".into(),
            }],
            teachers: 6,
        }
    }

    /// One counted item of each kind the policy names, for every specialty declared.
    fn complete_package(declarations: &[Declaration]) -> Vec<ResourceItem> {
        let mut items = Vec::new();
        for s in declarations.iter().flat_map(|d| &d.specialties) {
            for kind in resource::default_kinds()
                .into_iter()
                .filter(|k| k.named_by_policy)
            {
                items.push(resource_item(&s.name, &kind.name, true));
            }
        }
        items
    }

    fn resource_item(specialty: &str, kind: &str, approved: bool) -> ResourceItem {
        use crate::domain::{Conclusion, Origin, Review, Textbook};
        let textbook = (kind == TEXTBOOK).then(|| Textbook {
            origin: Origin::Compiled,
            publisher: String::new(),
            isbn: String::new(),
            edition: String::new(),
            in_national_catalogue: false,
            chief_editor: "乌日娜".into(),
            editors: Vec::new(),
        });
        ResourceItem {
            specialty: specialty.into(),
            course: None,
            kind: kind.into(),
            title: format!("{specialty}{kind}"),
            textbook,
            reviews: vec![Review {
                conclusion: if approved {
                    Conclusion::Pass
                } else {
                    Conclusion::Reject
                },
                reviewers: "教材审核委员会".into(),
                date: chrono::NaiveDate::from_ymd_opt(2023, 3, 1).unwrap(),
                opinion: String::new(),
            }],
            files: Vec::new(),
        }
    }

    fn run(kind: SchoolKind, declarations: &[Declaration], batch: u32) -> Vec<Finding> {
        run_with(kind, declarations, batch, &complete_package(declarations))
    }

    fn run_with(
        kind: SchoolKind,
        declarations: &[Declaration],
        batch: u32,
        resources: &[ResourceItem],
    ) -> Vec<Finding> {
        let school = school(kind);
        let batches = policy_batches();
        let catalogue = Catalogue::bundled();
        let kinds = resource::default_kinds();
        check(
            &Context {
                school: &school,
                batches: &batches,
                catalogue: &catalogue,
                declarations,
                resource_kinds: &kinds,
                resources,
                teachers: &[],
            },
            batch,
        )
    }

    fn declaration(batch: u32, names: &[&str]) -> Declaration {
        Declaration {
            specialties: names.iter().map(|n| good(n)).collect(),
            ..Declaration::new(batch)
        }
    }

    fn ids(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.id.as_str()).collect()
    }

    const NAMES: [&str; 4] = ["数控加工", "焊接加工", "汽车维修", "电子商务"];

    #[test]
    fn limit_per_school_kind_at_the_boundary() {
        for (kind, limit) in [
            (SchoolKind::TechnicianCollege, 3),
            (SchoolKind::SeniorTechnicalSchool, 2),
            (SchoolKind::TechnicalSchool, 2),
        ] {
            for n in 2..=4 {
                let findings = run(kind, &[declaration(1, &NAMES[..n])], 1);
                let over = findings.iter().any(|f| f.id == "limit");
                assert_eq!(over, n > limit, "{kind} with {n}");
                if over {
                    let f = findings.iter().find(|f| f.id == "limit").unwrap();
                    assert_eq!(f.severity, Severity::Error);
                    assert_eq!(f.clause, "三(一)");
                    assert!(
                        f.message.contains(&format!("不超过{limit}个")),
                        "{}",
                        f.message
                    );
                }
            }
        }
    }

    #[test]
    fn a_complete_declaration_has_no_findings() {
        let d = declaration(1, &NAMES[..3]);
        let findings = run(SchoolKind::TechnicianCollege, std::slice::from_ref(&d), 1);
        assert_eq!(findings, []);
        assert!(may_sign(&findings, &d));
    }

    #[test]
    fn a_specialty_twice_in_one_batch() {
        let findings = run(
            SchoolKind::TechnicianCollege,
            &[declaration(1, &["焊接加工", "焊接加工"])],
            1,
        );
        assert_eq!(ids(&findings), ["duplicate:焊接加工"]);
    }

    #[test]
    fn declared_in_an_earlier_batch_is_a_warning_that_needs_an_explanation() {
        let mut second = declaration(2, &["数控加工"]);
        let all = [declaration(1, &["数控加工"]), second.clone()];
        let findings = run(SchoolKind::TechnicalSchool, &all, 2);
        assert_eq!(ids(&findings), ["earlier:数控加工"]);
        assert!(findings[0].message.contains("已在第一批申报"));
        assert!(!may_sign(&findings, &second));
        second.explanations.insert(
            "earlier:数控加工".into(),
            "第一批未获遴选，本批按专家意见完善后重新申报".into(),
        );
        assert!(may_sign(&findings, &second));
        assert_eq!(
            run(SchoolKind::TechnicalSchool, &all, 1),
            [],
            "not flagged in the first"
        );
    }

    #[test]
    fn a_teacher_still_to_complete_is_listed_by_name_and_blocks_nothing() {
        let d = declaration(1, &["汽车维修"]);
        let mut hire = crate::domain::Teacher::new("T005", "王芳", "汽车系");
        hire.employment = crate::domain::Employment::FromEnterprise;
        let complete = crate::domain::Teacher::new("T001", "李强", "汽车系");
        let school = school(SchoolKind::TechnicalSchool);
        let batches = policy_batches();
        let catalogue = Catalogue::bundled();
        let kinds = resource::default_kinds();
        let teachers = [complete, hire];
        let declarations = std::slice::from_ref(&d);
        let resources = complete_package(declarations);
        let findings = check(
            &Context {
                school: &school,
                batches: &batches,
                catalogue: &catalogue,
                declarations,
                resource_kinds: &kinds,
                resources: &resources,
                teachers: &teachers,
            },
            1,
        );
        assert_eq!(ids(&findings), ["incomplete:T005"]);
        assert_eq!(findings[0].severity, Severity::Incomplete);
        assert_eq!(findings[0].location, "教师名册 · 王芳（T005）");
        assert_eq!(findings[0].message, "聘用企业待补充，请在教师名册中补全");
        assert!(may_sign(&findings, &d), "待补充 needs no explanation");
    }

    #[test]
    fn work_stations_fewer_than_the_class_size() {
        let mut d = declaration(1, &["汽车维修"]);
        d.specialties[0].sites[0].stations = 39;
        let findings = run(SchoolKind::TechnicalSchool, &[d.clone()], 1);
        assert_eq!(ids(&findings), ["stations:汽车维修:0"]);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(
            findings[0]
                .message
                .contains("工位数（39）少于班级规模（40）")
        );
        d.specialties[0].sites[0].stations = 40;
        assert_eq!(run(SchoolKind::TechnicalSchool, &[d], 1), []);
    }

    #[test]
    fn missing_required_fields_are_errors() {
        let mut d = declaration(1, &["电子商务"]);
        let s = &mut d.specialties[0];
        s.programmes[0].enrolment = 0;
        s.sites.clear();
        s.partners[0].credit_code = "123".into();
        s.teachers = 0;
        let findings = run(SchoolKind::TechnicalSchool, &[d], 1);
        assert_eq!(
            ids(&findings),
            [
                "enrolment:电子商务:初中起点三年中级",
                "sites:电子商务",
                "partner-code:电子商务:0",
                "teachers:电子商务"
            ]
        );
        assert!(findings.iter().all(|f| f.severity == Severity::Error));
    }

    #[test]
    fn unknown_specialty_level_batch_and_empty_declaration() {
        let mut d = declaration(1, &["不存在的专业", "会计"]);
        d.specialties[1].programmes[0].schooling = Schooling::SeniorFourYearPreTechnician;
        let findings = run(SchoolKind::TechnicianCollege, &[d], 1);
        assert_eq!(
            ids(&findings),
            ["catalogue:不存在的专业", "level:会计:高中起点四年预备技师"]
        );
        assert_eq!(ids(&run(SchoolKind::TechnicianCollege, &[], 1)), ["empty"]);
        assert_eq!(ids(&run(SchoolKind::TechnicianCollege, &[], 9)), ["batch"]);
    }

    #[test]
    fn a_package_without_approved_textbooks_or_videos_is_reported() {
        let d = declaration(1, &["数控加工"]);
        let mut items = complete_package(std::slice::from_ref(&d));
        items.retain(|i| i.kind != "教学视频" && i.kind != TEXTBOOK);
        items.push(resource_item("数控加工", TEXTBOOK, false));
        let findings = run_with(SchoolKind::TechnicianCollege, &[d], 1, &items);
        assert_eq!(ids(&findings), ["resources:数控加工", "textbooks:数控加工"]);
        assert_eq!(findings[0].message, "教学资源包缺少：教材、教学视频");
        assert!(
            findings[1]
                .message
                .starts_with("1本教材未经审核或未通过审核")
        );
        assert!(
            findings
                .iter()
                .all(|f| f.severity == Severity::Warning && f.clause == "二(一)")
        );
    }

    #[test]
    fn no_partner_is_a_warning() {
        let mut d = declaration(1, &["畜牧兽医"]);
        d.specialties[0].partners.clear();
        let findings = run(SchoolKind::TechnicalSchool, &[d], 1);
        assert_eq!(ids(&findings), ["partners:畜牧兽医"]);
        assert_eq!(findings[0].severity, Severity::Warning);
    }
}
