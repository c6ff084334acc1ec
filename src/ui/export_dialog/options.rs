//! The dialog's choices and texts as the export's [`FigureOptions`]: the same options the
//! preview lays out and the file is written from.

use crate::app::{ExportBackground, ExportChoices, ExportFormat, SizePreset};
use crate::export::{ARTICLE_PLOT_POINTS, FigureOptions};
use crate::figure::scene::FigureParts;
use crate::plots::PlotData;

/// Pixel density of the SVG and PDF layout (as the command line's default `--scale`): text
/// positions are rounded to half points.
pub const VECTOR_SCALE: f32 = 2.0;

/// The PNG densities offered.
pub const SCALES: [u8; 3] = [1, 2, 4];

/// Smallest and largest custom side, in points.
pub const CUSTOM_SIDE: std::ops::RangeInclusive<u32> = 200..=4000;

/// The texts of this export, as typed (the plot's own when the dialog opens).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureTexts {
    /// The title.
    pub title: String,
    /// The subtitle (empty: none).
    pub subtitle: String,
    /// A note under the plot's own notes (empty: none).
    pub note: String,
    /// Who made the chart, "Chart: ..." under the sources (empty: none).
    pub byline: String,
}

impl FigureTexts {
    /// The plot's own title and subtitle, no note or byline.
    pub fn of(data: &PlotData) -> Self {
        Self {
            title: data.title.clone(),
            subtitle: data.subtitle.clone(),
            note: String::new(),
            byline: String::new(),
        }
    }
}

/// The size in points and the plot's fixed height (`None`: the figure fits the page) of a
/// preset.
pub fn preset_points(choices: &ExportChoices) -> (egui::Vec2, Option<f32>) {
    match choices.preset {
        SizePreset::Article => (egui::vec2(640.0, 600.0), Some(ARTICLE_PLOT_POINTS)),
        SizePreset::Slide => (egui::vec2(1920.0, 1080.0), None),
        SizePreset::Square => (egui::vec2(1080.0, 1080.0), None),
        SizePreset::Custom => {
            let side = |v: u32| v.clamp(*CUSTOM_SIDE.start(), *CUSTOM_SIDE.end()) as f32;
            (egui::vec2(side(choices.width), side(choices.height)), None)
        }
    }
}

/// The pixel density the file is laid out at: the chosen one for a PNG, [`VECTOR_SCALE`] for
/// SVG and PDF.
pub fn scale_of(choices: &ExportChoices) -> f32 {
    match choices.format {
        ExportFormat::Png => f32::from(choices.scale.clamp(1, 4)),
        ExportFormat::Svg | ExportFormat::Pdf => VECTOR_SCALE,
    }
}

/// The export's options: size, density, theme, parts and texts. A text equal to the plot's
/// own is left as the plot's.
pub fn figure_options(
    choices: &ExportChoices,
    texts: &FigureTexts,
    data: &PlotData,
) -> FigureOptions {
    let (size, plot_height) = preset_points(choices);
    let theme = match choices.background {
        ExportBackground::Dark => egui::Theme::Dark,
        ExportBackground::Light | ExportBackground::Transparent => egui::Theme::Light,
    };
    let mut options = FigureOptions::from_points(size.x, size.y, scale_of(choices), theme);
    options.plot_height = plot_height;
    let changed = |typed: &str, own: &str| (typed != own).then(|| typed.to_owned());
    let given = |typed: &str| (!typed.trim().is_empty()).then(|| typed.trim().to_owned());
    options.parts = FigureParts {
        plain: choices.plain,
        transparent: choices.background == ExportBackground::Transparent,
        title: changed(&texts.title, &data.title),
        subtitle: changed(&texts.subtitle, &data.subtitle),
        note: given(&texts.note),
        byline: given(&texts.byline),
    };
    options
}

/// The file name the Save dialog suggests: the plot's name and the format's extension.
pub fn file_name(data: &PlotData, format: ExportFormat) -> String {
    format!("{}.{}", data.kind.name(), format.extension())
}

/// `path` with the format's extension (added, or put in place of another one).
pub fn with_extension(path: std::path::PathBuf, format: ExportFormat) -> std::path::PathBuf {
    let ext = format.extension();
    let has = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if has { path } else { path.with_extension(ext) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plots::PlotKind;

    fn data() -> PlotData {
        let ds = crate::model::Dataset::default();
        crate::export::derive_all(
            PlotKind::ReleasesPerQuarter,
            &std::sync::Arc::new(ds),
            &crate::plots::DeriveOptions::default(),
        )
    }

    #[test]
    fn presets_give_the_issue_sizes_and_a_png_is_the_points_times_its_scale() {
        let d = data();
        let texts = FigureTexts::of(&d);
        let mut c = ExportChoices::default();
        for (preset, w, h) in [
            (SizePreset::Article, 640, 600),
            (SizePreset::Slide, 1920, 1080),
            (SizePreset::Square, 1080, 1080),
        ] {
            c.preset = preset;
            for scale in SCALES {
                c.scale = scale;
                let o = figure_options(&c, &texts, &d);
                assert_eq!(o.width_px, w * u32::from(scale), "{preset:?}");
                assert_eq!(o.height_px, h * u32::from(scale), "{preset:?}");
            }
        }
        c.preset = SizePreset::Article;
        assert_eq!(
            figure_options(&c, &texts, &d).plot_height,
            Some(ARTICLE_PLOT_POINTS)
        );
        // A vector file is laid out at one density whatever the PNG scale says.
        c.format = ExportFormat::Svg;
        c.scale = 4;
        assert_eq!(figure_options(&c, &texts, &d).scale, VECTOR_SCALE);
        // Custom sizes are kept within what a figure can be.
        c.preset = SizePreset::Custom;
        c.width = 10;
        c.height = 100_000;
        let o = figure_options(&c, &texts, &d);
        assert_eq!(o.size_points(), egui::vec2(200.0, 4000.0));
        assert!(o.check().is_ok());
    }

    #[test]
    fn texts_left_as_the_plot_has_them_change_nothing_and_typed_ones_are_used() {
        let d = data();
        let mut texts = FigureTexts::of(&d);
        let c = ExportChoices::default();
        assert_eq!(figure_options(&c, &texts, &d).parts, FigureParts::default());
        texts.title = "Chinese labs release more".into();
        texts.note = "  Data to June. ".into();
        texts.byline = " ".into();
        let parts = figure_options(&c, &texts, &d).parts;
        assert_eq!(parts.title.as_deref(), Some("Chinese labs release more"));
        assert_eq!(parts.note.as_deref(), Some("Data to June."));
        assert_eq!(parts.byline, None);
        assert_eq!(parts.subtitle, None);
    }

    #[test]
    fn backgrounds_and_extensions() {
        let d = data();
        let texts = FigureTexts::of(&d);
        let mut c = ExportChoices {
            background: ExportBackground::Transparent,
            ..ExportChoices::default()
        };
        let o = figure_options(&c, &texts, &d);
        assert!(o.parts.transparent);
        assert_eq!(o.theme, egui::Theme::Light);
        c.background = ExportBackground::Dark;
        assert_eq!(figure_options(&c, &texts, &d).theme, egui::Theme::Dark);
        let p = std::path::PathBuf::from;
        assert_eq!(
            with_extension(p("/t/fig"), ExportFormat::Pdf),
            p("/t/fig.pdf")
        );
        assert_eq!(
            with_extension(p("/t/fig.PNG"), ExportFormat::Png),
            p("/t/fig.PNG")
        );
        assert_eq!(
            with_extension(p("/t/fig.png"), ExportFormat::Svg),
            p("/t/fig.svg")
        );
        assert_eq!(file_name(&d, ExportFormat::Svg), "releases-per-quarter.svg");
    }
}
