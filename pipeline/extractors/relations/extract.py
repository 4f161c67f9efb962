"""Find stated relations: MET_WITH between officials, PART_OF and LOCATED_IN for projects.

The cues are data (`models/relations.json`); the dependency parse decides who takes part.

MET_WITH comes from a meeting verb (met, discussed, signed, ...) or a meeting noun ("talks
with", "during the meeting with") whose participants are officials: the verb's subject side
(conjoined subjects, a passive "by" agent), its partner side (the direct object of verbs such
as "met"/"received", the object of "with"), and for a noun the subject of the verb it hangs
from. Mentions map to officials through their Mention spans (role descriptions included);
"I"/"me" map to the speaker of a transcript turn, "he"/"she" to the last official subject,
"the two men" to the last pair that met.

Confidence ranks rows, per row the best of its evidence:
- 0.9  a verb or noun cue whose participants are all named in the sentence;
- 0.8  the same, with one participant given by a role description ("the Iranian president");
- 0.7  one participant reached through a pronoun, a speaker turn or "the two men";
- 0.6  a speaker thanking someone for a meeting or hospitality;
- PART_OF: 0.9 from a cue in the text ("part of"), 0.8 from the project's own `part_of`;
- LOCATED_IN: 0.8 through a locative path in the parse, 0.7 for a place named inside the
  project's own name after a preposition ("plant at Rod El Farag"), 0.6 for a place the
  project record lists in its `locations`.

`date_value` is the value of a DATE expression in the evidence sentence; else that of another
sentence stating the same pair (the event sentence the article set earlier); else None.

Kept whole (over 500 lines) while it is being replaced by the trained relation layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from ...records import Official, Project, Region, Relation, TimeExpression
from ...resources import load_json
from ..doc_views import coarse_tags, dependencies, fine_tags, lowers, texts, trailing_spaces
from ..projects.lexicon import heads as project_heads

LEXICON = "relations.json"

# Confidence levels (see the module docstring).
NAMED, DESCRIBED, INFERRED, THANKED = 0.9, 0.8, 0.7, 0.6
CUE_PART_OF, RECORD_PART_OF = 0.9, 0.8
LOCATED_PATH, LOCATED_IN_NAME, RECORD_LOCATED = 0.8, 0.7, 0.6
LOCATED_ANAPHOR = 0.6  # "The line will connect A with B": "the line" is the project named before

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Subtrees that leave the participant's noun phrase: a clause of its own.
PRUNE_DEPS = {"relcl", "advcl", "ccomp", "parataxis", "punct"}


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, dict]
    forms: dict[str, str]  # inflected form -> lemma, for verbs
    nouns: dict[str, str]  # singular or plural form -> meeting noun
    compound_nouns: frozenset[str]  # "video conference": a meeting noun of two words
    joint_noun_verbs: frozenset[str]
    pair_anaphors: tuple[tuple[str, ...], ...]
    thank_verbs: frozenset[str]
    signatory_nouns: frozenset[str]
    thank_for: frozenset[str]
    first_person: frozenset[str]
    plural_first_person: frozenset[str]  # "we": the speaker and their side
    voices: frozenset[str]  # roles that speak for others: their "we" is not themselves
    third_person: frozenset[str]
    part_of_cues: tuple[tuple[str, ...], ...]
    located_preps: frozenset[str]
    located_verbs: frozenset[str]
    located_up: frozenset[str]
    located_skip: frozenset[str]
    event_nouns: frozenset[str]
    group_nouns: frozenset[str]
    leader_verbs: frozenset[str]


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun (the model carries no lemmas)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _is_meeting_noun(tok: Token, lex: _Lexicon) -> bool:
    """"talks", "call", or a two-word meeting noun headed by this token ("video conference")."""
    if tok.lower_ in lex.nouns:
        return True
    singular = tok.lower_[:-1] if tok.tag_ == "NNS" else tok.lower_
    return any(
        f"{child.lower_} {singular}" in lex.compound_nouns
        for child in tok.children
        if child.dep_ in ("compound", "amod") and child.i == tok.i - 1
    )


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The relation cues of `models/relations.json`, parsed once."""
    data = load_json(LEXICON)
    verbs = {k: v for k, v in data["meeting_verbs"].items() if not k.startswith("_")}
    forms: dict[str, str] = {}
    nouns = [n for n in data["meeting_nouns"] if " " not in n]
    for lemma in list(verbs) + data["thank_verbs"] + list(data["joint_noun_verbs"]["lemmas"]):
        for form in _inflections(lemma):
            forms.setdefault(form, lemma)
    for lemma in data["located_verbs"]:
        for form in _inflections(lemma):
            forms.setdefault(form, lemma)
    forms.update(data["irregular"])
    return _Lexicon(
        verbs=verbs,
        forms=forms,
        nouns={form: n for n in nouns for form in (n, n + "s", n + "es")},
        compound_nouns=frozenset(n for n in data["meeting_nouns"] if " " in n),
        joint_noun_verbs=frozenset(data["joint_noun_verbs"]["lemmas"]),
        pair_anaphors=tuple(tuple(p.split()) for p in data["pair_anaphors"]),
        thank_verbs=frozenset(data["thank_verbs"]),
        signatory_nouns=frozenset(data["signatory_nouns"]),
        thank_for=frozenset(data["thank_for_nouns"]),
        first_person=frozenset(data["first_person"]),
        plural_first_person=frozenset(data.get("plural_first_person", [])),
        voices=frozenset(data.get("voices", [])),
        third_person=frozenset(data["third_person"]),
        part_of_cues=tuple(tuple(c.split()) for c in data["part_of_cues"]),
        located_preps=frozenset(data["located_preps"]),
        located_verbs=frozenset(data["located_verbs"]),
        located_up=frozenset(data["located_dep_up"]),
        located_skip=frozenset(data["located_skip"]),
        event_nouns=frozenset(data["event_nouns"]),
        group_nouns=frozenset(data["group_nouns"]),
        leader_verbs=frozenset(data["leader_verbs"]),
    )


def lemma_of(token: Token) -> str:
    """The lexicon lemma of a token ("met" -> "meet"), else its lower-case text."""
    return lemma_of_word(token.lower_)


def lemma_of_word(lower: str) -> str:
    """The lexicon lemma of a lower-case word, else the word."""
    return lexicon().forms.get(lower, lower)


# ---------------------------------------------------------------------------------------------
# Entity mentions on tokens


def _token_index(doc: Doc, records: list) -> dict[int, int]:
    """Token position -> index of the record one of whose mentions covers it."""
    index: dict[int, int] = {}
    for i, record in enumerate(records):
        for m in record.mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                index.setdefault(tok.i, i)
    return index


def _is_named(mention_text: str, official: Official) -> bool:
    """Whether a mention carries the official's name (not only a role description)."""
    words = {w.lower() for name in [official.name, *official.aliases] for w in name.split()}
    return any(w.lower() in words for w in mention_text.split())


@dataclass
class _People:
    """Officials on tokens, with how each token refers to its official."""

    doc: Doc
    officials: list[Official]
    by_token: dict[int, int]
    named_tokens: set[int]
    speaker_of: dict[int, int]  # token -> official speaking the transcript turn it is in
    leader_of: dict[int, int]  # "delegation" token -> the official leading it

    def resolve(self, tok: Token, sent_start: int) -> tuple[int | None, float]:
        """The official a token refers to and the confidence of that reference."""
        if tok.i in self.by_token:
            return self.by_token[tok.i], NAMED if tok.i in self.named_tokens else DESCRIBED
        lower = tok.lower_
        lex = lexicon()
        if lower in lex.first_person and tok.i in self.speaker_of:
            return self.speaker_of[tok.i], INFERRED
        if lower in lex.plural_first_person and tok.i in self.speaker_of:
            speaker = self.speaker_of[tok.i]
            if self.officials[speaker].role not in lex.voices:
                return speaker, INFERRED
        if lower in lex.group_nouns and tok.pos_ == "NOUN":
            leader = self._leader(tok)
            if leader is not None:
                return leader, INFERRED
        if lower in lex.third_person and tok.pos_ == "PRON":
            antecedent = self._last_subject_before(tok.i, sent_start)
            if antecedent is not None:
                return antecedent, INFERRED
        return None, 0.0

    def _leader(self, tok: Token) -> int | None:
        """Who leads a delegation: stated on it, or for "the delegation" the last one stated."""
        if tok.i in self.leader_of:
            return self.leader_of[tok.i]
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "our", "that"} for c in tok.children)
        earlier = [i for i in self.leader_of if i < tok.i]
        return self.leader_of[max(earlier)] if definite and earlier else None

    def _last_subject_before(self, i: int, sent_start: int) -> int | None:
        """The official last named as a subject before token i (within two sentences)."""
        for j in range(i - 1, max(-1, sent_start - 80), -1):
            tok = self.doc[j]
            if j in self.by_token and tok.dep_ in SUBJECT_DEPS | {"compound"}:
                head = tok if tok.dep_ in SUBJECT_DEPS else tok.head
                if head.dep_ in SUBJECT_DEPS:
                    return self.by_token[j]
        return None


def _speaker_turns(doc: Doc, by_token: dict[int, int]) -> dict[int, int]:
    """Token -> official whose transcript turn ("SECRETARY KERRY: ...") contains it."""
    turns: dict[int, int] = {}
    if ":" not in texts(doc):
        return _byline_speaker(doc, by_token)  # no "SPEAKER:" label, no transcript
    words, space = texts(doc), trailing_spaces(doc)
    speaker: int | None = None
    line_start = True
    for i, word in enumerate(words):
        if line_start:
            # A turn label: an official's mention followed by ':' early in the line.
            label = None
            for j in range(i, min(i + 8, len(words))):
                if words[j] == ":" and j > i:
                    owners = {by_token[k] for k in range(i, j) if k in by_token}
                    if len(owners) == 1:
                        label = owners.pop()
                    break
                if ("\n" in words[j] or "\n" in space[j]) and words[j] != ":":
                    break
            if label is not None:
                speaker = label
        if speaker is not None:
            turns[i] = speaker
        line_start = "\n" in space[i] or (word.isspace() and "\n" in word)
    return turns or _byline_speaker(doc, by_token)


BYLINE_TOKENS = 80  # how far into the text a speech's byline may stand


def _byline_speaker(doc: Doc, by_token: dict[int, int]) -> dict[int, int]:
    """A speech or statement that opens with its speaker's name on a line of its own (the name,
    then the office, then the text): its "I" and "my" are that official's, all through."""
    line: list[int] = []
    for tok in doc[: min(len(doc), BYLINE_TOKENS)]:
        if not tok.is_space:
            line.append(tok.i)
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            owners = {by_token[i] for i in line if i in by_token}
            named = sum(1 for i in line if i in by_token)
            # the name alone: one official's mention, with at most a first name or title the
            # mention left out ("José" before "Manuel Durão Barroso")
            rest_titled = all(doc[i].is_title for i in line if i not in by_token)
            if len(owners) == 1 and named >= 2 and rest_titled and len(line) - named <= 2:
                speaker = owners.pop()
                return {t.i: speaker for t in doc}
            line = []
    return {}


def _people(doc: Doc, officials: list[Official]) -> _People:
    by_token = _token_index(doc, officials)
    named: set[int] = set()
    for i, off in enumerate(officials):
        for m in off.mentions:
            if _is_named(m.text, off):
                span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
                if span is not None:
                    named.update(t.i for t in span)
    return _People(doc, officials, by_token, named, _speaker_turns(doc, by_token), _leaders(doc, by_token))


def _leaders(doc: Doc, by_token: dict[int, int]) -> dict[int, int]:
    """"A delegation (from X) led/headed by OFFICIAL", "OFFICIAL's delegation": noun -> leader."""
    lex = lexicon()
    out: dict[int, int] = {}
    for i, lower in enumerate(lowers(doc)):
        if lower not in lex.group_nouns and lower not in lex.leader_verbs:
            continue
        tok = doc[i]
        if tok.lower_ in lex.group_nouns:
            owners = [by_token[t.i] for c in tok.children if c.dep_ == "poss" for t in c.subtree if t.i in by_token]
            if owners:
                out[tok.i] = owners[0]
        if tok.lower_ not in lex.leader_verbs:
            continue
        by = next((c for c in tok.children if c.lower_ == "by" and c.dep_ in {"agent", "prep"}), None)
        if by is None:
            continue
        leaders = [by_token[t.i] for c in by.children if c.dep_ == "pobj" for t in c.subtree if t.i in by_token]
        # the nearest group noun before the verb, in its sentence (the parse may attach the verb
        # to a word in between: "a delegation from the corporation led by ...")
        noun = next(
            (doc[j] for j in range(tok.i - 1, max(tok.sent.start, tok.i - 15) - 1, -1) if doc[j].lower_ in lex.group_nouns),
            None,
        )
        if leaders and noun is not None:
            out.setdefault(noun.i, leaders[0])
    return out


# ---------------------------------------------------------------------------------------------
# MET_WITH


def _phrase_tokens(tok: Token, stop: set[int]) -> list[Token]:
    """The tokens of a participant's phrase: its subtree without clauses of its own."""
    out = [tok]
    for child in tok.children:
        if child.i in stop or child.dep_ in PRUNE_DEPS:
            continue
        out.extend(_phrase_tokens(child, stop))
    return out


def _officials_in(tokens: list[Token], people: _People, sent: Span) -> dict[int, float]:
    """Officials referred to by any of the tokens, with the confidence of each reference."""
    found: dict[int, float] = {}
    for tok in tokens:
        who, conf = people.resolve(tok, sent.start)
        if who is not None:
            found[who] = max(found.get(who, 0.0), conf)
    return found


def _line_of(tok: Token) -> int:
    """How many line breaks precede a token (parses can run across a headline's end)."""
    lines = tok.doc.user_data.get("news_lines")
    if lines is None:
        # counted once per Doc: the line number of every token
        lines, count = [], 0
        for text, space in zip(texts(tok.doc), trailing_spaces(tok.doc)):
            lines.append(count)
            count += text.count("\n") + space.count("\n")
        tok.doc.user_data["news_lines"] = lines
    return lines[tok.i]


def _subject_of(verb: Token) -> list[Token]:
    """The subject(s) of a verb, climbing through control and coordination when it has none."""
    node = verb
    line = _line_of(verb)
    for _ in range(6):
        if _line_of(node) != line:
            break
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        agents = [
            g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        if agents:  # a passive: the "by" agents act, the subject is acted on
            return agents
        subjects = [t for t in subjects if _line_of(t) == line]
        if subjects:
            return subjects
        if lemma_of(node) == "be":  # inverted: "Present to sign were A, B and C"
            attrs = [c for c in node.children if c.dep_ == "attr"]
            if attrs:
                return attrs
        if node.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acomp", "ccomp"} and node.head is not node:
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.head is not node.head:
            node = node.head.head
            continue
        # "had the pleasure of welcoming X": the subject of the verb that holds the noun
        if node.dep_ == "prep" and node.head.dep_ in {"dobj", "attr"} and node.head.head is not node.head:
            node = node.head.head
            continue
        break
    return []


def _with_objects(node: Token, skip: set[int]) -> list[Token]:
    """Objects of "with" (and "between") preps under a node, outside the skipped subtrees."""
    out: list[Token] = []
    for tok in node.subtree:
        if tok.i in skip or tok.dep_ != "prep" or tok.lower_ not in {"with", "between"}:
            continue
        if any(a.i in skip for a in tok.ancestors):
            continue
        out.extend(c for c in tok.children if c.dep_ == "pobj")
    return out


def _governing_verb(tok: Token) -> Token | None:
    """The verb a noun phrase hangs from ("During the meeting ..., X stressed" -> stressed)."""
    node = tok
    for _ in range(6):
        if node.head is node:
            return node if node.pos_ in {"VERB", "AUX"} else None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


@dataclass
class _Evidence:
    pair: tuple[int, int]
    sent: Span
    confidence: float


def _pairs(
    agents: dict[int, float], partners: dict[int, float], joint: bool, base: float
) -> list[tuple[tuple[int, int], float]]:
    out = []
    for a, ca in agents.items():
        for b, cb in partners.items():
            if a != b:
                out.append(((min(a, b), max(a, b)), min(base, ca, cb)))
    if joint:
        for (a, ca), (b, cb) in combinations(agents.items(), 2):
            out.append(((min(a, b), max(a, b)), min(base, ca, cb)))
    return out


def _verb_cue(verb: Token, people: _People, sent: Span) -> list[tuple[tuple[int, int], float]]:
    """Pairs stated by a meeting verb: subject side with partner side, or joint subjects."""
    lex = lexicon()
    entry = lex.verbs.get(lemma_of(verb))
    if entry is None or verb.pos_ not in {"VERB", "AUX"} and verb.tag_ not in {"VBG", "VBN", "VBD"}:
        return []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    wanted = entry.get("object")
    if wanted and not any(lemma_of(o) in wanted or o.lower_ in wanted for o in objects):
        return []
    # joining or being welcomed at an event is attending it; acts done together there
    # ("launched the corridor at the summit", "met at the forum") still count
    if not entry.get("joint") and _at_event(verb):
        return []
    subjects = _subject_of(verb)
    subj_ids = {t.i for s in subjects for t in s.subtree}
    agents = _officials_in([t for s in subjects for t in _phrase_tokens(s, set())], people, sent)
    if not subjects:
        agents = _left_neighbour(verb, people, sent)
    partner_tokens: list[Token] = []
    if entry.get("partner"):
        for o in objects:
            partner_tokens.extend(_phrase_tokens(o, set()))
    for w in _with_objects(verb, subj_ids | {s.i for s in subjects}):
        partner_tokens.extend(_phrase_tokens(w, set()))
    for prep in (c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in entry.get("preps", ())):
        # "called on President X": the partner is the object of the verb's own preposition
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            partner_tokens.extend(_phrase_tokens(obj, set()))
    partners = _officials_in(partner_tokens, people, sent)
    if agents and (entry.get("partner") or _next_word(verb) == "with"):
        # the parse often loses the later items of a long list ("met with A, with B, and C",
        # "will meet with, among others, A, Minister of X, and B"): read it along the words
        for k, conf in _listed_after(verb, people, sent).items():
            partners.setdefault(k, conf)
    for k in list(partners):
        if k in agents:
            del partners[k]
    rows = _pairs(agents, partners, bool(entry.get("joint")), NAMED)
    if agents:
        # One act with several partners ("discussed ... with A and B"): they all took part.
        rows += _pairs(partners, {}, True, NAMED)
    return rows


# words a list of partners may hold between its names, besides the names and their titles
LIST_GLUE = frozenset({",", "and", "with", "as", "well", "among", "others", "including", "both", "the",
                       "his", "her", "their", "counterpart", "counterparts", "also", "(", ")", "of", "for"})
# where a list of partners ends: the next clause or a purpose
LIST_END = frozenset({";", ":", "to", "where", "who", "which", "that", "when", "while", "after", "before",
                      "during", "in", "at", "on", "about", "regarding", "concerning", "."})


def _next_word(verb: Token) -> str:
    doc = verb.doc
    return doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else ""


def _listed_after(verb: Token, people: _People, sent: Span) -> dict[int, float]:
    """Officials named one after another right after a meeting verb, in a list held together by
    commas, "and", "with", "as well as" and the names' own titles, up to where the list ends."""
    found: dict[int, float] = {}
    for j in range(verb.i + 1, sent.end):
        tok = sent.doc[j]
        if j in people.by_token:
            who, conf = people.resolve(tok, sent.start)
            if who is not None:
                found[who] = max(found.get(who, 0.0), min(conf, DESCRIBED))
            continue
        if tok.lower_ in LIST_END or tok.pos_ in {"VERB", "AUX"} or "\n" in tok.text:
            break
        if tok.lower_ in LIST_GLUE or tok.is_title or tok.is_upper or tok.pos_ in {"PROPN", "DET", "ADP", "CCONJ", "PUNCT"}:
            continue
        if tok.is_lower and tok.pos_ in {"NOUN", "ADJ"}:
            continue  # lower-case titles ("minister of industry")
        break
    return found


def _dash_aside(tokens: list[Token]) -> list[Token]:
    """An aside between dashes right after a phrase ("officials – including A, B – ...") belongs
    to that phrase, whatever the parse attached it to."""
    if not tokens:
        return []
    doc = tokens[0].doc
    dashes = {"–", "—", "--"}
    last = max(t.i for t in tokens)
    first = min(t.i for t in tokens)
    opening = [j for j in range(first, last + 2) if j < len(doc) and doc[j].text in dashes]
    start = opening[0] if opening else last + 1
    if start >= len(doc) or doc[start].text not in dashes:
        return []
    for j in range(start + 1, min(len(doc), start + 60)):
        if doc[j].text in dashes:
            return list(doc[start + 1 : j])
        if doc[j].is_sent_start:
            break
    return []


def _at_event(verb: Token) -> bool:
    """Joining someone "at an event" or "for a ceremony" is attending it, not meeting."""
    events = lexicon().event_nouns
    return any(
        g.dep_ == "pobj" and g.lower_.rstrip("s") in events
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"at", "for", "in", "during"}
        for g in c.children
    )


def _left_neighbour(verb: Token, people: _People, sent: Span) -> dict[int, float]:
    """Where the parse lost the subject (a headline ran into the line): the last official named
    before the verb on the same line, with no other verb between."""
    doc = verb.doc
    for j in range(verb.i - 1, sent.start - 1, -1):
        tok = doc[j]
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.pos_ in {"VERB"}:
            return {}
        if j in people.by_token:
            return {people.by_token[j]: DESCRIBED}
    return {}


def _noun_cue(noun: Token, people: _People, sent: Span) -> list[tuple[tuple[int, int], float]]:
    """Pairs stated by a meeting noun: its "with" side and its holder (possessor or subject)."""
    lex = lexicon()
    with_tokens = [t for w in _with_objects(noun, set()) for t in _phrase_tokens(w, set())]
    if noun.lower_ == "call":  # "a courtesy call on the Foreign Minister"
        ons = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "on"]
        with_tokens += [t for p in ons for o in p.children if o.dep_ == "pobj" for t in _phrase_tokens(o, set())]
    with_tokens += _dash_aside(with_tokens)
    # "a call with his counterpart X": the possessive is the holder's, not a partner
    with_tokens = [t for t in with_tokens if t.tag_ != "PRP$"]
    with_side = _officials_in(with_tokens, people, sent)
    holders: dict[int, float] = {}
    owner = noun
    while owner.dep_ == "conj" and owner.head is not owner:
        owner = owner.head
    poss = [c for c in owner.children if c.dep_ == "poss"]
    verb = _governing_verb(noun)
    joint = False
    if poss:
        holders = _officials_in([t for p in poss for t in _phrase_tokens(p, set())], people, sent)
    elif verb is not None:
        subjects = _subject_of(verb)
        holders = _officials_in(
            [t for s in subjects for t in _phrase_tokens(s, set())], people, sent
        )
        joint = lemma_of(verb) in lex.joint_noun_verbs or (
            verb.lower_ in {"took", "take", "takes", "taking"}
            and any(c.lower_ == "part" for c in verb.children)
        )
        if verb.lower_ in {"co-chaired", "chaired"} and not holders:
            holders = {}
    for k in list(with_side):
        holders.pop(k, None)
    return _pairs(holders, with_side, joint, NAMED)


def _thank_for_preps(verb: Token, sent: Span) -> list[Token]:
    """The "for" phrases of a thank verb; also a later "for" the parse hung elsewhere ("thank A,
    B, and their colleagues for ..."), when no other verb stands between."""
    own = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
    if own:
        return own
    for tok in sent.doc[verb.i + 1 : sent.end]:
        if tok.pos_ in {"VERB", "AUX"}:
            return []
        if tok.lower_ == "for" and tok.dep_ == "prep":
            return [tok]
    return []


def _thank_cue(verb: Token, people: _People, sent: Span) -> list[tuple[tuple[int, int], float]]:
    """A speaker thanking someone for a meeting or hospitality states that they met."""
    lex = lexicon()
    if lemma_of(verb) not in lex.thank_verbs:
        return []
    reasons = [
        g
        for c in _thank_for_preps(verb, sent)
        for g in c.subtree
        if lemma_of(g) in lex.thank_for or g.lower_.rstrip("s") in lex.thank_for
    ]
    if not reasons:
        return []
    agents = _officials_in([t for s in _subject_of(verb) for t in _phrase_tokens(s, set())], people, sent)
    thanked = _officials_in(
        [t for o in verb.children if o.dep_ == "dobj" for t in _phrase_tokens(o, set())],
        people,
        sent,
    )
    return _pairs(agents, thanked, False, THANKED)


def _signatories_cue(noun: Token, people: _People, sent: Span) -> list[tuple[tuple[int, int], float]]:
    """"The signatories were A, B and C", "the two signatories, A and B": a joint act of all the
    officials the sentence names after the noun."""
    named = _officials_in(list(sent.doc[noun.i + 1 : sent.end]), people, sent)
    return _pairs(named, {}, True, DESCRIBED) if len(named) > 1 else []


def _pair_anaphor(sent: Span) -> Token | None:
    """The head token of "the two men" (and the like) when the sentence's subject is one."""
    lower = lowers(sent.doc)[sent.start : sent.end]
    present = set(lower)
    for phrase in lexicon().pair_anaphors:
        n = len(phrase)
        if not present.issuperset(phrase):
            continue
        for k in range(len(lower) - n + 1):
            if tuple(lower[k : k + n]) == phrase:
                head = sent[k + n - 1]
                if head.dep_ in SUBJECT_DEPS or head.head.dep_ in SUBJECT_DEPS:
                    return head
    return None


def _anaphor_cue(sent: Span, last_pair: tuple[int, int] | None) -> list[tuple[tuple[int, int], float]]:
    """ "The two men exchanged views": the last pair that met did it again."""
    head = _pair_anaphor(sent)
    if head is None or last_pair is None:
        return []
    verb = head.head if head.dep_ in SUBJECT_DEPS else head.head.head
    entry = lexicon().verbs.get(lemma_of(verb))
    if entry is None or not entry.get("joint"):
        return []
    wanted = entry.get("object")
    if wanted and not any(lemma_of(o) in wanted for o in verb.children if o.dep_ == "dobj"):
        return []
    return [(last_pair, INFERRED)]


def _met_with(doc: Doc, officials: list[Official]) -> list[_Evidence]:
    """Every (pair, sentence, confidence) a meeting cue states."""
    if len(officials) < 2 or not doc.has_annotation("DEP"):
        return []
    people = _people(doc, officials)
    lex = lexicon()
    evidence: list[_Evidence] = []
    last_pair: tuple[int, int] | None = None
    words, pos = lowers(doc), coarse_tags(doc)
    for sent in doc.sents:
        found: list[tuple[tuple[int, int], float]] = []
        for i in range(sent.start, sent.end):
            if not _may_cue(words, pos, i, lex):
                continue  # read from the word lists: most tokens are no cue, and no Token is made
            tok = doc[i]
            lemma = lemma_of(tok)
            if lemma in lex.verbs and tok.pos_ in {"VERB", "AUX"}:
                found.extend(_verb_cue(tok, people, sent))
            elif tok.pos_ in {"NOUN", "PROPN"} and _is_meeting_noun(tok, lex):
                found.extend(_noun_cue(tok, people, sent))
            elif lemma in lex.thank_verbs and tok.pos_ == "VERB":
                found.extend(_thank_cue(tok, people, sent))
            elif tok.lower_ in lex.signatory_nouns and tok.pos_ == "NOUN":
                found.extend(_signatories_cue(tok, people, sent))
        found.extend(_anaphor_cue(sent, last_pair))
        for pair, conf in found:
            evidence.append(_Evidence(pair, sent, conf))
            last_pair = pair
    return evidence


def _may_cue(words: list[str], pos: list[str], i: int, lex: _Lexicon) -> bool:
    """Whether token i passes the word and part-of-speech tests of one of `_met_with`'s cues."""
    word, tag = words[i], pos[i]
    if tag in ("VERB", "AUX"):
        lemma = lemma_of_word(word)
        if lemma in lex.verbs or lemma in lex.thank_verbs:
            return True
    if tag == "NOUN" and word in lex.signatory_nouns:
        return True
    if tag not in ("NOUN", "PROPN"):
        return False
    if word in lex.nouns:
        return True
    # a two-word meeting noun ends here: its first word is the token before
    return i > 0 and any(
        f"{words[i - 1]} {singular}" in lex.compound_nouns for singular in (word, word[:-1])
    )


# ---------------------------------------------------------------------------------------------
# Dates


def _sentence_date(sent: Span, dates: list[TimeExpression]) -> str | None:
    """The value of the first DATE expression inside a sentence."""
    inside = [
        d for d in dates if d.type == "DATE" and sent.start_char <= d.start_char < sent.end_char
    ]
    return min(inside, key=lambda d: d.start_char).value if inside else None


# ---------------------------------------------------------------------------------------------
# PART_OF


def _project_lookup(projects: list[Project]) -> dict[str, str]:
    """Lower-case name or alias -> the project's name."""
    out: dict[str, str] = {}
    for p in projects:
        for n in [p.name, *p.aliases]:
            out.setdefault(n.lower(), p.name)
    return out


def _part_of(doc: Doc, projects: list[Project]) -> list[tuple[str, str, Span | None, float]]:
    """PART_OF rows: "X, which is part of Y" in the text, and each project's own part_of."""
    out: list[tuple[str, str, Span | None, float]] = []
    by_token = _token_index(doc, projects)
    cues = lexicon().part_of_cues
    for sent in doc.sents:
        lower = lowers(doc)[sent.start : sent.end]
        present = set(lower)
        for cue in cues:
            n = len(cue)
            if not present.issuperset(cue):
                continue
            for k in range(len(lower) - n + 1):
                if tuple(lower[k : k + n]) != cue:
                    continue
                start, end = sent[k].i, sent[k + n - 1].i
                after = [by_token[i] for i in range(end + 1, min(end + 8, sent.end)) if i in by_token]
                before = [by_token[i] for i in range(sent.start, start) if i in by_token]
                if not after:
                    continue
                whole = after[0]
                if before:
                    parts = [before[-1]]
                else:
                    parts = _parts_after_cue(doc, sent, by_token, cue, end, whole)
                for part in parts:
                    if part != whole:
                        out.append((projects[part].name, projects[whole].name, sent, CUE_PART_OF))
    names = _project_lookup(projects)
    for p in projects:
        if p.part_of:
            whole = names.get(p.part_of.lower(), p.part_of)
            if whole != p.name:
                out.append((p.name, whole, _first_sentence(doc, p), RECORD_PART_OF))
    return out


_LIST_GLUE = frozenset({"the", ",", "and", "as", "well"})
_LISTING_VERBS = frozenset({"include", "includes", "included", "are", "were", "comprise", "comprised"})


def _parts_after_cue(
    doc: Doc, sent: Span, by_token: dict[int, int], cue: tuple[str, ...], end: int, whole: int
) -> list[int]:
    """The parts a cue with no project before it names after the whole: "as part of Y, X",
    "the main section of Y, X, ..." (an apposition), "sections of Y include A and B"."""
    rest = [i for i in range(end + 1, sent.end) if i in by_token and by_token[i] != whole]
    if not rest:
        return []
    if cue[0] in {"as", "within", "under"}:
        return [by_token[rest[0]]]
    j = next(i for i in range(end + 1, sent.end) if by_token.get(i) == whole)
    while j < sent.end and by_token.get(j) == whole:
        j += 1
    if j < sent.end and doc[j].text == "," and rest[0] <= j + 2:
        return [by_token[rest[0]]]
    noun = cue[-2] if len(cue) > 1 else cue[0]
    if noun.endswith("s") and j < sent.end and doc[j].lower_ in _LISTING_VERBS and rest[0] <= j + 2:
        listed: list[int] = []
        for i in range(j + 1, sent.end):  # the list itself: names, "the", commas and "and"
            if i in by_token:
                if by_token[i] not in listed:
                    listed.append(by_token[i])
            elif doc[i].lower_ not in _LIST_GLUE:
                break
        return listed
    return []


def _first_sentence(doc: Doc, record) -> Span | None:
    if not record.mentions:
        return None
    m = min(record.mentions, key=lambda m: m.start_char)
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    return span.sent if span is not None and doc.has_annotation("SENT_START") else None


# ---------------------------------------------------------------------------------------------
# LOCATED_IN


LINKING_VERBS = frozenset({"link", "connect", "join"})
PLACE_NOUNS = frozenset({"city", "cities", "town", "towns", "village", "villages", "province", "provinces",
                         "region", "regions", "state", "states", "capital", "capitals", "port", "ports"})
# "a set of pipelines which run under the sea": the group stands for its members
COLLECTIVE_NOUNS = frozenset({"set", "system", "network", "series", "pair", "chain", "group", "cascade"})


def _linking_verb_above(prep: Token) -> bool:
    """ "connect A with B", also where the parse hangs "with B" from A's phrase ("connecting A
    in Hungary with B"): the first verb above the preposition is a linking verb."""
    node = prep.head
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"}:
            return lemma_of(node) in LINKING_VERBS
        if node.dep_ not in {"dobj", "pobj", "prep", "appos", "compound", "conj"} or node.head is node:
            return False
        node = node.head
    return False


def _located_anchor(region_tok: Token, project_tokens: dict[int, int]) -> tuple[int, Token] | None:
    """Walk up from a place to the project it locates, through locative preps and verbs only."""
    lex = lexicon()
    node = region_tok
    for _ in range(12):
        if node.i in project_tokens and node is not region_tok:
            return project_tokens[node.i], node
        if node.head is node:
            return None
        dep = node.dep_
        parent = node.head
        if dep == "prep":
            # "connect A with B": "with" locates only after a linking verb
            linking_with = node.lower_ == "with" and _linking_verb_above(node)
            # "between the cities of A and B": the place noun's "of" names the places
            place_of = node.lower_ == "of" and parent.lower_ in PLACE_NOUNS
            group_of = node.lower_ == "of" and parent.lower_ in COLLECTIVE_NOUNS
            if node.lower_ not in lex.located_preps and not (linking_with or place_of or group_of):
                return None
        elif dep == "poss" and parent.i not in project_tokens:
            return None  # "Pakistan's grid" is the grid's place, not the project's
        elif dep not in lex.located_up:
            # A locative verb hangs from its project ("railway connecting A and B"), or from
            # the clause whose subject the project is ("X is a bridge ..., connecting A with B",
            # "Starting in A, it runs ...").
            if dep in {"acl", "relcl", "advcl"} and lemma_of(node) in lex.located_verbs:
                pass
            else:
                return None
        if parent.pos_ in {"VERB", "AUX"}:
            if parent.i in project_tokens:  # a copula standing for its subject
                return project_tokens[parent.i], parent
            if lemma_of(parent) in lex.located_verbs or lemma_of(parent) == "be":
                subjects = [c for c in parent.children if c.dep_ in SUBJECT_DEPS]
                for s in subjects:
                    owners = [project_tokens[t.i] for t in s.subtree if t.i in project_tokens]
                    if owners:
                        return owners[0], s
                if parent.dep_ in {"acl", "relcl"}:
                    node = parent
                    continue
                if subjects and lemma_of(parent) == "be":
                    return None
                if parent.dep_ in {"xcomp", "advcl", "conj"}:
                    node = parent
                    continue
            return None
        node = parent
    return None


def _located_in(
    doc: Doc, projects: list[Project], regions: list[Region]
) -> list[tuple[str, str, Span, float]]:
    """LOCATED_IN rows: places the parse ties to a project by a locative path."""
    if not projects or not regions or not doc.has_annotation("DEP"):
        return []
    out: list[tuple[str, str, Span, float]] = []
    project_tokens = _token_index(doc, projects)
    _copula_names(doc, project_tokens)
    listed = _listed_projects(doc, project_tokens)
    anaphors = _project_anaphors(doc, projects, project_tokens)
    if anaphors:
        _copula_names(doc, anaphors)  # "It is a railway in Kenya": the description refers back too
    for region in regions:
        for m in region.mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            hit = _located_anchor(root, anaphors) if anaphors else None
            # A place the project's name holds ("Osh-Batken road") that the body also states
            # ("links Osh and Batken") is located there: only a place named nowhere else is not.
            if hit is not None and hit[1].i in anaphors and hit[1].i not in project_tokens:
                out.append((projects[hit[0]].name, region.name, span.sent, LOCATED_ANAPHOR))
                continue
            if root.i in project_tokens:
                pi = project_tokens[root.i]
                if _inside_name_locative(root, doc, projects[pi]):
                    out.append((projects[pi].name, region.name, span.sent, LOCATED_IN_NAME))
                continue
            hit = _located_anchor(root, project_tokens)
            for pi in listed.get(hit[1].i, [hit[0]]) if hit is not None else []:
                out.append((projects[pi].name, region.name, span.sent, LOCATED_PATH))
    region_tokens = _token_index(doc, regions)
    out += _surface_located(doc, projects, regions, region_tokens)
    out += _town_country(doc, regions, region_tokens, out)
    # A name that ends with a locating phrase ("converter station in Nowshera") states the place.
    for p in projects:
        for region in regions:
            if region.name.lower() in p.name.lower() and not _named_in(region.name, p):
                out.append((p.name, region.name, _first_sentence(doc, p), LOCATED_IN_NAME))
    # The projects extractor's own `locations` (places its patterns tied to the project).
    region_names = {r.name.lower(): r.name for r in regions}
    for p in projects:
        for place in p.locations:
            name = region_names.get(place.lower())
            if name is not None and place.lower() not in p.name.lower():
                out.append((p.name, name, _first_sentence(doc, p), RECORD_LOCATED))
    return out


def _copula_names(doc: Doc, project_tokens: dict[int, int]) -> None:
    """A copula sentence equates a description with a project, both ways: "X is a railway
    connecting A" (the attribute stands for X), "Kenya's main corridor is X" (the subject does)."""
    for i in [i for i, dep in enumerate(dependencies(doc)) if dep == "attr"]:
        tok = doc[i]
        subjects = [c for c in tok.head.children if c.dep_ in SUBJECT_DEPS]
        if tok.i not in project_tokens:
            for s in subjects:
                owners = [project_tokens[t.i] for t in s.subtree if t.i in project_tokens]
                if owners:
                    project_tokens.setdefault(tok.i, owners[0])
            named = _name_before_parenthesis(doc, tok.head, project_tokens)
            if named is not None and tok.i not in project_tokens:
                # the parse loses the subject behind the aside: the copula stands for it too
                project_tokens[tok.i] = named
                project_tokens.setdefault(tok.head.i, named)
        elif lemma_of(tok.head) == "be":
            for s in subjects:
                if s.pos_ == "NOUN" and not any(t.i in project_tokens for t in s.subtree):
                    project_tokens.setdefault(s.i, project_tokens[tok.i])


def _name_before_parenthesis(doc: Doc, verb: Token, project_tokens: dict[int, int]) -> int | None:
    """"X (Thai: ...; pronounced [...]) is a bridge": the project named right before an aside
    that ends right before the copula (encyclopedia openings; the aside breaks the parse)."""
    if verb.i == 0 or doc[verb.i - 1].text != ")" or lemma_of(verb) != "be":
        return None
    depth = 0
    for k in range(verb.i - 1, max(-1, verb.i - 120), -1):
        depth += {")": 1, "(": -1}.get(doc[k].text, 0)
        if depth == 0:
            return project_tokens.get(k - 1) if k > 0 else None
    return None


def _listed_projects(doc: Doc, project_tokens: dict[int, int]) -> dict[int, list[int]]:
    """A plural noun that a list of projects stands beside ("two projects in Peru, the A and the
    B"): the noun stands for every project of the list. Added to `project_tokens` too."""
    out: dict[int, list[int]] = {}
    for i in [i for i, tag in enumerate(fine_tags(doc)) if tag == "NNS"]:
        if i in project_tokens:
            continue
        tok = doc[i]
        for child in tok.children:
            if child.dep_ != "appos":
                continue
            found = list(dict.fromkeys(project_tokens[t.i] for t in child.subtree if t.i in project_tokens))
            if len(found) > 1:
                out[tok.i] = found
                project_tokens[tok.i] = found[0]
    return out


# nouns any project may be referred back to by, besides the heads of its own type
ANAPHOR_NOUNS = frozenset({"project", "facility", "scheme", "works", "line", "route"})
ANAPHOR_REACH = 80  # tokens back to the project a "the line" or "it" refers to


@lru_cache(maxsize=1)
def _type_nouns() -> dict[str, frozenset[str]]:
    """Project type -> the one-word heads that name a project of that type ("railway", "line")."""
    out: dict[str, set[str]] = {}
    for text, head in project_heads().items():
        if " " not in text and head.type:
            out.setdefault(head.type, set()).add(text)
    return {t: frozenset(words) for t, words in out.items()}


def _project_anaphors(doc: Doc, projects: list[Project], project_tokens: dict[int, int]) -> dict[int, int]:
    """`project_tokens` plus the subjects that refer back to the project last named before them:
    "it", or "the/this" + a head noun of that project's type ("the line", "the dam")."""
    if not projects:
        return {}
    extra: dict[int, int] = {}
    type_nouns = _type_nouns()
    for i in [i for i, dep in enumerate(dependencies(doc)) if dep in SUBJECT_DEPS]:
        if i in project_tokens:
            continue
        tok = doc[i]
        pronoun = tok.lower_ == "it" and tok.pos_ == "PRON"
        definite = tok.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children
        ) and not any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in tok.children)
        if not (pronoun or definite):
            continue
        before = [j for j in range(max(0, tok.i - ANAPHOR_REACH), tok.i) if j in project_tokens]
        if not before:
            continue
        project = project_tokens[before[-1]]
        noun = tok.lower_.rstrip("s") if definite else None
        if noun is not None and noun not in ANAPHOR_NOUNS and noun not in type_nouns.get(projects[project].type, ()):
            continue
        extra[tok.i] = project
    return {**project_tokens, **extra} if extra else {}


def _surface_located(
    doc: Doc, projects: list[Project], regions: list[Region], region_tokens: dict[int, int]
) -> list[tuple[str, str, Span, float]]:
    """Fallback where the parser mistags the verb: "PROJECT links A and B" read left to right."""
    lex = lexicon()
    out: list[tuple[str, str, Span, float]] = []
    for project in projects:
        for m in project.mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None:
                continue
            k = span.end
            while k < len(doc) and k < span.end + 4 and doc[k].lower_ in lex.located_skip:
                k += 1
            if k < len(doc) and lemma_of(doc[k]) not in lex.located_verbs:
                k = _after_place_phrase(doc, span.end, region_tokens)
            if k >= len(doc) or lemma_of(doc[k]) not in lex.located_verbs:
                continue
            for j in range(k + 1, min(len(doc), k + 30)):
                tok = doc[j]
                owned = tok.dep_ == "poss" or j + 1 < len(doc) and doc[j + 1].tag_ == "POS"
                if j in region_tokens and not owned:
                    out.append((project.name, regions[region_tokens[j]].name, tok.sent, LOCATED_PATH))
                elif tok.dep_ in SUBJECT_DEPS or tok.is_punct and tok.text not in {",", "-", "–"} or (
                    tok.pos_ == "VERB" and lemma_of(tok) not in lex.located_verbs
                ):
                    break
    return out


def _town_country(
    doc: Doc, regions: list[Region], region_tokens: dict[int, int], rows: list[tuple[str, str, Span, float]]
) -> list[tuple[str, str, Span, float]]:
    """"between Vidin, Bulgaria, and Calafat, Romania": a town the project lies in, followed by a
    comma and its own country or state, places the project there too."""
    by_name = {r.name: r for r in regions}
    out = []
    for project, place, sent, conf in rows:
        town = by_name.get(place)
        if town is None or town.type != "city" or sent is None:
            continue
        for m in town.mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None or not (sent.start <= span.start < sent.end):
                continue
            k = span.end
            if k + 1 >= len(doc) or doc[k].text != "," or k + 1 not in region_tokens:
                continue
            if any(t.tag_ == "POS" for t in doc[k + 1 : min(len(doc), k + 6)]):
                continue  # "Poti, Georgia's largest port": an aside about the town
            after = regions[region_tokens[k + 1]]
            if after.type in ("country", "subdivision") and town.country and town.country in (
                after.country, after.iso_code
            ):
                out.append((project, after.name, sent, conf))
    return out


def _after_place_phrase(doc: Doc, k: int, region_tokens: dict[int, int]) -> int:
    """Past a locating phrase and its comma after a project's name ("the X pipeline in
    Azerbaijan, extending through ..."): the participle's position, else len(doc)."""
    preps = lexicon().located_preps
    j = k
    while j < len(doc) and j < k + 8 and (
        doc[j].lower_ in preps or doc[j].lower_ == "the" or j in region_tokens
    ):
        j += 1
    if j == k or j + 1 >= len(doc) or doc[j].text != "," or doc[j + 1].tag_ not in {"VBG", "VBN"}:
        return len(doc)
    return j + 1


def _named_in(place: str, project: Project) -> bool:
    """Whether a place is part of the project's own name or aliases ("Baku-Tbilisi-Kars"), not
    of a locating phrase the name ends with ("converter station in Sangtuda")."""
    preps = lexicon().located_preps
    for name in [project.name, *project.aliases]:
        at = name.lower().find(place.lower())
        if at < 0:
            continue
        if not preps.intersection(name[:at].lower().split()):
            return True
    return False


def _inside_name_locative(root: Token, doc: Doc, project: Project) -> bool:
    """A place inside a project's name counts only after a preposition ("plant at X")."""
    lex = lexicon()
    node = root
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ in lex.located_preps | {"for"}:
            return True
        if node.dep_ not in {"conj", "compound", "appos"} or node.head is node:
            return False
        node = node.head
    return False


# ---------------------------------------------------------------------------------------------


def find_relations(
    doc: Doc,
    officials: list[Official],
    projects: list[Project],
    regions: list[Region],
    dates: list[TimeExpression],
) -> list[Relation]:
    """Return the relations the article states between its extracted entities."""
    rows: dict[tuple[str, str, str], Relation] = {}
    pair_dates: dict[tuple[str, str, str], str] = {}

    def add(kind: str, head: str, tail: str, sent: Span | None, conf: float) -> None:
        key = (kind, *sorted((head, tail))) if kind == "MET_WITH" else (kind, head, tail)
        start, end = (sent.start_char, sent.end_char) if sent is not None else (0, 0)
        value = _sentence_date(sent, dates) if sent is not None else None
        if value and key not in pair_dates:
            pair_dates[key] = value
        old = rows.get(key)
        if old is None or conf > old.confidence:
            rows[key] = Relation(kind, head, tail, start, end, value, conf)

    for ev in _met_with(doc, officials):
        a, b = ev.pair
        add("MET_WITH", officials[a].name, officials[b].name, ev.sent, ev.confidence)
    for head, tail, sent, conf in _part_of(doc, projects):
        add("PART_OF", head, tail, sent, conf)
    for head, tail, sent, conf in _located_in(doc, projects, regions):
        add("LOCATED_IN", head, tail, sent, conf)

    out = []
    for key, rel in rows.items():
        if rel.date_value is None and key in pair_dates:
            rel = Relation(rel.type, rel.head, rel.tail, rel.start_char, rel.end_char,
                           pair_dates[key], rel.confidence)
        out.append(rel)
    return out
