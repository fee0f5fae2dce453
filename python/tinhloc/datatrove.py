"""A datatrove extractor backed by tinhloc.

Use it where a pipeline has ``Trafilatura()``::

    from datatrove.pipeline.readers import WarcReader
    from tinhloc.datatrove import TinhlocExtractor

    pipeline = [WarcReader("s3://commoncrawl/crawl-data/..."), TinhlocExtractor(), ...]

A page without an article (a listing, an empty or too short page) gives empty text, which
datatrove counts as ``dropped``; any other tinhloc error is counted as ``clean_error``.
Requires the ``datatrove`` package (``pip install tinhloc[datatrove]``).
"""

from __future__ import annotations

from typing import Any, Literal

from datatrove.pipeline.extractors.base import BaseExtractor

from ._tinhloc import NoArticle, extract


class TinhlocExtractor(BaseExtractor):
    """datatrove's ``BaseExtractor`` with tinhloc doing the extraction.

    Args:
        timeout: seconds per document, enforced by datatrove's sandbox process.
        output: ``"text"`` (one block per line) or ``"markdown"``.
        **options: keyword options of :func:`tinhloc.extract` (``scope``, ``policy``,
            ``keep_tables``, ``language``, ...).
    """

    name = "⛏ tinhloc"
    _requires_dependencies = ["tinhloc"]

    def __init__(
        self,
        timeout: float = 1,
        output: Literal["text", "markdown"] = "text",
        **options: Any,
    ) -> None:
        super().__init__(timeout)
        if output not in ("text", "markdown"):
            raise ValueError(f'output must be "text" or "markdown", not {output!r}')
        self.output = output
        self.options = options
        # Unknown or invalid options fail here, when the pipeline is built, not per page.
        try:
            extract("", **options)
        except NoArticle:
            pass

    def extract(self, text: str) -> str:
        """The main text of the HTML page ``text``; empty when the page has no article."""
        try:
            article = extract(text, **self.options)
        except NoArticle:
            return ""
        return article.markdown if self.output == "markdown" else article.text
