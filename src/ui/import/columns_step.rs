//! Step 2 of the import dialog: what the rows become (for claims and series also the measure and
//! unit of every row; for series the wide form and the cells meaning "no value"), what each
//! column becomes (a field, kept in notes, or ignored), and the cells that do not parse.

use super::{ImportDialog, field_words};
use crate::import::{ImportKind, Target};
use crate::model::text::safe_line;

/// The step's contents.
pub fn ui(ui: &mut egui::Ui, d: &mut ImportDialog) {
    let headers = d.headers().to_vec();
    ui.horizontal(|ui| {
        let l = ui.label("Each row becomes one of:");
        let mut kind = d.mapping.kind;
        egui::ComboBox::from_id_salt("import_kind")
            .selected_text(kind.name())
            .show_ui(ui, |ui| {
                for k in ImportKind::ALL {
                    ui.selectable_value(&mut kind, k, k.name());
                }
            })
            .response
            .labelled_by(l.id);
        if kind != d.mapping.kind {
            d.set_kind(kind);
        }
        if let Some(p) = d.preset()
            && p.kind == d.mapping.kind
            && ui
                .button("Use the recognised mapping")
                .on_hover_text("Map the columns as the recognised table's preset does")
                .clicked()
        {
            d.set_kind(p.kind);
        }
        if ui
            .button("Suggest from the headers")
            .on_hover_text("Map columns whose header names a field")
            .clicked()
        {
            d.mapping = crate::import::Mapping::suggest(d.mapping.kind, &headers);
            d.mapping_changed();
        }
    });
    kind_options_ui(ui, d);
    ui.add_space(4.0);
    let total = ui.available_height();
    let problems_height = if d.problems().is_empty() {
        24.0
    } else {
        (total * 0.3).clamp(60.0, 220.0)
    };
    egui::ScrollArea::vertical()
        .id_salt("import_columns")
        .max_height((total - problems_height - 30.0).max(80.0))
        .auto_shrink([false, true])
        .show(ui, |ui| columns_grid_ui(ui, d, &headers));
    ui.separator();
    problems_ui(ui, d);
}

/// The kind's own options: for models whether a family is taken from a name; for claims and
/// series the measure and unit of every row; for series the wide form (one column per subject)
/// and the cell texts that mean "no value".
fn kind_options_ui(ui: &mut egui::Ui, d: &mut ImportDialog) {
    let kind = d.mapping.kind;
    if kind == ImportKind::Models {
        let mut by_name = d.mapping.family_from_name;
        if ui
            .checkbox(&mut by_name, "Family from the name")
            .on_hover_text(
                "A model given no family joins the existing family whose name begins its name, from the same developer (Qwen2.5-7B by Alibaba joins Qwen)",
            )
            .changed()
        {
            d.mapping.family_from_name = by_name;
            d.mapping_changed();
        }
        return;
    }
    if !matches!(kind, ImportKind::Claims | ImportKind::Series) {
        return;
    }
    let mut changed = false;
    if kind == ImportKind::Series {
        let mut wide = d.mapping.wide;
        if ui
            .checkbox(&mut wide, "Wide form: one column per subject")
            .on_hover_text(
                "One row per date: map the date column; every other column is one subject's series, named by its header",
            )
            .changed()
        {
            d.mapping.set_wide(wide);
            changed = true;
        }
    }
    ui.horizontal(|ui| {
        let l = ui.label("Measure of every row:");
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut d.mapping.metric)
                    .hint_text("Monthly downloads")
                    .desired_width(180.0),
            )
            .on_hover_text(
                "Used when no column is mapped to metric: a measure's name (Monthly downloads, Share of downloads...) or any other words",
            )
            .labelled_by(l.id)
            .changed();
        let l = ui.label("Unit:");
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut d.mapping.unit)
                    .hint_text("%, count...")
                    .desired_width(100.0),
            )
            .on_hover_text("Used when no column is mapped to unit; a value written as 12% is a percentage")
            .labelled_by(l.id)
            .changed();
    });
    if kind == ImportKind::Series && d.mapping.wide {
        ui.horizontal_wrapped(|ui| {
            ui.label("Cells that mean \"no value\" (empty cells always do):");
            let mut remove = None;
            for (i, a) in d.mapping.absent.iter_mut().enumerate() {
                let name = format!("Absent value {}", i + 1);
                changed |= ui
                    .add(egui::TextEdit::singleline(a).desired_width(60.0))
                    .on_hover_text("A cell holding exactly this gives no point")
                    .labelled_by(ui.label(egui::RichText::new(&name).small()).id)
                    .changed();
                if ui
                    .small_button("×")
                    .on_hover_text(format!("Remove {}", name.to_lowercase()))
                    .clicked()
                {
                    remove = Some(i);
                }
            }
            if let Some(i) = remove {
                d.mapping.absent.remove(i);
                changed = true;
            }
            if ui
                .button("Add an absent value")
                .on_hover_text("Another cell text that means no value, such as 0.0 or n/a")
                .clicked()
            {
                d.mapping.absent.push("0.0".into());
                changed = true;
            }
        });
    }
    if changed {
        d.mapping_changed();
    }
}

/// What a column becomes, in words.
fn target_words(t: &Target) -> String {
    match t {
        Target::Field(f) => field_words(*f),
        Target::Notes => "kept in notes".into(),
        Target::Ignore => "ignored".into(),
    }
}

fn columns_grid_ui(ui: &mut egui::Ui, d: &mut ImportDialog, headers: &[String]) {
    let fields = d.mapping.kind.fields();
    let examples: Vec<String> = (0..headers.len())
        .map(|i| {
            d.preview
                .as_ref()
                .ok()
                .and_then(|p| {
                    p.table
                        .rows
                        .iter()
                        .map(|r| r.cells[i].trim())
                        .find(|c| !c.is_empty())
                })
                .map(|c| safe_line(c).chars().take(60).collect())
                .unwrap_or_default()
        })
        .collect();
    let mut change: Option<(String, Target)> = None;
    egui::Grid::new("import_columns_grid")
        .num_columns(3)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Column");
            ui.strong("Becomes");
            ui.strong("First value");
            ui.end_row();
            for (i, h) in headers.iter().enumerate() {
                let mapped = d
                    .mapping
                    .columns
                    .iter()
                    .find(|c| c.column == *h)
                    .map(|c| c.target.clone());
                // In the wide form a column not mapped is one subject's series.
                let series = d.mapping.wide && mapped.is_none();
                let target = mapped.unwrap_or(Target::Ignore);
                let l = ui.label(safe_line(h));
                egui::ComboBox::from_id_salt(("import_column", i))
                    .selected_text(if series {
                        "a series, named by its header".to_owned()
                    } else {
                        target_words(&target)
                    })
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        let mut pick = |ui: &mut egui::Ui, t: Target, hover: &str| {
                            let r = ui.selectable_label(!series && target == t, target_words(&t));
                            if r.on_hover_text(hover).clicked() && (series || target != t) {
                                change = Some((h.clone(), t));
                            }
                        };
                        pick(ui, Target::Ignore, "Leave this column out");
                        pick(
                            ui,
                            Target::Notes,
                            "Keep \"header: value\" in the notes of new records",
                        );
                        for f in fields {
                            pick(ui, Target::Field(*f), f.help());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.weak(&examples[i]);
                ui.end_row();
            }
        });
    if let Some((column, target)) = change {
        // A field comes from one column: the column that had it is ignored now.
        if let Target::Field(f) = target
            && let Some(old) = d.mapping.column_of(f).map(|c| c.column.clone())
        {
            d.mapping.set(&old, Target::Ignore);
        }
        d.mapping.set(&column, target);
        d.mapping_changed();
    }
}

fn problems_ui(ui: &mut egui::Ui, d: &mut ImportDialog) {
    d.problems();
    let whole = d.problems.as_ref().is_some_and(|(_, w)| *w);
    let still = if d.checking.is_some() {
        " (every cell of the file is being checked)"
    } else if d.full.table().is_none() {
        " (the whole file is still being read)"
    } else {
        ""
    };
    let problems = d.problems.as_ref().map_or(&[][..], |(p, _)| p.as_slice());
    if problems.is_empty() {
        if whole {
            ui.label("Every mapped cell can be read.");
        } else {
            ui.label(format!(
                "Every mapped cell of the preview can be read{still}."
            ));
        }
        return;
    }
    let count = match problems.len() {
        1 => "1 cell does not parse".to_owned(),
        n => format!("{n} cells do not parse"),
    };
    ui.label(format!(
        "{count}{}{still}. Their rows are skipped unless you decide otherwise in the next step; or map the column differently.",
        if whole { "" } else { " in the preview" }
    ));
    egui::ScrollArea::vertical()
        .id_salt("import_problems")
        .auto_shrink([false, true])
        .show_rows(ui, 18.0, problems.len(), |ui, range| {
            for p in &problems[range] {
                ui.label(format!(
                    "Row {}, column {} \"{}\": {}",
                    p.row,
                    p.column,
                    safe_line(&p.header),
                    safe_line(&p.message)
                ));
            }
        });
}
