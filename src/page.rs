//! `Page`: one input of a batch ([`Extractor::extract_many`](crate::Extractor::extract_many)):
//! the bytes as served, their Content-Type and the page's URL.

/// One page for [`Extractor::extract_many`](crate::Extractor::extract_many): its bytes and,
/// when known, the HTTP Content-Type (which gives the charset) and the URL (which resolves
/// relative links and images, as [`Extractor::base_url`](crate::Extractor::base_url)
/// does). Borrows its parts; cheap to copy.
///
/// ```
/// let page = tinhloc::Page::new("<p>Xin chào</p>".as_bytes())
///     .content_type("text/html; charset=utf-8")
///     .url("https://baomau.vn/tin/1");
/// # let _ = page;
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) content_type: Option<&'a str>,
    pub(crate) url: Option<&'a str>,
}

impl<'a> Page<'a> {
    /// A page of `bytes`, with no Content-Type (the charset is found from a BOM, the
    /// `<meta>` tags or the bytes) and no URL (links stay as written).
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            content_type: None,
            url: None,
        }
    }

    /// Sets the HTTP `Content-Type` header value, such as `"text/html; charset=utf-8"`.
    /// The default is none.
    #[must_use]
    pub fn content_type(mut self, content_type: &'a str) -> Self {
        self.content_type = Some(content_type);
        self
    }

    /// Sets the page's absolute URL, which resolves its relative links and images. The
    /// default is none; a URL that does not parse gives the page
    /// [`Error::InvalidUrl`](crate::Error::InvalidUrl).
    #[must_use]
    pub fn url(mut self, url: &'a str) -> Self {
        self.url = Some(url);
        self
    }
}
