//! 申报材料: the print-ready PDF packet of one batch, which the office signs, seals and sends
//! upwards. It reads the school as an interchange [`Document`](crate::exchange::Document) (never
//! the database), lays the seven sections out on A4 with the bundled font (and an installed one
//! for a character it lacks, see `fallback`), and carries the same JSON as a file attachment so
//! the receiving office can load the data without retyping.
//!
//! `layout` knows pages, text and tables; `packet` knows what an office prints; `certificate`
//! the one-page 工作量证明 of a teacher; `allowance` the 课时津贴表; `attach` finishes the PDF where printpdf stops (the
//! attachment and the document information).

mod allowance;
mod attach;
mod certificate;
mod fallback;
mod layout;
mod packet;
mod rollup;

use chrono::NaiveDate;
use printpdf::{FontId, ParsedFont, PdfDocument, RawImage, XObjectId};

use crate::domain::Finding;
use crate::exchange::Document;

pub use allowance::AllowanceInput;
pub use attach::{ATTACHMENT_NAME, BATCH_KEY, FORWARD_ATTACHMENT_NAME};
pub use certificate::{CertificateInput, SIGNATURE_BOX};
use fallback::Fallback;
use layout::{Measure, Placeable};
use packet::{Stamp, Stamps};
pub use rollup::RollupInput;

/// The printed title, also the PDF's Title.
pub const TITLE: &str = "内蒙古自治区技工院校工学一体化建设专业申报材料";

/// Signature and seal images the office stored, as PNG bytes with transparency, so they print
/// over the lines they sign as ink would. A missing image leaves a line to sign by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signatures {
    /// 填表人
    pub filler: Option<Vec<u8>>,
    /// 教务处负责人
    pub academic_head: Option<Vec<u8>>,
    /// 学校负责人
    pub principal: Option<Vec<u8>>,
    /// 学校公章
    pub seal: Option<Vec<u8>>,
}

/// Everything one packet prints. The caller runs the check, so the packet shows the same
/// findings the office saw, and chooses the date printed on the cover and the signature lines.
/// Nothing else goes in: the same input makes the same bytes (the PDF's own dates are `date`).
#[derive(Debug, Clone, Copy)]
pub struct PacketInput<'a> {
    /// The whole school; it is also what the packet carries as its attachment.
    pub document: &'a Document,
    /// The batch to print; its latest declaration revision is used.
    pub batch: u32,
    /// The check's findings for that batch; warnings print with the office's explanations.
    pub findings: &'a [Finding],
    pub date: NaiveDate,
    /// 填表人; empty leaves a blank to fill in by hand.
    pub filler: &'a str,
    pub signatures: &'a Signatures,
}

/// Why no packet was made, said for the office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// The batch has no declaration to print.
    NoDeclaration(u32),
    /// No teacher on the roster has this 工号.
    NoTeacher(String),
    /// Characters neither the bundled font nor any installed font can draw; printed, they
    /// would be boxes.
    MissingGlyphs(Vec<char>),
    /// A stored signature or seal image that is not a readable PNG; `which` names whose.
    Image { which: &'static str, reason: String },
    /// The PDF could not be produced (font or writer trouble).
    Pdf(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::NoDeclaration(batch) => {
                write!(f, "第{batch}批还没有申报，无法生成申报材料")
            }
            ReportError::NoTeacher(id) => write!(
                f,
                "名册中没有工号“{id}”的教师：请核对工号（“教师与课时”的名册或 yitihua report workload 列出全部工号）"
            ),
            ReportError::MissingGlyphs(chars) => {
                let list: Vec<String> = chars
                    .iter()
                    .map(|c| format!("“{c}”（U+{:04X}）", u32::from(*c)))
                    .collect();
                write!(
                    f,
                    "内置字体和本机安装的字体都没有以下字符，打印出来会是方框：{}。请安装含有这些字的字体（Windows 的 SimSun-ExtB，Linux 的 fonts-hanazono）后再导出，或改用常用字",
                    list.join("、")
                )
            }
            ReportError::Image { which, reason } => {
                write!(f, "{which}的图片无法读取（应为 PNG 图片）：{reason}")
            }
            ReportError::Pdf(reason) => write!(f, "生成 PDF 失败：{reason}"),
        }
    }
}

impl std::error::Error for ReportError {}

/// Makes the packet, as the bytes of a PDF file. `progress` goes from 0.0 to 1.0 in a few
/// dozen calls at most, so a window can show a bar while it runs on a background task. Refuses
/// when the batch has no declaration, a stored image is unreadable, or a character is in no
/// font (neither the bundled one nor one installed on the computer), rather than print
/// something the office would have to redo.
pub fn packet(input: &PacketInput, progress: &mut dyn FnMut(f32)) -> Result<Vec<u8>, ReportError> {
    progress(0.0);
    let images = decode_images(input.signatures)?;
    let stamps = stamps(&images);
    let laid = lay_out(
        &mut |measure, progress| packet::lay_out(input, measure, &stamps, progress),
        &mut |p| progress(p * 0.5),
    )?;
    let pdf = draw(TITLE, &laid, &images)?;
    progress(0.6);
    let bytes = attach::finish(&pdf, &attach::Info::packet(input))?;
    progress(1.0);
    Ok(bytes)
}

/// Makes one teacher's 工作量证明 (see [`certificate`]), as the bytes of a one-page PDF; the
/// same refusals as [`packet`], and [`ReportError::NoTeacher`] for a 工号 not on the roster.
pub fn workload_certificate(input: &CertificateInput) -> Result<Vec<u8>, ReportError> {
    let teacher = input
        .document
        .teachers
        .iter()
        .find(|t| t.id == input.teacher)
        .ok_or_else(|| ReportError::NoTeacher(input.teacher.to_string()))?;
    signed_by_academic_office(
        &attach::Info {
            title: certificate::TITLE,
            subject: &format!("{}（{}）工作量证明", teacher.name, teacher.id),
            author: &input.document.school.name,
            date: input.date,
            attachments: Vec::new(),
            batch: None,
        },
        input.signature,
        &|measure, stamps| certificate::lay_out(input, teacher, measure, stamps),
    )
}

/// Makes the 课时津贴表 of a term (or all terms) (see [`allowance`]), as the bytes of a PDF; the
/// same refusals as [`packet`].
pub fn allowance_sheet(input: &AllowanceInput) -> Result<Vec<u8>, ReportError> {
    signed_by_academic_office(
        &attach::Info {
            title: allowance::TITLE,
            subject: &format!("{} {}", input.term.unwrap_or("全部学期"), allowance::TITLE),
            author: &input.document.school.name,
            date: input.date,
            attachments: Vec::new(),
            batch: None,
        },
        input.signature,
        &|measure, stamps| allowance::lay_out(input, measure, stamps),
    )
}

/// Makes the receiving office's 推荐汇总表 (see [`rollup`]), as the bytes of a PDF, to be
/// printed, signed and sealed.
pub fn rollup_summary(input: &RollupInput) -> Result<Vec<u8>, ReportError> {
    rollup_pdf(input, Vec::new())
}

/// A forwarded school packet: the name the 转报材料 lists it by, and its bytes as received.
pub type ForwardedPacket<'a> = (String, &'a [u8]);

/// Makes a 盟市's 转报材料 before it is signed: the 推荐汇总表 carrying `json` (what
/// `exchange::forward` reads back) and every forwarded school packet as attachments.
pub fn rollup_forward(
    input: &RollupInput,
    json: &str,
    packets: &[ForwardedPacket<'_>],
) -> Result<Vec<u8>, ReportError> {
    let mut attachments = vec![attach::Attachment {
        name: FORWARD_ATTACHMENT_NAME.into(),
        ascii_name: "yitihua-forward.json".into(),
        description: "转报数据：转报单位、各份申报材料的学校、批次、SHA-256 和转报单位的意见"
            .into(),
        mime: "application/json",
        bytes: std::borrow::Cow::Borrowed(json.as_bytes()),
        data: true,
    }];
    for (n, (name, bytes)) in packets.iter().enumerate() {
        attachments.push(attach::Attachment {
            name: name.clone(),
            ascii_name: format!("packet-{:03}.pdf", n + 1),
            description: "学校申报材料原件（带学校电子签名）".into(),
            mime: "application/pdf",
            bytes: std::borrow::Cow::Borrowed(bytes),
            data: false,
        });
    }
    rollup_pdf(input, attachments)
}

fn rollup_pdf(
    input: &RollupInput,
    attachments: Vec<attach::Attachment<'_>>,
) -> Result<Vec<u8>, ReportError> {
    signed_by_academic_office(
        &attach::Info {
            title: rollup::TITLE,
            subject: &format!("{} {}", input.office.name, rollup::TITLE),
            author: &input.office.name,
            date: input.date,
            attachments,
            batch: None,
        },
        // The office signs on paper below the table; no stored image is drawn.
        None,
        &|measure, _| rollup::lay_out(input, measure),
    )
}

/// A paper 教务处 signs alone (the 工作量证明, the 课时津贴表): laid out with the 教务处负责人's
/// stored signature image, drawn, and finished with `info` and its attachments.
fn signed_by_academic_office(
    info: &attach::Info<'_>,
    signature: Option<&[u8]>,
    pages: &dyn Fn(&Measure, &Stamps) -> Vec<Vec<layout::Item>>,
) -> Result<Vec<u8>, ReportError> {
    let images = decode_images(&Signatures {
        academic_head: signature.map(<[u8]>::to_vec),
        ..Signatures::default()
    })?;
    let stamps = stamps(&images);
    let laid = lay_out(&mut |measure, _| Ok(pages(measure, &stamps)), &mut |_| {})?;
    let pdf = draw(info.title, &laid, &images)?;
    attach::finish(&pdf, info)
}

/// The laid-out pages as a printpdf document, with the fonts they use (the bundled face and
/// any borrowed one, each subset) and the stored images; refuses a character no font has.
fn draw(title: &str, laid: &Laid, images: &[(Slot, RawImage)]) -> Result<PdfDocument, ReportError> {
    let missing = layout::missing(&laid.pages, &laid.measure);
    if !missing.is_empty() {
        return Err(ReportError::MissingGlyphs(missing.into_iter().collect()));
    }
    let mut pdf = PdfDocument::new(title);
    let mut fonts = Vec::new();
    let bundled = ParsedFont::from_bytes(crate::FONT_BYTES, 0, &mut Vec::new())
        .ok_or_else(|| ReportError::Pdf("内置字体无法解析".into()))?;
    fonts.push(add_font(&mut pdf, &bundled, 0));
    for (n, fallback) in laid.fallbacks.iter().enumerate() {
        let font =
            ParsedFont::from_bytes(&fallback.bytes, fallback.index as usize, &mut Vec::new())
                .ok_or_else(|| {
                    ReportError::Pdf(format!(
                        "字体文件 {} 无法解析，请重新安装该字体后再导出",
                        fallback.path.display()
                    ))
                })?;
        fonts.push(add_font(&mut pdf, &font, n + 1));
    }
    let placeables: Vec<Placeable> = images
        .iter()
        .enumerate()
        .map(|(n, (_, image))| Placeable {
            id: add_image(&mut pdf, image, n),
            width_px: image.width as f32,
            height_px: image.height as f32,
        })
        .collect();
    pdf.with_pages(layout::render(
        &laid.pages,
        &laid.measure,
        &fonts,
        &placeables,
    ));
    Ok(pdf)
}

// printpdf names each font and image it is given from a counter that runs on through the
// process, and the names are written into the PDF: a second packet made by the same window
// would differ from the first in every page. The two functions below rename them by their
// place in the packet, so the same input gives the same bytes.

/// Adds font number `n` (0 the bundled face, then the fallbacks) under the name `YTHAAA`,
/// `YTHAAB`, …: printpdf uses the first six letters of the name as the subset tag, which must
/// be six capital letters.
fn add_font(pdf: &mut PdfDocument, font: &ParsedFont, n: usize) -> FontId {
    let counted = pdf.add_font(font);
    let letter = |k: usize| char::from(b'A' + (n / 26usize.pow(k as u32) % 26) as u8);
    let id = FontId(format!("YTH{}{}{}", letter(2), letter(1), letter(0)));
    if let Some(added) = pdf.resources.fonts.map.remove(&counted) {
        pdf.resources.fonts.map.insert(id.clone(), added);
    }
    id
}

/// Adds image number `n` under the name `Im{n}`.
fn add_image(pdf: &mut PdfDocument, image: &RawImage, n: usize) -> XObjectId {
    let counted = pdf.add_image(image);
    let id = XObjectId(format!("Im{n}"));
    if let Some(added) = pdf.resources.xobjects.map.remove(&counted) {
        pdf.resources.xobjects.map.insert(id.clone(), added);
    }
    id
}

/// Characters of the text to print that no font has (neither the bundled one nor one installed
/// on the computer), each once in code-point order, so the window can say so before export
/// instead of failing at it. Empty when the batch has no declaration (there is nothing to
/// print).
pub fn missing_glyphs(input: &PacketInput) -> Vec<char> {
    let stamps = Stamps::default();
    match lay_out(
        &mut |measure, progress| packet::lay_out(input, measure, &stamps, progress),
        &mut |_| {},
    ) {
        Ok(laid) => layout::missing(&laid.pages, &laid.measure)
            .into_iter()
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The pages of a document laid out with a given measure (the bundled face, or it with borrowed
/// fonts), reporting progress.
type Pages<'a> =
    dyn FnMut(&Measure, &mut dyn FnMut(f32)) -> Result<Vec<Vec<layout::Item>>, ReportError> + 'a;

/// The document laid out, with the fonts its text is measured and drawn with.
struct Laid {
    measure: Measure,
    fallbacks: Vec<Fallback>,
    pages: Vec<Vec<layout::Item>>,
}

/// Lays a document out with the bundled face; when it lacks characters, looks for installed
/// fonts that have them and lays it out again, since a borrowed glyph's width moves the line
/// breaks. The usual document needs no font but the bundled one and is laid out once.
fn lay_out(pages_of: &mut Pages<'_>, progress: &mut dyn FnMut(f32)) -> Result<Laid, ReportError> {
    let measure = font_measure()?;
    let pages = pages_of(&measure, progress)?;
    let missing = layout::missing(&pages, &measure);
    let fallbacks = if missing.is_empty() {
        Vec::new()
    } else {
        fallback::find(&missing)
    };
    if fallbacks.is_empty() {
        return Ok(Laid {
            measure,
            fallbacks,
            pages,
        });
    }
    let measure = measure.with_fallbacks(&fallbacks);
    let pages = pages_of(&measure, &mut |_| {})?;
    Ok(Laid {
        measure,
        fallbacks,
        pages,
    })
}

fn font_measure() -> Result<Measure, ReportError> {
    Measure::new().map_err(|e| ReportError::Pdf(format!("内置字体无法读取：{e}")))
}

/// Which signature slot an image fills, in the order images are registered with the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Filler,
    AcademicHead,
    Principal,
    Seal,
}

fn decode_images(signatures: &Signatures) -> Result<Vec<(Slot, RawImage)>, ReportError> {
    let stored = [
        (Slot::Filler, "填表人签字", &signatures.filler),
        (
            Slot::AcademicHead,
            "教务处负责人签字",
            &signatures.academic_head,
        ),
        (Slot::Principal, "学校负责人签字", &signatures.principal),
        (Slot::Seal, "学校公章", &signatures.seal),
    ];
    let mut images = Vec::new();
    for (slot, which, bytes) in stored {
        let Some(bytes) = bytes else { continue };
        let image = RawImage::decode_from_bytes(bytes, &mut Vec::new())
            .map_err(|reason| ReportError::Image { which, reason })?;
        if image.width == 0 || image.height == 0 {
            return Err(ReportError::Image {
                which,
                reason: "图片没有内容".into(),
            });
        }
        images.push((slot, image));
    }
    Ok(images)
}

fn stamps(images: &[(Slot, RawImage)]) -> Stamps {
    let find = |slot| {
        images
            .iter()
            .position(|(s, _)| *s == slot)
            .map(|index| Stamp {
                index,
                aspect: images[index].1.width as f32 / images[index].1.height as f32,
            })
    };
    Stamps {
        filler: find(Slot::Filler),
        academic_head: find(Slot::AcademicHead),
        principal: find(Slot::Principal),
        seal: find(Slot::Seal),
    }
}
