//! The form of a series, with its points as an editable table, and a new series.

use egui::Ui;

use super::choices::metric_choices;
use super::fields::{Form, cell_buffer_ui, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, fresh_id};
use crate::io::tsv::{parse_cell_date, parse_cell_number, parse_tsv_points};
use crate::model::{Dataset, Metric, Problem, RecordKind, RecordRef, SeriesPoint, Subject, Unit};

/// The form of a series: what it measures, and its points as a table (edit cells in place, add
/// and delete rows, sort by date, paste rows from a spreadsheet).
pub fn series_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.series.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Series(old.id.clone()),
        actions,
    );
    grid("series_form").show(ui, |ui| {
        f.text_ui(ui, "Name", "name", &mut x.name);
        let other = match &x.metric {
            Metric::Other(s) => s.clone(),
            _ => "Other".to_owned(),
        };
        let mut metric = Some(x.metric.clone());
        f.choice_ui(
            ui,
            "Measure",
            "metric",
            &mut metric,
            &metric_choices(&other, "Other"),
            false,
        );
        x.metric = metric.unwrap_or(Metric::Other(other));
        f.multiline_ui(ui, "Notes", "notes", &mut x.notes);
        f.sources_ui(ui, ds, &mut x.sources);
    });
    ui.label(egui::RichText::new(format!("Points ({})", x.points.len())).strong());
    let mut delete = None;
    let mut sort = false;
    let row_h = 24.0;
    egui_extras::TableBuilder::new(ui)
        .id_salt(("series_points", &old.id))
        .striped(true)
        .column(egui_extras::Column::exact(140.0))
        .column(egui_extras::Column::exact(160.0))
        .column(egui_extras::Column::remainder())
        .max_scroll_height(260.0)
        .header(22.0, |mut h| {
            h.col(|ui| {
                if ui
                    .button("Date (sort)")
                    .on_hover_text("Sort the points by date")
                    .clicked()
                {
                    sort = true;
                }
            });
            h.col(|ui| {
                ui.strong("Value");
            });
            h.col(|ui| {
                ui.strong("");
            });
        })
        .body(|body| {
            body.rows(row_h, x.points.len(), |mut row| {
                let i = row.index();
                let p = &mut x.points[i];
                row.col(|ui| {
                    let mut d = Some(p.date);
                    let id = ui.make_persistent_id(("pt_date", i));
                    cell_buffer_ui(
                        ui,
                        id,
                        &mut d,
                        |d| d.map(|d| d.to_string()).unwrap_or_default(),
                        |t| parse_cell_date(t).map(Some),
                    );
                    if let Some(d) = d
                        && d != p.date
                    {
                        p.date = d;
                        f.changed = Some("points");
                    }
                });
                row.col(|ui| {
                    let mut v = Some(p.value);
                    let id = ui.make_persistent_id(("pt_value", i));
                    cell_buffer_ui(
                        ui,
                        id,
                        &mut v,
                        |v| v.map(|v| v.to_string()).unwrap_or_default(),
                        |t| parse_cell_number(t).map(Some),
                    );
                    if let Some(v) = v
                        && v != p.value
                    {
                        p.value = v;
                        f.changed = Some("points");
                    }
                });
                row.col(|ui| {
                    if ui
                        .small_button("Delete")
                        .on_hover_text("Delete this point")
                        .clicked()
                    {
                        delete = Some(i);
                    }
                });
            });
        });
    if let Some(i) = delete {
        x.points.remove(i);
        f.changed = Some("points");
        f.actions.push(Action::SealEdit);
    }
    if sort {
        x.points.sort_by_key(|p| p.date);
        f.changed = Some("points");
        f.actions.push(Action::SealEdit);
    }
    // A new point is added only once both its date and its value are typed: nothing invented.
    let new_id = ui.make_persistent_id(("series_new_point", &old.id));
    let (mut nd, mut nv): (String, String) = ui.data(|d| d.get_temp(new_id)).unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("New point: date");
        ui.add(
            egui::TextEdit::singleline(&mut nd)
                .desired_width(100.0)
                .hint_text("YYYY-MM"),
        )
        .labelled_by(l.id);
        let l = ui.label("value");
        ui.add(egui::TextEdit::singleline(&mut nv).desired_width(120.0))
            .labelled_by(l.id);
        let date = parse_cell_date(&nd);
        let value = parse_cell_number(&nv);
        if ui
            .add_enabled(
                date.is_some() && value.is_some(),
                egui::Button::new("Add point"),
            )
            .clicked()
            && let (Some(date), Some(value)) = (date, value)
        {
            x.points.push(SeriesPoint { date, value });
            f.changed = Some("points");
            f.actions.push(Action::SealEdit);
            nd.clear();
            nv.clear();
        }
    });
    ui.data_mut(|d| d.insert_temp(new_id, (nd, nv)));
    let paste_id = ui.make_persistent_id(("series_paste", &old.id));
    let mut paste: String = ui.data(|d| d.get_temp(paste_id)).unwrap_or_default();
    let l = ui.label("Paste rows from a spreadsheet (date, tab, value; one point a line):");
    ui.add(
        egui::TextEdit::multiline(&mut paste)
            .desired_rows(3)
            .desired_width(360.0),
    )
    .labelled_by(l.id);
    let (parsed, errors) = parse_tsv_points(&paste);
    for e in errors.iter().take(10) {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    if ui
        .add_enabled(
            !parsed.is_empty() && errors.is_empty(),
            egui::Button::new(format!("Add {} pasted point(s)", parsed.len())),
        )
        .clicked()
    {
        x.points.extend(parsed);
        paste.clear();
        f.changed = Some("points");
        f.actions.push(Action::SealEdit);
    }
    ui.data_mut(|d| d.insert_temp(paste_id, paste));
    f.emit(ds, AnyRecord::from(x));
}

/// A new, empty series about `subject`; points are typed or pasted in its form.
pub fn new_series(ds: &Dataset, subject: Subject) -> AnyRecord {
    AnyRecord::from(crate::model::Series {
        id: crate::model::SeriesId(fresh_id(ds, RecordKind::Series, "series")),
        name: "New series".into(),
        subject,
        metric: Metric::Other("New measure".into()),
        unit: Unit::None,
        points: Vec::new(),
        notes: String::new(),
        sources: Vec::new(),
    })
}
