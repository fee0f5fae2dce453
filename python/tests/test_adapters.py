"""The datatrove extractor (against the real datatrove) and the NeMo Curator-style one."""

from __future__ import annotations

import pytest
import tinhloc
from conftest import DEFAULT_SCOPE_ARTICLES, LISTINGS

datatrove = pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.pipeline.extractors.base import BaseExtractor  # noqa: E402

from tinhloc.datatrove import TinhlocExtractor  # noqa: E402
from tinhloc.nemo import TinhlocHTMLExtractor, extract_text  # noqa: E402


def documents() -> list[Document]:
    pages = DEFAULT_SCOPE_ARTICLES[:5] + LISTINGS[:2]
    return [
        Document(text=page.source.decode("utf-8"), id=page.name, metadata={"url": page.url})
        for page in pages
    ]


def test_datatrove_extractor_is_a_base_extractor():
    extractor = TinhlocExtractor()
    assert isinstance(extractor, BaseExtractor)
    # datatrove's sandbox warms the extractor up with an empty text.
    assert extractor.extract("") == ""


def test_datatrove_pipeline_keeps_articles_and_drops_listings():
    docs = documents()
    expected = {}
    for doc in docs:
        try:
            expected[doc.id] = tinhloc.extract(doc.text).text
        except tinhloc.NoArticle:
            pass
    assert len(expected) == 5
    extractor = TinhlocExtractor(timeout=30)
    out = list(extractor.run(iter(documents())))
    assert {doc.id: doc.text for doc in out} == expected
    stats = extractor.stats
    assert stats["extracted"].total == len(docs)
    assert stats["dropped"].total == 2
    assert stats["forwarded"].total == 5


def test_datatrove_options_and_markdown():
    doc = documents()[0]
    markdown = TinhlocExtractor(output="markdown", keep_links=True).extract(doc.text)
    assert markdown == tinhloc.extract(doc.text, keep_links=True).markdown
    with pytest.raises(ValueError):
        TinhlocExtractor(scope="everything")
    with pytest.raises(TypeError):
        TinhlocExtractor(no_such_option=True)
    with pytest.raises(ValueError):
        TinhlocExtractor(output="xml")


def test_nemo_extract_text_gives_paragraphs_or_none():
    page = DEFAULT_SCOPE_ARTICLES[0]
    html = page.source.decode("utf-8")
    paragraphs = extract_text(html, frozenset({"the"}), "ENGLISH")
    article = tinhloc.extract(html, language="en")
    assert paragraphs == [p for p in article.text.split("\n") if p.strip()]
    assert extract_text(LISTINGS[0].source.decode("utf-8"), frozenset(), "VIETNAMESE") is None
    assert extract_text("", frozenset(), "ENGLISH") is None


def test_nemo_algorithm_object():
    algorithm = TinhlocHTMLExtractor(scope="any")
    listing = LISTINGS[0].source.decode("utf-8")
    paragraphs = algorithm.extract_text(listing, frozenset(), "VIETNAMESE")
    assert paragraphs and all(p.strip() for p in paragraphs)
    assert paragraphs == [
        p for p in tinhloc.extract(listing, scope="any", language="vi").text.split("\n")
        if p.strip()
    ]
    # An unknown language name is left to tinhloc to detect.
    assert algorithm.extract_text(listing, frozenset(), "KLINGON") == [
        p for p in tinhloc.extract(listing, scope="any").text.split("\n") if p.strip()
    ]
