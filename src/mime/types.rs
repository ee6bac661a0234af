//! A small table from file-name extensions to media types (RFC 2046, the IANA registry),
//! for an attachment's Content-Type. Anything unknown is `application/octet-stream`
//! (RFC 2046 §4.5.1: "arbitrary binary data"), as seed 004 sends every attachment.

/// The fallback media type.
pub const OCTET_STREAM: &str = "application/octet-stream";

/// Extension (lower case, without the dot) → media type.
pub const TABLE: &[(&str, &str)] = &[
    ("txt", "text/plain"),
    ("log", "text/plain"),
    ("csv", "text/csv"),
    ("htm", "text/html"),
    ("html", "text/html"),
    ("css", "text/css"),
    ("ics", "text/calendar"),
    ("md", "text/markdown"),
    ("xml", "application/xml"),
    ("json", "application/json"),
    ("pdf", "application/pdf"),
    ("rtf", "application/rtf"),
    ("zip", "application/zip"),
    ("gz", "application/gzip"),
    ("tar", "application/x-tar"),
    ("7z", "application/x-7z-compressed"),
    ("rar", "application/vnd.rar"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("xls", "application/vnd.ms-excel"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("ppt", "application/vnd.ms-powerpoint"),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("bmp", "image/bmp"),
    ("webp", "image/webp"),
    ("svg", "image/svg+xml"),
    ("ico", "image/vnd.microsoft.icon"),
    ("mp3", "audio/mpeg"),
    ("wav", "audio/wav"),
    ("ogg", "audio/ogg"),
    ("mp4", "video/mp4"),
    ("webm", "video/webm"),
];

/// The media type for `filename` by its extension, and the extension that decided it
/// (`None` when the fallback [`OCTET_STREAM`] was used).
pub fn guess(filename: &str) -> (&'static str, Option<&'static str>) {
    let Some((_, extension)) = filename.rsplit_once('.') else {
        return (OCTET_STREAM, None);
    };
    TABLE
        .iter()
        .find(|(ext, _)| ext.eq_ignore_ascii_case(extension))
        .map(|(ext, mime)| (*mime, Some(*ext)))
        .unwrap_or((OCTET_STREAM, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_extension_case_insensitively() {
        assert_eq!(guess("att.txt"), ("text/plain", Some("txt")));
        assert_eq!(guess("报告.PDF"), ("application/pdf", Some("pdf")));
        assert_eq!(guess("archive.tar.gz"), ("application/gzip", Some("gz")));
        assert_eq!(guess("README"), (OCTET_STREAM, None));
        assert_eq!(guess("data.bin"), (OCTET_STREAM, None));
    }
}
