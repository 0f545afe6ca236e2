//! 区域汇总: what a 盟市 or the 自治区 office makes of the packets schools send it. A packet is
//! summarised from its attached data once its signature is verified, its rules are run again
//! here (the office never takes the packet's own findings on trust), and the latest genuine
//! packet of each school and batch is summed against the region's targets of policy 一(二).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::check::{self, Inputs, Severity};
use super::resource;
use super::terms::chinese_enum;
use super::{Level, Region, SchoolKind, TeacherLevel};

chinese_enum! {
    /// Which office keeps the 汇总文件: a 盟市 人社局 receives its schools' packets and forwards
    /// them; the 自治区人社厅 receives every 盟市's.
    pub enum OfficeLevel {
        League = "盟市",
        Autonomous = "自治区",
    }
}

/// The receiving office, as its printouts name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub name: String,
    pub level: OfficeLevel,
    /// The 盟市 a 盟市 office serves; the 自治区 office serves them all.
    pub region: Option<Region>,
}

impl Office {
    /// What must be put right before the office can be saved.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push("请填写单位名称".to_string());
        }
        match (self.level, self.region) {
            (OfficeLevel::League, None) => problems.push("盟市单位须选择所属盟市".into()),
            (OfficeLevel::Autonomous, Some(_)) => {
                problems.push("自治区单位不选所属盟市（汇总全区）".into());
            }
            _ => {}
        }
        problems
    }
}

chinese_enum! {
    /// What verification made of one received packet.
    pub enum PacketState: array {
        /// Signed, unchanged since, with the certificate pinned for its school.
        Valid = "有效",
        /// Signed and unchanged, but with another certificate than the one pinned for the
        /// school: someone else may have signed in its name, until the office accepts it.
        CertificateMismatch = "证书不符",
        /// Changed after signing: kept as evidence, counted nowhere.
        Changed = "已改动",
        Unsigned = "未签名",
    }
}

/// The state of a packet from what verification found and the certificate pinned for its
/// school (`None` before any). A certificate that names another school than the data
/// (`names_school` false) is never the school's, whatever is pinned.
pub fn state(
    signed: bool,
    intact: bool,
    names_school: bool,
    fingerprint: &str,
    pinned: Option<&str>,
) -> PacketState {
    match (signed, intact) {
        (false, _) => PacketState::Unsigned,
        (true, false) => PacketState::Changed,
        (true, true) if names_school && pinned.is_none_or(|p| p == fingerprint) => {
            PacketState::Valid
        }
        (true, true) => PacketState::CertificateMismatch,
    }
}

chinese_enum! {
    /// The office's opinion on a school's declaration for a batch.
    pub enum Opinion: array {
        Recommend = "推荐",
        Reject = "不推荐",
        Pending = "待定",
    }
}

/// The opinion with the office's words, as the 推荐汇总表 prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub opinion: Opinion,
    pub text: String,
}

/// How a packet reached the 自治区 inside a 盟市's 转报材料: the forwarding office, its
/// opinion on the school's batch, and the certificate it signed the 转报材料 with. The 自治区
/// counts by its own opinion; the 盟市's is shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forwarded {
    pub office: String,
    pub verdict: Option<Verdict>,
    /// SHA-256 of the certificate the 转报材料 was signed with, as `sign::fingerprint` writes it.
    pub fingerprint: String,
}

impl Forwarded {
    /// "经包头市人社局转报，意见：推荐（材料齐全）".
    pub fn describe(&self) -> String {
        match &self.verdict {
            None => format!("经{}转报，未填写意见", self.office),
            Some(v) => format!("经{}转报，意见：{}", self.office, v.describe()),
        }
    }

    /// The forwarding office's opinion with its words: "推荐（材料齐全）", "未填写意见".
    pub fn opinion(&self) -> String {
        self.verdict
            .as_ref()
            .map_or_else(|| "未填写意见".to_string(), Verdict::describe)
    }
}

impl Verdict {
    /// "推荐（材料齐全）", or "推荐" without words.
    pub fn describe(&self) -> String {
        if self.text.is_empty() {
            self.opinion.name().to_string()
        } else {
            format!("{}（{}）", self.opinion, self.text)
        }
    }
}

/// One declared specialty as the 汇总表 lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialtyLine {
    pub name: String,
    pub levels: Vec<Level>,
    /// 计划招生人数 over all its programmes.
    pub enrolment: u32,
    /// Of the resource kinds the policy names, how many have something that counts (a
    /// textbook only once reviewed and approved).
    pub package_ready: usize,
    pub package_kinds: usize,
}

impl SpecialtyLine {
    /// "数控加工（中级工、高级工，招生45人，资源包4/5类）": the same words in the window, the
    /// command line, the workbook and the printed 汇总表.
    pub fn describe(&self) -> String {
        let levels: Vec<&str> = self.levels.iter().map(|l| l.name()).collect();
        format!(
            "{}（{}，招生{}人，资源包{}/{}类）",
            self.name,
            levels.join("、"),
            self.enrolment,
            self.package_ready,
            self.package_kinds
        )
    }
}

/// One finding of the office's own re-check, with the school's explanation where it gave one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingLine {
    pub severity: Severity,
    pub location: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// What one packet says of its school and batch, drawn from its attached data: a row of the
/// 汇总表 and everything the sums need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub school: String,
    pub credit_code: String,
    pub kind: SchoolKind,
    pub region: Region,
    pub batch: u32,
    pub specialties: Vec<SpecialtyLine>,
    /// Teachers on the roster with an 一体化教师等级.
    pub integrated_teachers: usize,
    /// Teachers with a training certificate: what counts toward the 200 of 一(二).
    pub trained_teachers: usize,
    pub findings: Vec<FindingLine>,
}

impl Summary {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Summarises the school's data for `batch`, running the policy check on it again.
pub fn summarise(inputs: &Inputs, batch: u32) -> Summary {
    let ctx = inputs.context();
    let declaration = inputs.declarations.iter().find(|d| d.batch == batch);
    let specialties = declaration
        .map(|d| {
            d.specialties
                .iter()
                .map(|s| {
                    let mut levels: Vec<Level> = s.programmes.iter().map(|p| p.level()).collect();
                    levels.sort_unstable();
                    levels.dedup();
                    let readiness =
                        resource::readiness(&inputs.resource_kinds, &inputs.resources, &s.name);
                    SpecialtyLine {
                        name: s.name.clone(),
                        levels,
                        enrolment: s.programmes.iter().map(|p| p.enrolment).sum(),
                        package_ready: readiness.iter().filter(|r| r.counted > 0).count(),
                        package_kinds: readiness.len(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let findings = check::check(&ctx, batch)
        .into_iter()
        .map(|f| FindingLine {
            explanation: declaration
                .and_then(|d| d.explanations.get(&f.id))
                .filter(|e| !e.trim().is_empty())
                .cloned(),
            severity: f.severity,
            location: f.location,
            message: f.message,
        })
        .collect();
    Summary {
        school: inputs.school.name.clone(),
        credit_code: inputs.school.credit_code.clone(),
        kind: inputs.school.kind,
        region: inputs.school.region,
        batch,
        specialties,
        integrated_teachers: inputs
            .teachers
            .iter()
            .filter(|t| t.level != TeacherLevel::Unrated)
            .count(),
        trained_teachers: inputs.teachers.iter().filter(|t| t.is_trained()).count(),
        findings,
    }
}

/// One received packet as the 汇总文件 keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Received {
    /// Its number in the file, in the order received.
    pub id: i64,
    /// When it was received, as stored (Beijing time).
    pub received_at: String,
    pub file_name: String,
    pub sha256: String,
    pub signed: bool,
    pub intact: bool,
    /// Why it is not intact, or what else verification said.
    pub problem: Option<String>,
    pub signer: String,
    pub fingerprint: String,
    /// The signing certificate names the school the data names.
    pub certificate_matches: bool,
    /// When it was signed, as stored (Beijing time); `None` unsigned.
    pub signed_at: Option<String>,
    pub summary: Summary,
    /// The 盟市 that forwarded it, when it came inside a 转报材料.
    pub forwarded: Option<Forwarded>,
}

impl Received {
    /// Its state under the certificates pinned now.
    pub fn state(&self, pins: &BTreeMap<String, String>) -> PacketState {
        let pinned = pins.get(&self.summary.credit_code).map(String::as_str);
        state(
            self.signed,
            self.intact,
            self.certificate_matches,
            &self.fingerprint,
            pinned,
        )
    }
}

/// One row of the 汇总表: the school and batch, the packet that stands for them now, and the
/// earlier ones it supersedes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub packet: &'a Received,
    pub state: PacketState,
    /// Earlier packets of the same school and batch, newest first; kept, counted nowhere.
    pub superseded: Vec<&'a Received>,
    pub verdict: Option<&'a Verdict>,
}

impl Row<'_> {
    pub fn key(&self) -> (&str, u32) {
        (&self.packet.summary.credit_code, self.packet.summary.batch)
    }
}

/// Which packets count toward the targets, said on the screen and in every printout.
pub const COUNTING_RULE: &str = "每所学校每个批次以最新签署的一份申报材料为准，已改动的不能替代先前的材料；\
只计状态为“有效”（签名有效、签署后未改动、证书与该校登记的一致）的材料；\
一旦有材料给出“推荐”意见，只计“推荐”的，在此之前“不推荐”的不计（意见指本单位的意见，转报材料中盟市的意见另列）。\
专业按名称去重，学校按统一社会信用代码去重，培训教师按每所学校最新计入的一份材料计。";

/// The regional targets of policy 一(二), by the end of the 14th Five-Year Plan.
pub const TARGET_SPECIALTIES: usize = 20;
pub const TARGET_SCHOOLS: usize = 10;
pub const TARGET_TRAINED_TEACHERS: usize = 200;

/// The rows of the 汇总表, one per school and batch, by 盟市 (in the order notices list them),
/// school and batch. A packet changed after signing never stands for its school: it is a row
/// of its own only when nothing else came from that school and batch.
pub fn rows<'a>(
    received: &'a [Received],
    pins: &BTreeMap<String, String>,
    verdicts: &'a BTreeMap<(String, u32), Verdict>,
) -> Vec<Row<'a>> {
    let mut groups: BTreeMap<(&str, u32), Vec<&Received>> = BTreeMap::new();
    for r in received {
        groups
            .entry((&r.summary.credit_code, r.summary.batch))
            .or_default()
            .push(r);
    }
    let mut rows: Vec<Row<'a>> = groups
        .into_values()
        .map(|mut packets| {
            // Newest first: by signing time (an unsigned packet has none and sorts last),
            // then by when it arrived.
            packets.sort_by(|a, b| (&b.signed_at, b.id).cmp(&(&a.signed_at, a.id)));
            let at = packets
                .iter()
                .position(|p| !p.signed || p.intact)
                .unwrap_or(0);
            let packet = packets.remove(at);
            Row {
                state: packet.state(pins),
                verdict: verdicts.get(&(packet.summary.credit_code.clone(), packet.summary.batch)),
                packet,
                superseded: packets,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &Row<'_>| (r.packet.summary.region, r.packet.summary.school.clone());
        key(a).cmp(&key(b)).then(a.key().1.cmp(&b.key().1))
    });
    rows
}

/// Whether the row counts toward the targets, under [`COUNTING_RULE`]; `any_recommended` is
/// whether any row has the opinion 推荐.
pub fn counts(row: &Row<'_>, any_recommended: bool) -> bool {
    row.state == PacketState::Valid
        && match row.verdict.map(|v| v.opinion) {
            Some(Opinion::Recommend) => true,
            Some(Opinion::Reject) => false,
            Some(Opinion::Pending) | None => !any_recommended,
        }
}

/// The sums of the rows that count, for the region or one 盟市.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sums {
    pub specialties: usize,
    pub schools: usize,
    pub trained_teachers: usize,
    /// Rows (school and batch) that count.
    pub declarations: usize,
}

/// The region against the targets, and each 盟市's share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub region: Sums,
    pub by_region: Vec<(Region, Sums)>,
}

/// Sums the rows that count.
pub fn totals(rows: &[Row<'_>]) -> Totals {
    let any_recommended = rows
        .iter()
        .any(|r| r.verdict.is_some_and(|v| v.opinion == Opinion::Recommend));
    let counted: Vec<&Row<'_>> = rows.iter().filter(|r| counts(r, any_recommended)).collect();
    let mut regions: Vec<Region> = counted.iter().map(|r| r.packet.summary.region).collect();
    regions.sort_unstable();
    regions.dedup();
    Totals {
        region: sums(counted.iter().copied()),
        by_region: regions
            .into_iter()
            .map(|region| {
                let of = counted
                    .iter()
                    .copied()
                    .filter(|r| r.packet.summary.region == region);
                (region, sums(of))
            })
            .collect(),
    }
}

fn sums<'a, 'b: 'a>(rows: impl Iterator<Item = &'a Row<'b>> + Clone) -> Sums {
    let specialties: BTreeSet<&str> = rows
        .clone()
        .flat_map(|r| r.packet.summary.specialties.iter().map(|s| s.name.as_str()))
        .collect();
    // A school's roster is the whole school whatever the batch: its newest counted packet
    // says how many are trained now.
    let mut trained: BTreeMap<&str, (&Option<String>, i64, usize)> = BTreeMap::new();
    for r in rows.clone() {
        let p = r.packet;
        let entry = (&p.signed_at, p.id, p.summary.trained_teachers);
        let slot = trained.entry(&p.summary.credit_code).or_insert(entry);
        if (entry.0, entry.1) > (slot.0, slot.1) {
            *slot = entry;
        }
    }
    Sums {
        specialties: specialties.len(),
        schools: trained.len(),
        trained_teachers: trained.values().map(|t| t.2).sum(),
        declarations: rows.count(),
    }
}

/// What only shows across schools: a school outside the 盟市 the office serves, the same
/// specialty declared by several schools, a school over its per-batch limit, and a specialty a
/// school declares again in a later batch. Each is one sentence for the office.
pub fn across(office: &Office, rows: &[Row<'_>]) -> Vec<String> {
    let genuine: Vec<&Row<'_>> = rows
        .iter()
        .filter(|r| r.state != PacketState::Changed)
        .collect();
    let mut notes = Vec::new();
    if let Some(served) = office.region {
        let mut outside: BTreeMap<&str, Region> = BTreeMap::new();
        for r in genuine.iter().filter(|r| r.packet.summary.region != served) {
            outside.insert(&r.packet.summary.school, r.packet.summary.region);
        }
        for (school, region) in outside {
            notes.push(format!(
                "{school}属于{region}，不属于本单位所辖的{served}：请核实是否应转交{region}"
            ));
        }
    }
    let mut by_specialty: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in &genuine {
        for s in &r.packet.summary.specialties {
            by_specialty
                .entry(&s.name)
                .or_default()
                .insert(&r.packet.summary.school);
        }
    }
    for (specialty, schools) in by_specialty.iter().filter(|(_, s)| s.len() > 1) {
        let names: Vec<&str> = schools.iter().copied().collect();
        notes.push(format!(
            "“{specialty}”由{}所学校申报：{}",
            names.len(),
            names.join("、")
        ));
    }
    for r in &genuine {
        let s = &r.packet.summary;
        let limit = s.kind.max_specialties_per_batch();
        if s.specialties.len() > limit {
            notes.push(format!(
                "{}（{}）第{}批申报{}个专业，超过每批{}个的限额",
                s.school,
                s.kind.name(),
                s.batch,
                s.specialties.len(),
                limit
            ));
        }
    }
    let mut by_school: BTreeMap<&str, BTreeMap<&str, Vec<u32>>> = BTreeMap::new();
    for r in &genuine {
        let s = &r.packet.summary;
        for line in &s.specialties {
            by_school
                .entry(&s.school)
                .or_default()
                .entry(&line.name)
                .or_default()
                .push(s.batch);
        }
    }
    for (school, specialties) in by_school {
        for (specialty, mut batches) in specialties {
            batches.sort_unstable();
            if batches.len() > 1 {
                let listed: Vec<String> = batches.iter().map(|b| format!("第{b}批")).collect();
                notes.push(format!(
                    "{school}在{}重复申报“{specialty}”",
                    listed.join("、")
                ));
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(school: &str, code: &str, region: Region, batch: u32, names: &[&str]) -> Summary {
        Summary {
            school: school.into(),
            credit_code: code.into(),
            kind: SchoolKind::TechnicalSchool,
            region,
            batch,
            specialties: names
                .iter()
                .map(|n| SpecialtyLine {
                    name: (*n).into(),
                    levels: vec![Level::Intermediate],
                    enrolment: 40,
                    package_ready: 5,
                    package_kinds: 5,
                })
                .collect(),
            integrated_teachers: 3,
            trained_teachers: 2,
            findings: Vec::new(),
        }
    }

    fn packet(id: i64, summary: Summary, signed_at: Option<&str>, intact: bool) -> Received {
        Received {
            id,
            received_at: "2026-12-07T10:00:00+08:00".into(),
            file_name: format!("{id}.pdf"),
            sha256: format!("{id:064}"),
            signed: signed_at.is_some(),
            intact,
            problem: None,
            signer: summary.school.clone(),
            fingerprint: format!("FP-{}", summary.credit_code),
            certificate_matches: true,
            signed_at: signed_at.map(str::to_string),
            summary,
            forwarded: None,
        }
    }

    #[test]
    fn the_state_follows_signature_change_and_pinned_certificate() {
        assert_eq!(state(false, false, true, "", None), PacketState::Unsigned);
        assert_eq!(
            state(true, false, true, "A", Some("A")),
            PacketState::Changed
        );
        assert_eq!(state(true, true, true, "A", None), PacketState::Valid);
        assert_eq!(state(true, true, true, "A", Some("A")), PacketState::Valid);
        assert_eq!(
            state(true, true, true, "B", Some("A")),
            PacketState::CertificateMismatch
        );
        // A certificate made in another school's code is never this school's.
        assert_eq!(
            state(true, true, false, "A", Some("A")),
            PacketState::CertificateMismatch
        );
        assert_eq!(
            state(true, true, false, "A", None),
            PacketState::CertificateMismatch
        );
    }

    #[test]
    fn the_newest_signed_packet_stands_and_a_changed_one_never_does() {
        let a = summary("甲校", "A", Region::Baotou, 1, &["汽车维修"]);
        let received = vec![
            packet(1, a.clone(), Some("2026-11-01T09:00:00+08:00"), true),
            // Received later but signed earlier: it does not supersede packet 1.
            packet(2, a.clone(), Some("2026-10-01T09:00:00+08:00"), true),
            // The newest, but changed after signing.
            packet(3, a.clone(), Some("2026-12-01T09:00:00+08:00"), false),
        ];
        let pins = BTreeMap::from([("A".to_string(), "FP-A".to_string())]);
        let verdicts = BTreeMap::new();
        let rows = rows(&received, &pins, &verdicts);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].packet.id, 1);
        assert_eq!(rows[0].state, PacketState::Valid);
        let older: Vec<i64> = rows[0].superseded.iter().map(|p| p.id).collect();
        assert_eq!(older, [3, 2]);
    }

    #[test]
    fn totals_count_valid_rows_and_only_recommended_ones_once_any_is() {
        let received = vec![
            packet(
                1,
                summary("甲校", "A", Region::Baotou, 1, &["汽车维修", "电工"]),
                Some("2026-11-01T09:00:00+08:00"),
                true,
            ),
            packet(
                2,
                summary("甲校", "A", Region::Baotou, 2, &["焊接"]),
                Some("2026-11-02T09:00:00+08:00"),
                true,
            ),
            packet(
                3,
                summary("乙校", "B", Region::Chifeng, 1, &["汽车维修"]),
                Some("2026-11-03T09:00:00+08:00"),
                true,
            ),
            packet(
                4,
                summary("丙校", "C", Region::Chifeng, 1, &["烹饪"]),
                None,
                false,
            ),
        ];
        let pins = BTreeMap::new();
        let mut verdicts = BTreeMap::new();
        let all = totals(&rows(&received, &pins, &verdicts));
        assert_eq!(
            all.region,
            Sums {
                specialties: 3,
                schools: 2,
                trained_teachers: 4,
                declarations: 3,
            }
        );
        verdicts.insert(
            ("A".to_string(), 2),
            Verdict {
                opinion: Opinion::Recommend,
                text: String::new(),
            },
        );
        let recommended = totals(&rows(&received, &pins, &verdicts));
        assert_eq!(
            recommended.region,
            Sums {
                specialties: 1,
                schools: 1,
                trained_teachers: 2,
                declarations: 1,
            }
        );
        assert_eq!(recommended.by_region.len(), 1);
        assert_eq!(recommended.by_region[0].0, Region::Baotou);
    }

    #[test]
    fn across_schools_names_shared_specialties_limits_and_repeats() {
        let mut over = summary(
            "乙校",
            "B",
            Region::Chifeng,
            1,
            &["汽车维修", "电工", "焊接"],
        );
        over.kind = SchoolKind::TechnicalSchool;
        let received = vec![
            packet(
                1,
                summary("甲校", "A", Region::Baotou, 1, &["汽车维修"]),
                Some("2026-11-01T09:00:00+08:00"),
                true,
            ),
            packet(
                2,
                summary("甲校", "A", Region::Baotou, 2, &["汽车维修"]),
                Some("2026-11-02T09:00:00+08:00"),
                true,
            ),
            packet(3, over, Some("2026-11-03T09:00:00+08:00"), true),
        ];
        let verdicts = BTreeMap::new();
        let office = Office {
            name: "赤峰市人力资源和社会保障局".into(),
            level: OfficeLevel::League,
            region: Some(Region::Chifeng),
        };
        let notes = across(&office, &rows(&received, &BTreeMap::new(), &verdicts));
        assert_eq!(
            notes,
            [
                "甲校属于包头市，不属于本单位所辖的赤峰市：请核实是否应转交包头市",
                "“汽车维修”由2所学校申报：乙校、甲校",
                "乙校（技工学校）第1批申报3个专业，超过每批2个的限额",
                "甲校在第1批、第2批重复申报“汽车维修”",
            ]
        );
    }

    #[test]
    fn a_league_office_names_its_league_and_the_region_does_not() {
        let office = |level, region| Office {
            name: "包头市人力资源和社会保障局".into(),
            level,
            region,
        };
        assert!(
            office(OfficeLevel::League, Some(Region::Baotou))
                .problems()
                .is_empty()
        );
        assert_eq!(
            office(OfficeLevel::League, None).problems(),
            ["盟市单位须选择所属盟市"]
        );
        assert_eq!(
            office(OfficeLevel::Autonomous, Some(Region::Baotou)).problems(),
            ["自治区单位不选所属盟市（汇总全区）"]
        );
    }
}
