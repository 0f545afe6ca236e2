//! The packet's electronic signature: a signed packet verifies with the school's name, time and
//! certificate; every kind of change after signing is caught; the key opens only with its
//! passphrase and is never stored in the clear; and Poppler's `pdfsig`, standing in for the
//! receiving office's reader, accepts the signature.

use std::sync::OnceLock;
use std::time::Instant;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use pkcs8::{DecodePrivateKey, EncryptedPrivateKeyInfo};
use yitihua::domain::check;
use yitihua::exchange::Document;
use yitihua::exchange::demo::{Size, document};
use yitihua::report::{PacketInput, Signatures, packet};
use yitihua::sign::{
    KeyPair, SignError, Signer, Verification, VerifyError, certificate_pem, change_passphrase,
    create_key, fingerprint, sign_pdf, verify_pdf,
};

const PASSPHRASE: &str = "正确的口令2026";
const CREDIT_CODE: &str = "12150400MB1234567X";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 9, 5, 0).unwrap()
}

fn unsigned_packet(doc: &Document) -> Vec<u8> {
    let inputs = doc.check_inputs();
    let findings = check::check(&inputs.context(), 1);
    let signatures = Signatures::default();
    let input = PacketInput {
        document: doc,
        batch: 1,
        findings: &findings,
        date: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        filler: "李喆",
        signatures: &signatures,
    };
    packet(&input, &mut |_| {}).unwrap()
}

/// The small demo school, its unsigned packet, a key, and the packet signed with it; made once
/// because scrypt and the layout are the slow parts.
struct Fixture {
    school: String,
    unsigned: Vec<u8>,
    key: KeyPair,
    signed: Vec<u8>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let doc = document(Size::Small);
        let school = doc.school.name.clone();
        let unsigned = unsigned_packet(&doc);
        let key = create_key(&school, CREDIT_CODE, PASSPHRASE, now()).unwrap();
        let signed = sign_pdf(&unsigned, &signer(&key, PASSPHRASE), &school, now()).unwrap();
        Fixture {
            school,
            unsigned,
            key,
            signed,
        }
    })
}

fn signer<'a>(key: &'a KeyPair, passphrase: &'a str) -> Signer<'a> {
    Signer {
        certificate_der: &key.certificate_der,
        encrypted_key_der: &key.encrypted_key_der,
        passphrase,
    }
}

fn verify(pdf: &[u8]) -> Verification {
    verify_pdf(pdf, &[]).expect("a signed packet is recognised as one")
}

fn assert_changed(pdf: &[u8], what: &str) {
    let v = verify(pdf);
    assert!(!v.intact, "{what}: must not verify as intact");
    let problem = v.problem.unwrap_or_default();
    assert!(!problem.is_empty(), "{what}: must say why");
    println!("{what}: {problem}");
}

/// Where the signature value's hex digits are: between the ByteRange's first length and second
/// start.
fn contents_gap(pdf: &[u8]) -> (usize, usize) {
    let at = pdf
        .windows(10)
        .rposition(|w| w == b"/ByteRange")
        .expect("a ByteRange");
    let text = std::str::from_utf8(&pdf[at + 10..at + 80]).unwrap();
    let numbers: Vec<usize> = text
        .trim_start()
        .trim_start_matches('[')
        .split(']')
        .next()
        .unwrap()
        .split_ascii_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    (numbers[1], numbers[2])
}

#[test]
fn a_signed_packet_verifies_with_its_signer_time_and_fingerprint() {
    let f = fixture();
    assert!(f.signed.starts_with(&f.unsigned), "the update is appended");
    let v = verify(&f.signed);
    assert!(v.intact, "{:?}", v.problem);
    assert_eq!(v.problem, None);
    assert_eq!(v.signer, f.school);
    assert_eq!(v.signed_at, Some(now()));
    assert_eq!(v.fingerprint, fingerprint(&f.key.certificate_der));
    assert_eq!(v.certificate_der, f.key.certificate_der);
    assert!(!v.trusted, "nothing trusted yet");
    // The packet still opens as a PDF with the same pages, now with a signature field.
    let doc = lopdf::Document::load_mem(&f.signed).unwrap();
    let unsigned = lopdf::Document::load_mem(&f.unsigned).unwrap();
    assert_eq!(doc.get_pages().len(), unsigned.get_pages().len());
    let form = doc
        .catalog()
        .unwrap()
        .get(b"AcroForm")
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(form.get(b"SigFlags").unwrap().as_i64().unwrap(), 3);
}

#[test]
fn the_fingerprint_is_sha256_in_colon_separated_pairs() {
    let print = fingerprint(b"abc");
    assert_eq!(print.len(), 32 * 3 - 1);
    assert!(print.starts_with("BA:78:16:BF:8F:01:CF:EA"));
    let pem = certificate_pem(&fixture().key.certificate_der);
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
    assert!(pem.ends_with("-----END CERTIFICATE-----\n"));
    assert!(pem.lines().all(|l| l.len() <= 64));
}

#[test]
fn the_certificate_names_the_school_and_its_credit_code_for_five_years() {
    use der::Decode;
    let cert = x509_cert::Certificate::from_der(&fixture().key.certificate_der).unwrap();
    let tbs = &cert.tbs_certificate;
    assert_eq!(tbs.issuer, tbs.subject, "self-issued");
    let subject = tbs.subject.to_string();
    assert!(
        subject.contains(&format!("CN={}", fixture().school)),
        "{subject}"
    );
    let organization_identifier = tbs
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid.to_string() == "2.5.4.97")
        .map(|atv| String::from_utf8(atv.value.value().to_vec()).unwrap());
    assert_eq!(
        organization_identifier,
        Some(format!("NTRCN-{CREDIT_CODE}"))
    );
    let start = tbs.validity.not_before.to_unix_duration().as_secs();
    let end = tbs.validity.not_after.to_unix_duration().as_secs();
    assert_eq!(start, now().timestamp() as u64);
    let five_years = Utc.with_ymd_and_hms(2031, 11, 29, 9, 5, 0).unwrap();
    assert_eq!(end, five_years.timestamp() as u64);
}

#[test]
fn a_flipped_byte_near_the_start_is_caught() {
    let mut pdf = fixture().signed.clone();
    pdf[20] ^= 0x01;
    assert_changed(&pdf, "byte 20 flipped");
}

#[test]
fn a_flipped_byte_in_the_middle_is_caught() {
    let mut pdf = fixture().signed.clone();
    let middle = fixture().unsigned.len() / 2;
    pdf[middle] ^= 0x20;
    assert_changed(&pdf, "middle byte flipped");
}

#[test]
fn a_flipped_byte_in_the_signature_dictionary_is_caught() {
    let mut pdf = fixture().signed.clone();
    let (start, _) = contents_gap(&pdf);
    let at = pdf[..start].windows(2).rposition(|w| w == b"/M").unwrap();
    pdf[at + 6] ^= 0x01;
    assert_changed(&pdf, "signature dictionary byte flipped");
    let mut pdf = fixture().signed.clone();
    let key = pdf.windows(10).rposition(|w| w == b"/ByteRange").unwrap();
    pdf[key + 3] = b'X';
    let v = verify_pdf(&pdf, &[]).expect("a damaged signature is still a signed file");
    assert!(!v.intact);
}

#[test]
fn an_update_appended_after_signing_is_caught() {
    let signed = &fixture().signed;
    // A small, well-formed incremental update, as an editor would save one.
    let xref_at = signed
        .windows(9)
        .rposition(|w| w == b"startxref")
        .map(|at| {
            std::str::from_utf8(&signed[at + 9..signed.len()])
                .unwrap()
                .split_ascii_whitespace()
                .next()
                .unwrap()
                .to_string()
        })
        .unwrap();
    let doc = lopdf::Document::load_mem(signed).unwrap();
    let size = doc.trailer.get(b"Size").unwrap().as_i64().unwrap();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let mut pdf = signed.clone();
    let object_at = pdf.len();
    pdf.extend_from_slice(format!("{size} 0 obj\n(changed)\nendobj\n").as_bytes());
    let new_xref = pdf.len();
    pdf.extend_from_slice(
        format!(
            "xref\n{size} 1\n{object_at:010} 00000 n\r\ntrailer\n<</Size {}/Root {} {} R/Prev {xref_at}>>\nstartxref\n{new_xref}\n%%EOF\n",
            size + 1,
            root.0,
            root.1
        )
        .as_bytes(),
    );
    lopdf::Document::load_mem(&pdf).expect("the appended update is valid PDF");
    assert_changed(&pdf, "incremental update appended");

    let mut pdf = signed.clone();
    pdf.extend_from_slice(b"\n% a comment\n");
    assert_changed(&pdf, "bytes after %%EOF");

    let truncated = &signed[..signed.len() - 3];
    assert_changed(truncated, "truncated");
}

#[test]
fn a_replaced_signature_value_is_caught() {
    let signed = &fixture().signed;
    let (start, end) = contents_gap(signed);
    let value_len = signed[start + 1..end - 1]
        .iter()
        .rposition(|&b| b != b'0')
        .unwrap();
    // In the DER near its start (the certificate), near its end (the ECDSA signature), and in
    // the zero padding after it.
    for at in [
        start + 1 + 200,
        start + 1 + value_len - 10,
        start + 1 + value_len + 50,
    ] {
        let mut pdf = signed.clone();
        pdf[at] = if pdf[at] == b'7' { b'8' } else { b'7' };
        assert_changed(
            &pdf,
            &format!("hex digit at {} of the value replaced", at - start - 1),
        );
    }
    // A whole other signature over other bytes, put in place of ours.
    let mut pdf = signed.clone();
    let other = sign_pdf(
        &fixture().unsigned[..],
        &signer(&fixture().key, PASSPHRASE),
        "别的学校",
        now(),
    )
    .unwrap();
    let (other_start, other_end) = contents_gap(&other);
    assert_eq!(other_end - other_start, end - start);
    pdf[start..end].copy_from_slice(&other[other_start..other_end]);
    assert_changed(&pdf, "signature value from another signing");
}

#[test]
fn a_wrong_passphrase_signs_nothing() {
    let f = fixture();
    let result = sign_pdf(
        &f.unsigned,
        &signer(&f.key, "错误的口令1234"),
        &f.school,
        now(),
    );
    assert_eq!(result, Err(SignError::WrongPassphrase));
    assert_eq!(SignError::WrongPassphrase.to_string(), "口令不正确，未签署");
}

#[test]
fn a_changed_passphrase_signs_and_the_old_one_no_longer_does() {
    let f = fixture();
    let new_key =
        change_passphrase(&f.key.encrypted_key_der, PASSPHRASE, "新的口令abcdefg").unwrap();
    assert_ne!(new_key, f.key.encrypted_key_der);
    assert_eq!(
        change_passphrase(&f.key.encrypted_key_der, "不是这个口令", "x"),
        Err(SignError::WrongPassphrase)
    );
    let pair = KeyPair {
        certificate_der: f.key.certificate_der.clone(),
        encrypted_key_der: new_key,
    };
    let signed = sign_pdf(
        &f.unsigned,
        &signer(&pair, "新的口令abcdefg"),
        &f.school,
        now(),
    )
    .unwrap();
    let v = verify(&signed);
    assert!(v.intact, "{:?}", v.problem);
    assert_eq!(
        v.fingerprint,
        fingerprint(&f.key.certificate_der),
        "same key, same certificate"
    );
    assert_eq!(
        sign_pdf(&f.unsigned, &signer(&pair, PASSPHRASE), &f.school, now()),
        Err(SignError::WrongPassphrase)
    );
}

#[test]
fn a_packet_signed_with_a_replaced_key_still_verifies() {
    let f = fixture();
    let replacement = create_key(&f.school, CREDIT_CODE, "丢了旧口令以后的新口令", now()).unwrap();
    assert_ne!(replacement.certificate_der, f.key.certificate_der);
    let v = verify(&f.signed);
    assert!(v.intact, "the old packet carries its own certificate");
    assert_eq!(v.certificate_der, f.key.certificate_der);
    // A key and a certificate that do not belong together sign nothing.
    let mixed = KeyPair {
        certificate_der: replacement.certificate_der.clone(),
        encrypted_key_der: f.key.encrypted_key_der.clone(),
    };
    assert!(matches!(
        sign_pdf(&f.unsigned, &signer(&mixed, PASSPHRASE), &f.school, now()),
        Err(SignError::Crypto(_))
    ));
}

#[test]
fn the_trusted_list_is_matched_by_certificate() {
    let f = fixture();
    let other = create_key("另一所学校", "", "另一个口令12345", now()).unwrap();
    let v = verify_pdf(&f.signed, std::slice::from_ref(&f.key.certificate_der)).unwrap();
    assert!(v.trusted && v.intact);
    let v = verify_pdf(&f.signed, std::slice::from_ref(&other.certificate_der)).unwrap();
    assert!(
        !v.trusted && v.intact,
        "untrusted is not the same as changed"
    );
}

#[test]
fn files_that_are_no_signed_packet_are_told_apart() {
    assert_eq!(
        verify_pdf(b"PK\x03\x04 a zip file", &[]),
        Err(VerifyError::NotPdf)
    );
    assert_eq!(verify_pdf(b"", &[]), Err(VerifyError::NotPdf));
    assert_eq!(
        verify_pdf(&fixture().unsigned, &[]),
        Err(VerifyError::NotSigned)
    );
    assert_eq!(VerifyError::NotPdf.to_string(), "不是 PDF 文件");
    assert_eq!(VerifyError::NotSigned.to_string(), "该 PDF 没有电子签名");
    assert!(matches!(
        sign_pdf(
            b"not a pdf",
            &signer(&fixture().key, PASSPHRASE),
            "学校",
            now()
        ),
        Err(SignError::Pdf(_))
    ));
}

#[test]
fn the_stored_key_is_encrypted_and_never_holds_the_raw_scalar() {
    let f = fixture();
    let info = EncryptedPrivateKeyInfo::try_from(f.key.encrypted_key_der.as_slice()).unwrap();
    let scheme = info.encryption_algorithm.pbes2().expect("PBES2");
    assert!(scheme.kdf.is_scrypt(), "a memory-hard KDF");
    assert_eq!(
        scheme.encryption.oid(),
        pkcs8::pkcs5::pbes2::AES_256_CBC_OID
    );
    let plain = info.decrypt(PASSPHRASE).unwrap();
    let scalar = p256::SecretKey::from_pkcs8_der(plain.as_bytes())
        .unwrap()
        .to_bytes();
    let stored = &f.key.encrypted_key_der;
    assert!(!stored.windows(scalar.len()).any(|w| w == scalar.as_slice()));
    assert!(!stored.windows(16).any(|w| w == &scalar[..16]));
    let certificate = &f.key.certificate_der;
    assert!(
        !certificate
            .windows(scalar.len())
            .any(|w| w == scalar.as_slice())
    );
}

/// The receiving office reads packets with ordinary software; Poppler stands in for it. CI
/// installs poppler-utils, so a missing `pdfsig` is a failure, not a skip.
#[test]
fn poppler_accepts_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signed.pdf");
    std::fs::write(&path, &fixture().signed).unwrap();
    let output = std::process::Command::new("pdfsig")
        .arg(&path)
        .output()
        .expect("pdfsig (poppler-utils) must be installed to check the signature as readers do");
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        report.contains("Signature Validation: Signature is Valid."),
        "{report}"
    );
    assert!(report.contains("Total document signed"), "{report}");

    let mut changed = fixture().signed.clone();
    changed[fixture().unsigned.len() / 2] ^= 0x20;
    std::fs::write(&path, &changed).unwrap();
    let output = std::process::Command::new("pdfsig")
        .arg(&path)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(!report.contains("Signature is Valid."), "{report}");
}

/// Timings for the report (no assertions on them): key creation, signing and verifying the
/// large demo school's packet. Meaningful in release: `cargo test --release --test sign -- --nocapture`.
#[test]
fn timings() {
    let size = if cfg!(debug_assertions) {
        Size::Small
    } else {
        Size::Large
    };
    let doc = document(size);
    let unsigned = unsigned_packet(&doc);
    let t = Instant::now();
    let key = create_key(&doc.school.name, CREDIT_CODE, PASSPHRASE, now()).unwrap();
    let create = t.elapsed();
    let t = Instant::now();
    let signed = sign_pdf(
        &unsigned,
        &signer(&key, PASSPHRASE),
        &doc.school.name,
        now(),
    )
    .unwrap();
    let sign = t.elapsed();
    let t = Instant::now();
    let v = verify(&signed);
    let check = t.elapsed();
    assert!(v.intact);
    println!(
        "{size:?} packet {} bytes, signed {} bytes: create_key {create:.2?}, sign_pdf {sign:.2?}, verify_pdf {check:.2?}",
        unsigned.len(),
        signed.len()
    );
}
