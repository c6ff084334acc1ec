//! The layout rules of docs/figure-style.md, checked on every plot's own shapes (egui's layout in
//! a headless context, no GPU): at each size preset (article 640 wide, slide 1920x1080, square
//! 1080x1080), light and dark, 1x and 2x, on the built-in dataset and on a generated one with
//! many series and long names: no two texts overlap, nothing lies outside the image, no text of
//! the legend, header or footer lies over the plot area, no two groups share a colour (and at
//! most eight colours), every text is at least 10 px at 1x with 4.5:1 contrast against what it
//! is drawn on, every mark 3:1 against the plot's background.

use std::sync::Arc;

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::export::derive_all;
use ai_adoption_explorer::figure::colors::{
    MARK_CONTRAST, TEXT_CONTRAST, contrast, group_colors, over,
};
use ai_adoption_explorer::figure::scene::{SceneOptions, figure_scene};
use ai_adoption_explorer::figure::{PlotView, plot_frame};
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::Dataset;
use ai_adoption_explorer::plots::{DeriveOptions, PlotData, PlotKind};
use egui::{Color32, Rect, Shape, epaint::ClippedShape};

/// A size preset: name, page in points, the plot's height when the page grows to fit.
const PRESETS: [(&str, [f32; 2], Option<f32>); 3] = [
    ("article", [640.0, 400.0], Some(360.0)),
    ("slide", [1920.0, 1080.0], None),
    ("square", [1080.0, 1080.0], None),
];

fn builtin() -> Arc<Dataset> {
    Arc::new(
        load_bytes("built-in", BUILTIN_RON.as_bytes())
            .expect("the built-in dataset loads")
            .dataset,
    )
}

/// A generated dataset with many organizations, families and countries, every name long.
fn many_long_names() -> Arc<Dataset> {
    let mut ds = ai_adoption_explorer::model::synth::synthetic(400, 12);
    for (i, o) in ds.organizations.iter_mut().enumerate() {
        o.name = format!("{} International Holdings of Very Long Names {i}", o.name);
    }
    for f in &mut ds.families {
        f.name = format!("{} with an Exceptionally Long Family Name", f.name);
    }
    for m in &mut ds.models {
        m.name = format!("{}-Instruct-Preview-Extended-Context", m.name);
    }
    Arc::new(ds)
}

/// `s` padded with " Xyz" words (and cut) to exactly 40 characters.
fn forty(s: String) -> String {
    let mut s = s;
    while s.chars().count() < 40 {
        s.push_str(" Extra");
    }
    s.chars().take(40).collect()
}

/// A generated dataset wider than any built-in figure: 30 countries, 30 families and 120
/// models, all named with 40 characters; 15 organizations adopting 20 of the families (8 each,
/// every status, some cells holding two adoptions); 25 outcome claims with every qualifier and
/// ranges; 30 download series.
fn thirty_of_everything() -> Arc<Dataset> {
    use ai_adoption_explorer::model::*;
    let mut ds = ai_adoption_explorer::model::synth::synthetic(400, 7);
    let words = [
        "Northern", "Eastern", "Southern", "Western", "Central", "Upper", "Lower", "Greater",
        "Coastal", "Highland",
    ];
    let country = |i: usize| {
        forty(format!(
            "{} Republic of Long Country Names {i}",
            words[i % 10]
        ))
    };
    for (i, o) in ds.organizations.iter_mut().enumerate() {
        o.country = country(i % 30);
        o.name = forty(format!("{} Organization Holdings {i}", words[i % 10]));
    }
    let src = ds.sources[0].id.clone();
    ds.families = (0..30)
        .map(|i| ModelFamily {
            id: FamilyId(format!("f{i}")),
            name: forty(format!("{} Exceptionally Long Family {i}", words[i % 10])),
            developer: OrgId(format!("o{}", i * 4)),
            notes: String::new(),
            sources: vec![src.clone().into()],
        })
        .collect();
    for (i, m) in ds.models.iter_mut().enumerate() {
        m.family = Some(FamilyId(format!("f{}", i % 30)));
        m.developer = OrgId(format!("o{}", (i % 30) * 4));
        m.name = forty(format!("{}-Instruct-Preview-{i}", words[i % 10]));
    }
    let statuses = [
        Some(AdoptionStatus::Production),
        Some(AdoptionStatus::Experimenting),
        Some(AdoptionStatus::Evaluating),
        Some(AdoptionStatus::Stopped),
        None,
    ];
    let mut adoptions = Vec::new();
    for j in 0..15usize {
        for k in 0..8usize {
            let f = (j + k * 7) % 20;
            let n = adoptions.len();
            let target = if k % 3 == 0 {
                // A model of the family (models m_f, m_(f+30)...).
                AdoptionTarget::Model(ModelId(format!("m{f}")))
            } else {
                AdoptionTarget::Family(FamilyId(format!("f{f}")))
            };
            let status = statuses[(j + k) % statuses.len()];
            let adoption = Adoption {
                id: AdoptionId(format!("a{n}")),
                organization: OrgId(format!("o{}", 60 + j)),
                target: Some(target),
                use_cases: vec![
                    "customer service chat assistant for retail banking".into(),
                    "document search".into(),
                ],
                status: status
                    .map(|s| StatusEntry {
                        status: s,
                        date: Some(PartialDate::month(2025, 1 + (n % 12) as u8)),
                        date_means: StatusDate::AsOf,
                        notes: String::new(),
                        sources: Vec::new(),
                    })
                    .into_iter()
                    .collect(),
                notes: String::new(),
                sources: vec![src.clone().into()],
            };
            if k == 1 {
                // Two adoptions in one cell.
                let mut twin = adoption.clone();
                twin.id = AdoptionId(format!("a{n}b"));
                adoptions.push(twin);
            }
            adoptions.push(adoption);
        }
    }
    ds.adoptions = adoptions;
    let qualifiers = Qualifier::ALL;
    let metrics = [
        Metric::AccuracyGain,
        Metric::CostReduction,
        Metric::SpeedGain,
    ];
    ds.claims = (0..25usize)
        .map(|i| Claim {
            id: ClaimId(format!("c{i}")),
            subject: Subject::Organization(OrgId(format!("o{}", 60 + i % 15))),
            metric: metrics[i % 3].clone(),
            value: if i % 7 == 6 {
                ClaimValue::Range(10.0 + i as f64, 40.0 + i as f64)
            } else {
                ClaimValue::Number(((i * 37) % 95 + 5) as f64)
            },
            unit: Unit::Percent,
            qualifier: qualifiers[i % qualifiers.len()],
            baseline: forty(format!("the previous proprietary system {i}")),
            scope: String::new(),
            when: Some(When::On(PartialDate::month(2025, 1 + (i % 12) as u8))),
            said_by: None,
            source: Some(src.clone().into()),
            quote: format!("a made-up quote number {i}"),
            paraphrase: String::new(),
            notes: String::new(),
        })
        .collect();
    ds.series = (0..30usize)
        .map(|i| Series {
            id: SeriesId(format!("s{i}")),
            name: forty(format!("{} downloads series {i}", words[i % 10])),
            subject: Subject::Family(FamilyId(format!("f{i}"))),
            metric: Metric::MonthlyDownloads,
            unit: Unit::Count,
            points: (0..24u32)
                .map(|k| SeriesPoint {
                    date: PartialDate::month(2024 + (k / 12) as i32, 1 + (k % 12) as u8),
                    value: 1e4 * (1.0 + i as f64) * (1.0 + f64::from(k)),
                })
                .collect(),
            notes: String::new(),
            sources: vec![src.clone().into()],
        })
        .collect();
    Arc::new(ds)
}

/// A text row drawn: its text, box in points, font size, colour and the clip it is drawn in.
struct TextBox {
    text: String,
    rect: Rect,
    size: f32,
    colors: Vec<Color32>,
    clip: Rect,
    /// What it is drawn on (the last filled shape under its centre, else the page).
    under: Color32,
}

/// A filled area drawn before a text or mark, for what lies under it.
struct Fill {
    rect: Rect,
    color: Color32,
}

fn flatten<'a>(shape: &'a Shape, clip: Rect, out: &mut Vec<(&'a Shape, Rect)>) {
    match shape {
        Shape::Vec(v) => v.iter().for_each(|s| flatten(s, clip, out)),
        s => out.push((s, clip)),
    }
}

fn rotated_bounds(r: Rect, origin: egui::Pos2, angle: f32) -> Rect {
    if angle == 0.0 {
        return r;
    }
    let rot = egui::emath::Rot2::from_angle(angle);
    Rect::from_points(&[
        origin + rot * (r.left_top() - origin),
        origin + rot * (r.right_top() - origin),
        origin + rot * (r.left_bottom() - origin),
        origin + rot * (r.right_bottom() - origin),
    ])
}

/// What a scene draws, as the rules read it.
struct Drawn {
    texts: Vec<TextBox>,
    /// Marks inside the plot area (circles and paths), with their visible colours.
    marks: Vec<(Rect, Vec<Color32>)>,
    /// Filled areas inside the plot area.
    fills: Vec<(Rect, Color32)>,
    /// Every shape's visible box (its box within its clip).
    boxes: Vec<Rect>,
    /// Rings inside the plot area (unfilled circles of 8 points and more: selection and
    /// conflict rings), as boxes.
    rings: Vec<Rect>,
}

fn read(shapes: &[ClippedShape], page: Color32, frame: Rect, plot_bg: Color32) -> Drawn {
    let mut flat = Vec::new();
    for c in shapes {
        flatten(&c.shape, c.clip_rect, &mut flat);
    }
    let mut fills: Vec<Fill> = Vec::new();
    let mut drawn = Drawn {
        texts: Vec::new(),
        marks: Vec::new(),
        fills: Vec::new(),
        boxes: Vec::new(),
        rings: Vec::new(),
    };
    let under = |fills: &[Fill], at: egui::Pos2| {
        fills
            .iter()
            .rev()
            .find(|f| f.rect.contains(at))
            .map_or(page, |f| f.color)
    };
    for (shape, clip) in flat {
        let bounds = shape.visual_bounding_rect();
        if bounds.is_positive() {
            drawn.boxes.push(bounds.intersect(clip));
        }
        match shape {
            Shape::Text(t) => {
                let sections = &t.galley.job.sections;
                let colors: Vec<Color32> = sections
                    .iter()
                    .filter(|s| !s.byte_range.is_empty())
                    .map(|s| {
                        t.override_text_color
                            .unwrap_or(if s.format.color == Color32::PLACEHOLDER {
                                t.fallback_color
                            } else {
                                s.format.color
                            })
                    })
                    .collect();
                let size = sections
                    .iter()
                    .filter(|s| !s.byte_range.is_empty())
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min);
                for row in &t.galley.rows {
                    let text: String = row.row.glyphs.iter().map(|g| g.chr).collect();
                    if text.trim().is_empty() {
                        continue;
                    }
                    let rect = rotated_bounds(
                        row.rect_without_leading_space().translate(t.pos.to_vec2()),
                        t.pos,
                        t.angle,
                    );
                    let bg = under(&fills, rect.center());
                    drawn.texts.push(TextBox {
                        text,
                        rect,
                        size,
                        colors: colors.clone(),
                        clip,
                        under: bg,
                    });
                }
            }
            Shape::Rect(r) if r.fill.a() > 0 => {
                let color = over(r.fill, under(&fills, r.rect.center()));
                fills.push(Fill {
                    rect: r.rect.intersect(clip),
                    color,
                });
            }
            Shape::Path(p) if p.closed && p.fill.a() > 0 => {
                let color = over(p.fill, under(&fills, bounds.center()));
                fills.push(Fill {
                    rect: bounds.intersect(clip),
                    color,
                });
                // A fill reads by itself or by its outline, which egui_plot draws as a line
                // of its own (an open-ended bar: its sides and base).
                if frame.contains_rect(clip) {
                    drawn.fills.push((bounds, color));
                }
            }
            Shape::Circle(c) if frame.contains_rect(clip) => {
                let mut colors = Vec::new();
                if c.fill.a() > 0 {
                    colors.push(over(c.fill, plot_bg));
                }
                if c.stroke.width > 0.0 && c.stroke.color.a() > 0 {
                    colors.push(over(c.stroke.color, plot_bg));
                }
                if c.fill.a() == 0 && c.radius >= 7.5 {
                    drawn.rings.push(bounds.intersect(clip));
                }
                drawn.marks.push((bounds, colors));
            }
            Shape::Path(p) if frame.contains_rect(clip) && p.stroke.width >= 1.0 => {
                if let epaint::ColorMode::Solid(c) = p.stroke.color {
                    drawn.marks.push((bounds, vec![over(c, plot_bg)]));
                }
            }
            _ => {}
        }
    }
    drawn
}

use egui::epaint;

/// The rules on one scene; returns what breaks them, in words.
fn problems(data: &PlotData, drawn: &Drawn, page: Rect, frame: Rect, dark: bool) -> Vec<String> {
    let mut out = Vec::new();
    let page = page.expand(0.5);
    for b in &drawn.boxes {
        if !page.contains_rect(*b) {
            out.push(format!("a shape outside the image: {b:?}"));
            break;
        }
    }
    for (i, a) in drawn.texts.iter().enumerate() {
        if !page.contains_rect(a.rect) {
            out.push(format!(
                "text outside the image: {:?} at {:?}",
                a.text, a.rect
            ));
        }
        if !a.clip.expand(0.5).contains_rect(a.rect) {
            out.push(format!(
                "text cut by its clip: {:?} at {:?}",
                a.text, a.rect
            ));
        }
        // The legend, titles, notes and axes stay out of the plot area (the plot's own value
        // labels are drawn inside it, clipped to it).
        let in_plot = frame.expand(0.5).contains_rect(a.clip);
        if !in_plot && a.rect.shrink(0.5).intersects(frame) {
            out.push(format!("text over the plot area: {:?}", a.text));
        }
        if a.size < 10.0 {
            out.push(format!("text under 10 px at 1x: {:?} ({})", a.text, a.size));
        }
        for c in &a.colors {
            let ratio = contrast(over(*c, a.under), a.under);
            if ratio < TEXT_CONTRAST {
                out.push(format!(
                    "text contrast {ratio:.2}: {:?} ({c:?} on {:?})",
                    a.text, a.under
                ));
            }
        }
        if let Some(r) = drawn
            .rings
            .iter()
            .find(|r| r.shrink(1.0).intersects(a.rect))
        {
            out.push(format!(
                "text under a ring: {:?} at {:?} (ring {r:?})",
                a.text, a.rect
            ));
        }
        for b in &drawn.texts[i + 1..] {
            let both = a.rect.intersect(b.rect);
            if both.is_positive() && both.width() > 0.5 && both.height() > 0.5 {
                out.push(format!("texts overlap: {:?} and {:?}", a.text, b.text));
            }
        }
    }
    let plot_bg = ai_adoption_explorer::figure::colors::plot_background(dark);
    for (r, colors) in &drawn.marks {
        let best = colors
            .iter()
            .map(|c| contrast(*c, plot_bg))
            .fold(0.0, f32::max);
        if best < MARK_CONTRAST {
            out.push(format!("mark contrast {best:.2} at {r:?} ({colors:?})"));
            break;
        }
    }
    // A fill reads by itself, or is outlined by a line drawn around it (an open-ended bar's
    // sides and base).
    for (r, fill) in &drawn.fills {
        // (Same sides; egui_plot clips a line to the plot area but not a fill.)
        let outlined = drawn.marks.iter().any(|(line, colors)| {
            (line.left() - r.left()).abs() <= 2.0
                && (line.right() - r.right()).abs() <= 2.0
                && line.intersect(*r).height() >= 0.5 * r.intersect(frame).height()
                && colors
                    .iter()
                    .any(|c| contrast(*c, plot_bg) >= MARK_CONTRAST)
        });
        if !outlined && contrast(*fill, plot_bg) < MARK_CONTRAST {
            out.push(format!(
                "a fill without a readable outline at {r:?} ({fill:?})"
            ));
            break;
        }
    }
    let colors = group_colors(data, dark);
    let mut seen: Vec<Color32> = colors.values().copied().collect();
    seen.sort_by_key(|c| c.to_array());
    seen.dedup();
    if seen.len() != colors.len() {
        out.push(format!("two groups share a colour: {colors:?}"));
    }
    if colors.len() > 8 {
        out.push(format!("{} colours", colors.len()));
    }
    out
}

/// Fails with every problem found, one a line (repeats said once).
fn assert_no_problems(mut failures: Vec<String>) {
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_figure_keeps_the_layout_rules_at_every_preset_theme_and_scale() {
    let mut failures: Vec<String> = Vec::new();
    for (ds_name, ds) in [
        ("built-in", builtin()),
        ("generated", many_long_names()),
        ("thirty of everything", thirty_of_everything()),
    ] {
        for kind in PlotKind::ALL {
            let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
            for (preset, size, plot_height) in PRESETS {
                for theme in [egui::Theme::Light, egui::Theme::Dark] {
                    for scale in [1.0, 2.0] {
                        let options = SceneOptions {
                            size_points: egui::vec2(size[0], size[1]),
                            pixels_per_point: scale,
                            theme,
                            plot_height,
                            max_side_px: 32_768,
                            parts: Default::default(),
                        };
                        // At 2x, the record of a mark in the middle is selected (ringed).
                        let selected = (scale == 2.0)
                            .then(|| data.marks.get(data.marks.len() / 2))
                            .flatten()
                            .and_then(|m| m.record.clone());
                        let mut scene = figure_scene(
                            &ds,
                            &data,
                            &PlotView::default(),
                            selected.as_ref(),
                            &options,
                        )
                        .expect("the figure lays out");
                        scene.forget_textures();
                        let dark = theme == egui::Theme::Dark;
                        let frame = plot_frame(&scene.ctx, kind).expect("the plot was drawn");
                        let page = Rect::from_min_size(egui::Pos2::ZERO, scene.size_points);
                        let plot_bg = ai_adoption_explorer::figure::colors::plot_background(dark);
                        let drawn = read(scene.shapes(), scene.background, frame, plot_bg);
                        assert!(!drawn.texts.is_empty());
                        for p in problems(&data, &drawn, page, frame, dark) {
                            failures.push(format!(
                                "{ds_name} {} {preset} {theme:?} {scale}x: {p}",
                                kind.name()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert_no_problems(failures);
}

/// Custom pages smaller than the presets: each figure either keeps every rule there or is
/// refused as too small (never drawn with panels or a plot squeezed past its page).
#[test]
fn small_custom_pages_keep_the_rules_or_are_refused() {
    use ai_adoption_explorer::figure::scene::SceneError;
    let ds = builtin();
    let mut failures: Vec<String> = Vec::new();
    let mut refused = 0;
    for kind in PlotKind::ALL {
        let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
        for size in [
            [600.0, 400.0],
            [600.0, 700.0],
            [480.0, 360.0],
            [300.0, 200.0],
        ] {
            let options = SceneOptions {
                size_points: egui::vec2(size[0], size[1]),
                pixels_per_point: 1.0,
                theme: egui::Theme::Light,
                plot_height: None,
                max_side_px: 32_768,
                parts: Default::default(),
            };
            let mut scene = match figure_scene(&ds, &data, &PlotView::default(), None, &options) {
                Ok(scene) => scene,
                Err(SceneError::TooSmall { .. }) => {
                    refused += 1;
                    continue;
                }
                Err(e) => panic!("{} at {size:?}: {e:?}", kind.name()),
            };
            scene.forget_textures();
            let frame = plot_frame(&scene.ctx, kind).expect("the plot was drawn");
            let page = Rect::from_min_size(egui::Pos2::ZERO, scene.size_points);
            let plot_bg = ai_adoption_explorer::figure::colors::plot_background(false);
            let drawn = read(scene.shapes(), scene.background, frame, plot_bg);
            for p in problems(&data, &drawn, page, frame, false) {
                failures.push(format!("{} {size:?}: {p}", kind.name()));
            }
        }
    }
    assert_no_problems(failures);
    // 300x200 is too small for every complete figure; 600x700 for none.
    assert!(refused >= PlotKind::ALL.len(), "{refused} refused");
}

/// The horizontal stroked segments `shape` draws (as point pairs), for the open-top check.
fn horizontal_strokes(shape: &Shape, out: &mut Vec<(egui::Pos2, egui::Pos2)>) {
    let mut push = |pts: &[egui::Pos2], closed: bool| {
        let n = pts.len();
        let pairs = if closed { n } else { n.saturating_sub(1) };
        for k in 0..pairs {
            let (a, b) = (pts[k], pts[(k + 1) % n]);
            if (a.y - b.y).abs() < 0.5 && (a.x - b.x).abs() > 1.0 {
                out.push((a, b));
            }
        }
    };
    match shape {
        Shape::Vec(v) => v.iter().for_each(|s| horizontal_strokes(s, out)),
        Shape::LineSegment { points, stroke } if stroke.width > 0.0 => push(points, false),
        Shape::Path(p) if p.stroke.width > 0.0 => push(&p.points, p.closed),
        Shape::Rect(r) if r.stroke.width > 0.0 => push(
            &[
                r.rect.left_top(),
                r.rect.right_top(),
                r.rect.right_bottom(),
                r.rect.left_bottom(),
            ],
            true,
        ),
        _ => {}
    }
}

#[test]
fn up_to_bars_are_open_at_the_top_in_light_and_dark() {
    use ai_adoption_explorer::plots::MarkKind;
    // The built-in outcomes have an "up to" bar in a recorded conflict; the generated data
    // "up to", "at least" and "more than" bars.
    for ds in [builtin(), thirty_of_everything()] {
        let kind = PlotKind::ALL
            .into_iter()
            .find(|k| k.name() == "outcomes")
            .expect("the outcomes plot");
        let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
        let open: Vec<_> = data
            .marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::UpTo | MarkKind::AtLeast))
            .collect();
        assert!(!open.is_empty());
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let options = SceneOptions {
                size_points: egui::vec2(1920.0, 1080.0),
                pixels_per_point: 1.0,
                theme,
                plot_height: None,
                max_side_px: 32_768,
                parts: Default::default(),
            };
            let mut scene = figure_scene(&ds, &data, &PlotView::default(), None, &options)
                .expect("the figure lays out");
            scene.forget_textures();
            let frame = plot_frame(&scene.ctx, kind).expect("the plot was drawn");
            let mut strokes = Vec::new();
            for c in scene.shapes() {
                if frame.expand(0.5).contains_rect(c.clip_rect) {
                    horizontal_strokes(&c.shape, &mut strokes);
                }
            }
            // Where each open bar's top is on screen: the plot's own transform is not kept,
            // so map the y values through the frame and the axis range the marks span.
            let transform = egui_plot::PlotMemory::load(
                &scene.ctx,
                ai_adoption_explorer::figure::plot_id(kind),
            )
            .expect("the plot's memory")
            .transform();
            let mut bases = 0;
            for m in &open {
                let w = m.width / 2.0;
                let top_l = transform.position_from_point(&egui_plot::PlotPoint::new(m.x - w, m.y));
                let top_r = transform.position_from_point(&egui_plot::PlotPoint::new(m.x + w, m.y));
                let base = transform
                    .position_from_point(&egui_plot::PlotPoint::new(m.x, m.y2.unwrap_or(0.0)));
                let across = |(a, b): &(egui::Pos2, egui::Pos2), y: f32| {
                    (a.y - y).abs() < 1.5
                        && a.x.min(b.x) < top_l.x + 0.3 * (top_r.x - top_l.x)
                        && a.x.max(b.x) > top_r.x - 0.3 * (top_r.x - top_l.x)
                };
                assert!(
                    !strokes.iter().any(|s| across(s, top_l.y)),
                    "{theme:?}: the top of {:?} is drawn closed",
                    m.label
                );
                if strokes.iter().any(|s| across(s, base.y)) {
                    bases += 1;
                }
            }
            // Each base is drawn (the check above looks at the right place).
            assert_eq!(bases, open.len(), "{theme:?}");
        }
    }
}
