//! Reading and writing dataset files: RON load with precise errors (`load`), atomic save
//! (`save`), parsing rows pasted from a spreadsheet (`tsv`), and today's date (`clock`).

mod clock;
mod load;
mod save;
pub mod tsv;

pub use clock::today;
pub use load::{LoadError, Loaded, MAX_FILE_BYTES, load_bytes, load_path};
pub use save::{FileStamp, SaveError, save_atomic, to_ron_string, write_bytes_atomic};

#[doc(hidden)]
pub use save::{FailPoint, save_atomic_failing_at};
