use ai_adoption_explorer::io::*;
fn show(name: &str, b: &[u8]) {
    match load_bytes("f.ron", b) {
        Ok(l) => println!("{name}: OK problems={:?}", l.problems),
        Err(e) => println!("{name}: {e:?}"),
    }
}
#[test]
fn explore() {
    show(
        "cjk",
        "Dataset(format_version: 1, meta: Meta(title: \"中文中文\", colour: 1))".as_bytes(),
    );
    show(
        "cjk2",
        "Dataset(format_version: 1, meta: Meta(title: \"中文中文\",description:5))".as_bytes(),
    );
    show(
        "emoji",
        "Dataset(format_version: 1, meta: Meta(title: \"😀😀\", colour: 1))".as_bytes(),
    );
    show(
        "tab",
        "Dataset(format_version: 1,\tmeta: Meta(title: \"x\",\tcolour: 1))".as_bytes(),
    );
    show(
        "str_for_num",
        b"Dataset(format_version: 1, meta: Meta(title: 5))",
    );
    show(
        "rawstr",
        b"Dataset(format_version: 1, meta: Meta(title: r#\"a\"b\"#))",
    );
    show("ws_only_bom", b"\xEF\xBB\xBF   ");
    show("bom_only", b"\xEF\xBB\xBF");
    show(
        "double_bom",
        b"\xEF\xBB\xBF\xEF\xBB\xBFDataset(format_version: 1)",
    );
    show("cr_only", b"Dataset(\rformat_version: 1,\rcolour: 1)");
    show("comment", b"// hello\nDataset(format_version: 1) /* x */");
    show("incomplete_utf8", b"Dataset(format_version: 1) \xe4\xb8");
}
