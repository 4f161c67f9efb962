"""Features of a candidate pair: cheap, and meant to carry over to unseen articles.

Three parts, concatenated into one row per candidate:
- the model's own token vectors (`doc.tensor`, computed by the spaCy model's tok2vec anyway,
  so free at run time), averaged over the head mention, the tail mention and the words
  between them, plus the element-wise product of the two ends;
- hashed words: the words between the ends, the two words either side, and the syntactic heads
  of both ends, each hashed (crc32, the same in every process) into `buckets` slots; a linear
  layer over them is a small trainable word embedding;
- hand features: the rule system's verdict on the pair, sentence and token distance, the order,
  cue words of `models/relations.json` between the ends, entity types.
"""

from __future__ import annotations

import bisect
import zlib
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc

from ..extractors.doc_views import full_text, head_indices, lowers, starts
from ..extractors.relations.extract import lemma_of, lemma_of_word, lexicon
from .candidates import END_KINDS, RELATION_TYPES, Candidate, MentionSpan, records_of

TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec width; other widths are cut or padded
CONTEXT_WORDS = 2
DISTANCE_BUCKETS = (0, 1, 3, 6, 10, 16, 25, 40)
REGION_TYPES = ("country", "subdivision", "city", "region")
HAND_FEATURES = (
    [f"type={t}" for t in RELATION_TYPES]
    + ["rule", "rule_conf", "rule_reverse", "rule_only"]
    + ["same_sentence", "next_sentence", "far"]
    + [f"gap<={b}" for b in DISTANCE_BUCKETS]
    + ["gap_big", "pairs_log", "head_first", "others_between_log", "comma_between", "and_between"]
    + ["meeting_verb_between", "meeting_noun_between", "part_cue_between", "located_prep_between",
       "located_verb_between", "event_noun_between"]
    + ["named_in_project", "in_locations", "record_part_of", "same_country", "both_countries"]
    + [f"region={t}" for t in REGION_TYPES]
    + ["head_mentions_log", "tail_mentions_log", "first_third"]
    + ["path<=2", "path<=4", "path<=6", "path_long", "no_path", "lca_is_end"]
    + ["lca_meeting_verb", "lca_meeting_noun", "lca_located_verb", "lca_located_prep", "path_meeting"]
)
MAX_PATH = 6  # dependency paths longer than this get no path string of their own


# The groups of a feature row: the ends' vectors (and their product), the context vector
# between them, the hashed words, the hand features.
FEATURE_PARTS = ("entities", "context", "words", "hand")


def feature_width(buckets: int) -> int:
    """Width of one candidate's feature row."""
    return 4 * TENSOR_WIDTH + buckets + len(HAND_FEATURES)


def part_columns(part: str, buckets: int) -> list[tuple[int, int]]:
    """[start, end) column ranges of a feature group in the row."""
    return {
        "entities": [(0, 2 * TENSOR_WIDTH), (3 * TENSOR_WIDTH, 4 * TENSOR_WIDTH)],
        "context": [(2 * TENSOR_WIDTH, 3 * TENSOR_WIDTH)],
        "words": [(4 * TENSOR_WIDTH, 4 * TENSOR_WIDTH + buckets)],
        "hand": [(4 * TENSOR_WIDTH + buckets, feature_width(buckets))],
    }[part]


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    lex = lexicon()
    return {
        "meeting_verbs": frozenset(lex.verbs) | lex.joint_noun_verbs,
        "meeting_nouns": frozenset(lex.nouns),
        "part_words": frozenset(w for cue in lex.part_of_cues for w in cue if w not in {"a", "of", "the"}),
        "located_preps": lex.located_preps,
        "located_verbs": lex.located_verbs,
        "event_nouns": lex.event_nouns,
    }


def _bucket(text: str, buckets: int) -> int:
    return zlib.crc32(text.encode("utf-8")) % buckets


def _mean(tensor: np.ndarray, start: int, end: int) -> np.ndarray:
    if end <= start or tensor.shape[0] == 0:
        return np.zeros(TENSOR_WIDTH, dtype="float32")
    return tensor[start:end].mean(axis=0)


def _tensor(doc: Doc) -> np.ndarray:
    """`doc.tensor` cut or padded to TENSOR_WIDTH (zeros where the model sets none)."""
    tensor = doc.tensor
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc):
        return np.zeros((len(doc), TENSOR_WIDTH), dtype="float32")
    tensor = np.asarray(tensor, dtype="float32")
    if tensor.shape[1] >= TENSOR_WIDTH:
        return tensor[:, :TENSOR_WIDTH]
    return np.pad(tensor, ((0, 0), (0, TENSOR_WIDTH - tensor.shape[1])))


def _log(n: int) -> float:
    return float(np.log1p(n))


def _hand(doc: Doc, cand: Candidate, records: dict, first: MentionSpan, second: MentionSpan,
          between: range, others: int) -> dict[str, float]:
    cues = _cues()
    head_kind, tail_kind = END_KINDS[cand.type]
    head, tail = records[head_kind][cand.head], records[tail_kind][cand.tail]
    h, t = cand.head_span, cand.tail_span
    f: dict[str, float] = {f"type={cand.type}": 1.0}
    if cand.rule is not None:
        f["rule"], f["rule_conf"] = 1.0, float(cand.rule.confidence)
    if cand.rule_reverse is not None:
        f["rule_reverse"] = 1.0
    if cand.pairs_in_window == 0:
        f["rule_only"] = 1.0
    dist = abs(h.sentence - t.sentence)
    f[("same_sentence", "next_sentence")[dist] if dist < 2 else "far"] = 1.0
    gap = max(0, second.start - first.end)
    for b in DISTANCE_BUCKETS:
        if gap <= b:
            f[f"gap<={b}"] = 1.0
            break
    else:
        f["gap_big"] = 1.0
    f["pairs_log"] = _log(cand.pairs_in_window)
    f["head_first"] = float(h.start <= t.start)
    f["others_between_log"] = _log(others)
    words = lowers(doc)[between.start : between.stop]
    lemmas = {lemma_of_word(w) for w in words}
    f["comma_between"] = float("," in words)
    f["and_between"] = float("and" in words)
    f["meeting_verb_between"] = float(bool(lemmas & cues["meeting_verbs"]))
    f["meeting_noun_between"] = float(bool(set(words) & cues["meeting_nouns"]))
    f["part_cue_between"] = float(bool(set(words) & cues["part_words"]))
    f["located_prep_between"] = float(bool(set(words) & cues["located_preps"]))
    f["located_verb_between"] = float(bool(lemmas & cues["located_verbs"]))
    f["event_noun_between"] = float(bool(set(words) & cues["event_nouns"]))
    if cand.type == "LOCATED_IN":
        place = tail.name.lower()
        f["named_in_project"] = float(any(place in n.lower() for n in [head.name, *head.aliases]))
        f["in_locations"] = float(place in {p.lower() for p in head.locations})
        if tail.type in REGION_TYPES:
            f[f"region={tail.type}"] = 1.0
    elif cand.type == "PART_OF":
        f["record_part_of"] = float((head.part_of or "").lower() == tail.name.lower())
    else:
        f["same_country"] = float(bool(head.country) and head.country == tail.country)
        f["both_countries"] = float(bool(head.country) and bool(tail.country))
    f["head_mentions_log"] = _log(len(head.mentions))
    f["tail_mentions_log"] = _log(len(tail.mentions))
    f["first_third"] = float(first.start < len(doc) / 3)
    return f


def _ancestors(heads: list[int], i: int) -> list[int]:
    """Token `i` and the indices of its heads up to the sentence root."""
    chain = [i]
    while heads[chain[-1]] != chain[-1] and len(chain) < 50:
        chain.append(heads[chain[-1]])
    return chain


def dependency_path(doc: Doc, a: MentionSpan, b: MentionSpan):
    """(lowest common ancestor, path up from a, path down to b) between two mentions' roots in
    one sentence, else None; the paths are the tokens below the ancestor."""
    if a.sentence != b.sentence or not doc.has_annotation("DEP"):
        return None
    ra, rb = doc[a.start : a.end].root, doc[b.start : b.end].root
    heads = head_indices(doc)
    up_a, up_b = _ancestors(heads, ra.i), _ancestors(heads, rb.i)
    index_b = {i: k for k, i in enumerate(up_b)}
    for k, i in enumerate(up_a):
        if i in index_b:
            return doc[i], [doc[j] for j in up_a[:k]], [doc[j] for j in up_b[: index_b[i]]]
    return None


def _path_features(doc: Doc, cand: Candidate, f: dict[str, float]) -> list[str]:
    """Hand features of the dependency path into `f`; its hashed keys returned."""
    cues = _cues()
    found = dependency_path(doc, cand.head_span, cand.tail_span)
    if found is None:
        f["no_path"] = 1.0
        return []
    lca, up, down = found
    length = len(up) + len(down)
    f["path<=2" if length <= 2 else "path<=4" if length <= 4 else "path<=6" if length <= 6 else "path_long"] = 1.0
    f["lca_is_end"] = float(not up or not down)
    lemma = lemma_of(lca)
    f["lca_meeting_verb"] = float(lemma in cues["meeting_verbs"])
    f["lca_meeting_noun"] = float(lca.lower_ in cues["meeting_nouns"])
    f["lca_located_verb"] = float(lemma in cues["located_verbs"])
    on_path = [*up[1:], *down[1:]]
    f["lca_located_prep"] = float(any(t.lower_ in cues["located_preps"] and t.dep_ == "prep" for t in on_path))
    f["path_meeting"] = float(any(lemma_of(t) in cues["meeting_verbs"] or t.lower_ in cues["meeting_nouns"] for t in on_path))
    keys = [f"lca:{lemma}", f"lcapos:{lca.pos_}"]
    if length <= MAX_PATH:
        keys.append("path:" + ">".join(t.dep_ for t in up) + "|" + "<".join(t.dep_ for t in reversed(down)))
    keys += [f"pw:{lemma_of(t)}" for t in on_path[:MAX_PATH]]
    return keys


def featurize(doc: Doc, candidates: list[Candidate], buckets: int) -> np.ndarray:
    """One feature row per candidate (float32, width `feature_width(buckets)`)."""
    width = feature_width(buckets)
    out = np.zeros((len(candidates), width), dtype="float32")
    if not candidates:
        return out
    tensor = _tensor(doc)
    records = records_of(doc)
    hand_index = {name: k for k, name in enumerate(HAND_FEATURES)}
    low, heads, offsets, text = lowers(doc), head_indices(doc), starts(doc), full_text(doc)
    hand_at = 4 * TENSOR_WIDTH + buckets
    # mention starts of every entity, to count the other entities between two ends
    all_starts = sorted(
        m.start_char for items in records.values() for r in items for m in r.mentions
    )
    for row, cand in enumerate(candidates):
        h, t = cand.head_span, cand.tail_span
        first, second = (h, t) if h.start <= t.start else (t, h)
        between = range(first.end, max(first.end, second.start))
        head_vec = _mean(tensor, h.start, h.end)
        tail_vec = _mean(tensor, t.start, t.end)
        out[row, :TENSOR_WIDTH] = head_vec
        out[row, TENSOR_WIDTH : 2 * TENSOR_WIDTH] = tail_vec
        out[row, 2 * TENSOR_WIDTH : 3 * TENSOR_WIDTH] = _mean(tensor, between.start, between.stop)
        out[row, 3 * TENSOR_WIDTH : 4 * TENSOR_WIDTH] = head_vec * tail_vec  # part "entities"
        hashed = 4 * TENSOR_WIDTH
        # words between, capped: far pairs are told apart by the distance features
        keys = [f"b:{w}" for w in low[between.start : between.start + 30]]
        keys += [f"l:{w}" for w in low[max(0, first.start - CONTEXT_WORDS) : first.start]]
        keys += [f"r:{w}" for w in low[second.end : second.end + CONTEXT_WORDS]]
        keys += [f"hh:{low[heads[h.end - 1]]}", f"th:{low[heads[t.end - 1]]}"]
        lo = offsets[first.end] if first.end < len(doc) else len(text)
        hi = offsets[second.start] if second.start < len(doc) else len(text)
        others = max(0, bisect.bisect_left(all_starts, hi) - bisect.bisect_left(all_starts, lo))
        hand = _hand(doc, cand, records, first, second, between, others)
        keys += _path_features(doc, cand, hand)
        for key in keys:
            out[row, hashed + _bucket(f"{cand.type}|{key}", buckets)] = 1.0
        for name, value in hand.items():
            out[row, hand_at + hand_index[name]] = value
    return out
