//! The lessons page's parts (`#/lessons`, `#/lessons/<id>`): the list with each lesson's
//! progress, and one lesson step by step — each try checked by the engine's `judge_*`, a
//! hint after a wrong one, the engine's answer on request. Its state is a reducer the app
//! provides by context (through [`super::provider::LearnProvider`]); each
//! lesson's step is remembered in storage. The page itself is [`crate::ui::pages::lessons`].

pub mod answer_reveal;
pub mod lesson_list;
pub mod lesson_view;
pub mod state;
pub mod step_card;
pub mod step_feedback;
pub mod step_input;
pub mod step_list;
pub mod texts;
