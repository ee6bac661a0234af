//! The data-flow diagram at the top of `src/lib.rs` names what exists: every page of the
//! router and every subcommand of the CLI, and nothing that does not exist.

use clap::CommandFactory;

const LIB: &str = include_str!("../src/lib.rs");
const ROUTES: &str = include_str!("../src/ui/route.rs");

/// The diagram: the `//!` lines between the first pair of ``` fences.
fn diagram() -> String {
    let doc: Vec<&str> = LIB.lines().filter_map(|l| l.strip_prefix("//!")).collect();
    let start = doc
        .iter()
        .position(|l| l.trim() == "```text")
        .expect("a diagram");
    let end = doc[start + 1..]
        .iter()
        .position(|l| l.trim() == "```")
        .expect("its end")
        + start
        + 1;
    doc[start + 1..end].join("\n")
}

/// The first path segment of every route (`#[at("/verify")]` → `verify`).
fn pages() -> Vec<String> {
    let mut pages: Vec<String> = ROUTES
        .lines()
        .filter_map(|l| l.trim().strip_prefix("#[at(\"/"))
        .filter_map(|rest| rest.split(['/', '"']).next())
        .filter(|p| !p.is_empty() && *p != "404")
        .map(str::to_string)
        .collect();
    pages.sort();
    pages.dedup();
    pages
}

#[test]
fn the_diagram_names_every_page() {
    let diagram = diagram();
    let pages = pages();
    assert!(pages.len() >= 9, "{pages:?}");
    for page in &pages {
        assert!(
            diagram.contains(&format!("#/{page}")),
            "#/{page} is missing:\n{diagram}"
        );
    }
    // And names no page that does not exist.
    for named in diagram
        .split_whitespace()
        .filter_map(|w| w.strip_prefix("#/"))
    {
        assert!(pages.iter().any(|p| p == named), "#/{named} is not a page");
    }
}

#[test]
fn the_diagram_names_every_subcommand() {
    let diagram = diagram();
    let cli = smtp_trainer::cli::Cli::command();
    let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
    assert_eq!(names.len(), 10, "{names:?}");
    for name in names {
        assert!(diagram.contains(name), "{name} is missing:\n{diagram}");
    }
}
