//! The analyze page's parts (`#/analyze`): the form, the diagnosis, the overview and the
//! annotated lines, each rendering the engine's [`crate::analyze::Analysis`]. Its state (the
//! text and the analysis, in memory only) is a reducer the app provides by context. The
//! page itself is [`crate::ui::pages::analyze`].

pub mod analyze_form;
pub mod annotated_lines;
pub mod capture_panel;
pub mod capture_worker;
pub mod diagnosis;
pub mod examples;
pub mod finding_card;
pub mod line_link;
pub mod line_row;
pub mod overview;
pub mod state;
pub mod texts;
