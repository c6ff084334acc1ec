//! PNG encoding with the figure's metadata as UTF-8 text chunks (`iTXt`): Title, Description
//! (the long alt text), Alt Text (the short one), Source (the complete list, one a line),
//! Dataset (name and date) and Software.

use super::ExportError;
use super::metadata::FigureMetadata;

/// The text chunks of `meta`, keyword and text.
pub fn png_text_chunks(meta: &FigureMetadata) -> Vec<(&'static str, String)> {
    vec![
        ("Title", meta.title.clone()),
        ("Description", meta.alt.long.clone()),
        ("Alt Text", meta.alt.short.clone()),
        ("Source", meta.sources.join("\n")),
        ("Dataset", meta.dataset_line()),
        ("Software", meta.software.clone()),
    ]
}

/// Encodes `image` as 8-bit RGBA PNG, with `meta`'s text chunks when given.
pub fn encode_png_with(
    image: &egui::ColorImage,
    meta: Option<&FigureMetadata>,
) -> Result<Vec<u8>, ExportError> {
    let failed = |e: png::EncodingError| ExportError::Write {
        file: "PNG".to_owned(),
        reason: e.to_string(),
    };
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(image.pixels.len() * 4);
    for p in &image.pixels {
        bytes.extend_from_slice(&p.to_srgba_unmultiplied());
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w as u32, h as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        encoder.set_filter(png::Filter::Adaptive);
        for (key, text) in meta.map(png_text_chunks).unwrap_or_default() {
            encoder
                .add_itxt_chunk(key.to_owned(), text)
                .map_err(failed)?;
        }
        let mut writer = encoder.write_header().map_err(failed)?;
        writer.write_image_data(&bytes).map_err(failed)?;
        writer.finish().map_err(failed)?;
    }
    Ok(out)
}
