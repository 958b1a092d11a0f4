"""The search for columns samples links of one URL template before it follows them all.

A directory section links hundreds of pages cut from one template (``ListInfo-14_1_<province>.html``
filters, an organisation's profile pages, a channel's pager): none is a column, and a home-only
entry would fetch every one to learn that. Links of a template with an id in it are searched a
few at a time; when a sample reads as a list or an article, the rest follow, and when the samples
all read as something else and lead nowhere new, the rest stay out and the run report names the template and how many
links it held back. A block's 更多 link is never held back: the block's whole list is behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govcrawl.extract.listing.columns import ColumnLink
from govcrawl.extract.listing.templates import url_template

#: the report names at most this many templates left out
MAX_REPORTED = 20
#: what a sample reads as that makes its template worth following
FRUITFUL = ("list", "article")


@dataclass
class _Template:
    sampled: int = 0
    fruitful: bool = False
    #: links held back until a sample decides, by URL, with the depth of the page that linked them
    held: dict[str, tuple[ColumnLink, int]] = field(default_factory=dict)


class TemplateSampler:
    """Which column links of a template the search requests now, and which it holds back."""

    def __init__(self, samples: int):
        self.samples = samples
        self._templates: dict[str, _Template] = {}
        self._template_of: dict[str, str] = {}

    def admit(self, link: ColumnLink, url: str, depth: int) -> bool:
        """Whether to request ``link`` (canonical ``url``), linked from a page ``depth`` links from
        the home page, now; False holds it back. The home page's own links (the site's navigation,
        its sub-sites) are all searched, and so is a block's 更多 link wherever it is."""
        template = url_template(url)
        if template is None or self.samples <= 0 or depth == 0:
            return True
        found = self._templates.setdefault(template, _Template())
        if link.more:  # beside the samples: its answer counts for the template all the same
            self._template_of[url] = template
            return True
        if found.fruitful or found.sampled < self.samples:
            found.sampled += 1
            self._template_of[url] = template
            return True
        found.held.setdefault(url, (link, depth))
        return False

    def answered(self, url: str, kind: str, *, leads: bool = False) -> list[tuple[ColumnLink, int]]:
        """A sample read as ``kind`` ("failed" when it could not be fetched), which ``leads`` to
        pages the search has not seen (a sub-site's home, a channel): the held links to request
        now, all of them once one sample of the template was a list or an article or led on, one
        in place of a failed sample."""
        found = self._templates.get(self._template_of.pop(url, ""))
        if found is None:
            return []
        if kind in FRUITFUL or leads:
            found.fruitful = True
            released, found.held = list(found.held.values()), {}
            return released
        if kind == "failed" and found.held:
            found.sampled -= 1
            return [found.held.pop(next(iter(found.held)))]
        return []

    def left_out(self) -> list[dict[str, object]]:
        """Templates whose samples were no list and no article, with the links they held back."""
        left = [{"template": t, "sampled": f.sampled, "held_back": len(f.held)}
                for t, f in self._templates.items() if f.held and not f.fruitful]
        return sorted(left, key=lambda t: -t["held_back"])[:MAX_REPORTED]
