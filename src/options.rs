//! The options every stage may read: a leaf module with no stage behind it, so the stages
//! import their settings from below them in the data flow, never from the extractor.

use std::time::{Duration, Instant};

/// Steps of a long loop (tokens in the tokenizer, tree edges in segmentation) between two
/// looks at the clock. A look costs about 25 ns and a step at least 10 ns, so checking
/// every 1024 steps costs under 0.3 % and lets a budget run over by well under a
/// millisecond.
const BUDGET_CHECK_STEPS: u32 = 1024;

/// How the extractor trades precision against recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Policy {
    /// Drop doubtful blocks: less cruft, sometimes a lost paragraph.
    Precision,
    /// The tuned default.
    #[default]
    Balanced,
    /// Keep doubtful blocks: every paragraph, sometimes a teaser too.
    Recall,
}

/// What part of a page the extractor returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scope {
    /// The article of a news or blog page. A listing or home page gives
    /// [`Error::NoArticle`](crate::Error::NoArticle).
    #[default]
    Article,
    /// The main content of any page: the article where there is one; otherwise the
    /// page's own content, such as a forum thread with its replies, a product's
    /// description, a documentation page, or a listing's items with their summaries.
    Any,
}

/// The options the stages read, resolved once per extraction.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub policy: Policy,
    /// Read the page as any page, not as an article: teasers, title links and replies
    /// count as content and no listing verdict is given (the second reading of
    /// [`Scope::Any`]).
    pub wide: bool,
    pub keep_tables: bool,
    pub keep_captions: bool,
    pub keep_images: bool,
    pub base_url: Option<url::Url>,
    /// When the extraction is to be given up on.
    pub budget: Budget,
}

/// The time budget of one extraction, if the caller set one
/// ([`Extractor::time_budget`](crate::Extractor::time_budget)): checked between stages
/// and, through a [`Ticker`], inside the long loops.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Budget {
    /// The deadline and the budget it was set from.
    deadline: Option<(Instant, Duration)>,
}

impl Budget {
    /// A budget of `limit` from now; none when `limit` is `None` (or too far to count).
    pub(crate) fn starting_now(limit: Option<Duration>) -> Self {
        Self {
            deadline: limit.and_then(|limit| Some((Instant::now().checked_add(limit)?, limit))),
        }
    }

    /// Whether the deadline has passed.
    pub(crate) fn expired(&self) -> bool {
        self.deadline
            .is_some_and(|(deadline, _)| Instant::now() >= deadline)
    }

    /// [`Error::TimeBudgetExceeded`](crate::Error::TimeBudgetExceeded) once the deadline
    /// has passed.
    pub(crate) fn check(&self) -> Result<(), crate::Error> {
        if self.expired() {
            Err(self.exceeded())
        } else {
            Ok(())
        }
    }

    /// The error of a stage that stopped because this budget ran out.
    pub(crate) fn exceeded(&self) -> crate::Error {
        crate::Error::TimeBudgetExceeded {
            budget: self.deadline.map_or(Duration::ZERO, |(_, budget)| budget),
        }
    }

    /// A counter for a long loop that looks at the clock every [`BUDGET_CHECK_STEPS`].
    pub(crate) fn ticker(self) -> Ticker {
        Ticker {
            budget: self,
            steps: 0,
        }
    }
}

/// Counts the steps of a long loop and says when its [`Budget`] has run out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ticker {
    budget: Budget,
    steps: u32,
}

impl Ticker {
    /// One step: `true` when the budget has run out (seen at most every
    /// [`BUDGET_CHECK_STEPS`] steps; never without a budget).
    pub(crate) fn expired(&mut self) -> bool {
        if self.budget.deadline.is_none() {
            return false;
        }
        self.steps += 1;
        if self.steps < BUDGET_CHECK_STEPS {
            return false;
        }
        self.steps = 0;
        self.budget.expired()
    }
}

/// Caller limits checked while parsing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Most element and text nodes a document may have.
    pub max_nodes: usize,
    /// Deepest element nesting allowed.
    pub max_depth: usize,
    /// Cut what no later stage reads before html5ever runs (unread raw text, unread
    /// attributes). Off only to check that trimming changes no result.
    pub trim: bool,
}

/// What the renderers include beyond the text itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RenderOptions {
    /// Keep link targets in Markdown and HTML.
    pub links: bool,
    /// Keep images in Markdown and HTML.
    pub images: bool,
}
