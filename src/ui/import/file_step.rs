//! Step 1 of the import dialog: the file, what was detected about it (format, encoding,
//! delimiter, header row, sheet, the preset recognised) and a preview of its first rows.

use std::path::PathBuf;

use super::{FullRead, ImportDialog};
use crate::import::{FileFormat, Preset, Preview, Table, delimiter_name};
use crate::model::text::safe_line;

/// Encodings the user can force, by their WHATWG label, with a name for people.
const ENCODINGS: &[(&str, &str)] = &[
    ("utf-8", "UTF-8"),
    ("utf-16le", "UTF-16 (little-endian)"),
    ("utf-16be", "UTF-16 (big-endian)"),
    ("windows-1252", "Windows-1252 (Western)"),
];

/// Delimiters the user can force.
const DELIMITERS: &[u8] = b",\t;|";

/// The step's contents.
pub fn ui(ui: &mut egui::Ui, d: &mut ImportDialog) {
    ui.horizontal(|ui| {
        let l = ui.label("File:");
        ui.add(egui::TextEdit::singleline(&mut d.path_text).desired_width(560.0))
            .labelled_by(l.id);
        if ui
            .button("Read")
            .on_hover_text("Read the file at this path")
            .clicked()
        {
            if d.path_text.trim().is_empty() {
                d.preview = Err("Type the path of the file to import first.".into());
            } else {
                *d = ImportDialog::open(PathBuf::from(d.path_text.trim()));
            }
        }
    });
    if let Err(e) = &d.preview {
        ui.add_space(8.0);
        ui.colored_label(ui.visuals().error_fg_color, safe_line(e));
        ui.label("Choose another file, or fix this one and press Read.");
        return;
    }
    // Taken out while drawn, so the choosers below can change how the file is read.
    let taken = std::mem::replace(&mut d.preview, Err(String::new()));
    let reread = match &taken {
        Ok(preview) => detected_ui(ui, d, preview),
        Err(_) => false,
    };
    d.preview = taken;
    if reread {
        d.reread(false);
    }
}

/// What was detected, the choosers, the preview table; whether the file must be read again.
fn detected_ui(ui: &mut egui::Ui, d: &mut ImportDialog, preview: &Preview) -> bool {
    let t = &preview.table;
    ui.add_space(4.0);
    if let Some(p) = preview.preset {
        ui.label(
            egui::RichText::new(format!(
                "Recognised as {}: its columns are mapped for you.",
                preset_words(p)
            ))
            .strong(),
        );
    } else {
        ui.label("No known table: choose what each column becomes in the next step.");
    }
    ui.add_space(4.0);
    let mut reread = false;
    egui::Grid::new("import_detected")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("Format");
            ui.label(t.detected.format.label());
            ui.end_row();
            if t.detected.format != FileFormat::Xlsx && t.detected.format != FileFormat::Ods {
                reread |= encoding_ui(ui, d, t);
            }
            if t.detected.format == FileFormat::Delimited {
                reread |= delimiter_ui(ui, d, t);
            }
            if !t.detected.sheets.is_empty() {
                reread |= sheet_ui(ui, d, t);
            }
            if let Some(path) = &t.detected.json_path {
                ui.label("List of items");
                ui.label(if path.is_empty() {
                    "the whole file".to_owned()
                } else {
                    format!("under \"{path}\"")
                });
                ui.end_row();
            }
            ui.label("Header row");
            ui.label(if t.detected.header_row {
                "yes: the first row names the columns"
            } else {
                "no: the columns are called Column 1, Column 2..."
            });
            ui.end_row();
            ui.label("Rows");
            ui.label(match &d.full {
                FullRead::Ready(full) => {
                    format!("{} rows, {} columns", full.rows.len(), full.headers.len())
                }
                FullRead::Reading(_) => {
                    format!("{} columns; reading the whole file…", t.headers.len())
                }
                FullRead::Failed(e) => {
                    format!("the whole file could not be read: {}", safe_line(e))
                }
            });
            ui.end_row();
        });
    if reread {
        return true;
    }
    let issues = d.full.table().map_or(&t.issues, |f| &f.issues);
    if !issues.is_empty() {
        egui::CollapsingHeader::new(format!(
            "{} rows cannot be read as they stand",
            issues.len()
        ))
        .id_salt("import_row_issues")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(100.0)
                .show(ui, |ui| {
                    for i in issues.iter().take(200) {
                        ui.label(format!("Row {} {}", i.row, safe_line(&i.message)));
                    }
                });
        });
    }
    ui.add_space(6.0);
    ui.label(format!("The first {} rows:", t.rows.len()));
    preview_table_ui(ui, t);
    false
}

/// A preset in words: "Epoch AI's model tables (notable, large-scale, frontier)".
pub fn preset_words(p: &Preset) -> &'static str {
    let text = p.description;
    let colon = text.find(':').unwrap_or(text.len());
    let paren = text.find(" (").unwrap_or(text.len());
    // The part before the column list, keeping a parenthesis that ends before it.
    if colon < text.len() {
        text[..colon].trim()
    } else {
        text[..paren].trim()
    }
}

/// A grid row with a chooser of "Detect" or one of `options` (value, name); whether it changed.
fn forced_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    shown: String,
    current: &mut Option<T>,
    options: &[(T, String)],
) -> bool {
    let l = ui.label(label);
    let mut changed = false;
    egui::ComboBox::from_id_salt(("import_forced", label))
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), "Detect").clicked() && current.is_some() {
                *current = None;
                changed = true;
            }
            for (value, name) in options {
                let on = current.as_ref() == Some(value);
                if ui.selectable_label(on, name).clicked() && !on {
                    *current = Some(value.clone());
                    changed = true;
                }
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    changed
}

fn encoding_ui(ui: &mut egui::Ui, d: &mut ImportDialog, t: &Table) -> bool {
    let detected = match t.detected.encoding {
        Some(e) if t.detected.bom => format!("{e} with byte-order mark"),
        Some(e) => e.to_owned(),
        None => "not text".to_owned(),
    };
    let options: Vec<(String, String)> = ENCODINGS
        .iter()
        .map(|(k, n)| ((*k).to_owned(), (*n).to_owned()))
        .collect();
    let shown = match &d.options.encoding {
        Some(e) => options
            .iter()
            .find(|(k, _)| k == e)
            .map_or(e.clone(), |(_, n)| n.clone()),
        None => format!("{detected} (detected)"),
    };
    forced_ui(ui, "Encoding", shown, &mut d.options.encoding, &options)
}

fn delimiter_ui(ui: &mut egui::Ui, d: &mut ImportDialog, t: &Table) -> bool {
    let shown = match (d.options.delimiter, t.detected.delimiter) {
        (Some(c), _) => delimiter_name(c),
        (None, Some(c)) => format!("{} (detected)", delimiter_name(c)),
        (None, None) => "detected".to_owned(),
    };
    let options: Vec<(u8, String)> = DELIMITERS
        .iter()
        .map(|c| (*c, delimiter_name(*c)))
        .collect();
    forced_ui(ui, "Delimiter", shown, &mut d.options.delimiter, &options)
}

fn sheet_ui(ui: &mut egui::Ui, d: &mut ImportDialog, t: &Table) -> bool {
    let l = ui.label("Sheet");
    let current = t.detected.sheet.clone().unwrap_or_default();
    let mut changed = false;
    egui::ComboBox::from_id_salt("import_sheet")
        .selected_text(format!("{current} (of {})", t.detected.sheets.len()))
        .width(260.0)
        .show_ui(ui, |ui| {
            for s in &t.detected.sheets {
                if ui.selectable_label(*s == current, s).clicked() && *s != current {
                    d.options.sheet = Some(s.clone());
                    changed = true;
                }
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    changed
}

/// The preview's rows in a table, scrolling both ways; the first column is the row's number.
fn preview_table_ui(ui: &mut egui::Ui, t: &Table) {
    egui::ScrollArea::horizontal()
        .id_salt("import_preview_h")
        .show(ui, |ui| {
            let mut table = egui_extras::TableBuilder::new(ui)
                .id_salt("import_preview")
                .striped(true)
                .resizable(true)
                .vscroll(true)
                .auto_shrink([false, true])
                .column(egui_extras::Column::exact(44.0));
            for _ in &t.headers {
                table = table.column(egui_extras::Column::initial(130.0).clip(true));
            }
            table
                .header(22.0, |mut h| {
                    h.col(|ui| {
                        ui.strong("Row");
                    });
                    for name in &t.headers {
                        h.col(|ui| {
                            ui.add(
                                egui::Label::new(egui::RichText::new(safe_line(name)).strong())
                                    .truncate(),
                            );
                        });
                    }
                })
                .body(|body| {
                    body.rows(20.0, t.rows.len(), |mut row| {
                        let r = &t.rows[row.index()];
                        row.col(|ui| {
                            ui.weak(r.number.to_string());
                        });
                        for cell in &r.cells {
                            row.col(|ui| {
                                ui.add(egui::Label::new(safe_line(cell)).truncate());
                            });
                        }
                    });
                });
        });
}
