use ai_adoption_explorer::io::*;

fn show(name: &str, b: &[u8]) {
    let r = load_bytes("f.ron", b);
    match r {
        Ok(l) => println!("{name}: OK problems={:?}", l.problems),
        Err(e) => println!("{name}: {e:?}\n   => {e}"),
    }
}

#[test]
fn explore() {
    show("v2noname", b"(format_version: 2, colour: 1)");
    show("v1noname", b"(format_version: 1)");
    show(
        "latin1",
        b"Dataset(format_version: 1, meta: Meta(title: \"caf\xe9\"))",
    );
    show(
        "ff",
        b"Dataset(\n  format_version: 1,\n  meta: Meta(ti\xfftle: \"x\"),\n)",
    );
    show(
        "ff2",
        "Dataset(\n  format_version: 1,\n  meta: Meta(tï\u{4e2d}\u{1F600}\x01".as_bytes(),
    );
    show("nul", b"\0\0\0\0");
    show("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    show(
        "date_some",
        b"Dataset(format_version: 1, meta: Meta(date: Some(\"Jan 2025\")))",
    );
    show("date_series", b"Dataset(format_version: 1, series: [Series(id: \"s\", name: \"n\", subject: Country(\"c\"), metric: Date, points: [SeriesPoint(date: \"Jan 2025\", value: 1)])])");
    show("date_series2", b"Dataset(format_version: 1, series: [Series(id: \"s\", name: \"n\", subject: Country(\"c\"), metric: Date, points: [SeriesPoint(date: \"2025-1\", value: 1)])])");
    show("numstr", b"Dataset(format_version: 1, models: [Model(id: \"m\", name: \"n\", developer: \"o\", total_params_b: Some(\"big\"))])");
    show("numstr2", b"Dataset(\n    format_version: 1,\n    models: [\n        Model(\n            id: \"m\",\n            name: \"n\",\n            developer: \"o\",\n            total_params_b: Some(\"big\"),\n        ),\n    ],\n)\n");
    show("enum2", b"Dataset(\n    format_version: 1,\n    organizations: [\n        Organization(\n            id: \"m\",\n            name: \"n\",\n            kind: Compny,\n        ),\n    ],\n)\n");
    show("trailing", b"Dataset(format_version: 1) x");
    show(
        "implicit",
        b"#![enable(implicit_some)]\nDataset(format_version: 1, meta: Meta(date: \"2025\"))",
    );
    show("v0", b"Dataset(format_version: 0)");
    show("vneg", b"Dataset(format_version: -1)");
    show("vbig", b"Dataset(format_version: 99999999999)");
    show("nover", b"Dataset()");
    show("wrongname", b"Datasett(format_version: 1)");
    show("noname", b"(format_version: 1)");
    show("bom", b"\xEF\xBB\xBFDataset(format_version: 1)");
    show(
        "crlf",
        b"Dataset(\r\n  format_version: 1,\r\n  meta: Meta(title: \"a\r\nb\"),\r\n)\r\n",
    );
    show(
        "crlf_err",
        b"Dataset(\r\n  format_version: 1,\r\n  colour: 1,\r\n)\r\n",
    );
    show("dup", b"Dataset(format_version: 1, format_version: 1)");
    show("nan", b"Dataset(format_version: 1, models: [Model(id: \"m\", name: \"n\", developer: \"o\", total_params_b: Some(NaN), sources: [])])");
    show("inf", b"Dataset(format_version: 1, models: [Model(id: \"m\", name: \"n\", developer: \"o\", total_params_b: Some(inf), sources: [])])");
}
