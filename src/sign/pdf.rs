//! The signature inside the PDF. Signing appends one incremental update (the catalog with an
//! /AcroForm, the last page with the signature widget, the signature dictionary, the widget and
//! its appearance, a new xref section), written by hand so every byte offset is known: the
//! ByteRange must name exactly the bytes around the /Contents placeholder. The original bytes
//! are kept as they are, so the unsigned packet is still a prefix of the signed one.
//!
//! Verifying reads the raw bytes rather than a parsed document, so a file damaged after signing
//! is still checked (and reported as changed) instead of failing to parse.

use chrono::{DateTime, FixedOffset, Utc};
use der::Decode;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};
use x509_cert::certificate::Certificate;

use crate::domain::time;

use super::{SignError, Signer, Verification, VerifyError, appearance, cms, fingerprint, key};

/// Room for the CMS value, as hex digits: 8 KiB of DER where ours takes about 1 KiB, so a
/// longer certificate or a later timestamp still fits without moving any offset.
const CONTENTS_HEX: usize = 16 * 1024;
/// Ten digits cover any offset below 10 GB.
const RANGE_PLACEHOLDER: &str = "0000000000 0000000000 0000000000";

/// Signs the packet: returns `pdf` with an incremental update appended that holds a signature
/// over the whole file and a visible box on the last page. A wrong passphrase returns
/// [`SignError::WrongPassphrase`] and nothing else happens.
pub fn sign_pdf(
    pdf: &[u8],
    signer: &Signer,
    school_name: &str,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    sign_pdf_at(pdf, signer, school_name, now, Place::PACKET)
}

/// Where the visible box goes on the last page: its lower-left corner in points from the
/// page's lower-left. Each document leaves its own room for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub left: f32,
    pub bottom: f32,
}

impl Place {
    /// Between the signers' table and the 盟市人社部门意见 box of the packet's last page.
    pub const PACKET: Place = Place {
        left: appearance::LEFT,
        bottom: appearance::BOTTOM,
    };
}

/// [`sign_pdf`] with the visible box at `place`.
pub fn sign_pdf_at(
    pdf: &[u8],
    signer: &Signer,
    school_name: &str,
    now: DateTime<Utc>,
    place: Place,
) -> Result<Vec<u8>, SignError> {
    let certificate = Certificate::from_der(signer.certificate_der)
        .map_err(|e| SignError::Crypto(format!("保存的证书已损坏：{e}")))?;
    let key = key::unlock(signer.encrypted_key_der, signer.passphrase, &certificate)?;
    let bad = |what: &str| SignError::Pdf(what.to_string());
    let doc =
        lopdf::Document::load_mem(pdf).map_err(|e| SignError::Pdf(format!("无法读取：{e}")))?;
    if doc.trailer.has(b"Encrypt") {
        return Err(bad("PDF 已加密"));
    }
    let previous_xref = last_startxref(pdf).ok_or_else(|| bad("找不到交叉引用表"))?;
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| bad("找不到文档目录"))?;
    let mut catalog = doc
        .get_dictionary(catalog_id)
        .map_err(|_| bad("找不到文档目录"))?
        .clone();
    let page_id = *doc
        .get_pages()
        .values()
        .next_back()
        .ok_or_else(|| bad("PDF 没有页面"))?;
    let mut page = doc
        .get_dictionary(page_id)
        .map_err(|_| bad("找不到最后一页"))?
        .clone();

    let size = doc
        .trailer
        .get(b"Size")
        .and_then(Object::as_i64)
        .ok()
        .and_then(|s| u32::try_from(s).ok())
        .unwrap_or(0)
        .max(doc.max_id + 1);
    let sig_id = (size, 0);
    let widget_id = (size + 1, 0);
    let appearance_id = (size + 2, 0);

    let mut acro_form = match catalog.get(b"AcroForm") {
        Ok(form) => resolve(&doc, form)
            .and_then(|f| f.as_dict().ok().cloned())
            .unwrap_or_default(),
        Err(_) => Dictionary::new(),
    };
    let mut fields = acro_form
        .get(b"Fields")
        .ok()
        .and_then(|f| resolve(&doc, f))
        .and_then(|f| f.as_array().ok().cloned())
        .unwrap_or_default();
    fields.push(Object::Reference(widget_id));
    acro_form.set("Fields", Object::Array(fields));
    // SignaturesExist | AppendOnly: readers then save edits as updates, keeping ours valid.
    acro_form.set("SigFlags", Object::Integer(3));
    catalog.set("AcroForm", Object::Dictionary(acro_form));

    let mut annots = page
        .get(b"Annots")
        .ok()
        .and_then(|a| resolve(&doc, a))
        .and_then(|a| a.as_array().ok().cloned())
        .unwrap_or_default();
    annots.push(Object::Reference(widget_id));
    page.set("Annots", Object::Array(annots));
    let (x0, y0) = page_origin(&doc, &page);
    let rect = [
        x0 + place.left,
        y0 + place.bottom,
        x0 + place.left + appearance::WIDTH,
        y0 + place.bottom + appearance::HEIGHT,
    ];

    let beijing = now.with_timezone(&time::beijing_offset());
    let shown_time = format!("{}（北京时间）", time::beijing(now));
    let print = fingerprint(signer.certificate_der);
    let mut appearance_stream = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Form".to_vec())),
            (
                "BBox",
                Object::Array(vec![
                    Object::Integer(0),
                    Object::Integer(0),
                    Object::Real(appearance::WIDTH),
                    Object::Real(appearance::HEIGHT),
                ]),
            ),
            ("Resources", Object::Dictionary(Dictionary::new())),
        ]),
        appearance::content(school_name, &shown_time, &print).map_err(SignError::Pdf)?,
    );
    appearance_stream
        .compress()
        .map_err(|e| SignError::Pdf(format!("压缩失败：{e}")))?;
    let widget = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Widget".to_vec())),
        ("FT", Object::Name(b"Sig".to_vec())),
        ("T", text("电子签名")),
        ("V", Object::Reference(sig_id)),
        ("P", Object::Reference(page_id)),
        (
            "Rect",
            Object::Array(rect.iter().map(|&v| Object::Real(v)).collect()),
        ),
        // Print | Locked: it prints with the page and cannot be moved.
        ("F", Object::Integer(132)),
        (
            "AP",
            Object::Dictionary(Dictionary::from_iter(vec![(
                "N",
                Object::Reference(appearance_id),
            )])),
        ),
    ]);

    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
        out.push(b'\n');
    }
    let mut offsets: Vec<(ObjectId, usize)> = Vec::new();
    let mut start_object = |out: &mut Vec<u8>, id: ObjectId| {
        offsets.push((id, out.len()));
        out.extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
    };
    start_object(&mut out, catalog_id);
    write_object(&mut out, &Object::Dictionary(catalog))?;
    out.extend_from_slice(b"\nendobj\n");
    start_object(&mut out, page_id);
    write_object(&mut out, &Object::Dictionary(page))?;
    out.extend_from_slice(b"\nendobj\n");

    start_object(&mut out, sig_id);
    out.extend_from_slice(
        b"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached/ByteRange[0 ",
    );
    let range_at = out.len();
    out.extend_from_slice(RANGE_PLACEHOLDER.as_bytes());
    out.extend_from_slice(b"]/Contents");
    let gap_start = out.len();
    out.push(b'<');
    out.resize(out.len() + CONTENTS_HEX, b'0');
    out.push(b'>');
    let gap_end = out.len();
    out.extend_from_slice(b"/M");
    write_object(&mut out, &Object::string_literal(pdf_date(&beijing)))?;
    out.extend_from_slice(b"/Name");
    write_object(&mut out, &text(school_name))?;
    out.extend_from_slice(b"/Reason");
    write_object(&mut out, &text("学校确认申报材料真实、准确、完整"))?;
    out.extend_from_slice(b">>\nendobj\n");

    start_object(&mut out, widget_id);
    write_object(&mut out, &Object::Dictionary(widget))?;
    out.extend_from_slice(b"\nendobj\n");
    start_object(&mut out, appearance_id);
    let mut dict = appearance_stream.dict.clone();
    dict.set(
        "Length",
        Object::Integer(to_i64(appearance_stream.content.len())),
    );
    write_object(&mut out, &Object::Dictionary(dict))?;
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&appearance_stream.content);
    out.extend_from_slice(b"\nendstream\nendobj\n");

    let xref_at = out.len();
    write_xref(&mut out, &mut offsets);
    let mut trailer = doc.trailer.clone();
    for key in [
        "Prev",
        "XRefStm",
        "Type",
        "Index",
        "W",
        "Filter",
        "DecodeParms",
        "Length",
    ] {
        trailer.remove(key.as_bytes());
    }
    trailer.set("Size", Object::Integer(i64::from(size + 3)));
    trailer.set("Prev", Object::Integer(to_i64(previous_xref)));
    trailer.set("ID", new_id(&doc.trailer, pdf, now));
    out.extend_from_slice(b"trailer\n");
    write_object(&mut out, &Object::Dictionary(trailer))?;
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());

    let after = out.len() - gap_end;
    let ranges = format!("{gap_start} {gap_end} {after}");
    if ranges.len() > RANGE_PLACEHOLDER.len() {
        return Err(bad("文件过大"));
    }
    out[range_at..range_at + RANGE_PLACEHOLDER.len()]
        .copy_from_slice(format!("{ranges:<width$}", width = RANGE_PLACEHOLDER.len()).as_bytes());
    let mut hasher = Sha256::new();
    hasher.update(&out[..gap_start]);
    hasher.update(&out[gap_end..]);
    let value = cms::sign(
        &hasher.finalize(),
        signer.certificate_der,
        &certificate,
        &key,
        now,
    )?;
    let hex: String = value.iter().map(|b| format!("{b:02X}")).collect();
    if hex.len() > CONTENTS_HEX {
        return Err(SignError::Crypto("签名值超出预留空间".into()));
    }
    out[gap_start + 1..gap_start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// Checks the last signature in the file: that its ByteRange covers everything but its own
/// value up to the end of the file, that the value is a valid signature over those bytes, and
/// who made it. `trusted` holds the certificates (DER) the user accepts as genuine.
pub fn verify_pdf(pdf: &[u8], trusted: &[Vec<u8>]) -> Result<Verification, VerifyError> {
    let head = &pdf[..pdf.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(VerifyError::NotPdf);
    }
    let mut verification = Verification {
        signer: String::new(),
        signed_at: None,
        fingerprint: String::new(),
        certificate_der: Vec::new(),
        intact: false,
        problem: None,
        trusted: false,
    };
    let Some(at) = rfind(pdf, b"/ByteRange") else {
        // A signature dictionary whose ByteRange key was itself altered is a changed file,
        // not an unsigned one.
        let markers: [&[u8]; 3] = [b"/adbe.pkcs7", b"/ETSI.CAdES", b"/Adobe.PPKLite"];
        if markers.iter().any(|m| rfind(pdf, m).is_some()) {
            verification.problem = Some("签名字典已损坏，文件在签署后被改动".into());
            return Ok(verification);
        }
        return Err(VerifyError::NotSigned);
    };
    let Some([start, first_len, second_start, second_len]) = byte_range(&pdf[at + 10..]) else {
        verification.problem = Some("签名的字节范围已损坏，文件在签署后被改动".into());
        return Ok(verification);
    };
    let gap = first_len..second_start;
    let gap_is_value = start == 0
        && gap.start < gap.end
        && gap.end <= pdf.len()
        && pdf[gap.start] == b'<'
        && pdf[gap.end - 1] == b'>'
        && (gap.end - gap.start) % 2 == 0
        && pdf[gap.start + 1..gap.end - 1]
            .iter()
            .all(u8::is_ascii_hexdigit);
    if !gap_is_value {
        verification.problem = Some("签名的字节范围与签名值不符，文件在签署后被改动".into());
        return Ok(verification);
    }
    let contents = unhex(&pdf[gap.start + 1..gap.end - 1]);
    let end = second_start.saturating_add(second_len);
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..gap.start]);
    hasher.update(&pdf[gap.end..end.min(pdf.len())]);
    let reading = cms::check(&contents, &hasher.finalize());
    if let Some((certificate, der)) = reading.certificate {
        verification.signer = cms::common_name(&certificate);
        verification.fingerprint = fingerprint(&der);
        verification.trusted = trusted.contains(&der);
        verification.certificate_der = der;
    }
    verification.signed_at = reading.signed_at;
    let shape = if end > pdf.len() {
        Some("文件在签署后被截短".to_string())
    } else if end < pdf.len() {
        Some("签署后文件末尾又被追加了内容（增量更新），签名不再覆盖整个文件".to_string())
    } else {
        None
    };
    verification.problem = shape.or(reading.problem);
    verification.intact = verification.problem.is_none();
    Ok(verification)
}

/// `[a b c d]` after the /ByteRange key.
fn byte_range(after_key: &[u8]) -> Option<[usize; 4]> {
    let text = after_key[..after_key.len().min(200)]
        .split(|&b| b == b']')
        .next()?;
    let text = std::str::from_utf8(text)
        .ok()?
        .trim_start()
        .strip_prefix('[')?;
    let numbers: Vec<usize> = text
        .split_ascii_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    numbers.try_into().ok()
}

fn unhex(hex: &[u8]) -> Vec<u8> {
    let digit = |b: u8| match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    };
    hex.chunks_exact(2)
        .map(|pair| digit(pair[0]) << 4 | digit(pair[1]))
        .collect()
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The offset after the file's last `startxref`, where the newest xref section begins; the
/// update's trailer points back to it.
fn last_startxref(pdf: &[u8]) -> Option<usize> {
    let at = rfind(pdf, b"startxref")?;
    let rest = std::str::from_utf8(pdf.get(at + 9..(at + 40).min(pdf.len()))?).ok()?;
    rest.split_ascii_whitespace().next()?.parse().ok()
}

fn resolve<'a>(doc: &'a lopdf::Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// The lower-left corner of the page's MediaBox (its own or inherited), where the box's
/// offsets are measured from.
fn page_origin(doc: &lopdf::Document, page: &Dictionary) -> (f32, f32) {
    let mut current = Some(page.clone());
    let mut depth = 0;
    while let Some(dict) = current {
        if let Some(b) = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|b| resolve(doc, b))
            .and_then(|b| b.as_array().ok())
        {
            let number = |i: usize| b.get(i).and_then(|v| v.as_float().ok()).unwrap_or(0.0);
            return (number(0), number(1));
        }
        depth += 1;
        current = (depth < 32)
            .then(|| dict.get(b"Parent").ok().and_then(|p| resolve(doc, p)))
            .flatten()
            .and_then(|p| p.as_dict().ok().cloned());
    }
    (0.0, 0.0)
}

/// The trailer /ID: the first part stays (it names the document), the second changes with
/// every update as PDF 32000-1 §14.4 asks.
fn new_id(trailer: &Dictionary, pdf: &[u8], now: DateTime<Utc>) -> Object {
    let mut hasher = Sha256::new();
    hasher.update(pdf);
    hasher.update(now.to_rfc3339().as_bytes());
    let changed = Object::String(
        hasher.finalize()[..16].to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    let first = trailer
        .get(b"ID")
        .and_then(Object::as_array)
        .ok()
        .and_then(|ids| ids.first().cloned())
        .unwrap_or_else(|| changed.clone());
    Object::Array(vec![first, changed])
}

/// One classic xref section with a subsection per run of consecutive object numbers.
fn write_xref(out: &mut Vec<u8>, offsets: &mut [(ObjectId, usize)]) {
    offsets.sort_by_key(|((number, _), _)| *number);
    out.extend_from_slice(b"xref\n");
    let mut i = 0;
    while i < offsets.len() {
        let mut j = i + 1;
        while j < offsets.len() && offsets[j].0.0 == offsets[j - 1].0.0 + 1 {
            j += 1;
        }
        out.extend_from_slice(format!("{} {}\n", offsets[i].0.0, j - i).as_bytes());
        for ((_, generation), offset) in &offsets[i..j] {
            out.extend_from_slice(format!("{offset:010} {generation:05} n\r\n").as_bytes());
        }
        i = j;
    }
}

/// Serialises an object as PDF syntax; strings are written as hex so no escaping can go wrong.
fn write_object(out: &mut Vec<u8>, object: &Object) -> Result<(), SignError> {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Object::Real(r) => out.extend_from_slice(real(*r).as_bytes()),
        Object::Name(name) => write_name(out, name),
        Object::String(bytes, _) => {
            out.push(b'<');
            for b in bytes {
                out.extend_from_slice(format!("{b:02X}").as_bytes());
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict.iter() {
                write_name(out, key);
                out.push(b' ');
                write_object(out, value)?;
            }
            out.extend_from_slice(b">>");
        }
        Object::Stream(_) => {
            return Err(SignError::Pdf("字典中直接含有流对象".into()));
        }
        Object::Reference((number, generation)) => {
            out.extend_from_slice(format!("{number} {generation} R").as_bytes());
        }
    }
    Ok(())
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b"()<>[]{}/%#".contains(&b) || !(b'!'..=b'~').contains(&b) {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        } else {
            out.push(b);
        }
    }
}

/// A real as PDF writes it: plain decimals (Rust's `Display` never uses an exponent), at most
/// four places, which is well below a point's thousandth.
fn real(r: f32) -> String {
    let s = format!("{r:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// A PDF text string: UTF-16BE with its byte-order mark, which every reader decodes.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

/// `D:YYYYMMDDHHmmSS+08'00'`, the date format of PDF 32000-1 §7.9.4.
fn pdf_date(at: &DateTime<FixedOffset>) -> String {
    let offset = at.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    format!(
        "D:{}{sign}{:02}'{:02}'",
        at.format("%Y%m%d%H%M%S"),
        minutes / 60,
        minutes % 60
    )
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
