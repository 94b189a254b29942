"""Sign targets for clips labelled with a mood tag (the MIREX-like set), learned from 4Q's training clips.

The MIREX-like set labels each clip with one AllMusic mood tag and its MIREX cluster; 4Q labels each clip with a
quadrant *and* lists its AllMusic mood tags. So the quadrant convention the 4Q checks use can be carried over tag by
tag: among the 4Q training clips that carry a tag, the share with positive arousal and with positive valence. Tags
with few 4Q clips borrow strength from their cluster (every 4Q training clip carrying any tag of the cluster):

    p(tag) = (k + m · p(cluster)) / (n + m)

with k of n 4Q clips positive and m = `prior_clips`. A dimension whose p lies within `clear_margin` of 0.5 is left
unsupervised (NaN) for that tag: the tag does not say which side it is on. The table is computed from the training
clips passed in (inside a cross-validation fold, only that fold's training clips), never from a val split.
"""
import math

import numpy as np

# MIREX tag -> the 4Q (AllMusic) tags that mean the same (lower case); a 4Q clip matches if it has any of them.
TAG_SYNONYMS = {
    "agressive": ("aggressive",),
    "amiable-good natured": ("amiable", "good-natured"),
    "tense - anxious": ("tense", "anxious"),
}


def _norm(tag):
    return tag.strip().lower()


def synonyms(tag):
    t = _norm(tag)
    return TAG_SYNONYMS.get(t, (t,))


def sign_table(fourq_clips, mood_clips, prior_clips=5.0, clear_margin=0.15):
    """{tag: (p_arousal, p_valence, n)} for every tag of `mood_clips`, from the 4Q training clips' moods and quadrants."""
    tagged = [({_norm(t) for t in c.moods}, c.signs) for c in fourq_clips]

    def shares(match):
        hits = [signs for moods, signs in tagged if match(moods)]
        n = len(hits)
        k = np.array([[s > 0 for s in signs] for signs in hits], dtype=float).sum(0) if n else np.zeros(2)
        return k, n

    tags_of_cluster = {}
    for c in mood_clips:
        for t in c.moods:
            tags_of_cluster.setdefault(c.cluster, set()).add(t)
    cluster_p = {}
    for cluster, tags in tags_of_cluster.items():
        words = {w for t in tags for w in synonyms(t)}
        k, n = shares(lambda moods: bool(moods & words))
        cluster_p[cluster] = k / n if n else np.full(2, 0.5)
    table = {}
    for c in mood_clips:
        for t in c.moods:
            if t in table:
                continue
            words = set(synonyms(t))
            k, n = shares(lambda moods: bool(moods & words))
            p = (k + prior_clips * cluster_p[c.cluster]) / (n + prior_clips)
            table[t] = (float(p[0]), float(p[1]), n)
    return table


def assign_targets(mood_clips, table, clear_margin=0.15, hard=False, dimensions=("arousal", "valence")):
    """Sets clip.targets = (P(arousal > 0), P(valence > 0)) with NaN for unclear dimensions (and for dimensions not
    listed in `dimensions`); hard rounds to 0/1."""
    for c in mood_clips:
        ps = np.array([[table[t][0], table[t][1]] for t in c.moods if t in table])
        p = ps.mean(0) if len(ps) else np.full(2, 0.5)
        out = []
        for d, v in enumerate(p):
            if abs(v - 0.5) < clear_margin or ("arousal", "valence")[d] not in dimensions:
                out.append(math.nan)
            else:
                out.append(float(v > 0.5) if hard else float(v))
        c.targets = tuple(out)


CLUSTERS = ("C1", "C2", "C3", "C4", "C5")


def cluster_index(clip):
    return CLUSTERS.index(clip.cluster) if clip.cluster in CLUSTERS else -1
