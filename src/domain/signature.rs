//! 签字与盖章 on the printed packet: who signs, and the images an office may store for them
//! (a scanned signature, the school seal) so the packet prints them instead of blank lines.

use super::terms::chinese_enum;

chinese_enum! {
    /// Whose mark goes on the 承诺与签署 page.
    pub enum SignatureRole {
        Filler = "填表人",
        AcademicHead = "教务处负责人",
        Principal = "学校负责人",
        Seal = "学校公章",
    }
}

/// What an image must be to print well: a PNG, and for the seal, with transparency, so the
/// seal over the school's name does not hide it under a white box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PngInfo {
    pub width: u32,
    pub height: u32,
    /// An alpha channel or a transparency chunk.
    pub transparent: bool,
}

/// Larger images are refused rather than bloating the packet: a 300 dpi scan of a 4 cm seal is
/// about 470 pixels square, far under this.
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// Reads what [`PngInfo`] says from the PNG's signature, IHDR and chunk list; refuses anything
/// else, in the user's words.
pub fn png_info(bytes: &[u8]) -> Result<PngInfo, String> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) || bytes.len() < 33 || &bytes[12..16] != b"IHDR" {
        return Err("不是 PNG 图片：请用扫描软件或画图工具另存为 PNG".into());
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "图片过大（{:.1} MB），请缩小到 2 MB 以内",
            bytes.len() as f64 / 1_048_576.0
        ));
    }
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let (width, height, colour) = (be(16), be(20), bytes[25]);
    if width == 0 || height == 0 {
        return Err("图片的宽或高为0".into());
    }
    // Colour types 4 and 6 carry alpha; the others may have a tRNS chunk before the data.
    let mut transparent = colour == 4 || colour == 6;
    let mut at = 8;
    while !transparent && at + 8 <= bytes.len() {
        let length = be(at) as usize;
        match &bytes[at + 4..at + 8] {
            b"tRNS" => transparent = true,
            b"IDAT" | b"IEND" => break,
            _ => {}
        }
        at += 12 + length;
    }
    Ok(PngInfo {
        width,
        height,
        transparent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(colour: u8, extra_chunk: Option<&[u8; 4]>) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend(13u32.to_be_bytes());
        bytes.extend(b"IHDR");
        bytes.extend(120u32.to_be_bytes());
        bytes.extend(80u32.to_be_bytes());
        bytes.extend([8, colour, 0, 0, 0]);
        bytes.extend([0; 4]);
        if let Some(name) = extra_chunk {
            bytes.extend(0u32.to_be_bytes());
            bytes.extend(name);
            bytes.extend([0; 4]);
        }
        bytes.extend(0u32.to_be_bytes());
        bytes.extend(b"IEND");
        bytes.extend([0; 4]);
        bytes
    }

    #[test]
    fn pngs_are_recognised_with_their_transparency() {
        let rgba = png_info(&png(6, None)).unwrap();
        assert_eq!((rgba.width, rgba.height, rgba.transparent), (120, 80, true));
        assert!(!png_info(&png(2, None)).unwrap().transparent);
        assert!(png_info(&png(3, Some(b"tRNS"))).unwrap().transparent);
        assert!(
            png_info(b"GIF89a....")
                .unwrap_err()
                .starts_with("不是 PNG 图片")
        );
        assert_eq!(
            SignatureRole::from_name("学校公章"),
            Some(SignatureRole::Seal)
        );
    }
}
