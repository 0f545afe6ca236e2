//! The bundled font covers what schools type and print: every CJK Unified Ideograph
//! (U+4E00–U+9FFF), printable ASCII and the full-width punctuation of Chinese text.

use ttf_parser::Face;

fn face() -> Face<'static> {
    Face::parse(yitihua::FONT_BYTES, 0).expect("the bundled font parses")
}

fn missing(face: &Face<'_>, chars: impl Iterator<Item = char>) -> Vec<char> {
    chars.filter(|&c| face.glyph_index(c).is_none()).collect()
}

#[test]
fn is_the_simplified_chinese_face_the_app_asks_for() {
    let face = face();
    let family = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
        .and_then(|n| n.to_string())
        .expect("family name");
    assert_eq!(family, yitihua::FONT_FAMILY);
}

#[test]
fn covers_every_cjk_unified_ideograph() {
    let face = face();
    let gaps = missing(&face, '\u{4E00}'..='\u{9FFF}');
    assert!(
        gaps.is_empty(),
        "missing {} ideographs, e.g. {:?}",
        gaps.len(),
        &gaps[..gaps.len().min(10)]
    );
}

#[test]
fn covers_ascii_and_full_width_punctuation() {
    let face = face();
    assert_eq!(missing(&face, ' '..='~'), Vec::<char>::new());
    let punctuation = "，。、；：？！“”‘’（）【】《》〈〉「」『』—…·～￥％＋－＝／＼＃＆＊＠〔〕";
    assert_eq!(missing(&face, punctuation.chars()), Vec::<char>::new());
    assert_eq!(missing(&face, '\u{FF01}'..='\u{FF5E}'), Vec::<char>::new());
}

#[test]
fn covers_the_rare_characters_of_real_names() {
    let face = face();
    assert_eq!(missing(&face, "堃喆玥龑䶮㛃".chars()), Vec::<char>::new());
}
