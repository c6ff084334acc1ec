//! AI Adoption Explorer: explore and edit a sourced dataset of which organizations use which AI
//! models. Layers, arrows pointing down: `ui` -> `export` -> `figure` -> `plots` -> `app` -> `io` ->
//! `model` (`cli` uses `export`; nothing below `ui` knows it).

pub mod app;
pub mod cli;
pub mod export;
pub mod figure;
pub mod import;
pub mod io;
pub mod model;
pub mod plots;
pub mod ui;
