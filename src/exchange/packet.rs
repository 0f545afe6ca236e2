//! A packet's data read back: the interchange JSON a packet carries as its attachment, and the
//! batch it was printed for, from the PDF's bytes. The receiving office reads these instead of
//! retyping the paper; nothing here says whether the bytes can be trusted (`sign` does).

use lopdf::{Dictionary, Document, Object};

use crate::report::{ATTACHMENT_NAME, BATCH_KEY};

/// What a packet carries besides its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub json: String,
    /// The batch the packet was printed for; packets from before the key was written have
    /// none.
    pub batch: Option<u32>,
}

/// Reads the attachment and the batch. Every refusal is a sentence for the office that says
/// what the file is not.
pub fn read(pdf: &[u8]) -> Result<Attached, String> {
    let doc = Document::load_mem(pdf)
        .map_err(|_| "文件不是可读取的 PDF（可能已损坏或不完整），请让学校重新发送".to_string())?;
    let not_ours = || {
        "PDF 中没有申报数据附件：这不是本程序导出的申报材料，请让学校用“导出与签署”重新导出"
            .to_string()
    };
    let catalog = doc.catalog().map_err(|_| not_ours())?;
    let names = dict(&doc, catalog.get(b"Names").ok()).ok_or_else(not_ours)?;
    let files = dict(&doc, names.get(b"EmbeddedFiles").ok()).ok_or_else(not_ours)?;
    let list = resolve(&doc, files.get(b"Names").ok())
        .and_then(|o| o.as_array().ok())
        .ok_or_else(not_ours)?;
    let wanted = text(ATTACHMENT_NAME);
    let spec = list
        .chunks_exact(2)
        .find(|pair| matches!(&pair[0], Object::String(name, _) if *name == wanted))
        .and_then(|pair| dict(&doc, Some(&pair[1])))
        .ok_or_else(not_ours)?;
    let stream = dict(&doc, spec.get(b"EF").ok())
        .and_then(|ef| resolve(&doc, ef.get(b"F").ok()))
        .and_then(|o| o.as_stream().ok())
        .ok_or_else(not_ours)?;
    let bytes = if stream.dict.has(b"Filter") {
        stream
            .decompressed_content()
            .map_err(|_| "申报数据附件已损坏，无法解压，请让学校重新导出".to_string())?
    } else {
        stream.content.clone()
    };
    let json = String::from_utf8(bytes)
        .map_err(|_| "申报数据附件不是 UTF-8 文本，请让学校重新导出".to_string())?;
    let batch = dict(&doc, doc.trailer.get(b"Info").ok())
        .and_then(|info| info.get(BATCH_KEY.as_bytes()).ok()?.as_i64().ok())
        .and_then(|b| u32::try_from(b).ok());
    Ok(Attached { json, batch })
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

/// A PDF text string as the packet writes names: UTF-16BE with its byte-order mark.
fn text(s: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}
