//! The built binary, run as a user would from a terminal.

use std::path::Path;
use std::process::Command;

use crate::binary::{self, is_root, stderr, stdout, yitihua, yitihua_through};

use yitihua::exchange::Document;
use yitihua::store::SchoolFile;

fn new_school(path: &Path) {
    binary::new_school(path, "锡林郭勒盟技工学校", "技工学校", "锡林郭勒盟");
}

#[test]
fn version_and_help() {
    let o = yitihua(&[&"--version"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        format!("yitihua {}\n", env!("CARGO_PKG_VERSION"))
    );
    let o = yitihua(&[&"--help"]);
    assert!(stdout(&o).contains("yitihua dump 文件.yth"));
}

#[test]
fn new_then_info_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("锡盟.yth");
    new_school(&path);

    let o = yitihua(&[&"info", &path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("学校名称：锡林郭勒盟技工学校"), "{text}");
    assert!(text.contains("学校类型：技工学校"));
    assert!(text.contains("所属盟市：锡林郭勒盟"));
    assert!(text.contains("数据格式版本：第10版"));
    assert!(text.contains("创建"));

    let o = yitihua(&[&"info", &path, &"--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["school"]["kind"], "技工学校");
    assert_eq!(json["school"]["region"], "锡林郭勒盟");
    assert_eq!(json["schema_version"], 10);
    assert_eq!(json["counts"]["file_history"], 1);
}

#[test]
fn new_refuses_to_overwrite_and_bad_arguments_are_explained_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    new_school(&path);
    let before = std::fs::read(&path).unwrap();
    let o = yitihua(&[
        &"new",
        &path,
        &"--name",
        &"另一所学校",
        &"--kind",
        &"技师学院",
        &"--region",
        &"包头市",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("文件已存在，不会覆盖"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let o = yitihua(&[
        &"new",
        &dir.path().join("x.yth"),
        &"--name",
        &"某校",
        &"--kind",
        &"大学",
        &"--region",
        &"包头市",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("未知的学校类型“大学”"),
        "{}",
        stderr(&o)
    );

    let o = yitihua(&[&"info"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("缺少学校文件"));

    let o = yitihua(&[&"dump", &dir.path().join("没有.yth")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("找不到文件"));
}

#[test]
fn dump_load_dump_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("demo.yth");
    let o = yitihua(&[&"demo", &source, &"--size", &"large"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let first = yitihua(&[&"dump", &source]);
    assert!(first.status.success(), "{}", stderr(&first));
    let json = dir.path().join("demo.json");
    std::fs::write(&json, &first.stdout).unwrap();
    let text = stdout(&first);
    assert!(text.contains("\"kind\": \"技师学院\""), "{text}");
    assert!(text.contains("\"format\": \"yitihua\""));

    let copy = dir.path().join("copy.yth");
    let o = yitihua(&[&"load", &json, &copy]);
    assert!(o.status.success(), "{}", stderr(&o));
    let second = yitihua(&[&"dump", &copy]);
    assert_eq!(first.stdout, second.stdout);

    let o = yitihua(&[&"load", &json, &copy]);
    assert_eq!(o.status.code(), Some(1), "refuses an existing file");
    assert!(stderr(&o).contains("文件已存在"));
}

#[test]
fn load_explains_what_is_wrong_with_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "{\"format\": \"yitihua\", \"version\": 1,\n \"school\": {",
            "JSON 格式错误（第2行",
        ),
        ("{\"format\": \"other\"}", "这不是申报助手的数据文件"),
        (
            "{\"format\": \"yitihua\", \"version\": 99}",
            "只支持到第6版",
        ),
    ];
    for (i, (json, expected)) in cases.into_iter().enumerate() {
        let data = dir.path().join(format!("{i}.json"));
        std::fs::write(&data, json).unwrap();
        let target = dir.path().join(format!("{i}.yth"));
        let o = yitihua(&[&"load", &data, &target]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(expected), "{}", stderr(&o));
        assert!(!target.exists(), "nothing is created from bad data");
    }

    let small = yitihua(&[&"demo", &dir.path().join("s.yth")]);
    assert!(small.status.success());
    let mut doc: serde_json::Value =
        serde_json::from_slice(&yitihua(&[&"dump", &dir.path().join("s.yth")]).stdout).unwrap();
    doc["school"]["credit_code"] = "12150200MB0K3C7D58".into();
    doc["school"]["kind"] = "技工学校".into();
    let data = dir.path().join("bad-code.json");
    std::fs::write(&data, doc.to_string()).unwrap();
    let target = dir.path().join("bad-code.yth");
    let o = yitihua(&[&"load", &data, &target]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("统一社会信用代码：校验位不正确"),
        "{}",
        stderr(&o)
    );
    assert!(!target.exists());

    doc["school"]["credit_code"] = "".into();
    doc["school"]["region"] = "北京市".into();
    std::fs::write(&data, doc.to_string()).unwrap();
    let o = yitihua(&[&"load", &data, &target]);
    assert!(
        stderr(&o).contains("无效的取值“北京市”（可用的取值：呼和浩特市、"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn another_process_is_refused_while_the_file_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    new_school(&path);
    let held = SchoolFile::open(&path).unwrap();
    let o = yitihua(&[&"info", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("该文件已在另一个窗口或程序中打开"),
        "{}",
        stderr(&o)
    );
    drop(held);
    assert!(yitihua(&[&"info", &path]).status.success());
}

#[test]
fn demo_sizes() {
    let dir = tempfile::tempdir().unwrap();
    for (size, kind) in [("small", "技工学校"), ("large", "技师学院")] {
        let path = dir.path().join(format!("{size}.yth"));
        let o = yitihua(&[&"demo", &path, &"--size", &size]);
        assert!(o.status.success(), "{}", stderr(&o));
        let info = stdout(&yitihua(&[&"info", &path]));
        assert!(info.contains(&format!("学校类型：{kind}")), "{info}");
    }
    let o = yitihua(&[&"demo", &dir.path().join("x.yth"), &"--size", &"huge"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--size 只能是 small 或 large"));
}

#[test]
fn the_documented_example_is_what_dump_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.yth");
    assert!(yitihua(&[&"demo", &path]).status.success());
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md"))
        .unwrap();
    let example = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/data-format.md has a JSON example");
    let mut document = Document::parse(&stdout(&yitihua(&[&"dump", &path]))).unwrap();
    document.catalogue.truncate(1);
    document.resources.truncate(2);
    document.teachers.truncate(1);
    document.hours.truncate(2);
    document.workload.developments.truncate(1);
    assert_eq!(document.to_json(), example);
}

#[test]
fn check_prints_findings_and_exits_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.yth");
    assert!(yitihua(&[&"demo", &small]).status.success());
    let o = yitihua(&[&"check", &small]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("第一批（2022-04 至 2023-07）：0 个错误，2 个提醒"),
        "{text}"
    );
    assert!(text.contains("工位数（36）少于班级规模（42）"), "{text}");
    assert!(
        text.contains("〔政策 二(三)〕  说明：实训车间按两人一工位分组教学"),
        "{text}"
    );

    // A third specialty for a 技工学校 breaks the limit of policy 三(一).
    let mut doc = Document::parse(&stdout(&yitihua(&[&"dump", &small]))).unwrap();
    let mut third = doc.declarations[0].specialties[1].clone();
    third.name = "电子商务".into();
    doc.declarations[0].specialties.push(third);
    let data = dir.path().join("three.json");
    std::fs::write(&data, doc.to_json()).unwrap();
    let over = dir.path().join("three.yth");
    assert!(yitihua(&[&"load", &data, &over]).status.success());
    let o = yitihua(&[&"check", &over, &"--batch", &"1"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(
            "错误  第一批：技工学校每批次申报建设专业原则上不超过2个，本批次选了3个〔政策 三(一)〕"
        ),
        "{}",
        stdout(&o)
    );
    let o = yitihua(&[&"check", &over, &"--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["may_sign"], false);
    assert_eq!(json[0]["findings"][0]["id"], "limit");
    assert_eq!(json[0]["findings"][0]["clause"], "三(一)");

    let o = yitihua(&[&"check", &small, &"--batch", &"2"]);
    assert_eq!(o.status.code(), Some(1), "an empty batch cannot be signed");
    assert!(stdout(&o).contains("本批次还没有申报任何专业"));
    let o = yitihua(&[&"check", &small, &"--batch", &"一"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_lists_what_the_roster_still_lacks_as_incomplete_and_export_goes_ahead() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.yth");
    assert!(yitihua(&[&"demo", &small]).status.success());
    let mut doc = Document::parse(&stdout(&yitihua(&[&"dump", &small]))).unwrap();
    let hire = &mut doc.teachers[0];
    hire.employment = yitihua::domain::Employment::FromEnterprise;
    hire.enterprise.clear();
    let named = format!("{}（{}）", hire.name, hire.id);
    let incomplete = dir.path().join("incomplete.yth");
    doc.create_file(&incomplete, "测试").unwrap();

    let o = yitihua(&[&"check", &incomplete, &"--batch", &"1"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "待补充 blocks nothing\n{}",
        stdout(&o)
    );
    let text = stdout(&o);
    assert!(
        text.contains("0 个错误，2 个提醒，1 项待补充（不影响签署，请在教师名册中补全）"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "待补充  教师名册 · {named}：聘用企业待补充，请在教师名册中补全〔政策 二(四)〕"
        )),
        "{text}"
    );
    let o = yitihua(&[&"check", &incomplete, &"--batch", &"1", &"--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["may_sign"], true);
    let findings = json[0]["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["severity"] == "待补充"
            && f["id"] == format!("incomplete:{}", doc.teachers[0].id)),
        "{findings:?}"
    );

    let pdf = dir.path().join("申报材料.pdf");
    let o = yitihua(&[&"export", &incomplete, &"--batch", &"1", &"--out", &pdf]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn import_catalogue_merges_a_json_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    new_school(&path);
    let data = dir.path().join("official.json");
    std::fs::write(
        &data,
        r#"[{"name":"汽车维修","code":"0401-4","levels":["中级工","高级工","预备技师"],
            "national_standard":true,"source":"人社部工学一体化建设专业目录","verified":true}]"#,
    )
    .unwrap();
    let o = yitihua(&[&"import-catalogue", &path, &data]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "已导入专业目录：新增0个，更新1个\n");
    let dump: serde_json::Value =
        serde_json::from_slice(&yitihua(&[&"dump", &path]).stdout).unwrap();
    let entry = dump["catalogue"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "汽车维修")
        .unwrap()
        .clone();
    assert_eq!(entry["code"], "0401-4");
    assert_eq!(entry["verified"], true);

    let bad = dir.path().join("目录.txt");
    std::fs::write(&bad, "x").unwrap();
    let o = yitihua(&[&"import-catalogue", &path, &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("只能从 .csv 或 .json 文件导入"));
}

#[test]
fn report_resources_shows_counts_and_the_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.yth");
    assert!(yitihua(&[&"demo", &path]).status.success());
    let o = yitihua(&[&"report", &"resources", &path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("汽车维修：教材 6（计入6），工作页 18（计入18），教学案例库 12（计入12），教学课件 24（计入24），教学视频 0（计入0）"),
        "{text}"
    );
    assert!(
        text.contains("  基础加工与安全生产 | 齐 | 齐 | 齐 | 齐 | 缺 |"),
        "{text}"
    );
    let o = yitihua(&[
        &"report",
        &"resources",
        &path,
        &"--specialty",
        &"畜牧兽医",
        &"--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["readiness"][4]["kind"], "教学视频");
    assert_eq!(json[0]["readiness"][4]["counted"], 3);
    assert_eq!(json[0]["matrix"][0]["cells"]["教材"], "齐");
    let o = yitihua(&[&"report", &"teachers", &path]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_files_lists_missing_and_changed_files_and_dump_carries_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("学校.yth");
    new_school(&path);
    let video = dir.path().join("焊接安全.mp4");
    std::fs::write(&video, "视频内容").unwrap();
    {
        let mut school = SchoolFile::open(&path).unwrap();
        let id = school
            .add_resource(&yitihua::domain::ResourceItem {
                specialty: "焊接加工".into(),
                course: None,
                kind: "教学视频".into(),
                title: "焊接安全操作".into(),
                textbook: None,
                reviews: Vec::new(),
                files: Vec::new(),
            })
            .unwrap();
        let recorded = yitihua::exchange::files::hash(&video, |_, _| {}).unwrap();
        school.attach_file(id, &recorded).unwrap();
    }
    let o = yitihua(&[&"check-files", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "检查了1个文件，0个缺失或已改动。\n");

    let first = yitihua(&[&"dump", &path]);
    assert!(stdout(&first).contains("\"sha256\": \""));
    let json = dir.path().join("学校.json");
    std::fs::write(&json, &first.stdout).unwrap();
    let copy = dir.path().join("副本.yth");
    assert!(yitihua(&[&"load", &json, &copy]).status.success());
    assert_eq!(yitihua(&[&"dump", &copy]).stdout, first.stdout);

    std::fs::write(&video, "剪辑后的视频内容").unwrap();
    let o = yitihua(&[&"check-files", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("已改动  焊接加工 · 焊接安全操作："),
        "{}",
        stdout(&o)
    );
    std::fs::remove_file(&video).unwrap();
    let o = yitihua(&[&"check-files", &path]);
    assert!(
        stdout(&o).starts_with("缺失  焊接加工 · 焊接安全操作："),
        "{}",
        stdout(&o)
    );
}

#[test]
fn export_writes_the_packet_and_refuses_when_errors_block_it() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.yth");
    assert!(yitihua(&[&"demo", &small]).status.success());
    let pdf = dir.path().join("申报材料.pdf");
    let o = yitihua(&[
        &"export",
        &small,
        &"--batch",
        &"1",
        &"--out",
        &pdf,
        &"--date",
        &"2026-11-29",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("已导出申报材料"));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let o = yitihua(&[&"export", &small, &"--batch", &"1", &"--out", &pdf]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "an existing packet is not overwritten"
    );
    let o = yitihua(&[
        &"export",
        &small,
        &"--batch",
        &"3",
        &"--out",
        &dir.path().join("3.pdf"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("第3批还没有申报，无法导出"));

    let mut doc = Document::parse(&stdout(&yitihua(&[&"dump", &small]))).unwrap();
    let mut third = doc.declarations[0].specialties[0].clone();
    third.name = "电子商务".into();
    doc.declarations[0].specialties.push(third);
    let blocked = dir.path().join("blocked.yth");
    doc.create_file(&blocked, "测试").unwrap();
    let out = dir.path().join("blocked.pdf");
    let o = yitihua(&[&"export", &blocked, &"--batch", &"1", &"--out", &out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("个错误，未导出"), "{}", stdout(&o));
    assert!(!out.exists());
}

#[test]
fn sign_setup_export_sign_and_verify_catch_changes_and_keep_keys_out_of_the_dump() {
    let dir = tempfile::tempdir().unwrap();
    let school = dir.path().join("small.yth");
    assert!(yitihua(&[&"demo", &school]).status.success());
    let good = dir.path().join("口令.txt");
    std::fs::write(&good, "巴林右旗2026\n").unwrap();
    let wrong = dir.path().join("错误口令.txt");
    std::fs::write(&wrong, "not-the-passphrase\n").unwrap();

    let o = yitihua(&[&"sign-setup", &school, &"--passphrase-file", &good]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("证书指纹（SHA-256）："));
    let o = yitihua(&[&"sign-setup", &school, &"--passphrase-file", &good]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "an existing key is not replaced silently"
    );

    let refused = dir.path().join("refused.pdf");
    let o = yitihua(&[
        &"export",
        &school,
        &"--batch",
        &"1",
        &"--out",
        &refused,
        &"--sign",
        &"--passphrase-file",
        &wrong,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("口令不正确，未签署"), "{}", stderr(&o));
    assert!(!refused.exists(), "a wrong passphrase writes nothing");

    let signed = dir.path().join("signed.pdf");
    let o = yitihua(&[
        &"export",
        &school,
        &"--batch",
        &"1",
        &"--out",
        &signed,
        &"--sign",
        &"--passphrase-file",
        &good,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = yitihua(&[&"verify", &signed]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("签署人：赤峰市巴林右旗技工学校"), "{text}");
    assert!(text.contains("文件完整：签署后未被改动"));

    let key = SchoolFile::open(&school)
        .unwrap()
        .signing_key()
        .unwrap()
        .unwrap();
    let pem = dir.path().join("学校证书.pem");
    std::fs::write(&pem, yitihua::sign::certificate_pem(&key.certificate)).unwrap();
    let o = yitihua(&[&"verify", &signed, &"--trust", &pem]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("证书：与信任的证书一致"));
    let dump = stdout(&yitihua(&[&"dump", &school]));
    let pem_body: String = yitihua::sign::certificate_pem(&key.certificate)
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    assert!(
        !dump.contains(&pem_body[..40]),
        "no certificate in the dump"
    );
    assert!(
        !dump.to_lowercase().contains("key"),
        "no key material in the dump"
    );

    let mut bytes = std::fs::read(&signed).unwrap();
    let middle = bytes.len() / 3;
    bytes[middle] ^= 0x01;
    let changed = dir.path().join("changed.pdf");
    std::fs::write(&changed, &bytes).unwrap();
    let o = yitihua(&[&"verify", &changed]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("文件已改动或签名无效"));

    let unsigned = dir.path().join("unsigned.pdf");
    assert!(
        yitihua(&[&"export", &school, &"--batch", &"1", &"--out", &unsigned])
            .status
            .success()
    );
    assert_eq!(yitihua(&[&"verify", &unsigned]).status.code(), Some(2));
    assert_eq!(
        yitihua(&[&"verify", &school]).status.code(),
        Some(2),
        "not a PDF"
    );

    // A lost passphrase: a new key; the packet signed with the old one still verifies.
    let o = yitihua(&[
        &"sign-setup",
        &school,
        &"--passphrase-file",
        &wrong,
        &"--replace",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(yitihua(&[&"verify", &signed]).status.code(), Some(0));
    let o = yitihua(&[&"verify", &signed, &"--trust", &pem]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the old certificate is the one trusted here"
    );
    let other = dir.path().join("新证书.pem");
    let new_key = SchoolFile::open(&school)
        .unwrap()
        .signing_key()
        .unwrap()
        .unwrap();
    std::fs::write(&other, yitihua::sign::certificate_pem(&new_key.certificate)).unwrap();
    let o = yitihua(&[&"verify", &signed, &"--trust", &other]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "signed by a certificate other than the trusted one"
    );
}

#[test]
fn without_a_display_the_window_says_so_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&[][..], &["open", "学校.yth"][..]] {
        let o = Command::new(env!("CARGO_BIN_EXE_yitihua"))
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("YITIHUA_HOME", dir.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let message = stderr(&o);
        assert!(message.contains("没有图形界面"), "{message}");
        assert!(message.contains("yitihua --help"), "{message}");
        assert!(!message.contains("panicked"), "{message}");
    }
}

#[test]
fn output_piped_into_a_reader_that_stops_early_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("演示.yth");
    // Large, so the dump is far more than a pipe buffer holds and the write must fail.
    assert!(
        yitihua(&[&"demo", &path, &"--size", &"large"])
            .status
            .success()
    );
    // `yitihua dump F | head -1`: the reader closes the pipe after its first line.
    let mut child = Command::new(env!("CARGO_BIN_EXE_yitihua"))
        .args(["dump"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(stderr(&o), "", "nothing is said about the closed pipe");
    assert!(o.status.success());
}

#[test]
fn a_folder_or_file_without_write_permission_is_named_for_what_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let set = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
    // As root (CI) through setpriv as `nobody`, for whom permissions hold.
    let as_ordinary_user = |args: &[&dyn AsRef<std::ffi::OsStr>]| {
        if is_root() {
            let nobody = [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
            ];
            yitihua_through(&nobody, args)
        } else {
            yitihua(args)
        }
    };
    let dir = tempfile::tempdir().unwrap();
    set(dir.path(), 0o755).unwrap();

    // A writable file in a folder that is not: SQLite cannot keep its journal there.
    let folder = dir.path().join("只读文件夹");
    std::fs::create_dir(&folder).unwrap();
    let school = folder.join("学校.yth");
    new_school(&school);
    std::fs::remove_dir_all(folder.join("学校-备份")).ok();
    set(&school, 0o666).unwrap();
    set(&folder, 0o555).unwrap();
    let before = std::fs::read(&school).unwrap();
    let o = as_ordinary_user(&[&"info", &school]);
    set(&folder, 0o755).unwrap();
    assert_eq!(o.status.code(), Some(1));
    let message = stderr(&o);
    assert!(message.contains("文件所在的文件夹不允许写入"), "{message}");
    assert!(!message.contains("只读的"), "{message}");
    assert_eq!(std::fs::read(&school).unwrap(), before);

    // A file that belongs to another user (only root can make one for the test).
    if is_root() {
        let open = dir.path().join("公共文件夹");
        std::fs::create_dir(&open).unwrap();
        set(&open, 0o777).unwrap();
        let theirs = open.join("别人的.yth");
        new_school(&theirs);
        set(&theirs, 0o644).unwrap();
        let o = as_ordinary_user(&[&"info", &theirs]);
        assert_eq!(o.status.code(), Some(1));
        let message = stderr(&o);
        assert!(message.contains("没有写入该文件的权限"), "{message}");
        assert!(!message.contains("I/O"), "{message}");
    }
}

#[test]
fn a_mistyped_command_a_missing_batch_or_specialty_and_a_missing_packet_are_said_as_such() {
    let o = yitihua(&[&"chek", &"学校.yth"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("未知的命令“chek”"), "{}", stderr(&o));

    let dir = tempfile::tempdir().unwrap();
    let school = dir.path().join("演示.yth");
    assert!(yitihua(&[&"demo", &school]).status.success());
    let o = yitihua(&[&"check", &school, &"--batch", &"9"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("没有第9批：学校文件中的批次序号为 1、2、3"),
        "{}",
        stderr(&o)
    );
    assert!(
        !stdout(&o).contains("三("),
        "no policy clause for a batch that does not exist"
    );

    let o = yitihua(&[&"report", &"resources", &school, &"--specialty", &"不存在"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("没有专业“不存在”的申报或资源；有："),
        "{}",
        stderr(&o)
    );

    let o = yitihua(&[&"verify", &dir.path().join("没有这个文件.pdf")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("没有这个文件.pdf"), "{}", stderr(&o));
}

#[test]
fn times_are_shown_in_beijing_time_whatever_the_computers_zone() {
    use chrono::Datelike;
    use yitihua::domain::time::{beijing, beijing_date};
    let dir = tempfile::tempdir().unwrap();
    let school = dir.path().join("small.yth");
    let passphrase = dir.path().join("口令.txt");
    std::fs::write(&passphrase, "巴林右旗2026\n").unwrap();
    let signed = dir.path().join("signed.pdf");
    // A PC left on New York time by its installer: 13 hours behind Beijing.
    let run = |args: &[&dyn AsRef<std::ffi::OsStr>]| {
        let o = Command::new(binary::BIN)
            .args(args.iter().map(|a| a.as_ref()))
            .env("TZ", "America/New_York")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let before = chrono::Utc::now();
    run(&[&"demo", &school]);
    run(&[&"sign-setup", &school, &"--passphrase-file", &passphrase]);
    run(&[
        &"export",
        &school,
        &"--batch",
        &"1",
        &"--out",
        &signed,
        &"--sign",
        &"--passphrase-file",
        &passphrase,
    ]);
    let verified = run(&[&"verify", &signed]);
    let after = chrono::Utc::now();
    // Without --date the packet is dated today in Beijing, which in New York may still be
    // yesterday.
    let pdf = lopdf::Document::load(&signed).unwrap();
    let last = pdf.get_pages().len() as u32;
    let page = pdf.extract_text(&[last]).unwrap();
    let dated = [before, after].iter().any(|at| {
        let day = beijing_date(*at);
        page.contains(&format!("{}年{}月{}日", day.year(), day.month(), day.day()))
    });
    assert!(dated, "{page}");
    let minutes = [beijing(before), beijing(after)];
    assert!(
        minutes
            .iter()
            .any(|m| verified.contains(&format!("签署时间：{m}（北京时间）"))),
        "{minutes:?} in {verified}"
    );

    // The file stores the offset; a row an older version wrote without one is Beijing time.
    let history = SchoolFile::open(&school).unwrap().history().unwrap();
    assert!(history[0].at.ends_with("+08:00"), "{}", history[0].at);
    let conn = rusqlite::Connection::open(&school).unwrap();
    conn.execute(
        "INSERT INTO file_history (at, event, app_version) VALUES ('2026-12-01T20:12:05', '旧版本写入', '0.0.9')",
        [],
    )
    .unwrap();
    drop(conn);
    let info = run(&[&"info", &school]);
    assert!(info.contains("  2026-12-01 20:12  旧版本写入"), "{info}");
    assert!(
        minutes.iter().any(|m| info.contains(&format!("  {m}  "))),
        "{minutes:?} in {info}"
    );
}
