//! AI Adoption Explorer: explore and edit a sourced dataset of which organizations use which AI
//! models. Layers, arrows pointing down: `ui` -> `app` -> `io` -> `model`.

pub mod app;
pub mod cli;
pub mod export;
pub mod io;
pub mod model;
pub mod plots;
pub mod ui;
