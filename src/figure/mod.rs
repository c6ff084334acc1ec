//! Figure drawing shared by the window's plots area and the image export: the plot drawn with
//! egui_plot (axes, marks, legend, the dense-marker image and their caches), the title above it
//! and the notes and sources below it, colours and fonts; `scene` lays a figure out headless as
//! egui shapes for the PNG, SVG and PDF exports; `panels` draws a plot as small multiples. Knows nothing of `ui` or `export`.

pub mod axes;
mod axis_text;
mod cache;
pub mod cells;
pub mod colors;
pub mod dense;
pub mod fonts;
pub mod labels;
pub mod layout;
pub mod legend;
pub mod marks;
mod panels;
mod plot;
pub mod scene;
mod view;

pub use cache::pick_mark;
pub use fonts::{
    CJK_SUBSET_FONT, FontDiscovery, NO_SYSTEM_FONTS_VAR, NoFontDiscovery, export_font_discovery,
    font_definitions, install_export_fonts, install_fonts, set_export_font_discovery,
    system_font_discovery,
};
pub use layout::{
    SOURCE_LINE_ROWS, figure_footer_ui, figure_header_ui, footer_for_view, footer_lines_ui,
};
pub use plot::{FigureArgs, FigureStats, PlotShown, plot_frame, plot_only_ui};
pub use view::{PlotView, plot_id};
