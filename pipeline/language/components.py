"""The factories of the project's spaCy components (registered in pyproject's entry points)."""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span

from .attributes import AttributeLookup

from .extensions import EXTENSIONS  # noqa: F401  (registers the Doc extensions)
from ..extractors.doc_views import release
from ..extractors.dates.extract import find_dates
from ..extractors.officials.extract import find_officials
from ..extractors.projects.extract import find_projects
from ..extractors.regions.extract import find_regions, name_spans, without_mentions_within
from ..extractors.relations.extract import find_relations


class LineBreaksComponent:
    """Starts a sentence after every line break, before the parser runs.

    News text puts headlines, datelines and speaker labels on lines of their own; without this
    the parser runs them into the next sentence and spoils its parse.
    """

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


# English words that follow a name and a hyphen ("Smith-led", "Obama-era"): no given name
_HYPHEN_WORDS = frozenset({"led", "era", "like", "style", "type", "based", "backed", "born", "owned", "run", "made", "old", "linked", "free"})


class NameHyphensComponent:
    """Extends a person NER cut at a hyphen over the rest of a hyphenated given name ("Moon
    Jae-in", "Han Duck-soo", "Choe Son-hui": NER stops at "Jae"), after the NER."""

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        changed = False
        for k, ent in enumerate(ents):
            end = ent.end
            if ent.label_ != "PERSON" or len(ent) < 2 or end + 1 >= len(doc):
                continue
            dash, tail = doc[end], doc[end + 1]
            joined = not doc[end - 1].whitespace_ and not dash.whitespace_
            if dash.text not in ("-", "‑") or not joined or not (tail.is_alpha and tail.is_lower):
                continue
            if len(tail) > 5 or tail.lower_ in _HYPHEN_WORDS or (k + 1 < len(ents) and ents[k + 1].start <= end + 1):
                continue
            if end + 2 < len(doc) and doc[end + 2].text in ("-", "‑") and not tail.whitespace_:
                continue  # "son-in-law"
            ents[k] = Span(doc, ent.start, end + 2, label=ent.label)
            changed = True
        if changed:
            doc.ents = ents
        return doc


class RegionsComponent:
    """Sets `doc._.regions`: every named place with its ISO code."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.regions = find_regions(doc)
        return doc


class ProjectsComponent:
    """Sets `doc._.projects`: every named infrastructure project, and takes back from
    `doc._.regions` the mentions inside project names."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.projects = find_projects(doc, doc._.regions or [])
        # a place inside a project's name is no mention of the place ("Power of Siberia 2")
        doc._.regions = without_mentions_within(
            doc._.regions or [], name_spans(doc._.projects), keep_whole=True
        )
        return doc


class OfficialsComponent:
    """Sets `doc._.officials` and `doc._.persons` (named people who hold no office), and takes
    back from `doc._.regions` the mentions that are these people's names."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.officials, doc._.persons = find_officials(doc, doc._.regions or [])
        # a surname that is also a place ("Najaf said") is the person's, not the place's
        doc._.regions = without_mentions_within(doc._.regions or [], name_spans(doc._.officials))
        return doc


class DatesComponent:
    """Sets `doc._.dates`: every time expression, resolved against `doc._.published`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc, doc._.published)
        return doc


class RelationsComponent:
    """Sets `doc._.relations` from the records of the components before it."""

    def __init__(self, nlp: Language | None = None, name: str = "news_relations"):
        self.nlp, self.name = nlp, name

    def __call__(self, doc: Doc) -> Doc:
        doc._.relations = find_relations(
            doc,
            doc._.officials or [],
            doc._.projects or [],
            doc._.regions or [],
            doc._.dates or [],
        )
        if self.nlp is None or self.nlp.pipe_names[-1] == self.name:
            release(doc)  # the last component: the shared word lists are no longer needed
        return doc


@Language.factory(
    "news_attribute_lookup",
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep"],
    default_config={"patterns": []},
)
def make_attribute_lookup(nlp: Language, name: str, patterns: list[dict]) -> AttributeLookup:
    ruler = AttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    return AttributeLookup(ruler)


@Language.factory("news_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaksComponent:
    return LineBreaksComponent()


@Language.factory("news_name_hyphens", assigns=["doc.ents"], requires=["doc.ents"])
def make_name_hyphens(nlp: Language, name: str) -> NameHyphensComponent:
    return NameHyphensComponent()


@Language.factory("news_regions", assigns=["doc._.regions"])
def make_regions(nlp: Language, name: str) -> RegionsComponent:
    return RegionsComponent()


@Language.factory("news_projects", assigns=["doc._.projects"], requires=["doc._.regions"])
def make_projects(nlp: Language, name: str) -> ProjectsComponent:
    return ProjectsComponent()


@Language.factory(
    "news_officials", assigns=["doc._.officials", "doc._.persons"], requires=["doc._.regions"]
)
def make_officials(nlp: Language, name: str) -> OfficialsComponent:
    return OfficialsComponent()


@Language.factory("news_dates", assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


@Language.factory(
    "news_relations",
    assigns=["doc._.relations"],
    requires=["doc._.officials", "doc._.projects", "doc._.dates"],
)
def make_relations(nlp: Language, name: str) -> RelationsComponent:
    return RelationsComponent(nlp, name)
