//! 区域汇总 as a 盟市 office uses it from the terminal: a folder of real signed packets from a
//! region of varied schools is received by the binary, every state is told apart (有效, 已改动,
//! 证书不符, 未签名, a resubmission that supersedes), the totals are exact, and files that are
//! no packet are refused with nothing stored.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde_json::Value;
use yitihua::domain::credit_code;
use yitihua::domain::{Region, SchoolKind};
use yitihua::exchange::Document;
use yitihua::exchange::demo::{Size, document};
use yitihua::report::{PacketInput, Signatures, packet};
use yitihua::sign::{KeyPair, Signer, create_key, sign_pdf};
use yitihua::store::{RollupFile, SchoolFile, StoreError};

use crate::binary::{stderr, stdout, yitihua};

const PASSPHRASE: &str = "盟市汇总测试口令";

/// One school of the test region: its name, kind, 盟市, batch, the two specialties it
/// declares, and how many of the demo's trained teachers lose their certificate.
struct School {
    name: &'static str,
    kind: SchoolKind,
    region: Region,
    batch: u32,
    specialties: [&'static str; 2],
    untrained: usize,
}

const REGION: [School; 12] = [
    school(
        "呼和浩特第一技工学校",
        SchoolKind::TechnicalSchool,
        Region::Hohhot,
        1,
        ["汽车维修", "畜牧兽医"],
        0,
    ),
    school(
        "呼和浩特第二技工学校",
        SchoolKind::TechnicalSchool,
        Region::Hohhot,
        1,
        ["数控加工", "焊接加工"],
        1,
    ),
    school(
        "呼和浩特高级技工学校",
        SchoolKind::SeniorTechnicalSchool,
        Region::Hohhot,
        2,
        ["模具制造", "电子商务"],
        2,
    ),
    school(
        "包头第一技工学校",
        SchoolKind::TechnicalSchool,
        Region::Baotou,
        1,
        ["汽车维修", "会计"],
        0,
    ),
    school(
        "包头第二技工学校",
        SchoolKind::TechnicalSchool,
        Region::Baotou,
        2,
        ["烹饪（中式烹调）", "中式面点"],
        1,
    ),
    school(
        "包头技师学院",
        SchoolKind::TechnicianCollege,
        Region::Baotou,
        1,
        ["电气自动化设备安装与维修", "机电一体化技术"],
        2,
    ),
    school(
        "赤峰第一技工学校",
        SchoolKind::TechnicalSchool,
        Region::Chifeng,
        1,
        ["计算机网络应用", "畜牧兽医"],
        0,
    ),
    school(
        "赤峰高级技工学校",
        SchoolKind::SeniorTechnicalSchool,
        Region::Chifeng,
        2,
        ["建筑施工", "化工工艺"],
        1,
    ),
    school(
        "通辽第一技工学校",
        SchoolKind::TechnicalSchool,
        Region::Tongliao,
        1,
        ["食品加工与检验", "服装设计与制作"],
        2,
    ),
    school(
        "通辽技师学院",
        SchoolKind::TechnicianCollege,
        Region::Tongliao,
        2,
        ["幼儿教育", "物流服务与管理"],
        0,
    ),
    school(
        "兴安盟第一技工学校",
        SchoolKind::TechnicalSchool,
        Region::Hinggan,
        1,
        ["新能源汽车检测与维修", "汽车维修"],
        1,
    ),
    school(
        "兴安盟高级技工学校",
        SchoolKind::SeniorTechnicalSchool,
        Region::Hinggan,
        2,
        ["美容美发与造型", "计算机程序设计"],
        2,
    ),
];

const fn school(
    name: &'static str,
    kind: SchoolKind,
    region: Region,
    batch: u32,
    specialties: [&'static str; 2],
    untrained: usize,
) -> School {
    School {
        name,
        kind,
        region,
        batch,
        specialties,
        untrained,
    }
}

fn credit_code_of(i: usize) -> String {
    credit_code::with_check(&format!("5215{:02}00MB00000{:02}", 10 + i, i)).unwrap()
}

/// The small demo school made into school `i` of the region: its own name, code, kind, 盟市
/// and batch, its specialties renamed (with their resources, so the packages stay as they
/// were), and some trained teachers without their certificate.
fn member(i: usize, s: &School) -> Document {
    let mut doc = document(Size::Small);
    doc.school.name = s.name.into();
    doc.school.credit_code = credit_code_of(i);
    doc.school.kind = s.kind;
    doc.school.region = s.region;
    let rename = |name: &mut String| {
        if name == "汽车维修" {
            *name = s.specialties[0].into();
        } else if name == "畜牧兽医" {
            *name = s.specialties[1].into();
        }
    };
    for d in &mut doc.declarations {
        d.batch = s.batch;
        d.specialties.iter_mut().for_each(|x| rename(&mut x.name));
    }
    doc.resources
        .iter_mut()
        .for_each(|r| rename(&mut r.specialty));
    doc.teachers
        .iter_mut()
        .filter(|t| t.is_trained())
        .take(s.untrained)
        .for_each(|t| t.trainings.clear());
    doc
}

fn trained(doc: &Document) -> usize {
    doc.teachers.iter().filter(|t| t.is_trained()).count()
}

fn unsigned(doc: &Document, batch: u32) -> Vec<u8> {
    let findings = yitihua::domain::check::check(&doc.check_inputs().context(), batch);
    let signatures = Signatures::default();
    packet(
        &PacketInput {
            document: doc,
            batch,
            findings: &findings,
            date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            filler: "张玥",
            signatures: &signatures,
        },
        &mut |_| {},
    )
    .unwrap()
}

fn signed(doc: &Document, batch: u32, key: &KeyPair, at: DateTime<Utc>) -> Vec<u8> {
    let signer = Signer {
        certificate_der: &key.certificate_der,
        encrypted_key_der: &key.encrypted_key_der,
        passphrase: PASSPHRASE,
    };
    sign_pdf(&unsigned(doc, batch), &signer, &doc.school.name, at).unwrap()
}

fn at(hours: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap() + Duration::hours(hours)
}

/// The region's packets, made once: scrypt and the layout are the slow parts.
pub(crate) struct Packets {
    dir: tempfile::TempDir,
    pub(crate) keys: Vec<KeyPair>,
    trained: Vec<usize>,
}

/// The packets of 包头's three schools, as the folder names them.
pub(crate) const BAOTOU: [&str; 3] = [
    "04-包头第一技工学校.pdf",
    "05-包头第二技工学校.pdf",
    "06-包头技师学院.pdf",
];

impl Packets {
    pub(crate) fn folder(&self) -> PathBuf {
        self.dir.path().join("申报材料")
    }

    /// The packets named, in the folder.
    pub(crate) fn paths(&self, names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(|n| self.folder().join(n)).collect()
    }
}

pub(crate) fn packets() -> &'static Packets {
    static PACKETS: OnceLock<Packets> = OnceLock::new();
    PACKETS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("申报材料");
        std::fs::create_dir(&folder).unwrap();
        let mut keys = Vec::new();
        let mut trained_counts = Vec::new();
        for (i, s) in REGION.iter().enumerate() {
            let doc = member(i, s);
            let key = create_key(s.name, &doc.school.credit_code, PASSPHRASE, at(0)).unwrap();
            let pdf = signed(&doc, s.batch, &key, at(i as i64));
            std::fs::write(folder.join(format!("{:02}-{}.pdf", i + 1, s.name)), &pdf).unwrap();
            if i == 0 {
                // Something appended after signing: the signature no longer covers the file.
                let mut changed = pdf.clone();
                changed.extend_from_slice("% 签署后追加的内容\n".as_bytes());
                std::fs::write(folder.join("60-改动.pdf"), changed).unwrap();
            }
            keys.push(key);
            trained_counts.push(trained(&doc));
        }
        // The second school signs again with a new key, a day later.
        let second = member(1, &REGION[1]);
        let other = create_key(
            REGION[1].name,
            &second.school.credit_code,
            PASSPHRASE,
            at(0),
        )
        .unwrap();
        let resigned = signed(&second, REGION[1].batch, &other, at(24));
        std::fs::write(folder.join("70-重新签署.pdf"), resigned).unwrap();
        // The third school corrects a specialty and sends its packet again, signed later.
        let mut third = member(2, &REGION[2]);
        third.declarations[0].specialties[1].name = "汽车钣金与涂装".into();
        third
            .resources
            .iter_mut()
            .filter(|r| r.specialty == "电子商务")
            .for_each(|r| r.specialty = "汽车钣金与涂装".into());
        let again = signed(&third, REGION[2].batch, &keys[2], at(48));
        std::fs::write(folder.join("80-重新报送.pdf"), again).unwrap();
        // A school that sent its packet without signing it.
        let mut plain = member(12, &REGION[0]);
        plain.school.name = "乌海市技工学校".into();
        plain.school.region = Region::Wuhai;
        std::fs::write(folder.join("90-未签名.pdf"), unsigned(&plain, 1)).unwrap();
        Packets {
            dir,
            keys,
            trained: trained_counts,
        }
    })
}

fn new_rollup(dir: &Path) -> PathBuf {
    let file = dir.join("包头汇总.yhz");
    let o = yitihua(&[
        &"rollup",
        &"new",
        &file,
        &"--office",
        &"内蒙古自治区人力资源和社会保障厅",
        &"--level",
        &"自治区",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    file
}

fn report(file: &Path) -> Value {
    let o = yitihua(&[&"rollup", &"report", &file, &"--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn state_of<'a>(report: &'a Value, file_name: &str) -> &'a Value {
    let packet = report["packets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file_name"] == file_name)
        .unwrap_or_else(|| panic!("{file_name} was received"));
    &packet["state"]
}

/// The command failed (exit 1) and said why on stderr.
fn refused(o: &std::process::Output, why: &str) {
    assert_eq!(o.status.code(), Some(1), "{}", stdout(o));
    assert!(stderr(o).contains(why), "{}", stderr(o));
}

fn counted(report: &Value) -> (u64, u64, u64) {
    let t = &report["targets"];
    (
        t["specialties"]["counted"].as_u64().unwrap(),
        t["schools"]["counted"].as_u64().unwrap(),
        t["trained_teachers"]["counted"].as_u64().unwrap(),
    )
}

#[test]
fn a_region_is_received_verified_and_summed_against_the_targets() {
    let p = packets();
    let work = tempfile::tempdir().unwrap();
    let file = new_rollup(work.path());

    let o = yitihua(&[&"rollup", &"add", &file, &p.folder()]);
    let out = stdout(&o);
    // Flagged packets make the exit code 1, and each is one line that says why.
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert_eq!(out.lines().count(), 17, "{out}");
    assert!(
        out.contains("01-呼和浩特第一技工学校.pdf：呼和浩特第一技工学校，第1批，有效"),
        "{out}"
    );
    assert!(
        out.contains(
            "60-改动.pdf：呼和浩特第一技工学校，第1批，已改动：签署后文件末尾又被追加了内容"
        ),
        "{out}"
    );
    assert!(
        out.contains("70-重新签署.pdf：呼和浩特第二技工学校，第1批，证书不符"),
        "{out}"
    );
    assert!(
        out.contains("90-未签名.pdf：乌海市技工学校，第1批，未签名"),
        "{out}"
    );
    assert!(out.contains("共16份：有效13份，需处理3份"), "{out}");

    let r = report(&file);
    assert_eq!(state_of(&r, "60-改动.pdf"), "已改动");
    // Every packet is kept as received beside the 汇总文件, the changed one as evidence.
    let changed = r["packets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file_name"] == "60-改动.pdf")
        .unwrap();
    let kept = work
        .path()
        .join("包头汇总-材料")
        .join(format!("{}.pdf", changed["sha256"].as_str().unwrap()));
    assert_eq!(
        std::fs::read(kept).unwrap(),
        std::fs::read(p.folder().join("60-改动.pdf")).unwrap()
    );
    assert_eq!(
        std::fs::read_dir(work.path().join("包头汇总-材料"))
            .unwrap()
            .count(),
        16
    );
    assert_eq!(state_of(&r, "70-重新签署.pdf"), "证书不符");
    assert_eq!(state_of(&r, "90-未签名.pdf"), "未签名");
    assert_eq!(state_of(&r, "80-重新报送.pdf"), "有效");
    assert_eq!(state_of(&r, "03-呼和浩特高级技工学校.pdf"), "有效");
    let packet_id = |name: &str| {
        r["packets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["file_name"] == name)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    // The resubmission supersedes the school's first packet; the changed copy supersedes
    // nothing, and the re-signed packet stands (flagged) for its school until accepted.
    let superseded_by = |name: &str| {
        r["packets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["file_name"] == name)
            .unwrap()["superseded_by"]
            .clone()
    };
    assert_eq!(
        superseded_by("03-呼和浩特高级技工学校.pdf"),
        packet_id("80-重新报送.pdf")
    );
    assert_eq!(
        superseded_by("60-改动.pdf"),
        packet_id("01-呼和浩特第一技工学校.pdf")
    );
    assert_eq!(
        superseded_by("02-呼和浩特第二技工学校.pdf"),
        packet_id("70-重新签署.pdf")
    );
    assert_eq!(r["rows"].as_array().unwrap().len(), 13);

    // Counted: the eleven schools whose standing packet is 有效 (not the re-signed one, not
    // the unsigned one). Specialties by name: their 22 less 汽车维修 twice over and 畜牧兽医
    // once over, the resubmission's 汽车钣金与涂装 standing for 电子商务.
    let trained_valid: usize = (0..12).filter(|&i| i != 1).map(|i| p.trained[i]).sum();
    assert_eq!(counted(&r), (19, 11, trained_valid as u64));
    let hohhot = r["by_region"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["region"] == "呼和浩特市")
        .unwrap();
    assert_eq!(hohhot["schools"], 2);
    assert_eq!(hohhot["specialties"], 4);
    let across: Vec<&str> = r["across"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        across.contains(&"“汽车维修”由4所学校申报：乌海市技工学校、兴安盟第一技工学校、包头第一技工学校、呼和浩特第一技工学校"),
        "{across:?}"
    );

    // The office checks the new certificate with the school and accepts it: the school counts
    // again, with the re-signed packet.
    let resigned = packet_id("70-重新签署.pdf");
    let o = yitihua(&[
        &"rollup",
        &"trust",
        &file,
        &"--packet",
        &resigned.to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = report(&file);
    assert_eq!(state_of(&r, "70-重新签署.pdf"), "有效");
    assert_eq!(state_of(&r, "02-呼和浩特第二技工学校.pdf"), "证书不符");
    let trained_all: usize = p.trained.iter().sum();
    assert_eq!(counted(&r), (21, 12, trained_all as u64));

    // Once one declaration is 推荐, only 推荐 ones count; 不推荐 never does.
    for (i, opinion) in [(3, "推荐"), (4, "推荐"), (5, "不推荐")] {
        let o = yitihua(&[
            &"rollup",
            &"opinion",
            &file,
            &"--school",
            &credit_code_of(i),
            &"--batch",
            &REGION[i].batch.to_string(),
            &"--opinion",
            &opinion,
            &"--text",
            &"材料齐全",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let r = report(&file);
    assert_eq!(
        counted(&r),
        (4, 2, (p.trained[3] + p.trained[4]) as u64),
        "{r:#}"
    );
    // A mistyped school is refused, not kept for nobody.
    let o = yitihua(&[
        &"rollup",
        &"opinion",
        &file,
        &"--school",
        &credit_code_of(40),
        &"--batch",
        &"1",
        &"--opinion",
        &"推荐",
    ]);
    refused(&o, "没有收到统一社会信用代码为");

    // Receiving the same folder again adds nothing.
    let o = yitihua(&[&"rollup", &"add", &file, &p.folder()]);
    assert!(stdout(&o).contains("（此前已收取）"), "{}", stdout(&o));
    assert_eq!(report(&file)["packets"].as_array().unwrap().len(), 16);

    // The text report says the same to a person.
    let o = yitihua(&[&"rollup", &"report", &file]);
    let text = stdout(&o);
    assert!(text.contains("建设专业  4 / 20"), "{text}");
    assert!(text.contains("参与学校  2 / 10"), "{text}");
    assert!(text.contains("意见：不推荐（材料齐全）"), "{text}");

    printed_and_workbook_agree(&file, work.path());
}

/// The 推荐汇总表 printed (read back as a PDF reader does) and the workbook (read back with
/// calamine) hold every row, the opinions and the counted figures; neither overwrites a file.
fn printed_and_workbook_agree(file: &Path, dir: &Path) {
    use calamine::{Reader, Xlsx, open_workbook};
    let pdf = dir.join("推荐汇总表.pdf");
    let o = yitihua(&[
        &"rollup",
        &"report",
        &file,
        &"--pdf",
        &pdf,
        &"--date",
        &"2026-12-07",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = yitihua(&[&"rollup", &"report", &file, &"--pdf", &pdf]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "an existing file is not overwritten"
    );
    let text = std::process::Command::new("pdftotext")
        .args([Path::new("-raw"), &pdf, Path::new("-")])
        .output()
        .expect("pdftotext (poppler-utils) must be installed to read the printout back");
    let text = String::from_utf8_lossy(&text.stdout).replace(['\n', ' '], "");
    assert!(text.contains("工学一体化建设专业推荐汇总表"), "{text}");
    assert!(text.contains("2026年12月7日"), "{text}");
    for s in &REGION {
        assert!(text.contains(s.name), "{} is printed: {text}", s.name);
    }
    assert!(text.contains("推荐：材料齐全"), "{text}");
    assert!(text.contains("不推荐：材料齐全"), "{text}");
    assert!(
        text.contains("内蒙古自治区人力资源和社会保障厅意见"),
        "{text}"
    );

    let xlsx = dir.join("汇总表.xlsx");
    let o = yitihua(&[&"rollup", &"report", &file, &"--xlsx", &xlsx]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("汇总表").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .skip(3)
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 13, "{rows:?}");
    let counted: Vec<&str> = rows
        .iter()
        .filter(|r| r[16] == "是")
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(counted, ["包头第一技工学校", "包头第二技工学校"]);
    let targets = book.worksheet_range("目标").unwrap();
    let total: Vec<String> = targets
        .rows()
        .find(|r| r[0] == "合计（计入）")
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        total[1..4],
        [
            "4",
            "2",
            &(packets().trained[3] + packets().trained[4]).to_string()
        ]
    );
}

#[test]
fn a_certificate_trusted_beforehand_flags_a_packet_signed_with_another() {
    let p = packets();
    let work = tempfile::tempdir().unwrap();
    // The school exports its certificate from its own file...
    let doc = member(5, &REGION[5]);
    let school_file = work.path().join("学校.yth");
    let mut school = doc.create_file(&school_file, "测试").unwrap();
    school
        .save_signing_key(
            &p.keys[5].certificate_der,
            &p.keys[5].encrypted_key_der,
            false,
        )
        .unwrap();
    drop(school);
    let pem = work.path().join("证书.pem");
    let o = yitihua(&[&"export-certificate", &school_file, &"--out", &pem]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = yitihua(&[&"export-certificate", &school_file, &"--out", &pem]);
    assert_eq!(o.status.code(), Some(1), "never overwrites");

    // ...and the office trusts it before any packet arrives.
    let file = new_rollup(work.path());
    let o = yitihua(&[&"rollup", &"trust", &file, &pem]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("已信任包头技师学院"), "{}", stdout(&o));

    // A packet in the school's name signed with a certificate someone else made.
    let impostor = create_key(REGION[5].name, &credit_code_of(5), PASSPHRASE, at(0)).unwrap();
    let forged = work.path().join("冒名.pdf");
    std::fs::write(&forged, signed(&doc, 1, &impostor, at(3))).unwrap();
    let genuine = p.folder().join("06-包头技师学院.pdf");
    let o = yitihua(&[&"rollup", &"add", &file, &forged, &genuine]);
    let out = stdout(&o);
    assert!(
        out.contains("冒名.pdf：包头技师学院，第1批，证书不符"),
        "{out}"
    );
    assert!(
        out.contains("06-包头技师学院.pdf：包头技师学院，第1批，有效"),
        "{out}"
    );
}

#[test]
fn files_that_are_no_packet_are_refused_and_nothing_is_stored() {
    let work = tempfile::tempdir().unwrap();
    let file = new_rollup(work.path());
    let not_pdf = work.path().join("通知.pdf");
    std::fs::write(&not_pdf, "这不是 PDF").unwrap();
    let broken = work.path().join("损坏.pdf");
    let mut bytes = unsigned(&document(Size::Small), 1);
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&broken, bytes).unwrap();
    let plain = work.path().join("普通.pdf");
    std::fs::write(
        &plain,
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    )
    .unwrap();
    let o = yitihua(&[&"rollup", &"add", &file, &not_pdf, &broken, &plain]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(out.contains("通知.pdf：未收取。不是 PDF 文件"), "{out}");
    assert!(out.contains("损坏.pdf：未收取。"), "{out}");
    assert!(out.contains("普通.pdf：未收取。"), "{out}");
    assert!(!out.contains("panicked"), "{out}");
    assert_eq!(report(&file)["packets"].as_array().unwrap().len(), 0);
}

#[test]
fn a_school_file_and_a_rollup_file_are_never_taken_for_each_other() {
    let work = tempfile::tempdir().unwrap();
    let rollup = new_rollup(work.path());
    let school = work.path().join("学校.yth");
    document(Size::Small).create_file(&school, "测试").unwrap();
    let before = std::fs::read(&school).unwrap();
    let e = RollupFile::open(&school).unwrap_err();
    assert!(matches!(e, StoreError::OtherKind { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "这是学校文件（.yth），不是汇总文件，未作任何改动。请改选汇总文件；学校文件请在窗口中用“打开…”打开。"
    );
    assert_eq!(std::fs::read(&school).unwrap(), before);
    let e = SchoolFile::open(&rollup).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("这是汇总文件（.yhz），不是学校文件"),
        "{e}"
    );
    let text = work.path().join("通知.yhz");
    std::fs::write(&text, "这不是汇总文件").unwrap();
    assert_eq!(
        RollupFile::open(&text).unwrap_err().to_string(),
        "这不是汇总文件（.yhz）：文件内容不是本程序的数据格式。"
    );
    // A 盟市 office must say which 盟市; nothing is created otherwise.
    let league = work.path().join("盟市.yhz");
    let o = yitihua(&[
        &"rollup",
        &"new",
        &league,
        &"--office",
        &"包头市人社局",
        &"--level",
        &"盟市",
    ]);
    refused(&o, "盟市单位须选择所属盟市");
    assert!(!league.exists());
    // The 汇总文件 backs itself up beside itself, as a school file does.
    drop(RollupFile::open(&rollup).unwrap());
    let backups = work.path().join("包头汇总-备份");
    let names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.ends_with(".yhz")), "{names:?}");
}

/// A 盟市's 汇总文件 with `files` of the region's packets received and `opinions` written
/// (packet file, opinion), from the terminal.
fn league(
    dir: &Path,
    name: &str,
    region: &str,
    files: &[&str],
    opinions: &[(usize, &str)],
) -> PathBuf {
    let p = packets();
    let file = dir.join(format!("{name}.yhz"));
    let o = yitihua(&[
        &"rollup",
        &"new",
        &file,
        &"--office",
        &format!("{region}人力资源和社会保障局"),
        &"--level",
        &"盟市",
        &"--region",
        &region,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut args: Vec<Box<dyn AsRef<std::ffi::OsStr>>> =
        vec![Box::new("rollup"), Box::new("add"), Box::new(file.clone())];
    args.extend(
        p.paths(files)
            .into_iter()
            .map(|f| Box::new(f) as Box<dyn AsRef<std::ffi::OsStr>>),
    );
    let refs: Vec<&dyn AsRef<std::ffi::OsStr>> = args.iter().map(|a| a.as_ref()).collect();
    let o = yitihua(&refs);
    assert_eq!(
        stdout(&o).lines().count(),
        files.len() + 1,
        "{}",
        stderr(&o)
    );
    for (school, opinion) in opinions {
        let o = yitihua(&[
            &"rollup",
            &"opinion",
            &file,
            &"--school",
            &credit_code_of(*school),
            &"--batch",
            &REGION[*school].batch.to_string(),
            &"--opinion",
            opinion,
            &"--text",
            &"材料齐全",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    file
}

#[test]
fn two_leagues_forward_signed_and_the_region_receives_them() {
    let p = packets();
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let passphrase = dir.join("口令.txt");
    std::fs::write(&passphrase, "盟市转报签署口令\n").unwrap();
    // 呼和浩特 received its three schools, the changed copy and the resubmission; 包头 its three.
    let hohhot = league(
        dir,
        "呼和浩特汇总",
        "呼和浩特市",
        &[
            "01-呼和浩特第一技工学校.pdf",
            "02-呼和浩特第二技工学校.pdf",
            "03-呼和浩特高级技工学校.pdf",
            "60-改动.pdf",
            "80-重新报送.pdf",
        ],
        &[(0, "推荐"), (1, "不推荐")],
    );
    let baotou = league(dir, "包头市汇总", "包头市", &BAOTOU, &[(3, "推荐")]);

    // No key yet: refused, and nothing is written.
    let out = dir.join("包头转报.pdf");
    let forward = |file: &Path, out: &Path| {
        yitihua(&[
            &"rollup",
            &"forward",
            &file,
            &"--out",
            &out,
            &"--passphrase-file",
            &passphrase,
            &"--date",
            &"2026-12-08",
        ])
    };
    refused(&forward(&baotou, &out), "本单位还没有签署密钥");
    assert!(!out.exists());
    for file in [&hohhot, &baotou] {
        let o = yitihua(&[
            &"rollup",
            &"sign-setup",
            file,
            &"--passphrase-file",
            &passphrase,
        ]);
        assert!(
            stdout(&o).contains("已创建本单位的签署密钥和证书"),
            "{}",
            stderr(&o)
        );
    }
    // A wrong passphrase signs nothing and writes nothing.
    let wrong = dir.join("错误口令.txt");
    std::fs::write(&wrong, "这不是本单位的口令").unwrap();
    let o = yitihua(&[
        &"rollup",
        &"forward",
        &baotou,
        &"--out",
        &out,
        &"--passphrase-file",
        &wrong,
    ]);
    refused(&o, "口令不正确");
    assert!(!out.exists());

    let o = forward(&baotou, &out);
    assert!(
        stdout(&o).contains("已导出转报材料（随附申报材料3份，已签署）"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    let hohhot_out = dir.join("呼和浩特转报.pdf");
    let o = forward(&hohhot, &hohhot_out);
    // The changed copy is evidence, not forwarded: one packet per school, the resubmission
    // standing for the third.
    assert!(
        stdout(&o).contains("随附申报材料3份"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    // As a PDF reader sees it: the 转报数据 and the three packets, byte for byte as received.
    let bytes = std::fs::read(&hohhot_out).unwrap();
    let embedded = yitihua::exchange::packet::Embedded::load(&bytes).unwrap();
    let mut names: Vec<&str> = embedded.names().collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "01-呼和浩特第一技工学校-第1批.pdf",
            "02-呼和浩特第二技工学校-第1批.pdf",
            "03-呼和浩特高级技工学校-第2批.pdf",
            "yitihua-转报.json",
        ]
    );
    assert_eq!(
        embedded
            .file("01-呼和浩特第一技工学校-第1批.pdf")
            .unwrap()
            .unwrap(),
        std::fs::read(p.folder().join("01-呼和浩特第一技工学校.pdf")).unwrap()
    );
    assert_eq!(
        embedded
            .file("03-呼和浩特高级技工学校-第2批.pdf")
            .unwrap()
            .unwrap(),
        std::fs::read(p.folder().join("80-重新报送.pdf")).unwrap()
    );
    let o = yitihua(&[&"verify", &hohhot_out]);
    assert!(
        stdout(&o).contains("签署人：呼和浩特市人力资源和社会保障局"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("文件完整：签署后未被改动"));

    // A 盟市 does not take another's 转报材料: that goes to the 自治区.
    let o = yitihua(&[&"rollup", &"add", &baotou, &hohhot_out]);
    assert!(
        stdout(&o).contains(
            "呼和浩特转报.pdf：未收取。这是呼和浩特市人力资源和社会保障局的转报材料，由自治区收取"
        ),
        "{}",
        stdout(&o)
    );
    assert_eq!(report(&baotou)["packets"].as_array().unwrap().len(), 3);

    // The 自治区 receives both: one line per school packet, each verified again.
    let region = new_rollup(dir);
    let o = yitihua(&[&"rollup", &"add", &region, &hohhot_out, &out]);
    let said = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{said}{}", stderr(&o));
    assert!(
        said.contains(
            "呼和浩特转报.pdf › 01-呼和浩特第一技工学校-第1批.pdf：呼和浩特第一技工学校，第1批，有效"
        ),
        "{said}"
    );
    assert!(said.contains("共6份：有效6份，需处理0份"), "{said}");
    let r = report(&region);
    let first = r["packets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["school"] == "呼和浩特第一技工学校")
        .unwrap();
    assert_eq!(
        first["forwarded"]["office"],
        "呼和浩特市人力资源和社会保障局"
    );
    assert_eq!(first["forwarded"]["verdict"]["opinion"], "推荐");
    let second = r["packets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["school"] == "呼和浩特第二技工学校")
        .unwrap();
    assert_eq!(second["forwarded"]["verdict"]["opinion"], "不推荐");
    // The 自治区 counts by its own opinion (none yet: every 有效 row): six schools, their
    // eleven distinct specialties (汽车维修 twice) and trained teachers.
    let trained = p.trained[..6].iter().sum::<usize>() as u64;
    assert_eq!(counted(&r), (11, 6, trained));
    let text = stdout(&yitihua(&[&"rollup", &"report", &region]));
    assert!(
        text.contains("经呼和浩特市人力资源和社会保障局转报，意见：推荐（材料齐全）"),
        "{text}"
    );

    // The same 转报材料 again adds nothing; one changed after signing is refused whole.
    let o = yitihua(&[&"rollup", &"add", &region, &out]);
    assert!(stdout(&o).contains("（此前已收取）"), "{}", stdout(&o));
    let changed = dir.join("改动的转报.pdf");
    let mut bytes = std::fs::read(&out).unwrap();
    bytes.extend_from_slice("% 签署后追加的内容\n".as_bytes());
    std::fs::write(&changed, bytes).unwrap();
    let o = yitihua(&[&"rollup", &"add", &region, &changed]);
    assert!(
        stdout(&o).contains(
            "改动的转报.pdf：未收取。包头市人力资源和社会保障局的转报材料签署后文件末尾又被追加了内容"
        ),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("未收取；请让包头市人力资源和社会保障局重新发送"),
        "{}",
        stdout(&o)
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(report(&region)["packets"].as_array().unwrap().len(), 6);

    // 包头 makes a new key: its next 转报材料 is refused until the 自治区 trusts the new
    // certificate, which 包头 exports for it.
    let o = yitihua(&[
        &"rollup",
        &"sign-setup",
        &baotou,
        &"--passphrase-file",
        &passphrase,
    ]);
    refused(
        &o,
        "本单位已有签署密钥；如确需更换（例如忘记口令），请加 --replace",
    );
    let o = yitihua(&[
        &"rollup",
        &"sign-setup",
        &baotou,
        &"--passphrase-file",
        &passphrase,
        &"--replace",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let renewed = dir.join("包头转报（新密钥）.pdf");
    assert!(forward(&baotou, &renewed).status.success());
    let o = yitihua(&[&"rollup", &"add", &region, &renewed]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("包头市人力资源和社会保障局的转报材料所用签署证书与此前登记的不同"),
        "{}",
        stdout(&o)
    );
    let pem = dir.join("包头市人社局.pem");
    let o = yitihua(&[&"rollup", &"export-certificate", &baotou, &"--out", &pem]);
    assert!(stdout(&o).contains("已导出本单位证书"), "{}", stderr(&o));
    let o = yitihua(&[&"rollup", &"trust", &region, &pem]);
    assert!(
        stdout(&o).contains("已改为信任转报单位包头市人力资源和社会保障局的新证书"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    let o = yitihua(&[&"rollup", &"add", &region, &renewed]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(report(&region)["packets"].as_array().unwrap().len(), 6);
}

#[test]
fn a_version_1_rollup_file_gains_forwarding_and_keeps_its_packets() {
    let work = tempfile::tempdir().unwrap();
    let path = work.path().join("鄂尔多斯汇总.yhz");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rollup-v1.yhz"),
        &path,
    )
    .unwrap();
    let mut file = RollupFile::open(&path).unwrap();
    let received = file.received().unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].summary.school, "鄂尔多斯市高级技工学校");
    assert_eq!(received[0].summary.specialties[0].name, "煤矿机电");
    assert_eq!(received[0].forwarded, None);
    assert_eq!(file.verdicts().unwrap().len(), 1);
    assert_eq!(file.pins().unwrap().len(), 1);
    assert!(file.signing_key().unwrap().is_none());
    let history = file.history().unwrap();
    assert_eq!(
        history.last().unwrap().event,
        format!("从第1版迁移到第{}版", yitihua::store::ROLLUP_SCHEMA_VERSION)
    );
    // The new table takes the office's key, and says so when there is one already.
    file.save_signing_key(b"cert", b"key", false).unwrap();
    let e = file.save_signing_key(b"cert", b"key", false).unwrap_err();
    assert!(e.to_string().starts_with("本单位已有签署密钥"), "{e}");
    drop(file);
    let backups = std::fs::read_dir(work.path().join("鄂尔多斯汇总-备份"))
        .unwrap()
        .count();
    assert_eq!(
        backups, 1,
        "the version-1 file is backed up before migrating"
    );
}

#[test]
fn a_forward_listing_nothing_or_signed_in_another_name_is_refused() {
    use yitihua::domain::rollup::{Office, OfficeLevel};
    use yitihua::exchange::forward::Forward;
    use yitihua::report::{RollupInput, rollup_forward};
    let office = Office {
        name: "包头市人力资源和社会保障局".into(),
        level: OfficeLevel::League,
        region: Some(Region::Baotou),
    };
    let date = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let json = Forward::new(office.clone(), date, Vec::new()).to_json();
    let input = RollupInput {
        office: &office,
        rows: &[],
        notes: &[],
        date,
        forwarded: Some(0),
    };
    let unsigned = rollup_forward(&input, &json, &[]).unwrap();
    let signed_by = |name: &str| {
        let key = create_key(name, "", PASSPHRASE, at(0)).unwrap();
        let signer = Signer {
            certificate_der: &key.certificate_der,
            encrypted_key_der: &key.encrypted_key_der,
            passphrase: PASSPHRASE,
        };
        sign_pdf(&unsigned, &signer, name, at(1)).unwrap()
    };
    let work = tempfile::tempdir().unwrap();
    let empty = work.path().join("空的转报.pdf");
    std::fs::write(&empty, signed_by(&office.name)).unwrap();
    let other = work.path().join("冒名的转报.pdf");
    std::fs::write(&other, signed_by("某某公司")).unwrap();
    let region = new_rollup(work.path());
    let o = yitihua(&[&"rollup", &"add", &region, &empty, &other]);
    let said = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("空的转报.pdf：未收取。包头市人力资源和社会保障局的转报材料中没有申报材料"),
        "{said}"
    );
    assert!(
        said.contains("冒名的转报.pdf：未收取。转报材料的签署证书属于“某某公司”，不是转报单位包头市人力资源和社会保障局的"),
        "{said}"
    );
    assert_eq!(report(&region)["packets"].as_array().unwrap().len(), 0);
}
