//! Reading files to import: each format and encoding, what is detected, and hostile files (empty,
//! binary, cut inside quotes, over the size limit, a million columns, formula cells, a zip bomb),
//! each refused with a clear message and no panic.

use std::io::{Cursor, Write};

use ai_adoption_explorer::import::{
    FileFormat, MAX_ENTRY_BYTES, ReadOptions, Table, read_bytes, read_file, read_file_with_limit,
};

fn read(name: &str, bytes: &[u8]) -> Result<Table, String> {
    read_bytes(name, name, bytes, false, &ReadOptions::default()).map_err(|e| e.to_string())
}

#[test]
fn csv_in_utf8_with_and_without_bom_quoted_newlines_and_row_numbers() {
    let text = "Model,Notes\nQwen2.5-7B,\"two\nlines\"\nLlama 3 8B,plain\n";
    for bytes in [
        text.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    ] {
        let t = read("a.csv", &bytes).unwrap();
        assert_eq!(t.headers, ["Model", "Notes"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells[1], "two\nlines");
        // The header is row 1; rows keep their spreadsheet numbers however many lines a cell spans.
        assert_eq!((t.rows[0].number, t.rows[1].number), (2, 3));
        assert_eq!(t.locator(3), "row 3");
        assert_eq!(t.detected.encoding, Some("UTF-8"));
        assert_eq!(t.detected.bom, bytes.starts_with(b"\xEF"));
        assert!(t.detected.header_row);
    }
}

#[test]
fn utf16_and_windows_1252_are_detected() {
    let text = "Organization,Country\nMistral AI,France\nCafé Lab,Côte d'Ivoire\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, enc) in [
        ([&[0xFF, 0xFE][..], &le].concat(), "UTF-16LE"),
        (le.clone(), "UTF-16LE"),
        ([&[0xFE, 0xFF][..], &be].concat(), "UTF-16BE"),
    ] {
        let t = read("o.csv", &bytes).unwrap();
        assert_eq!(t.detected.encoding, Some(enc));
        assert_eq!(t.rows[1].cells, ["Café Lab", "Côte d'Ivoire"]);
    }
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let t = read("o.csv", &cp1252).unwrap();
    assert_eq!(t.detected.encoding, Some("windows-1252"));
    assert_eq!(t.rows[1].cells[0], "Café Lab");
    // Named by the user.
    let forced = read_bytes(
        "o.csv",
        "o.csv",
        &cp1252,
        false,
        &ReadOptions {
            encoding: Some("latin1".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(forced.rows[1].cells[1], "Côte d'Ivoire");
    let bad = read_bytes(
        "o.csv",
        "o.csv",
        &cp1252,
        false,
        &ReadOptions {
            encoding: Some("klingon".into()),
            ..Default::default()
        },
    );
    assert!(
        bad.unwrap_err()
            .to_string()
            .contains("not an encoding name")
    );
}

#[test]
fn delimiters_are_detected_and_ragged_rows_reported_not_guessed() {
    for (d, text) in [
        (b'\t', "a\tb\tc\n1\t2\t3\n"),
        (b';', "a;b;c\n1,5;2;3\n"),
        (b'|', "a|b|c\n1|2|3\n"),
    ] {
        let t = read("x.txt", text.as_bytes()).unwrap();
        assert_eq!(t.detected.delimiter, Some(d), "{text}");
        assert_eq!(t.headers.len(), 3);
    }
    let t = read(
        "r.csv",
        b"Name,Country\nA,France\nB,Spain,extra\nC\nD,Italy\n",
    )
    .unwrap();
    assert_eq!(
        t.rows
            .iter()
            .map(|r| r.cells[0].as_str())
            .collect::<Vec<_>>(),
        ["A", "D"]
    );
    assert_eq!(t.issues.iter().map(|i| i.row).collect::<Vec<_>>(), [3, 4]);
    assert!(
        t.issues[0]
            .message
            .contains("has 3 cells where the header has 2")
    );
    assert!(t.detected.describe().contains("delimiter comma"));
}

#[test]
fn json_lists_nested_paths_and_objects_holding_a_list() {
    let t = read("m.json", br#"[{"id":"Qwen/Qwen2.5-7B","card":{"license":"apache-2.0"},"tags":["a","b"]},{"id":"x","downloads":5}]"#).unwrap();
    assert_eq!(t.detected.format, FileFormat::Json);
    // Columns in the file's order: the first object's keys as written, then keys first seen later.
    assert_eq!(t.headers, ["id", "card.license", "tags", "downloads"]);
    assert_eq!(
        t.rows[0].cells,
        ["Qwen/Qwen2.5-7B", "apache-2.0", "a,b", ""]
    );
    let later = read(
        "m.json",
        br#"[{"zeta":1,"alpha":2},{"mid":3,"alpha":4,"beta":5}]"#,
    )
    .unwrap();
    assert_eq!(later.headers, ["zeta", "alpha", "mid", "beta"]);
    assert_eq!(later.rows[1].cells, ["", "4", "3", "5"]);
    assert_eq!(t.locator(2), "item 2");
    let held = read("m.json", br#"{"meta":1,"models":[{"name":"a"}]}"#).unwrap();
    assert_eq!(held.detected.json_path.as_deref(), Some("models"));
    // Of two lists of objects the first in the file is read, whatever the keys' alphabetical order.
    let two = read("m.json", br#"{"zoo":[{"a":1}],"apes":[{"b":2}]}"#).unwrap();
    assert_eq!(two.detected.json_path.as_deref(), Some("zoo"));
    assert!(
        read("m.json", b"[1,2]")
            .unwrap_err()
            .contains("not an object")
    );
    assert!(
        read("m.json", b"{\"a\": [")
            .unwrap_err()
            .contains("is not valid JSON")
    );
}

// --- spreadsheets, written here with the zip crate ------------------------------------------

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn xlsx(sheet_xml: &str) -> Vec<u8> {
    let ct = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let wb = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Models" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let wb_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_xml}</sheetData></worksheet>"#
    );
    zip_of(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", wb_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

fn s(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn xlsx_sheets_are_read_and_formulas_give_their_cached_value() {
    let rows = format!(
        r#"<row r="1">{}{}</row><row r="2">{}<c r="B2"><f>NOW()+1</f><v>671</v></c></row><row r="3">{}<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>"#,
        s("A1", "Model"),
        s("B1", "Parameters"),
        s("A2", "DeepSeek-V3"),
        s("A3", "Broken")
    );
    let t = read("book.xlsx", &xlsx(&rows)).unwrap();
    assert_eq!(t.detected.format, FileFormat::Xlsx);
    assert_eq!(t.detected.sheet.as_deref(), Some("Models"));
    assert_eq!(t.headers, ["Model", "Parameters"]);
    // The cached value, never a new calculation; an error cell shows its error.
    assert_eq!(t.rows[0].cells, ["DeepSeek-V3", "671"]);
    assert_eq!(t.rows[1].cells[1], "#DIV/0!");
    let wrong = read_bytes(
        "book.xlsx",
        "book.xlsx",
        &xlsx(&rows),
        false,
        &ReadOptions {
            sheet: Some("Other".into()),
            ..Default::default()
        },
    );
    assert!(
        wrong
            .unwrap_err()
            .to_string()
            .contains("there is no sheet \"Other\"; the sheets are: Models")
    );
}

#[test]
fn a_cell_far_to_the_right_is_refused_without_laying_out_a_grid() {
    let rows = format!(
        r#"<row r="1">{}{}</row>"#,
        s("A1", "Model"),
        s("XFD1", "far")
    );
    let e = read("wide.xlsx", &xlsx(&rows)).unwrap_err();
    assert!(e.contains("beyond the 4096 columns"), "{e}");
}

#[test]
fn ods_is_read() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Orgs"><table:table-row><table:table-cell office:value-type="string"><text:p>Organization</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Country</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Mistral AI</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>France</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content.as_bytes()), ("META-INF/manifest.xml", br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)]);
    let t = read("orgs.ods", &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.detected.format, FileFormat::Ods);
    assert_eq!(t.headers, ["Organization", "Country"]);
    assert_eq!(t.rows[0].cells, ["Mistral AI", "France"]);
}

// --- hostile files -------------------------------------------------------------------------

#[test]
fn empty_binary_and_old_excel_files_are_refused_in_words() {
    assert!(
        read("e.csv", b"")
            .unwrap_err()
            .contains("the file is empty")
    );
    assert!(
        read("e.csv", b"  \n \n")
            .unwrap_err()
            .contains("only white space")
    );
    assert!(
        read("b.csv", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 7, 0])
            .unwrap_err()
            .contains("binary")
    );
    assert!(
        read("x.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1])
            .unwrap_err()
            .contains("old Excel")
    );
    assert!(
        read("z.xlsx", b"PK\x03\x04garbage")
            .unwrap_err()
            .contains("cannot be opened")
    );
}

#[test]
fn a_file_cut_inside_quotes_is_refused_with_its_row() {
    let e = read(
        "cut.csv",
        b"Model,Notes\nA,ok\nB,\"never closed\nstill going",
    )
    .unwrap_err();
    assert_eq!(
        e,
        "cut.csv:3: a quoted cell is never closed: the file ends inside quotes (it may have been cut short); fix or re-download it"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, "Model\nA\nB\nC\n").unwrap();
    let e = read_file_with_limit(&path, &ReadOptions::default(), 5)
        .unwrap_err()
        .to_string();
    assert!(e.contains("more than the 5 bytes"), "{e}");
    assert!(read_file(&path, &ReadOptions::default()).is_ok());
}

#[test]
fn a_million_columns_are_refused() {
    let header: Vec<String> = (0..1_000_000).map(|i| format!("c{i}")).collect();
    let text = format!("{}\n", header.join(","));
    let e = read("wide.csv", text.as_bytes()).unwrap_err();
    assert!(e.contains("1000000 cells, more than the 4096"), "{e}");
}

#[test]
fn a_zip_bomb_disguised_as_xlsx_is_refused_before_it_is_unpacked() {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..=(MAX_ENTRY_BYTES >> 20) {
        w.write_all(&chunk).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 << 20, "the bomb is small: {}", bytes.len());
    let e = read("report.xlsx", &bytes).unwrap_err();
    assert!(e.contains("looks like a zip bomb"), "{e}");
}

#[test]
fn a_preview_reads_only_the_rows_it_shows() {
    let mut text = String::from("Model,Parameters\n");
    for i in 0..10_000 {
        text.push_str(&format!("m{i},{i}\n"));
    }
    let t = read_bytes(
        "p.csv",
        "p.csv",
        text.as_bytes(),
        false,
        &ReadOptions {
            max_rows: Some(20),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(t.rows.len(), 20);
    assert!(t.truncated);
    // A preview of a cut file drops the incomplete last row instead of calling it broken.
    let cut = read_bytes(
        "p.csv",
        "p.csv",
        b"Model,Notes\nA,\"one\nB,",
        true,
        &ReadOptions {
            max_rows: Some(20),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(cut.rows.len(), 0);
    assert!(cut.truncated);
}

#[test]
fn a_json_preview_parses_only_its_first_items_of_a_cut_text() {
    let items: Vec<String> = (0..200)
        .map(|i| format!(r#"{{"id":"lab/model-{i}","downloads":{i}}}"#))
        .collect();
    let whole = format!("[{}]", items.join(","));
    let preview = ReadOptions {
        max_rows: Some(50),
        ..Default::default()
    };
    // The text cut inside item 120: the first 50 are read, the rest is not looked at.
    let cut_at = whole.find("model-120").unwrap();
    let t = read_bytes(
        "m.json",
        "m.json",
        &whole.as_bytes()[..cut_at],
        true,
        &preview,
    )
    .unwrap();
    assert_eq!(t.rows.len(), 50);
    assert!(t.truncated);
    assert_eq!(t.headers, ["id", "downloads"]);
    assert_eq!(t.rows[49].cells, ["lab/model-49", "49"]);
    // A whole short list: every item, not truncated; the same as reading it all.
    let short = format!("[{}]", items[..3].join(","));
    let t = read_bytes("m.json", "m.json", short.as_bytes(), false, &preview).unwrap();
    assert_eq!((t.rows.len(), t.truncated), (3, false));
    assert_eq!(t.rows, read("m.json", short.as_bytes()).unwrap().rows);
    // An object holding the list, after other keys, cut inside the list.
    let held = format!(
        r#"{{"meta":{{"n":[1,2]}},"note":null,"ok":true,"models":{}"#,
        &whole[..cut_at]
    );
    let t = read_bytes("m.json", "m.json", held.as_bytes(), true, &preview).unwrap();
    assert_eq!(t.detected.json_path.as_deref(), Some("models"));
    assert_eq!((t.rows.len(), t.truncated), (50, true));
    // Items so large that the preview's text holds fewer than it shows: those it holds.
    let big: Vec<String> = (0..5)
        .map(|i| format!(r#"{{"id":"m{i}","card":"{}"}}"#, "x".repeat(100)))
        .collect();
    let big = format!("{{\"models\":[{}]}}", big.join(","));
    let cut_at = big.find("m3").unwrap();
    let t = read_bytes(
        "m.json",
        "m.json",
        &big.as_bytes()[..cut_at],
        true,
        &preview,
    )
    .unwrap();
    assert_eq!((t.rows.len(), t.truncated), (3, true));
    // Broken JSON before the items end is still reported; a single value says so.
    let broken = r#"[{"id":"a"},{"id" "b"}]"#;
    let e = read_bytes("m.json", "m.json", broken.as_bytes(), true, &preview).unwrap_err();
    assert!(e.to_string().contains("is not valid JSON"), "{e}");
    let e = read_bytes("m.json", "m.json", b"42", false, &preview).unwrap_err();
    assert!(e.to_string().contains("single value"), "{e}");
    let e = read_bytes("m.json", "m.json", br#"{"a":1}"#, false, &preview).unwrap_err();
    assert!(e.to_string().contains("no list of objects"), "{e}");
}
