//! The submission packet, read back from its bytes with lopdf as a receiving office's software
//! would: pages, the text of every section, the names exactly, the subset font, the running
//! header and footer, the images, and the attached JSON.

use chrono::NaiveDate;
use lopdf::{Dictionary, Document as Pdf, Object};
use yitihua::domain::Finding;
use yitihua::domain::check;
use yitihua::exchange::Document;
use yitihua::exchange::demo::{Size, document};
use yitihua::report::{PacketInput, ReportError, Signatures, TITLE, missing_glyphs, packet};

fn findings(doc: &Document, batch: u32) -> Vec<Finding> {
    check::check(&doc.check_inputs().context(), batch)
}

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn make(doc: &Document, signatures: &Signatures) -> Result<Vec<u8>, ReportError> {
    let findings = findings(doc, 1);
    let input = PacketInput {
        document: doc,
        batch: 1,
        findings: &findings,
        date: date(),
        filler: "张玥",
        signatures,
    };
    packet(&input, &mut |_| {})
}

/// The text of each page, decoded through the fonts' ToUnicode maps.
fn pages(pdf: &Pdf) -> Vec<String> {
    let count = pdf.get_pages().len() as u32;
    (1..=count)
        .map(|n| pdf.extract_text(&[n]).expect("the page text decodes"))
        .collect()
}

/// The text without the breaks that wrapping inside cells puts in.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

fn small() -> (Document, Pdf, Vec<String>) {
    let doc = document(Size::Small);
    let bytes = make(&doc, &Signatures::default()).expect("the packet is made");
    let pdf = Pdf::load_mem(&bytes).expect("lopdf reads the packet");
    let text = pages(&pdf);
    (doc, pdf, text)
}

fn deref<'a>(pdf: &'a Pdf, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => pdf.get_object(*id).expect("the reference resolves"),
        other => other,
    }
}

fn dict<'a>(pdf: &'a Pdf, object: &'a Object) -> &'a Dictionary {
    match deref(pdf, object) {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (ASCII here).
fn text_string(object: &Object) -> String {
    let Object::String(bytes, _) = object else {
        panic!("not a string: {object:?}");
    };
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        )
        .expect("valid UTF-16"),
        None => String::from_utf8(bytes.clone()).expect("ASCII"),
    }
}

#[test]
fn the_small_packet_prints_every_section_and_every_name_exactly() {
    let (doc, _, text) = small();
    assert!(
        (8..=40).contains(&text.len()),
        "{} pages for two specialties and 12 teachers",
        text.len()
    );
    let all = text.concat();
    for heading in [
        "内蒙古自治区技工院校",
        "工学一体化建设专业申报材料",
        "目　　录",
        "一、学校基本情况",
        "二、建设专业申报表",
        "（一）汽车维修",
        "（二）畜牧兽医",
        "培养层次与学制",
        "教学场地",
        "合作企业",
        "教学资源包准备情况",
        "审核提醒及说明",
        "三、一体化教师名册及课时量汇总",
        "四、教学资源包清单",
        "五、承诺与签署",
        "本校郑重承诺",
        "盟市人社部门意见",
        "2026年11月29日",
    ] {
        assert!(all.contains(heading), "missing {heading}");
    }
    // Cover: title, school, batch, seal line and date on the first page.
    for on_cover in [
        "申报学校",
        &doc.school.name,
        "第一批（2022-04 至 2023-07）",
        "学校（盖章）",
        "2026年11月29日",
    ] {
        assert!(text[0].contains(on_cover), "cover lacks {on_cover}");
    }
    for teacher in &doc.teachers {
        assert!(
            all.contains(&teacher.name),
            "teacher {} missing",
            teacher.name
        );
        assert!(all.contains(&teacher.id), "id {} missing", teacher.id);
    }
    // Longer texts wrap inside their cells; each line is a text run of its own.
    let joined = squeeze(&all);
    for site in doc.declarations[0]
        .specialties
        .iter()
        .flat_map(|s| &s.sites)
    {
        assert!(joined.contains(&site.name));
    }
    for partner in doc.declarations[0]
        .specialties
        .iter()
        .flat_map(|s| &s.partners)
    {
        assert!(joined.contains(&partner.name) && all.contains(&partner.credit_code));
    }
    for item in &doc.resources {
        assert!(
            joined.contains(&item.title),
            "resource {} missing",
            item.title
        );
    }
    // The explanations the office wrote for the warnings are printed.
    for explanation in doc.declarations[0].explanations.values() {
        assert!(joined.contains(explanation.as_str()), "{explanation}");
    }
    // Rare characters of the demo's names (王堃, 李喆, 张玥, 刘龑) come back as themselves.
    for rare in ["王堃", "李喆", "张玥", "刘龑"] {
        assert!(all.contains(rare), "{rare}");
    }
    // The contents give the page each section starts on.
    let roster_page = text
        .iter()
        .position(|p| p.contains("三、一体化教师名册及课时量汇总") && !p.contains("目　　录"))
        .expect("the roster section exists")
        + 1;
    assert!(
        squeeze(&text[roster_page - 1])
            .contains(&squeeze(yitihua::domain::workload::COUNTING_RULE)),
        "the roster says how plan and lessons are counted"
    );
    assert!(
        text[1].contains(&format!("三、一体化教师名册及课时量汇总{roster_page}")),
        "{}",
        text[1]
    );
}

#[test]
fn every_page_has_the_running_header_and_its_number_of_all() {
    let (doc, _, text) = small();
    let total = text.len();
    for (i, page) in text.iter().enumerate() {
        assert!(
            page.contains(&format!("第 {} 页 共 {total} 页", i + 1)),
            "page {}: {page}",
            i + 1
        );
        assert!(page.contains(&doc.school.name));
        assert!(page.contains("第一批（2022-04 至 2023-07）建设专业申报材料"));
    }
}

#[test]
fn the_font_is_embedded_as_a_subset() {
    let (_, pdf, _) = small();
    let mut fonts = 0;
    for object in pdf.objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        fonts += 1;
        let base =
            String::from_utf8(font.get(b"BaseFont").unwrap().as_name().unwrap().to_vec()).unwrap();
        let (tag, name) = base.split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()),
            "{base}"
        );
        assert_eq!(name, "NotoSansCJKsc-Regular");
        assert!(font.has(b"ToUnicode"), "text must copy back as text");
        let descendant = match font.get(b"DescendantFonts").unwrap() {
            Object::Array(a) => dict(&pdf, &a[0]),
            other => dict(&pdf, other),
        };
        let descriptor = dict(&pdf, descendant.get(b"FontDescriptor").unwrap());
        let program = descriptor
            .get(b"FontFile3")
            .or_else(|_| descriptor.get(b"FontFile2"))
            .expect("the font program is embedded");
        let Object::Stream(stream) = deref(&pdf, program) else {
            panic!("the font program is a stream");
        };
        let size = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone())
            .len();
        assert!(size > 10_000, "{size} bytes cannot hold the glyphs used");
        assert!(
            size < 1_000_000,
            "{size} bytes: not a subset of the 13 MB face"
        );
    }
    assert_eq!(fonts, 1, "one face, headings made bold by stroking");
}

#[test]
fn the_packet_carries_the_school_as_dump_writes_it() {
    let (doc, pdf, _) = small();
    let catalog = pdf.catalog().unwrap();
    let names = dict(&pdf, catalog.get(b"Names").unwrap());
    let files = dict(&pdf, names.get(b"EmbeddedFiles").unwrap());
    let Object::Array(entries) = deref(&pdf, files.get(b"Names").unwrap()) else {
        panic!("a name tree leaf");
    };
    assert_eq!(entries.len(), 2, "one attachment");
    assert_eq!(text_string(&entries[0]), "yitihua-数据.json");
    let spec = dict(&pdf, &entries[1]);
    assert_eq!(text_string(spec.get(b"UF").unwrap()), "yitihua-数据.json");
    assert_eq!(
        spec.get(b"AFRelationship").unwrap().as_name().unwrap(),
        b"Data"
    );
    let Object::Array(af) = deref(&pdf, catalog.get(b"AF").unwrap()) else {
        panic!("/AF lists the associated file");
    };
    assert_eq!(af, &[entries[1].clone()]);
    let ef = dict(&pdf, spec.get(b"EF").unwrap());
    let Object::Stream(file) = deref(&pdf, ef.get(b"F").unwrap()) else {
        panic!("the embedded file is a stream");
    };
    assert_eq!(
        file.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"application/json"
    );
    assert!(file.dict.has(b"Filter"), "the JSON is compressed");
    let json = String::from_utf8(file.decompressed_content().unwrap()).unwrap();
    assert_eq!(json, doc.to_json());
    let params = dict(&pdf, file.dict.get(b"Params").unwrap());
    assert_eq!(
        params.get(b"Size").unwrap().as_i64().unwrap(),
        json.len() as i64
    );
    assert_eq!(Document::parse(&json).unwrap(), doc);
}

#[test]
fn the_document_information_names_the_title_and_the_school() {
    let (doc, pdf, _) = small();
    let info = dict(&pdf, pdf.trailer.get(b"Info").unwrap());
    let get = |key: &[u8]| text_string(info.get(key).unwrap());
    assert_eq!(get(b"Title"), TITLE);
    assert_eq!(get(b"Author"), doc.school.name);
    assert_eq!(
        get(b"Producer"),
        format!("工学一体化申报助手 {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(get(b"Creator"), get(b"Producer"));
    let created = get(b"CreationDate");
    assert!(
        created.starts_with("D:20") && created.len() == 23,
        "{created}"
    );
}

/// An unsigned packet is a function of its input: exported twice it is the same file, and its
/// dates are the day the office chose (the start of it, Beijing time), not when it was made.
#[test]
fn the_same_input_makes_the_same_unsigned_packet() {
    let doc = document(Size::Small);
    // A stored seal too: images are named in the PDF as fonts are.
    let seal = png(8, 8, |x, _| [200, 20, 20, if x < 4 { 255 } else { 0 }]);
    let signatures = Signatures {
        seal: Some(seal),
        ..Signatures::default()
    };
    let first = make(&doc, &signatures).expect("the packet is made");
    // Past a second boundary, so a clock read while building would show in the bytes.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = make(&doc, &signatures).expect("the packet is made");
    assert!(first == second, "two exports of one input differ");
    let pdf = Pdf::load_mem(&first).expect("lopdf reads the packet");
    let info = dict(&pdf, pdf.trailer.get(b"Info").unwrap());
    for key in [&b"CreationDate"[..], b"ModDate"] {
        assert_eq!(
            text_string(info.get(key).unwrap()),
            "D:20261129000000+08'00'"
        );
    }
}

#[test]
fn a_roster_across_pages_repeats_its_header_and_keeps_each_teacher_whole() {
    let doc = document(Size::Large);
    let bytes = make(&doc, &Signatures::default()).unwrap();
    assert!(
        bytes.len() <= 3 * 1024 * 1024 / 2,
        "{} bytes, more than 1.5 MiB",
        bytes.len()
    );
    let pdf = Pdf::load_mem(&bytes).unwrap();
    let text = pages(&pdf);
    let start = text
        .iter()
        .position(|p| p.contains("三、一体化教师名册及课时量汇总") && !p.contains("目　　录"))
        .unwrap();
    let end = text
        .iter()
        .position(|p| p.contains("四、教学资源包清单") && !p.contains("目　　录"))
        .unwrap();
    assert!(end - start > 20, "600 teachers take many pages");
    let mut next = 0;
    for page in &text[start..end] {
        let page = squeeze(page);
        // The notes under the table (raises, credited development) may run onto pages of
        // their own, which have no table to head.
        if !page.contains("序号") && page.contains("课程开发认定：") {
            continue;
        }
        for header in [
            "序号",
            "工号",
            "姓名",
            "一体化等级",
            "任职形式",
            "师资培训",
            "折算课时",
        ] {
            assert!(page.contains(header), "a roster page without {header}");
        }
        // Teachers follow in roster order and each has its id, name and both terms on one page.
        while let Some(t) = doc.teachers.get(next) {
            let Some(at) = page.find(&t.id) else { break };
            let rest = &page[at..];
            assert!(
                rest.contains(&t.name),
                "{} without the name on its page",
                t.id
            );
            assert!(
                rest.contains("2024-2025-1") && rest.contains("2024-2025-2"),
                "{} split from its terms",
                t.id
            );
            next += 1;
        }
    }
    assert_eq!(next, doc.teachers.len(), "every teacher once, in order");
    assert!(
        text[start..end]
            .iter()
            .any(|p| squeeze(p).contains("全校合计")),
        "the school's totals close the table"
    );
    // Names with rare characters print as themselves here too.
    let all = text.concat();
    for rare in ["王堃", "李喆", "刘龑", "额尔敦毕力格"] {
        assert!(all.contains(rare), "{rare}");
    }
}

#[test]
fn a_character_no_font_has_is_reported_before_export() {
    let mut doc = document(Size::Small);
    // U+2FFF0 is unassigned, so neither the bundled face nor any installed font has it.
    doc.teachers[1].name = "王\u{2FFF0}".into();
    doc.teachers[2].name = "刘䶮".into();
    let findings = findings(&doc, 1);
    let signatures = Signatures::default();
    let input = PacketInput {
        document: &doc,
        batch: 1,
        findings: &findings,
        date: date(),
        filler: "",
        signatures: &signatures,
    };
    assert_eq!(missing_glyphs(&input), ['\u{2FFF0}']);
    let err = packet(&input, &mut |_| {}).unwrap_err();
    assert_eq!(err, ReportError::MissingGlyphs(vec!['\u{2FFF0}']));
    assert!(err.to_string().contains("U+2FFF0"), "{err}");
    assert!(err.to_string().contains("请安装"), "{err}");
    // Without it the packet is made, and the rare character of CJK Extension A reads back.
    let mut doc = doc.clone();
    doc.teachers[1].name = "王玥".into();
    let input = PacketInput {
        document: &doc,
        findings: &findings,
        date: date(),
        filler: "",
        batch: 1,
        signatures: &signatures,
    };
    assert!(missing_glyphs(&input).is_empty());
    let pdf = Pdf::load_mem(&packet(&input, &mut |_| {}).unwrap()).unwrap();
    assert!(pages(&pdf).concat().contains("刘䶮"));
}

/// The embedded fonts: base name (subset tag removed) and the size of the font program.
fn embedded_fonts(pdf: &Pdf) -> Vec<(String, usize)> {
    let mut fonts = Vec::new();
    for object in pdf.objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        let base =
            String::from_utf8(font.get(b"BaseFont").unwrap().as_name().unwrap().to_vec()).unwrap();
        let (_, name) = base.split_once('+').expect("a subset tag");
        let descendant = match font.get(b"DescendantFonts").unwrap() {
            Object::Array(a) => dict(pdf, &a[0]),
            other => dict(pdf, other),
        };
        let descriptor = dict(pdf, descendant.get(b"FontDescriptor").unwrap());
        let program = descriptor
            .get(b"FontFile3")
            .or_else(|_| descriptor.get(b"FontFile2"))
            .expect("the font program is embedded");
        let Object::Stream(stream) = deref(pdf, program) else {
            panic!("the font program is a stream");
        };
        let size = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone())
            .len();
        fonts.push((name.to_string(), size));
    }
    fonts.sort();
    fonts
}

#[test]
fn a_character_beyond_the_bundled_font_is_drawn_from_an_installed_font() {
    let hanazono = std::path::Path::new("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf");
    assert!(
        hanazono.exists(),
        "this test needs fonts-hanazono (apt-get install fonts-hanazono)"
    );
    let mut doc = document(Size::Small);
    // 𠮷 (U+20BB7, CJK Extension B) is not in Noto Sans CJK SC.
    doc.teachers[1].name = "𠮷田".into();
    let findings = findings(&doc, 1);
    let signatures = Signatures::default();
    let input = PacketInput {
        document: &doc,
        batch: 1,
        findings: &findings,
        date: date(),
        filler: "𠮷田",
        signatures: &signatures,
    };
    assert!(missing_glyphs(&input).is_empty());
    let bytes = packet(&input, &mut |_| {}).expect("the packet is made with a borrowed glyph");
    let pdf = Pdf::load_mem(&bytes).unwrap();
    // lopdf puts a space between text shown in separate runs; poppler does not.
    let text = squeeze(&pages(&pdf).concat());
    assert!(
        text.contains("𠮷田"),
        "the borrowed glyph copies back as 𠮷"
    );
    let fonts = embedded_fonts(&pdf);
    assert_eq!(fonts.len(), 2, "{fonts:?}");
    let (name, size) = &fonts[0];
    assert_eq!(name, "HanaMinB");
    let file = std::fs::metadata(hanazono).unwrap().len() as usize;
    assert!(
        *size < file / 100,
        "{size} bytes of a {file}-byte font: not a subset"
    );
    assert_eq!(fonts[1].0, "NotoSansCJKsc-Regular");
}

#[test]
fn a_batch_without_declaration_is_refused() {
    let doc = document(Size::Small);
    let signatures = Signatures::default();
    let input = PacketInput {
        document: &doc,
        batch: 2,
        findings: &[],
        date: date(),
        filler: "",
        signatures: &signatures,
    };
    let err = packet(&input, &mut |_| {}).unwrap_err();
    assert_eq!(err, ReportError::NoDeclaration(2));
    assert!(err.to_string().contains("第2批"));
    assert!(missing_glyphs(&input).is_empty());
}

#[test]
fn progress_rises_from_zero_to_one_in_a_few_steps() {
    let doc = document(Size::Small);
    let findings = findings(&doc, 1);
    let signatures = Signatures::default();
    let input = PacketInput {
        document: &doc,
        batch: 1,
        findings: &findings,
        date: date(),
        filler: "张玥",
        signatures: &signatures,
    };
    let mut seen = Vec::new();
    packet(&input, &mut |p| seen.push(p)).unwrap();
    assert_eq!(seen.first(), Some(&0.0));
    assert_eq!(seen.last(), Some(&1.0));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.len() <= 40);
}

/// A PNG of `width` × `height` RGBA pixels, written by hand (stored deflate blocks) so the test
/// needs no image library.
fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in data {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let sum = crc(&out[start..]);
        out.extend(sum.to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            raw.extend(pixel(x, y));
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend(len.to_le_bytes());
        z.extend((!len).to_le_bytes());
        z.extend(*block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

#[test]
fn stored_signatures_and_the_seal_print_as_transparent_images() {
    let doc = document(Size::Small);
    // A blue stroke on transparency, and a red ring, as scanned and cleaned up.
    let signature = png(120, 40, |x, y| {
        if (y as i32 - 20 - (x as i32 - 60) / 6).abs() < 2 {
            [20, 40, 160, 255]
        } else {
            [0, 0, 0, 0]
        }
    });
    let seal = png(64, 64, |x, y| {
        let d = ((x as f32 - 31.5).powi(2) + (y as f32 - 31.5).powi(2)).sqrt();
        if (26.0..31.0).contains(&d) {
            [200, 20, 20, 230]
        } else {
            [0, 0, 0, 0]
        }
    });
    let signatures = Signatures {
        filler: Some(signature.clone()),
        academic_head: Some(signature.clone()),
        principal: None,
        seal: Some(seal),
    };
    let bytes = make(&doc, &signatures).unwrap();
    let pdf = Pdf::load_mem(&bytes).unwrap();
    let images: Vec<&lopdf::Stream> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice())
                && s.dict.has(b"SMask")
        })
        .collect();
    assert_eq!(
        images.len(),
        3,
        "two signatures and the seal, each with its alpha mask"
    );
    // Placed: the seal on the cover and the signing page, the two signatures once each.
    let placed: usize = (1..=pdf.get_pages().len() as u32)
        .map(|n| {
            let id = pdf.get_pages()[&n];
            let content = pdf.get_page_content(id);
            lopdf::content::Content::decode(&content)
                .unwrap()
                .operations
                .iter()
                .filter(|op| op.operator == "Do")
                .count()
        })
        .sum();
    assert_eq!(placed, 4);
    // The principal signs by hand; the text is unchanged by the images.
    let text = pages(&pdf).concat();
    assert!(text.contains("学校负责人") && text.contains("孟和"));

    let broken = Signatures {
        principal: Some(b"not a png".to_vec()),
        ..Signatures::default()
    };
    match make(&doc, &broken) {
        Err(ReportError::Image { which, .. }) => assert_eq!(which, "学校负责人签字"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_specialty_form_prints_the_schools_data_or_a_blank_never_a_note_to_ourselves() {
    let (doc, _, text) = small();
    assert!(
        doc.catalogue
            .iter()
            .any(|c| c.code.is_none() && !c.verified),
        "the demo's bundled catalogue has unknown codes"
    );
    let all = squeeze(&text.concat());
    for note in [
        "（未确认）",
        "待核对",
        "目录中无此专业",
        "专业目录核对",
        "未定级",
    ] {
        assert!(!all.contains(note), "{note} printed");
    }
    assert!(
        all.contains("专业代码"),
        "the field is there, blank to fill in"
    );
    assert!(
        doc.teachers
            .iter()
            .any(|t| t.level == yitihua::domain::TeacherLevel::Unrated),
        "the demo has unrated teachers, printed as the window says: 无"
    );
}

#[test]
fn the_roster_prints_a_teacher_only_in_the_terms_they_taught() {
    let mut doc = document(Size::Small);
    let first = doc.teachers[0].id.clone();
    let kept = doc
        .hours
        .iter()
        .find(|e| e.teacher == first && e.term.ends_with("学年第一学期"))
        .cloned()
        .expect("the first teacher taught in a first term");
    doc.hours = vec![kept.clone()];
    let other_terms: Vec<String> = doc
        .terms
        .iter()
        .filter(|t| t.name != kept.term)
        .map(|t| {
            t.name
                .replace("学年第二学期", "-2")
                .replace("学年第一学期", "-1")
        })
        .collect();
    assert!(!other_terms.is_empty(), "the demo has a second term");
    assert!(doc.teachers.len() > 5);

    let bytes = make(&doc, &Signatures::default()).unwrap();
    let text = pages(&Pdf::load_mem(&bytes).unwrap()).concat();
    for label in other_terms {
        // Once in the school's total; no teacher has a row of noughts for it.
        let printed = text.matches(&label).count();
        assert!(printed <= 2, "{label} printed {printed} times");
    }
}

#[test]
fn the_packet_counts_trained_teachers_by_level_and_lists_their_achievements() {
    use yitihua::domain::{Achievement, AchievementKind};
    let mut doc = document(Size::Small);
    doc.teachers[1].achievements.push(Achievement {
        kind: AchievementKind::CurriculumStandard,
        title: "汽车维修专业工学一体化课程标准".into(),
        role: "参与".into(),
        date: NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
        evidence: None,
    });
    let bytes = make(&doc, &Signatures::default()).unwrap();
    let text: String = pages(&Pdf::load_mem(&bytes).unwrap())
        .iter()
        .map(|p| squeeze(p))
        .collect();
    assert!(
        text.contains("名册共12人；取得一体化师资培训证书2人；一级2人、二级4人、三级2人、无4人；"),
        "{text}"
    );
    let teacher = &doc.teachers[1];
    assert!(text.contains("教师成果认定"), "{text}");
    assert!(
        text.contains(&format!(
            "1{}{}国家一体化课程标准汽车维修专业工学一体化课程标准参与2023-06-01",
            teacher.id, teacher.name
        )),
        "{text}"
    );
}

/// The receiving office reads the data and the batch back from the packet's bytes: the JSON
/// is the document's, and the batch is the one printed, though the data declares two.
#[test]
fn the_packet_names_its_batch_and_its_data_reads_back() {
    let doc = document(Size::Large);
    let findings = findings(&doc, 2);
    let signatures = Signatures::default();
    let pdf = packet(
        &PacketInput {
            document: &doc,
            batch: 2,
            findings: &findings,
            date: date(),
            filler: "李喆",
            signatures: &signatures,
        },
        &mut |_| {},
    )
    .unwrap();
    let attached = yitihua::exchange::packet::read(&pdf).unwrap();
    assert_eq!(attached.batch, Some(2));
    assert_eq!(attached.json, doc.to_json());
    let declared: std::collections::BTreeSet<u32> =
        doc.declarations.iter().map(|d| d.batch).collect();
    assert_eq!(declared.len(), 2);
}
