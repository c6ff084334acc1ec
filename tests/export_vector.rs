//! SVG and PDF export without a GPU (issue #12 items 3 and 5): every built-in plot to both, the
//! SVG parsed back (title and source line as text, `textLength` on every text, no two text
//! boxes overlapping), the PDF read by poppler (`pdftotext` finds the title and the source
//! line, `pdffonts` lists every font embedded), metadata in all three formats, alt texts, and
//! the command line's formats, presets, `--all` and exit codes.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::export::pdf::scene_to_pdf;
use ai_adoption_explorer::export::svg::scene_to_svg;
use ai_adoption_explorer::export::{
    FigureMetadata, FigureOptions, derive_all, encode_png_with, vector_scene,
};
use ai_adoption_explorer::figure::PlotView;
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::Dataset;
use ai_adoption_explorer::plots::{DeriveOptions, PlotKind, SHORT_ALT_MAX, alt_text};

fn exe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
}

fn builtin() -> Arc<Dataset> {
    Arc::new(
        load_bytes("built-in", BUILTIN_RON.as_bytes())
            .unwrap()
            .dataset,
    )
}

fn options() -> FigureOptions {
    let mut o = FigureOptions::from_points(900.0, 600.0, 1.0, egui::Theme::Light);
    o.plot_height = Some(420.0);
    o
}

/// A text element read back from an SVG: its text and box.
#[derive(Debug)]
struct SvgText {
    text: String,
    rect: egui::Rect,
    rotated: bool,
}

fn svg_texts(doc: &roxmltree::Document<'_>) -> Vec<SvgText> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let x: f32 = n
                .attribute("x")
                .and_then(|x| x.split(' ').next())
                .unwrap()
                .parse()
                .unwrap();
            let y: f32 = n.attribute("y").unwrap().parse().unwrap();
            let size: f32 = n.attribute("font-size").unwrap().parse().unwrap();
            let length: f32 = n
                .attribute("textLength")
                .expect("every text has its textLength")
                .parse()
                .unwrap();
            SvgText {
                text: n.text().unwrap_or_default().to_owned(),
                // From the cap height to the baseline, inset: the ink of the glyphs.
                rect: egui::Rect::from_min_max(
                    egui::pos2(x + 0.5, y - 0.7 * size),
                    egui::pos2(x + length - 0.5, y),
                ),
                rotated: n.attribute("transform").is_some(),
            }
        })
        .collect()
}

#[test]
fn every_plot_exports_to_svg_with_real_text_and_metadata() {
    let ds = builtin();
    for kind in PlotKind::ALL {
        let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
        let scene = vector_scene(&ds, &data, &PlotView::default(), None, &options()).unwrap();
        let meta = FigureMetadata::of(&ds, &scene.data);
        let svg = scene_to_svg(&scene, &meta).unwrap();
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{}: the SVG parses: {e}", kind.name()));
        let root = doc.root_element();
        assert_eq!(root.attribute("width"), Some("900"), "{}", kind.name());
        let title = root
            .children()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text())
            .unwrap();
        assert_eq!(title, data.title);
        let desc = root
            .children()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap();
        assert!(desc.starts_with(&meta.alt.short), "{desc}");
        let sources = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "source")
            .count();
        assert_eq!(sources, data.footer.full_sources.len(), "{}", kind.name());
        let texts = svg_texts(&doc);
        let all: String = texts
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            all.contains(&data.title),
            "{}: the title is text",
            kind.name()
        );
        assert!(
            texts.iter().any(|t| t.text.starts_with("Source: ")),
            "{}: the source line is text",
            kind.name()
        );
        // No two text boxes overlap (rotated axis titles aside).
        let flat: Vec<&SvgText> = texts.iter().filter(|t| !t.rotated).collect();
        for (i, a) in flat.iter().enumerate() {
            for b in &flat[i + 1..] {
                assert!(
                    !a.rect.intersects(b.rect),
                    "{}: \"{}\" {:?} overlaps \"{}\" {:?}",
                    kind.name(),
                    a.text,
                    a.rect,
                    b.text,
                    b.rect
                );
            }
        }
        // Nothing outside the page.
        let page = egui::Rect::from_min_size(egui::Pos2::ZERO, scene.size_points);
        for t in &flat {
            assert!(
                page.expand(0.5).contains_rect(t.rect),
                "{}: {t:?}",
                kind.name()
            );
        }
    }
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

#[test]
fn every_plot_exports_to_pdf_with_embedded_fonts_and_findable_text() {
    if !have("pdftotext") || !have("pdffonts") {
        eprintln!(
            "skipped: pdftotext/pdffonts missing (Debian: poppler-utils; .ci/run installs it)"
        );
        return;
    }
    let ds = builtin();
    let dir = tempfile::tempdir().unwrap();
    for kind in PlotKind::ALL {
        let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
        let scene = vector_scene(&ds, &data, &PlotView::default(), None, &options()).unwrap();
        let meta = FigureMetadata::of(&ds, &scene.data);
        let pdf = scene_to_pdf(&scene, &meta).unwrap();
        let path = dir.path().join(format!("{}.pdf", kind.name()));
        std::fs::write(&path, pdf).unwrap();
        let text = Command::new("pdftotext")
            .args(["-f", "1", "-l", "1"])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains(&data.title), "{}: {text}", kind.name());
        assert!(text.contains("Source: "), "{}: {text}", kind.name());
        // Page 2 on: the complete list.
        let rest = Command::new("pdftotext")
            .args(["-f", "2"])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let rest = String::from_utf8_lossy(&rest.stdout);
        assert!(rest.starts_with("Sources"), "{}: {rest}", kind.name());
        let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            // name type... encoding emb sub uni object-id generation
            assert_eq!(
                &cols[n - 5..n - 2],
                ["yes", "yes", "yes"],
                "{}: {row}",
                kind.name()
            );
        }
        let info = Command::new("pdfinfo").arg(&path).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(
            info.contains(&format!("Title:           {}", data.title)),
            "{info}"
        );
        assert!(
            info.contains(&meta.alt.short),
            "subject is the alt text: {info}"
        );
        assert!(info.contains("AI Adoption Explorer"), "{info}");
    }
    // Chinese text is drawn from the bundled CJK subset, embedded (subset) too.
    let data = Arc::new(derive_all(
        PlotKind::WhoUsesWhat,
        &ds,
        &DeriveOptions::default(),
    ));
    let mut opts = options();
    opts.parts.title = Some("阿里巴巴 and 深度求索".to_owned());
    let scene = vector_scene(&ds, &data, &PlotView::default(), None, &opts).unwrap();
    let pdf = scene_to_pdf(&scene, &FigureMetadata::of(&ds, &scene.data)).unwrap();
    let path = dir.path().join("cjk.pdf");
    std::fs::write(&path, pdf).unwrap();
    let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout).into_owned();
    let cjk = fonts
        .lines()
        .find(|l| l.contains("Noto"))
        .unwrap_or_else(|| panic!("the CJK font is listed: {fonts}"));
    assert!(cjk.contains("yes yes yes"), "{cjk}");
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("阿里巴巴 and 深度求索"));
}

#[test]
fn png_text_chunks_carry_the_metadata() {
    let ds = builtin();
    let data = derive_all(PlotKind::Outcomes, &ds, &DeriveOptions::default());
    let meta = FigureMetadata::of(&ds, &data);
    let image = egui::ColorImage::filled([4, 3], egui::Color32::WHITE);
    let bytes = encode_png_with(&image, Some(&meta)).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    let text = |key: &str| {
        info.utf8_text
            .iter()
            .find(|c| c.keyword == key)
            .map(|c| c.get_text().unwrap())
            .unwrap_or_else(|| panic!("no {key} chunk"))
    };
    assert_eq!(text("Title"), data.title);
    assert_eq!(text("Alt Text"), meta.alt.short);
    assert_eq!(text("Description"), meta.alt.long);
    assert_eq!(
        text("Source").lines().count(),
        data.footer.full_sources.len()
    );
    assert!(text("Dataset").contains(&ds.meta.title));
    assert!(text("Software").starts_with("AI Adoption Explorer "));
}

#[test]
fn every_plot_has_a_short_and_a_long_alt_text() {
    let ds = builtin();
    for kind in PlotKind::ALL {
        let data = derive_all(kind, &ds, &DeriveOptions::default());
        let alt = alt_text(&data);
        assert!(alt.short.chars().count() <= SHORT_ALT_MAX, "{}", alt.short);
        assert!(alt.short.contains(&data.title) || alt.short.contains('…'));
        assert!(alt.long.len() > alt.short.len(), "{}", alt.long);
        assert!(alt.long.contains(&format!("{} marks", data.mark_count())));
    }
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = exe().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn starts_with(path: &Path, magic: &[u8]) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(magic))
}

#[test]
fn the_command_line_writes_svg_and_pdf_by_extension_preset_and_all() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("size.svg");
    let (code, out, err) = run(&[
        "export",
        "--plot",
        "model-size",
        "--preset",
        "square",
        "--plain",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1080x1080 points, SVG"), "{out}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(!text.contains(">Source: "), "plain: no footer");

    let pdf = dir.path().join("figure.pdf");
    let (code, _, err) = run(&[
        "export",
        "--plot",
        "outcomes",
        "--preset",
        "article",
        "--title",
        "My own title",
        "--byline",
        "A. Reporter",
        "--transparent",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(starts_with(&pdf, b"%PDF-"));

    let svg = dir.path().join("titled.svg");
    let (code, _, err) = run(&[
        "export",
        "--plot",
        "outcomes",
        "--title",
        "My own title",
        "--note",
        "A note of mine",
        "--byline",
        "A. Reporter",
        "--transparent",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<title id=\"figure-title\">My own title</title>"));
    assert!(text.contains(">My own title</text>"));
    assert!(text.contains(">A note of mine</text>"));
    assert!(text.contains(">Chart: A. Reporter</text>"));
    assert!(
        !text.contains("<rect width=\"100%\""),
        "transparent: no background"
    );

    let all = dir.path().join("all");
    let (code, out, err) = run(&[
        "export",
        "--all",
        "--out-dir",
        all.to_str().unwrap(),
        "--format",
        "svg",
        "--alt-text",
    ]);
    assert_eq!(code, Some(0), "{err}");
    for kind in PlotKind::ALL {
        let file = all.join(format!("{}.svg", kind.name()));
        assert!(starts_with(&file, b"<?xml"), "{}", file.display());
        assert!(
            out.contains(&format!("{}: alt text (short): ", kind.name())),
            "{out}"
        );
        assert!(
            out.contains(&format!("{}: alt text (long): ", kind.name())),
            "{out}"
        );
    }

    // Alt texts alone: nothing written.
    let (code, out, _) = run(&["export", "--plot", "downloads", "--alt-text"]);
    assert_eq!(code, Some(0));
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn export_exit_codes_follow_the_convention() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let (code, _, err) = run(&["export", "--plot", "outcomes", "--out", &p("x.gif")]);
    assert_eq!(code, Some(2), "an unknown file type is a bad argument");
    assert!(err.contains(".png, .svg or .pdf"), "{err}");
    let (code, _, err) = run(&["export", "--plot", "outcomes", "--out", &p("no/dir/x.svg")]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("could not write"), "{err}");
    // A dataset with invalid records is plotted anyway: written, problems reported, exit 1.
    let bad = BUILTIN_RON.replacen("developer: \"", "developer: \"no-such-org-", 1);
    let file = dir.path().join("bad.ron");
    std::fs::write(&file, bad).unwrap();
    let (code, _, err) = run(&[
        "export",
        "--plot",
        "outcomes",
        "--out",
        &p("bad.svg"),
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("problem(s) in the data"), "{err}");
    assert!(dir.path().join("bad.svg").exists());
}
