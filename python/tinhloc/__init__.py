"""tinhloc: the main text and metadata of news pages, extracted in Rust.

>>> import tinhloc
>>> article = tinhloc.extract(page_bytes, url="https://example.com/a.html")  # doctest: +SKIP
>>> article.title, article.text  # doctest: +SKIP

``extract`` raises a :class:`TinhlocError` subclass when a page has no article
(:class:`NoArticle`, with ``.kind`` such as ``"listing"``) or is over a limit.
``extract_many`` runs a batch on its own threads with the GIL released and returns,
for each item, an :class:`Article` or the exception instance.

Adapters: :mod:`tinhloc.datatrove` (a datatrove extractor) and :mod:`tinhloc.nemo`
(NeMo Curator's ``extract_text`` shape).
"""

from ._tinhloc import (
    Article,
    InputTooLarge,
    InternalError,
    InvalidUrl,
    NoArticle,
    TimeBudgetExceeded,
    TinhlocError,
    TooDeep,
    TooManyNodes,
    __version__,
    extract,
    extract_many,
)

__all__ = [
    "Article",
    "InputTooLarge",
    "InternalError",
    "InvalidUrl",
    "NoArticle",
    "TimeBudgetExceeded",
    "TinhlocError",
    "TooDeep",
    "TooManyNodes",
    "__version__",
    "extract",
    "extract_many",
]
