"""Type stubs of the extension module; ``tinhloc`` re-exports every name."""

from collections.abc import Iterable
from typing import Literal, Optional, TypedDict, Union, final

__version__: str

Html = Union[bytes, str]
Item = Union[Html, tuple[Html, Optional[str]], tuple[Html, Optional[str], Optional[str]]]
Scope = Literal["article", "any"]
Policy = Literal["balanced", "precision", "recall"]
PageType = Literal["article", "listing", "forum", "product", "collection", "documentation", "service"]

class Comment(TypedDict):
    """A reader comment or forum reply."""

    text: str
    author: Optional[str]
    published: Optional[str]

@final
class Article:
    """An extracted article (immutable). Times are RFC 3339 strings."""

    @property
    def text(self) -> str: ...
    @property
    def markdown(self) -> str: ...
    @property
    def html(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def published(self) -> Optional[str]: ...
    @property
    def modified(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def page_type(self) -> PageType: ...
    @property
    def site_name(self) -> Optional[str]: ...
    @property
    def url(self) -> Optional[str]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def image(self) -> Optional[str]: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def encoding(self) -> str: ...
    @property
    def comments(self) -> list[Comment]: ...
    def to_dict(self) -> dict[str, Union[str, list[str], list[Comment], None]]: ...
    def to_json(self) -> str: ...

class TinhlocError(Exception):
    """Base class of every error tinhloc raises."""

class NoArticle(TinhlocError):
    """The page has no single article."""

    kind: Literal[
        "listing", "too_short", "empty_input", "not_html", "undecodable", "markup_as_text",
        "other",
    ]
    page_type: PageType

class InputTooLarge(TinhlocError):
    """The input is larger than ``max_input_bytes``."""

    size: int
    limit: int

class InvalidUrl(TinhlocError):
    """``url`` is not an absolute URL."""

    url: str
    reason: str

class TooManyNodes(TinhlocError):
    """The document has more nodes than ``max_nodes``."""

    limit: int

class TooDeep(TinhlocError):
    """The document nests deeper than ``max_depth``."""

    limit: int

class TimeBudgetExceeded(TinhlocError):
    """The page took longer than ``time_budget`` seconds."""

    budget: float

class InternalError(TinhlocError):
    """A caught panic inside tinhloc (a bug)."""

def extract(
    html: Html,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    *,
    scope: Scope = "article",
    policy: Policy = "balanced",
    keep_tables: bool = True,
    keep_captions: bool = False,
    keep_images: bool = False,
    keep_links: bool = False,
    language: Optional[str] = None,
    min_text_chars: Optional[int] = None,
    max_input_bytes: Optional[int] = None,
    max_nodes: Optional[int] = None,
    max_depth: Optional[int] = None,
    time_budget: Optional[float] = None,
) -> Article: ...
def extract_many(
    items: Iterable[Item],
    threads: Optional[int] = None,
    *,
    scope: Scope = "article",
    policy: Policy = "balanced",
    keep_tables: bool = True,
    keep_captions: bool = False,
    keep_images: bool = False,
    keep_links: bool = False,
    language: Optional[str] = None,
    min_text_chars: Optional[int] = None,
    max_input_bytes: Optional[int] = None,
    max_nodes: Optional[int] = None,
    max_depth: Optional[int] = None,
    time_budget: Optional[float] = None,
) -> list[Union[Article, TinhlocError]]: ...
