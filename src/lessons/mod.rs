//! Scenarios and lessons: the seeds' stories as sessions a learner plays, each with a check
//! that tells when the goal is met.
//!
//! Sans-IO like the rest of the engine: a scenario hands out a server configuration and
//! judges a [`scenarios::Journal`] of what happened; the page (or a test) runs the session.
//! Scenarios are files ([`scenario_file`], read with the small TOML reader [`toml_lite`]).

pub mod guided;
pub mod progress;
pub mod scenario_file;
pub mod scenarios;
pub mod situation_names;
pub mod toml_lite;
