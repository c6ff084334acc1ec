//! The dense-marker image moved to [`crate::figure::dense`] (the export draws it too); this
//! path is kept for `ui`'s callers.

pub use crate::figure::dense::*;
