//! The one size limit every dataset and input file obeys: `check`, Open, Save and import all use
//! [`MAX_DATASET_BYTES`], so the app never writes a file it will not open again.

/// The largest dataset file, in bytes, that is read or written (1 GiB). A generated dataset of
/// a million records is about 380 MB as RON, so it fits with room to spare; a file above this is
/// refused from its size alone, before any of it is read, and Save refuses a dataset whose text
/// would be longer.
pub const MAX_DATASET_BYTES: u64 = 1 << 30;

// The limit may grow, never shrink below 1 GiB (a million-record dataset must fit).
const _: () = assert!(MAX_DATASET_BYTES >= 1 << 30);

/// `bytes` in plain words for messages: "1 GiB", "277.3 MB", "512 bytes".
pub fn human_bytes(bytes: u64) -> String {
    const GIB: u64 = 1 << 30;
    const MIB: u64 = 1 << 20;
    if bytes >= GIB && bytes.is_multiple_of(GIB) {
        format!("{} GiB", bytes / GIB)
    } else if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1000 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else if bytes == 1 {
        "1 byte".into()
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_reads_as_one_gib() {
        assert_eq!(human_bytes(MAX_DATASET_BYTES), "1 GiB");
    }

    #[test]
    fn sizes_read_in_plain_words() {
        assert_eq!(human_bytes(1), "1 byte");
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(1500), "1.5 kB");
        assert_eq!(human_bytes(256 << 20), "256 MiB");
        assert_eq!(human_bytes(277_300_000), "277.3 MB");
    }
}
