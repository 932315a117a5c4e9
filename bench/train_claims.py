"""Train the claim spotter's model and write `resources/claims/model.json.gz`.

    uv sync --group train
    uv run --group train python bench/train_claims.py [--data DIR] [--out FILE]

Trains a logistic regression (scikit-learn, liblinear: deterministic) on the features of
`reader.core.claims.features` over the development data in `../shared/corpus/claims/`
(ClaimBuster crowdsourced debates and NewsClaims dev news; see that folder's README), keeps
the weights that matter, rounded, and the decision threshold that five-fold
cross-validation found best. Running it again on the same data writes the same file.
Only the app's plain-Python inference reads the result: scikit-learn never ships.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.claims import FEATURES_VERSION, ClaimModel, features  # noqa: E402

DATA = ROOT.parent / "shared" / "corpus" / "claims"
SETS = {
    "debates": "data_claimbuster_crowdsourced.jsonl",
    "news": "data_newsclaims_dev.jsonl",
}
OUT = ROOT / "resources" / "claims" / "model.json.gz"
MODEL_VERSION = "1"
C = 0.3  # regularisation, chosen by cross-validation on the development data
MIN_COUNT = 2  # features seen once cannot generalise and only grow the file
NEWS_WEIGHT = 3.0  # the news set is small but is the kind of text Gloss reads
DIGITS = 2  # weights are rounded: the file stays small
MIN_WEIGHT = 0.05  # smaller weights barely move a score; dropping them shrinks the file
FOLDS = 5


def load(data: Path, name: str) -> list[tuple[str, int]]:
    with (data / SETS[name]).open(encoding="utf-8") as f:
        return [(r["text"], int(r["label"])) for r in map(json.loads, f) if r.get("text")]


def fit(rows: Sequence[tuple[str, int, float]], c: float = C, min_count: int = MIN_COUNT) -> dict:
    """A model (as stored in JSON, threshold 0.5) fitted on (text, label, weight) rows."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    feats = [features(t) for t, _, _ in rows]
    counts = Counter(f for fs in feats for f in set(fs))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    indptr, indices, values = [0], [], []
    for fs in feats:
        cols = Counter(vocab[f] for f in fs if f in vocab)
        for col in sorted(cols):
            indices.append(col)
            values.append(float(cols[col]))
        indptr.append(len(indices))
    x = csr_matrix((values, indices, indptr), shape=(len(rows), len(vocab)))
    y = np.array([label for _, label, _ in rows])
    w = np.array([weight for _, _, weight in rows])
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(x, y, sample_weight=w)
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {
        name: round(float(coef), DIGITS)
        for name, coef in zip(names, clf.coef_[0], strict=True)
        if abs(round(float(coef), DIGITS)) >= MIN_WEIGHT
    }
    return {
        "features": FEATURES_VERSION,
        "version": MODEL_VERSION,
        "bias": round(float(clf.intercept_[0]), DIGITS),
        "threshold": 0.5,
        "weights": dict(sorted(weights.items())),
    }


def folds(n: int, k: int = FOLDS) -> list[list[int]]:
    """Deterministic interleaved folds: row i goes to fold i % k."""
    return [[i for i in range(n) if i % k == f] for f in range(k)]


def cross_scores(sets: dict[str, list[tuple[str, int]]], **kw: float) -> dict[str, list]:
    """Out-of-fold scores for every row of every set: each fold's rows are scored by a
    model trained on every other fold of every set."""
    out: dict[str, list[float]] = {name: [0.0] * len(rows) for name, rows in sets.items()}
    splits = {name: folds(len(rows)) for name, rows in sets.items()}
    for f in range(FOLDS):
        train = [
            (t, y, NEWS_WEIGHT if name == "news" else 1.0)
            for name, rows in sets.items()
            for i, (t, y) in enumerate(rows)
            if i % FOLDS != f
        ]
        model = _model(fit(train, **kw))
        for name, rows in sets.items():
            for i in splits[name][f]:
                out[name][i] = model.spot(rows[i][0]).score
    return out


def _model(data: dict) -> ClaimModel:
    return ClaimModel(data["version"], data["bias"], data["threshold"], data["weights"])


def prf(pred: Sequence[bool], gold: Sequence[int]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum((not p) and g for p, g in zip(pred, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(scores: dict[str, list[float]], sets: dict[str, list]) -> float:
    """The threshold with the best mean F1 over the sets, on out-of-fold scores."""
    gold = {name: [y for _, y in rows] for name, rows in sets.items()}

    def mean_f1(t: float) -> float:
        return sum(prf([s >= t for s in scores[n]], gold[n])[2] for n in sets) / len(sets)

    candidates = [round(0.20 + 0.01 * i, 2) for i in range(61)]
    return max(candidates, key=lambda t: (mean_f1(t), -abs(t - 0.5)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sets = {name: load(args.data, name) for name in SETS}
    threshold = best_threshold(cross_scores(sets), sets)
    rows = [
        (t, y, NEWS_WEIGHT if name == "news" else 1.0)
        for name, data in sets.items()
        for t, y in data
    ]
    model = fit(rows)
    model["threshold"] = threshold
    model["trained_on"] = "ClaimBuster crowdsourced (CC BY 4.0), NewsClaims dev"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # Stored grouped by weight ({"0.42": [feature, ...]}): a rounded weight is shared by
    # hundreds of features, so each number is written once.
    count = len(model["weights"])
    grouped: dict[str, list[str]] = {}
    for name, weight in model["weights"].items():
        grouped.setdefault(f"{weight:.{DIGITS}f}", []).append(name)
    model["weights"] = dict(sorted(grouped.items()))
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n"
    # mtime 0: the same weights make the same bytes.
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(
        f"{args.out}: {count} weights, threshold {threshold}, "
        f"{args.out.stat().st_size / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
