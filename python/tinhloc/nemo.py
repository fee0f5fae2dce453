"""tinhloc in the shape of NeMo Curator's HTML extraction algorithms.

NeMo Curator's Common Crawl pipeline takes an algorithm object with
``extract_text(html, stop_words, language) -> list[str] | None`` (paragraphs, or None
when the page has nothing worth keeping). :class:`TinhlocHTMLExtractor` has that method,
so it can be passed where NeMo Curator takes ``JusTextExtractor()`` or
``TrafilaturaExtractor()``; it subclasses NeMo Curator's ``HTMLExtractorAlgorithm`` when
that package is installed, and stands alone otherwise. :func:`extract_text` is the same
as a plain function.
"""

from __future__ import annotations

from typing import Any, Optional

from ._tinhloc import NoArticle, extract

try:  # NeMo Curator is large and optional: subclass its base only when it is there.
    from nemo_curator.stages.text.download.html_extractors import (  # type: ignore[import-not-found]
        HTMLExtractorAlgorithm as _Base,
    )
except ImportError:  # pragma: no cover - depends on the environment
    _Base = object

# NeMo Curator names languages as pycld2 does ("ENGLISH"); these are the ones whose
# boilerplate phrase lists tinhloc has. Any other language is left to tinhloc to detect.
_LANGUAGE_CODES = {"VIETNAMESE": "vi", "ENGLISH": "en", "ARABIC": "ar"}


def _language_code(language: Optional[str]) -> Optional[str]:
    if not language:
        return None
    code = _LANGUAGE_CODES.get(language.upper())
    if code is None and len(language) == 2 and language.isalpha():
        code = language.lower()
    return code


def extract_text(
    html: str | bytes,
    stop_words: Any = None,
    language: Optional[str] = None,
    **options: Any,
) -> Optional[list[str]]:
    """The page's main-text paragraphs, or None when it has no article.

    ``stop_words`` is accepted for NeMo Curator's signature and not used (tinhloc scores
    blocks by its own features). ``language`` is a NeMo Curator language name
    ("VIETNAMESE") or an ISO 639-1 code; None lets tinhloc read the page's language.
    ``options`` are keyword options of :func:`tinhloc.extract`.
    """
    del stop_words
    code = _language_code(language)
    if code is not None and "language" not in options:
        options["language"] = code
    try:
        article = extract(html, **options)
    except NoArticle:
        return None
    paragraphs = [line for line in article.text.split("\n") if line.strip()]
    return paragraphs or None


class TinhlocHTMLExtractor(_Base):  # type: ignore[misc, valid-type]
    """An HTML extraction algorithm for NeMo Curator, backed by tinhloc.

    ``options`` are keyword options of :func:`tinhloc.extract`, used for every page.
    """

    def __init__(self, **options: Any) -> None:
        self.options = options

    def extract_text(
        self, html: str, stop_words: Any, language: Optional[str]
    ) -> Optional[list[str]]:
        """Paragraphs of the main text, or None; see :func:`tinhloc.nemo.extract_text`."""
        return extract_text(html, stop_words, language, **dict(self.options))
