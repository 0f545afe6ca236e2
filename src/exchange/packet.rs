//! What a PDF of ours carries besides its pages, read back from its bytes: a school packet's
//! interchange JSON and the batch it was printed for, or a 盟市's 转报材料 with its JSON and the
//! school packets inside it. The receiving office reads these instead of retyping the paper;
//! nothing here says whether the bytes can be trusted (`sign` does).

use lopdf::{Dictionary, Document, Object};

use crate::report::{ATTACHMENT_NAME, BATCH_KEY};

/// What a school packet carries besides its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub json: String,
    /// The batch the packet was printed for; packets from before the key was written have
    /// none.
    pub batch: Option<u32>,
}

/// A PDF's embedded files, found by the names readers list them under.
pub struct Embedded {
    doc: Document,
    /// (name, the file specification's object) in the order of the name tree.
    files: Vec<(String, Object)>,
}

impl Embedded {
    /// Parses the PDF and lists its attachments; a file that is not a PDF is refused with a
    /// sentence for the office.
    pub fn load(pdf: &[u8]) -> Result<Embedded, String> {
        let doc = Document::load_mem(pdf).map_err(|_| {
            "文件不是可读取的 PDF（可能已损坏或不完整），请让发送单位重新发送".to_string()
        })?;
        let files = doc
            .catalog()
            .ok()
            .and_then(|catalog| dict(&doc, catalog.get(b"Names").ok()))
            .and_then(|names| dict(&doc, names.get(b"EmbeddedFiles").ok()))
            .and_then(|files| resolve(&doc, files.get(b"Names").ok()))
            .and_then(|o| o.as_array().ok())
            .map(|list| {
                list.chunks_exact(2)
                    .filter_map(|pair| match &pair[0] {
                        Object::String(name, _) => Some((decode(name), pair[1].clone())),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(Embedded { doc, files })
    }

    /// The names of the attachments, in the order the PDF lists them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|(name, _)| name.as_str())
    }

    /// The attachment called `name`, uncompressed; `Ok(None)` when there is none.
    pub fn file(&self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some((_, spec)) = self.files.iter().find(|(n, _)| n == name) else {
            return Ok(None);
        };
        let damaged = || format!("附件“{name}”已损坏，无法读取，请让发送单位重新导出");
        let stream = dict(&self.doc, Some(spec))
            .and_then(|spec| dict(&self.doc, spec.get(b"EF").ok()))
            .and_then(|ef| resolve(&self.doc, ef.get(b"F").ok()))
            .and_then(|o| o.as_stream().ok())
            .ok_or_else(damaged)?;
        if stream.dict.has(b"Filter") {
            stream
                .decompressed_content()
                .map(Some)
                .map_err(|_| damaged())
        } else {
            Ok(Some(stream.content.clone()))
        }
    }

    /// The integer under `key` in the document information, if any.
    pub fn info_number(&self, key: &str) -> Option<i64> {
        dict(&self.doc, self.doc.trailer.get(b"Info").ok())
            .and_then(|info| info.get(key.as_bytes()).ok()?.as_i64().ok())
    }

    /// A school packet's JSON and batch. Every refusal is a sentence for the office that says
    /// what the file is not.
    pub fn packet(&self) -> Result<Attached, String> {
        let bytes = self.file(ATTACHMENT_NAME)?.ok_or_else(|| {
            "PDF 中没有申报数据附件：这不是本程序导出的申报材料，请让学校用“导出与签署”重新导出"
                .to_string()
        })?;
        let json = String::from_utf8(bytes)
            .map_err(|_| "申报数据附件不是 UTF-8 文本，请让学校重新导出".to_string())?;
        let batch = self
            .info_number(BATCH_KEY)
            .and_then(|b| u32::try_from(b).ok());
        Ok(Attached { json, batch })
    }
}

/// Reads a school packet's attachment and batch (see [`Embedded::packet`]).
pub fn read(pdf: &[u8]) -> Result<Attached, String> {
    Embedded::load(pdf)?.packet()
}

fn resolve<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    match object? {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn dict<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Dictionary> {
    resolve(doc, object)?.as_dict().ok()
}

/// A PDF text string: UTF-16BE after its byte-order mark, as ours write names, or else
/// PDFDocEncoding, which is ASCII for the names others would give.
fn decode(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => char::decode_utf16(
            utf16
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]])),
        )
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}
