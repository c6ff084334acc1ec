//! Reading and writing dataset files: the one size limit (`limits`), opening any input file
//! (`input`), RON load with precise errors and fast refusal of junk (`load`, `sniff`, `excerpt`),
//! atomic save that keeps the file's identity (`save`, `save_file`), spreadsheet paste (`tsv`),
//! and today's date (`clock`).

mod clock;
mod excerpt;
mod hint;
mod input;
pub mod limits;
mod load;
mod save;
mod save_file;
mod sniff;
pub mod tsv;

pub use clock::today;
pub use input::{InputFile, open_input_file, read_input_file};
pub use limits::MAX_DATASET_BYTES;
pub use load::{LoadError, Loaded, load_bytes, load_path};
pub use save::{FileStamp, SaveError, Saved, save_atomic, to_ron_string, write_bytes_atomic};

#[doc(hidden)]
pub use input::open_input_file_with_limit;
#[doc(hidden)]
pub use load::{load_bytes_with_limit, load_path_with_limit};
#[doc(hidden)]
pub use save::{FailPoint, save_atomic_failing_at, save_atomic_with_limit};
