//! Finishing the PDF where printpdf stops: the packet's interchange JSON as an embedded file
//! (so the receiving office loads the data instead of retyping it) and the document
//! information (title, the school as author, dates) in the form readers show. The
//! 工作量证明 is finished here too, without an attachment; a 盟市's 转报材料 carries its own
//! JSON and every school packet it forwards.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone};
use lopdf::{Dictionary, Object, Stream, StringFormat};
use printpdf::{ImageCompression, ImageOptimizationOptions, PdfDocument, PdfSaveOptions};
use sha2::{Digest, Sha256};

use super::{PacketInput, ReportError, TITLE};

/// The attachment's name as readers list it; the ASCII name is for readers without Unicode
/// file names.
pub const ATTACHMENT_NAME: &str = "yitihua-数据.json";
const ATTACHMENT_ASCII_NAME: &str = "yitihua-data.json";

/// The attachment a 盟市's 转报材料 lists its forwarded packets in (`exchange::forward`).
pub const FORWARD_ATTACHMENT_NAME: &str = "yitihua-转报.json";

/// The document-information key that says which batch a packet was printed for: its JSON holds
/// every batch of the school, and the receiving office must know which one was signed.
pub const BATCH_KEY: &str = "YitihuaBatch";

/// A file a PDF carries, as readers list it among its attachments.
pub struct Attachment<'a> {
    /// The name readers list.
    pub name: String,
    /// The same for readers without Unicode file names.
    pub ascii_name: String,
    pub description: String,
    /// The MIME type, e.g. `application/json`.
    pub mime: &'static str,
    pub bytes: Cow<'a, [u8]>,
    /// The document's data source (`/AFRelationship /Data`); otherwise a supplement to it.
    pub data: bool,
}

/// What a reader's "properties" say of a PDF, and the files it carries.
pub struct Info<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    /// The school.
    pub author: &'a str,
    pub date: NaiveDate,
    pub attachments: Vec<Attachment<'a>>,
    /// The batch a packet was printed for.
    pub batch: Option<u32>,
}

impl<'a> Info<'a> {
    /// A packet: its title, the school, and the whole school's JSON.
    pub fn packet(input: &'a PacketInput<'a>) -> Info<'a> {
        Info {
            title: TITLE,
            subject: "工学一体化建设专业申报材料",
            author: &input.document.school.name,
            date: input.date,
            attachments: vec![Attachment {
                name: ATTACHMENT_NAME.into(),
                ascii_name: ATTACHMENT_ASCII_NAME.into(),
                description: "本申报材料所含数据（申报助手交换格式 JSON，可用“yitihua load”导入）"
                    .into(),
                mime: "application/json",
                bytes: Cow::Owned(input.document.to_json().into_bytes()),
                data: true,
            }],
            batch: Some(input.batch),
        }
    }
}

/// Serialises the laid-out document with the font subset, embeds the JSON, sets the document
/// information and compresses every stream. The PDF's dates are the document's date (the start
/// of that day, Beijing time), never the clock: the same input gives the same bytes, so a
/// packet exported again unchanged is the same file.
pub fn finish(pdf: &PdfDocument, info: &Info<'_>) -> Result<Vec<u8>, ReportError> {
    let options = PdfSaveOptions {
        subset_fonts: true,
        image_optimization: Some(ImageOptimizationOptions {
            // Lossless: a signature or seal must not pick up JPEG artefacts.
            format: Some(ImageCompression::Flate),
            ..ImageOptimizationOptions::default()
        }),
        ..PdfSaveOptions::default()
    };
    // printpdf's warnings are about input it repairs or ignores; the layout gives it none.
    let mut doc = pdf.to_lopdf_document(&options, &mut Vec::new());
    // Embedded OpenType fonts need 1.6 and associated files are read from 1.7 readers on;
    // printpdf writes 1.3.
    doc.version = "1.7".into();
    let created = crate::domain::time::beijing_day_start(info.date);
    if !info.attachments.is_empty() {
        embed(&mut doc, &info.attachments, &created)?;
    }
    set_info(&mut doc, info, &created);
    doc.compress();
    // printpdf's /ID is drawn from a counter that runs on through the process, so a second
    // packet would get another; the hash of the file without it names it instead.
    doc.trailer.remove(b"ID");
    let id = Object::String(
        Sha256::digest(save(&mut doc)?)[..16].to_vec(),
        StringFormat::Hexadecimal,
    );
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    save(&mut doc)
}

fn save(doc: &mut lopdf::Document) -> Result<Vec<u8>, ReportError> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| ReportError::Pdf(format!("写入失败：{e}")))?;
    Ok(bytes)
}

/// Adds the files, listed in the catalog's /EmbeddedFiles name tree (what readers show as
/// attachments) and in /AF as the document's data source or supplements (PDF 2.0, PDF/A-3).
fn embed(
    doc: &mut lopdf::Document,
    attachments: &[Attachment<'_>],
    created: &DateTime<FixedOffset>,
) -> Result<(), ReportError> {
    let date = pdf_date(created);
    let mut named = Vec::with_capacity(attachments.len());
    for a in attachments {
        let mut file = Stream::new(
            Dictionary::from_iter(vec![
                ("Type", Object::Name(b"EmbeddedFile".to_vec())),
                ("Subtype", Object::Name(a.mime.as_bytes().to_vec())),
                (
                    "Params",
                    Object::Dictionary(Dictionary::from_iter(vec![
                        ("Size", Object::Integer(a.bytes.len() as i64)),
                        ("CreationDate", Object::string_literal(date.clone())),
                        ("ModDate", Object::string_literal(date.clone())),
                    ])),
                ),
            ]),
            a.bytes.to_vec(),
        );
        // A PDF inside is compressed already; deflating it again costs time and saves nothing.
        if a.mime == "application/pdf" {
            file = file.with_compression(false);
        }
        let file_id = doc.add_object(file);
        let relationship: &[u8] = if a.data { b"Data" } else { b"Supplement" };
        let spec = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Filespec".to_vec())),
            ("F", Object::string_literal(a.ascii_name.as_str())),
            ("UF", text(&a.name)),
            ("Desc", text(&a.description)),
            ("AFRelationship", Object::Name(relationship.to_vec())),
            (
                "EF",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("F", Object::Reference(file_id)),
                    ("UF", Object::Reference(file_id)),
                ])),
            ),
        ]);
        named.push((text(&a.name), doc.add_object(spec)));
    }
    // A name tree's keys are in byte order, as readers search them.
    let specs: Vec<Object> = named.iter().map(|(_, id)| Object::Reference(*id)).collect();
    named.sort_by(|a, b| a.0.as_str().ok().cmp(&b.0.as_str().ok()));
    let names = Dictionary::from_iter(vec![(
        "EmbeddedFiles",
        Object::Dictionary(Dictionary::from_iter(vec![(
            "Names",
            Object::Array(
                named
                    .into_iter()
                    .flat_map(|(name, id)| [name, Object::Reference(id)])
                    .collect(),
            ),
        )])),
    )]);
    let catalog = doc
        .catalog_mut()
        .map_err(|e| ReportError::Pdf(format!("PDF 目录缺失：{e}")))?;
    catalog.set("Names", Object::Dictionary(names));
    catalog.set("AF", Object::Array(specs));
    Ok(())
}

/// Replaces printpdf's document information with what a reader's "properties" should say.
fn set_info(doc: &mut lopdf::Document, info: &Info<'_>, created: &DateTime<FixedOffset>) {
    let producer = format!("{} {}", crate::APP_NAME, env!("CARGO_PKG_VERSION"));
    let date = pdf_date(created);
    let mut dict = Dictionary::from_iter(vec![
        ("Title", text(info.title)),
        ("Author", text(info.author)),
        ("Subject", text(info.subject)),
        ("Creator", text(&producer)),
        ("Producer", text(&producer)),
        ("CreationDate", Object::string_literal(date.clone())),
        ("ModDate", Object::string_literal(date)),
    ]);
    if let Some(batch) = info.batch {
        dict.set(BATCH_KEY, Object::Integer(i64::from(batch)));
    }
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(dict));
        }
        Err(_) => {
            let id = doc.add_object(Object::Dictionary(dict));
            doc.trailer.set("Info", Object::Reference(id));
        }
    }
}

/// A PDF text string: UTF-16BE with its byte-order mark, which every reader decodes.
pub(crate) fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// `D:YYYYMMDDHHmmSS+08'00'`, the date format of PDF 32000-1 §7.9.4.
fn pdf_date<Tz: TimeZone>(now: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let offset = now.offset().fix().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    format!(
        "D:{}{sign}{:02}'{:02}'",
        now.format("%Y%m%d%H%M%S"),
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_carry_the_offset_as_pdf_writes_it() {
        let east8 = FixedOffset::east_opt(8 * 3600).unwrap();
        let t = east8.with_ymd_and_hms(2026, 11, 29, 9, 5, 0).unwrap();
        assert_eq!(pdf_date(&t), "D:20261129090500+08'00'");
        let west = FixedOffset::west_opt(3 * 3600 + 30 * 60).unwrap();
        let t = west.with_ymd_and_hms(2026, 1, 2, 23, 59, 59).unwrap();
        assert_eq!(pdf_date(&t), "D:20260102235959-03'30'");
    }

    #[test]
    fn text_strings_are_utf16_with_a_byte_order_mark() {
        assert_eq!(
            text("堃A"),
            Object::String(
                vec![0xFE, 0xFF, 0x58, 0x03, 0x00, 0x41],
                StringFormat::Hexadecimal
            )
        );
    }
}
