//! Keeps the sections' stylesheets out of the first pages' way (issue 13).
//!
//! A first visit loads style.css alone; compose.css, learn.css and msgauth.css come with the
//! whole app (static/loader.js). A rule in those that a first page needs would be missing
//! there, silently. So `cargo xtask dist` refuses a section's rule that a first page's module
//! can reach: one without a class (it may match anything), or one whose every class name is
//! among that module's strings, where Yew's `class` attributes and `classes!` put them. A
//! string is no proof of use (a word of some text may be a class name too): such a rule
//! goes to style.css all the same, which costs a few bytes and never a missing style.

/// Class-name prefixes the pages build at run time (`format!("depth-{n}")`,
/// `format!("outcome-{kind}")`): a class that starts with one counts as present wherever
/// the prefix is.
const BUILT_PREFIXES: [&str; 2] = ["depth-", "outcome-"];

/// The selectors of `css` (comments already gone) that a module holding `strings` may
/// match: each with no class, or with all its classes in `strings`.
pub fn reachable_selectors(css: &str, strings: &[u8]) -> Vec<String> {
    let present = |class: &str| {
        let prefix = BUILT_PREFIXES.iter().find(|p| class.starts_with(**p));
        contains(strings, class.as_bytes())
            || prefix.is_some_and(|p| contains(strings, p.as_bytes()))
    };
    let mut out = Vec::new();
    for selector in selectors(css) {
        let classes = classes(&selector);
        if classes.iter().all(|c| present(c)) {
            out.push(selector);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every selector of every style rule, inside at-rules (`@media`) too; at-rules' own
/// preludes and `:root`-style blocks without a brace body are left out.
fn selectors(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prelude = String::new();
    // The depth of braces, and whether each open block is an at-rule (whose body holds rules).
    let mut open: Vec<bool> = Vec::new();
    for ch in css.chars() {
        match ch {
            '{' => {
                let head = prelude.trim().to_string();
                prelude.clear();
                let inside_rule = open.last().is_some_and(|at| !at);
                if head.starts_with('@') {
                    open.push(true);
                } else {
                    if !inside_rule && !head.is_empty() {
                        out.extend(
                            head.split(',')
                                .map(|s| s.trim().to_string())
                                .filter(|s| !s.is_empty()),
                        );
                    }
                    open.push(false);
                }
            }
            '}' => {
                open.pop();
                prelude.clear();
            }
            ';' if open.last().is_none_or(|at| *at) => prelude.clear(),
            _ => {
                if open.last().is_none_or(|at| *at) {
                    prelude.push(ch);
                }
            }
        }
    }
    out
}

/// The class names of a selector (`.a.b > p .c:hover` has a, b and c); `.5rem` in an
/// attribute value is no class, and attribute selectors are skipped whole.
fn classes(selector: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = selector.chars().peekable();
    let mut in_brackets = false;
    while let Some(ch) = chars.next() {
        match ch {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            '.' if !in_brackets => {
                let mut name = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        name.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    out.push(name);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = ".wire-row { display: grid; }\n\
        @media (max-width: 60rem) { .compose-layout, .step-card h2 { gap: 0; } }\n\
        tr.bcc td { color: red; }\n\
        :root { --x: 1; }\n\
        .spf-step.outcome-match td:nth-child(3) { color: green; }\n\
        input[value=\".5\"].mono { margin: .5rem; }\n";

    #[test]
    fn selectors_inside_and_outside_media_blocks() {
        assert_eq!(
            selectors(CSS),
            [
                ".wire-row",
                ".compose-layout",
                ".step-card h2",
                "tr.bcc td",
                ":root",
                ".spf-step.outcome-match td:nth-child(3)",
                "input[value=\".5\"].mono"
            ]
        );
        assert_eq!(classes(".a.b > p .c:hover"), ["a", "b", "c"]);
        assert_eq!(classes("input[value=\".5\"].mono"), ["mono"]);
    }

    #[test]
    fn a_rule_is_reachable_without_a_class_or_with_all_its_classes_present() {
        // Strings as a module packs them: no separator between one and the next.
        let strings = b"page verifystep-cardvaluespf-stepoutcome-";
        assert_eq!(
            reachable_selectors(CSS, strings),
            [
                ".step-card h2",
                ":root",
                ".spf-step.outcome-match td:nth-child(3)"
            ]
        );
        // No strings: only the rule without a class.
        assert_eq!(reachable_selectors(CSS, b""), [":root"]);
    }
}
