//! How long a regional office takes to receive a region's packets and to sum them, on a release
//! build. The issue asks for 300 large-demo-sized packets received in under 10 s on a 2-core
//! machine, and the 汇总 under 100 ms. Prints the medians:
//!
//!     cargo bench --bench rollup
//!
//! The 300 packets are the large demo school's batch-1 packet signed at 300 different times
//! (distinct files, each verified, parsed, validated and re-checked in full); the summary is
//! timed over 300 distinct schools made from one real receipt. Forwarding is timed on a 盟市 of
//! 30 large schools, each with its own key: the 转报材料 built and signed, and the 自治区
//! receiving it (every school packet inside verified and re-checked again).

mod common;

use common::{Failure, median};

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use yitihua::domain::rollup::{OfficeLevel, across};
use yitihua::exchange::demo::{Size, document};
use yitihua::report::{PacketInput, Signatures, packet};
use yitihua::sign::{Signer, create_key, sign_pdf};
use yitihua::store::RollupFile;
use yitihua::workflow::rollup::{Overview, prepare_forward, read_packet, receive};

const PACKETS: usize = 300;
/// Schools of one 盟市 in its 转报材料; no 盟市 has more technical schools.
const FORWARDED: usize = 30;

fn main() -> Result<(), Failure> {
    let doc = document(Size::Large);
    let findings = yitihua::domain::check::check(&doc.check_inputs().context(), 1);
    let signatures = Signatures::default();
    let printed = NaiveDate::from_ymd_opt(2026, 11, 29).ok_or("not a date")?;
    // Renamed copies of the demo school check the same, so they share its findings.
    let unsigned_of = |document: &yitihua::exchange::Document| {
        packet(
            &PacketInput {
                document,
                batch: 1,
                findings: &findings,
                date: printed,
                filler: "李喆",
                signatures: &signatures,
            },
            &mut |_| {},
        )
    };
    let unsigned = unsigned_of(&doc)?;
    let passphrase = "汇总基准测试口令";
    let start = Utc
        .with_ymd_and_hms(2026, 11, 30, 1, 0, 0)
        .single()
        .ok_or("not a time")?;
    let key = create_key(&doc.school.name, &doc.school.credit_code, passphrase, start)?;
    let signer = Signer {
        certificate_der: &key.certificate_der,
        encrypted_key_der: &key.encrypted_key_der,
        passphrase,
    };
    let dir = tempfile::tempdir()?;
    let folder = dir.path().join("申报材料");
    std::fs::create_dir(&folder)?;
    let mut paths = Vec::with_capacity(PACKETS);
    for i in 0..PACKETS {
        let at = start + Duration::minutes(i64::try_from(i)?);
        let path = folder.join(format!("{i:03}.pdf"));
        std::fs::write(&path, sign_pdf(&unsigned, &signer, &doc.school.name, at)?)?;
        paths.push(path);
    }

    let mut run = 0;
    let t = median(3, || {
        run += 1;
        let mut file = RollupFile::create(&dir.path().join(format!("收取{run}.yhz")), &office())?;
        let outcomes = receive(&mut file, &paths, &mut |_, _| {})?;
        assert!(outcomes.iter().all(|o| o.result.is_ok()));
        Ok(())
    })?;
    println!("receive {PACKETS} large packets                  {t:>10.2?}");
    println!(
        "receive, per packet                          {:>10.2?}",
        t / u32::try_from(PACKETS)?
    );

    let first = std::fs::read(&paths[0])?;
    let receipt = read_packet("000.pdf", &first)?;
    let mut file = RollupFile::create(&dir.path().join("汇总.yhz"), &office())?;
    let schools: Vec<_> = (0..PACKETS)
        .map(|i| {
            let mut r = receipt.clone();
            r.sha256 = format!("{i:064}");
            r.summary.school = format!("第{i}技工学校");
            r.summary.credit_code = format!("{i:018}");
            r.summary.batch = 1 + u32::try_from(i % 3).unwrap_or(0);
            r
        })
        .collect();
    file.receive(&schools)?;
    let t = median(7, || {
        let overview = Overview::read(&file)?;
        let rows = overview.rows();
        let totals = yitihua::domain::rollup::totals(&rows);
        assert_eq!(totals.region.schools, PACKETS);
        assert!(!across(&overview.office, &rows).is_empty());
        Ok(())
    })?;
    println!("summary of {PACKETS} schools (read, rows, totals)  {t:>10.2?}");

    let league = dir.path().join("盟市");
    std::fs::create_dir(&league)?;
    let mut schools = Vec::with_capacity(FORWARDED);
    for i in 0..FORWARDED {
        let mut school = doc.clone();
        school.school.name = format!("呼和浩特第{i}技工学校");
        school.school.credit_code =
            yitihua::domain::credit_code::with_check(&format!("521501{i:02}MB0000000"))
                .ok_or("not a credit code")?;
        let key = create_key(
            &school.school.name,
            &school.school.credit_code,
            passphrase,
            start,
        )?;
        let pdf = unsigned_of(&school)?;
        let signer = Signer {
            certificate_der: &key.certificate_der,
            encrypted_key_der: &key.encrypted_key_der,
            passphrase,
        };
        let path = league.join(format!("{i:02}.pdf"));
        std::fs::write(&path, sign_pdf(&pdf, &signer, &school.school.name, start)?)?;
        schools.push(path);
    }
    let mut league_file = RollupFile::create(
        &dir.path().join("呼和浩特.yhz"),
        &yitihua::domain::rollup::Office {
            name: "呼和浩特市人力资源和社会保障局".into(),
            level: OfficeLevel::League,
            region: Some(yitihua::domain::Region::Hohhot),
        },
    )?;
    receive(&mut league_file, &schools, &mut |_, _| {})?;
    yitihua::workflow::signing::create_office_key(&mut league_file, passphrase, false)?;
    let date = NaiveDate::from_ymd_opt(2026, 12, 8).ok_or("not a date")?;
    let mut forward = Vec::new();
    let t = median(3, || {
        let forwarding = prepare_forward(&league_file, date, passphrase.to_string())?;
        assert_eq!(forwarding.count(), FORWARDED);
        forward = forwarding.build()?;
        Ok(())
    })?;
    println!("forward {FORWARDED} large packets, signed            {t:>10.2?}");
    let forwarded = dir.path().join("转报.pdf");
    std::fs::write(&forwarded, &forward)?;
    let t = median(3, || {
        run += 1;
        let mut file = RollupFile::create(&dir.path().join(format!("收取{run}.yhz")), &office())?;
        let outcomes = receive(&mut file, std::slice::from_ref(&forwarded), &mut |_, _| {})?;
        assert_eq!(outcomes.len(), FORWARDED);
        assert!(outcomes.iter().all(|o| !o.needs_attention()));
        Ok(())
    })?;
    println!("receive a 转报材料 of {FORWARDED} packets             {t:>10.2?}");
    Ok(())
}

fn office() -> yitihua::domain::rollup::Office {
    yitihua::domain::rollup::Office {
        name: "内蒙古自治区人力资源和社会保障厅".into(),
        level: OfficeLevel::Autonomous,
        region: None,
    }
}
