//! Python bindings of tinhloc: takes HTML (`bytes` or `str`) and options from Python and
//! returns `Article` objects or typed exceptions.
//!
//! The extraction itself runs detached from the interpreter (the GIL is released), so
//! Python threads can run beside it, and `extract_many` runs a batch on its own threads.
//! A panic inside the library is caught and becomes a `tinhloc.InternalError`; it never
//! unwinds into Python.

use std::borrow::Cow;
use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList, PyString, PyTuple};
use tinhloc::{Error, Extractor, Policy, Scope};

create_exception!(
    tinhloc,
    TinhlocError,
    PyException,
    "Base class of every error tinhloc raises."
);
create_exception!(
    tinhloc,
    NoArticle,
    TinhlocError,
    "The page has no single article. `kind` says what it is instead (\"listing\", \
     \"too_short\", \"empty_input\", \"not_html\"); `page_type` what its markup claims \
     (\"article\" or \"listing\")."
);
create_exception!(
    tinhloc,
    InputTooLarge,
    TinhlocError,
    "The input is larger than `max_input_bytes`; `size` and `limit` are in bytes."
);
create_exception!(
    tinhloc,
    InvalidUrl,
    TinhlocError,
    "The `url` given does not parse as an absolute URL; `url` and `reason` say which and why."
);
create_exception!(
    tinhloc,
    TooManyNodes,
    TinhlocError,
    "The document has more nodes than `max_nodes`; `limit` is that limit."
);
create_exception!(
    tinhloc,
    TooDeep,
    TinhlocError,
    "The document nests elements deeper than `max_depth`; `limit` is that limit."
);
create_exception!(
    tinhloc,
    TimeBudgetExceeded,
    TinhlocError,
    "The page took longer than `time_budget`; `budget` is that budget in seconds."
);
create_exception!(
    tinhloc,
    InternalError,
    TinhlocError,
    "A bug in tinhloc (a caught panic) on this input; please report it with the page."
);

/// Why one page gave no article, before it becomes a Python exception (which needs the
/// interpreter, so it is built after the detached work).
enum Failure {
    /// An error of the library.
    Library(Error),
    /// A caught panic, with its message.
    Panic(String),
}

/// An extracted article, with its plain text already rendered on the worker thread.
struct Extracted {
    article: tinhloc::Article,
    text: String,
}

/// One page as received from Python: owned, so it can cross to worker threads.
enum Html {
    Bytes(Vec<u8>),
    Text(String),
}

/// One page of a batch: the HTML, its URL and its Content-Type header.
struct Page {
    html: Html,
    url: Option<String>,
    content_type: Option<String>,
}

/// Converts `bytes` or `str` into an owned page body.
fn html_from(value: &Bound<'_, PyAny>) -> PyResult<Html> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        Ok(Html::Bytes(bytes.as_bytes().to_vec()))
    } else if let Ok(text) = value.cast::<PyString>() {
        Ok(Html::Text(text.to_cow()?.into_owned()))
    } else {
        Err(PyTypeError::new_err(format!(
            "html must be bytes or str, not {}",
            value.get_type().name()?
        )))
    }
}

/// The message of a caught panic payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        String::from("unknown panic")
    }
}

/// Extracts one page with `extractor`, setting its base URL first; never panics.
fn run_one(
    extractor: &Extractor,
    html: &Html,
    url: Option<&str>,
    content_type: Option<&str>,
) -> Result<Extracted, Failure> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let with_url;
        let extractor = match url {
            Some(url) => {
                with_url = extractor.clone().base_url(url)?;
                &with_url
            }
            None => extractor,
        };
        let article = match html {
            Html::Bytes(bytes) => extractor.extract_bytes(bytes, content_type)?,
            Html::Text(text) => extractor.extract(text)?,
        };
        let text = article.text();
        Ok(Extracted { article, text })
    }));
    match outcome {
        Ok(result) => result.map_err(Failure::Library),
        Err(payload) => Err(Failure::Panic(panic_message(payload.as_ref()))),
    }
}

/// Comments as a list of dicts.
fn comment_list<'py>(
    py: Python<'py>,
    comments: &[tinhloc::Comment],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for comment in comments {
        let dict = PyDict::new(py);
        dict.set_item("text", &comment.text)?;
        dict.set_item("author", comment.author.as_deref())?;
        dict.set_item("published", comment.published.as_deref())?;
        list.append(dict)?;
    }
    Ok(list)
}

/// Builds an exception of type `T` with `message` and sets `attributes` on it.
fn exception_with<T: pyo3::PyTypeInfo>(
    py: Python<'_>,
    message: String,
    attributes: &[(&str, Bound<'_, PyAny>)],
) -> PyErr {
    let error = PyErr::new::<T, _>(message);
    let value = error.value(py);
    for (name, attribute) in attributes {
        if let Err(failed) = value.setattr(*name, attribute) {
            return failed;
        }
    }
    error
}

/// The Python exception for a failure.
fn to_pyerr(py: Python<'_>, failure: Failure) -> PyErr {
    let error = match failure {
        Failure::Library(error) => error,
        Failure::Panic(message) => {
            return InternalError::new_err(format!("tinhloc panicked: {message}"));
        }
    };
    let message = error.to_string();
    let string = |s: &str| PyString::new(py, s).into_any();
    let number = |n: usize| n.into_pyobject(py).map(Bound::into_any);
    let numbers =
        |pairs: &[(&'static str, usize)]| -> PyResult<Vec<(&'static str, Bound<'_, PyAny>)>> {
            pairs
                .iter()
                .map(|(name, n)| Ok((*name, number(*n)?)))
                .collect()
        };
    match error {
        Error::NoArticle { kind, page_type } => exception_with::<NoArticle>(
            py,
            message,
            &[
                ("kind", string(kind.name())),
                ("page_type", string(page_type.name())),
            ],
        ),
        Error::InvalidUrl { url, reason } => exception_with::<InvalidUrl>(
            py,
            message,
            &[("url", string(&url)), ("reason", string(&reason))],
        ),
        Error::InputTooLarge { size, limit } => {
            match numbers(&[("size", size), ("limit", limit)]) {
                Ok(attributes) => exception_with::<InputTooLarge>(py, message, &attributes),
                Err(failed) => failed,
            }
        }
        Error::TooManyNodes { limit } => match numbers(&[("limit", limit)]) {
            Ok(attributes) => exception_with::<TooManyNodes>(py, message, &attributes),
            Err(failed) => failed,
        },
        Error::TooDeep { limit } => match numbers(&[("limit", limit)]) {
            Ok(attributes) => exception_with::<TooDeep>(py, message, &attributes),
            Err(failed) => failed,
        },
        Error::TimeBudgetExceeded { budget } => {
            let seconds = PyFloat::new(py, budget.as_secs_f64()).into_any();
            exception_with::<TimeBudgetExceeded>(py, message, &[("budget", seconds)])
        }
        // A variant added to the library after these bindings: the base class, with the
        // library's message.
        _ => TinhlocError::new_err(message),
    }
}

/// The extraction options shared by `extract` and `extract_many`.
struct Options<'a> {
    scope: &'a str,
    policy: &'a str,
    keep_tables: bool,
    keep_captions: bool,
    keep_images: bool,
    keep_links: bool,
    language: Option<&'a str>,
    min_text_chars: Option<usize>,
    max_input_bytes: Option<usize>,
    max_nodes: Option<usize>,
    max_depth: Option<usize>,
    time_budget: Option<f64>,
}

impl Options<'_> {
    /// The extractor these options describe; `ValueError` for an unknown scope or policy.
    fn extractor(&self) -> PyResult<Extractor> {
        let scope = match self.scope {
            "article" => Scope::Article,
            "any" => Scope::Any,
            other => {
                return Err(PyValueError::new_err(format!(
                    "scope must be \"article\" or \"any\", not {other:?}"
                )));
            }
        };
        let policy = match self.policy {
            "balanced" => Policy::Balanced,
            "precision" => Policy::Precision,
            "recall" => Policy::Recall,
            other => {
                return Err(PyValueError::new_err(format!(
                    "policy must be \"balanced\", \"precision\" or \"recall\", not {other:?}"
                )));
            }
        };
        let mut extractor = Extractor::new()
            .scope(scope)
            .policy(policy)
            .keep_tables(self.keep_tables)
            .keep_captions(self.keep_captions)
            .keep_images(self.keep_images)
            .keep_links(self.keep_links);
        if let Some(language) = self.language {
            extractor = extractor.language(language);
        }
        if let Some(chars) = self.min_text_chars {
            extractor = extractor.min_text_chars(chars);
        }
        if let Some(bytes) = self.max_input_bytes {
            extractor = extractor.max_input_bytes(bytes);
        }
        if let Some(nodes) = self.max_nodes {
            extractor = extractor.max_nodes(nodes);
        }
        if let Some(seconds) = self.time_budget {
            let budget = std::time::Duration::try_from_secs_f64(seconds).map_err(|_| {
                PyValueError::new_err(format!(
                    "time_budget must be a positive number of seconds, not {seconds}"
                ))
            })?;
            extractor = extractor.time_budget(budget);
        }
        if let Some(depth) = self.max_depth {
            extractor = extractor.max_depth(depth);
        }
        Ok(extractor)
    }
}

/// What a pickled `Article` keeps: the crate's JSON, then text, Markdown and HTML.
type PickleState = (String, String, String, String);

/// An extracted article: main text in three renderings, and the page's metadata.
#[pyclass(frozen, module = "tinhloc", name = "Article")]
struct PyArticle {
    inner: tinhloc::Article,
    text: String,
    markdown: OnceLock<String>,
    html: OnceLock<String>,
}

impl PyArticle {
    fn new(extracted: Extracted) -> Self {
        Self {
            inner: extracted.article,
            text: extracted.text,
            markdown: OnceLock::new(),
            html: OnceLock::new(),
        }
    }

    fn markdown_str(&self, py: Python<'_>) -> &str {
        self.markdown
            .get_or_init(|| py.detach(|| self.inner.markdown()))
    }

    fn html_str(&self, py: Python<'_>) -> &str {
        self.html.get_or_init(|| py.detach(|| self.inner.html()))
    }
}

#[pymethods]
impl PyArticle {
    /// The main text, one block per line.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The main text as Markdown (rendered on first access).
    #[getter]
    fn markdown(&self, py: Python<'_>) -> &str {
        self.markdown_str(py)
    }

    /// The main text as a safe HTML fragment (rendered on first access).
    #[getter]
    fn html(&self, py: Python<'_>) -> &str {
        self.html_str(py)
    }

    /// The headline, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title()
    }

    /// The authors' names, in page order.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.inner.authors().to_vec()
    }

    /// Publication time as an RFC 3339 string, or None.
    #[getter]
    fn published(&self) -> Option<&str> {
        self.inner.published()
    }

    /// Last modification time as an RFC 3339 string, or None.
    #[getter]
    fn modified(&self) -> Option<&str> {
        self.inner.modified()
    }

    /// Language as a lowercase ISO 639-1 code, or None.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.inner.language()
    }

    /// "article" or "listing", from the page's markup.
    #[getter]
    fn page_type(&self) -> &'static str {
        self.inner.page_type().name()
    }

    /// The site or publication name, or None.
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.inner.site_name()
    }

    /// The canonical URL of the page, or None.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url()
    }

    /// The description or lead, or None.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.metadata().description.as_deref()
    }

    /// The main image URL, or None.
    #[getter]
    fn image(&self) -> Option<&str> {
        self.inner.metadata().image.as_deref()
    }

    /// Tags and categories.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.inner.metadata().tags.clone()
    }

    /// The character encoding the page was decoded from, such as "UTF-8".
    #[getter]
    fn encoding(&self) -> &str {
        self.inner.encoding()
    }

    /// Reader comments and forum replies, in page order: a list of dicts with
    /// "text", "author" and "published" (the last two may be None).
    #[getter]
    fn comments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        comment_list(py, self.inner.comments())
    }

    /// Every attribute in a dict (text, markdown, html, the metadata and comments).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let metadata = self.inner.metadata();
        dict.set_item("text", &self.text)?;
        dict.set_item("markdown", self.markdown_str(py))?;
        dict.set_item("html", self.html_str(py))?;
        dict.set_item("title", self.inner.title())?;
        dict.set_item("authors", PyList::new(py, self.inner.authors())?)?;
        dict.set_item("published", self.inner.published())?;
        dict.set_item("modified", self.inner.modified())?;
        dict.set_item("language", self.inner.language())?;
        dict.set_item("page_type", self.inner.page_type().name())?;
        dict.set_item("site_name", self.inner.site_name())?;
        dict.set_item("url", self.inner.url())?;
        dict.set_item("description", metadata.description.as_deref())?;
        dict.set_item("image", metadata.image.as_deref())?;
        dict.set_item("tags", PyList::new(py, &metadata.tags)?)?;
        dict.set_item("encoding", self.inner.encoding())?;
        dict.set_item("comments", comment_list(py, self.inner.comments())?)?;
        Ok(dict)
    }

    /// The article as one line of JSON, in the schema of the Rust crate's
    /// `Article::to_json` (metadata, text, body blocks, encoding).
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_json())
    }

    /// Pickling (Spark, multiprocessing): the crate's JSON plus the three renderings, so
    /// the copy gives the same Markdown and HTML even with links or images kept.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, PickleState)> {
        let restore = py
            .import("tinhloc._tinhloc")?
            .getattr("_article_from_state")?;
        let state = (
            self.to_json(py),
            self.text.clone(),
            self.markdown_str(py).to_owned(),
            self.html_str(py).to_owned(),
        );
        Ok((restore, state))
    }

    fn __repr__(&self) -> String {
        let title: Cow<'_, str> = match self.inner.title() {
            Some(title) => format!("{title:?}").into(),
            None => "None".into(),
        };
        format!(
            "Article(title={title}, language={:?}, chars={})",
            self.inner.language().unwrap_or(""),
            self.text.chars().count()
        )
    }
}

/// Rebuilds a pickled `Article` from its state (see `Article.__reduce__`).
#[pyfunction]
fn _article_from_state(
    json: &str,
    text: String,
    markdown: String,
    html: String,
) -> PyResult<PyArticle> {
    let article: tinhloc::Article = serde_json::from_str(json)
        .map_err(|error| PyValueError::new_err(format!("not a pickled Article: {error}")))?;
    Ok(PyArticle {
        inner: article,
        text,
        markdown: OnceLock::from(markdown),
        html: OnceLock::from(html),
    })
}

/// Extracts the article of one page; raises a `TinhlocError` subclass when there is none.
#[pyfunction]
#[pyo3(signature = (
    html, url=None, content_type=None, *, scope="article", policy="balanced",
    keep_tables=true, keep_captions=false, keep_images=false, keep_links=false,
    language=None, min_text_chars=None, max_input_bytes=None, max_nodes=None, max_depth=None,
    time_budget=None
))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&str>,
    content_type: Option<&str>,
    scope: &str,
    policy: &str,
    keep_tables: bool,
    keep_captions: bool,
    keep_images: bool,
    keep_links: bool,
    language: Option<&str>,
    min_text_chars: Option<usize>,
    max_input_bytes: Option<usize>,
    max_nodes: Option<usize>,
    max_depth: Option<usize>,
    time_budget: Option<f64>,
) -> PyResult<PyArticle> {
    let extractor = Options {
        scope,
        policy,
        keep_tables,
        keep_captions,
        keep_images,
        keep_links,
        language,
        min_text_chars,
        max_input_bytes,
        max_nodes,
        max_depth,
        time_budget,
    }
    .extractor()?;
    let html = html_from(html)?;
    let result = py.detach(|| run_one(&extractor, &html, url, content_type));
    match result {
        Ok(extracted) => Ok(PyArticle::new(extracted)),
        Err(failure) => Err(to_pyerr(py, failure)),
    }
}

/// Reads one item of `extract_many`: html, (html, url) or (html, url, content_type).
fn page_from(item: &Bound<'_, PyAny>) -> PyResult<Page> {
    let Ok(tuple) = item.cast::<PyTuple>() else {
        return Ok(Page {
            html: html_from(item)?,
            url: None,
            content_type: None,
        });
    };
    let optional = |index: usize| -> PyResult<Option<String>> {
        match tuple.get_item(index) {
            Ok(value) if !value.is_none() => Ok(Some(value.extract::<String>()?)),
            _ => Ok(None),
        }
    };
    match tuple.len() {
        2 | 3 => Ok(Page {
            html: html_from(&tuple.get_item(0)?)?,
            url: optional(1)?,
            content_type: optional(2)?,
        }),
        n => Err(PyTypeError::new_err(format!(
            "an item must be html or a tuple (html, url) or (html, url, content_type), \
             not a tuple of {n}"
        ))),
    }
}

/// Runs `pages` on `threads` threads, each taking the next page as it finishes one;
/// results are in page order.
fn run_batch(
    extractor: &Extractor,
    pages: &[Page],
    threads: usize,
) -> Vec<Result<Extracted, Failure>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(page) = pages.get(index) else {
                break;
            };
            let result = run_one(
                extractor,
                &page.html,
                page.url.as_deref(),
                page.content_type.as_deref(),
            );
            done.push((index, result));
        }
        done
    };
    let mut slots: Vec<Option<Result<Extracted, Failure>>> =
        std::iter::repeat_with(|| None).take(pages.len()).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        for handle in handles {
            // `run_one` catches panics, so a worker cannot panic; were one to, its pages
            // stay unfilled and are reported below.
            if let Ok(done) = handle.join() {
                for (index, result) in done {
                    if let Some(slot) = slots.get_mut(index) {
                        *slot = Some(result);
                    }
                }
            }
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.unwrap_or_else(|| Err(Failure::Panic(String::from("worker thread failed"))))
        })
        .collect()
}

/// Extracts many pages in parallel with the GIL released; returns, per item and in order,
/// an `Article` or the exception instance (never raises for one bad page).
#[pyfunction]
#[pyo3(signature = (
    items, threads=None, *, scope="article", policy="balanced",
    keep_tables=true, keep_captions=false, keep_images=false, keep_links=false,
    language=None, min_text_chars=None, max_input_bytes=None, max_nodes=None, max_depth=None,
    time_budget=None
))]
#[allow(clippy::too_many_arguments)]
fn extract_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threads: Option<usize>,
    scope: &str,
    policy: &str,
    keep_tables: bool,
    keep_captions: bool,
    keep_images: bool,
    keep_links: bool,
    language: Option<&str>,
    min_text_chars: Option<usize>,
    max_input_bytes: Option<usize>,
    max_nodes: Option<usize>,
    max_depth: Option<usize>,
    time_budget: Option<f64>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = Options {
        scope,
        policy,
        keep_tables,
        keep_captions,
        keep_images,
        keep_links,
        language,
        min_text_chars,
        max_input_bytes,
        max_nodes,
        max_depth,
        time_budget,
    }
    .extractor()?;
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
    };
    let pages = items
        .try_iter()?
        .map(|item| page_from(&item?))
        .collect::<PyResult<Vec<_>>>()?;
    let threads = threads.min(pages.len()).max(1);
    let results = py.detach(|| run_batch(&extractor, &pages, threads));
    let list = PyList::empty(py);
    for result in results {
        match result {
            Ok(extracted) => list.append(Bound::new(py, PyArticle::new(extracted))?)?,
            Err(failure) => list.append(to_pyerr(py, failure).into_value(py))?,
        }
    }
    Ok(list)
}

/// The extension module, imported as `tinhloc._tinhloc` and re-exported by `tinhloc`.
#[pymodule]
fn _tinhloc(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(extract_many, module)?)?;
    module.add_function(wrap_pyfunction!(_article_from_state, module)?)?;
    module.add_class::<PyArticle>()?;
    module.add("TinhlocError", py.get_type::<TinhlocError>())?;
    module.add("NoArticle", py.get_type::<NoArticle>())?;
    module.add("InputTooLarge", py.get_type::<InputTooLarge>())?;
    module.add("InvalidUrl", py.get_type::<InvalidUrl>())?;
    module.add("TooManyNodes", py.get_type::<TooManyNodes>())?;
    module.add("TooDeep", py.get_type::<TooDeep>())?;
    module.add("TimeBudgetExceeded", py.get_type::<TimeBudgetExceeded>())?;
    module.add("InternalError", py.get_type::<InternalError>())?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
