"""How well and how fast the claim spotter finds check-worthy sentences.

    uv run --group train python bench/claims.py [--data DIR]

Precision, recall and F1 (positive class: a check-worthy claim) on each development set of
`../shared/corpus/claims/`, for:
- has a digit: a sentence with any digit is a claim;
- rules alone: `reader.core.claims.rule_score` >= 0.3 (one strong kind of evidence, not an
  opinion or a question);
- TF-IDF + LR: scikit-learn's TfidfVectorizer (words and pairs) + LogisticRegression with
  balanced class weights, decided at 0.5: the plain reference;
- Gloss: the shipped model's features and training, at the threshold cross-validation chose.
The two learned rows are five-fold cross-validated (each fold scored by a model trained on
the other folds of both sets: `bench/train_claims.py`), so no sentence is scored by a model
that saw it. Then sentences per second of the shipped model, in process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import train_claims as train  # noqa: E402

from reader.core.claims import default_model, rule_score  # noqa: E402

RULE_THRESHOLD = 0.3


def tfidf_cross(sets: dict[str, list[tuple[str, int]]]) -> dict[str, list[bool]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    out = {name: [False] * len(rows) for name, rows in sets.items()}
    for f in range(train.FOLDS):
        rows = [r for data in sets.values() for i, r in enumerate(data) if i % train.FOLDS != f]
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        clf = LogisticRegression(max_iter=1000, solver="liblinear", class_weight="balanced")
        clf.fit(vec.fit_transform([t for t, _ in rows]), [y for _, y in rows])
        for name, data in sets.items():
            idx = train.folds(len(data))[f]
            pred = clf.predict(vec.transform([data[i][0] for i in idx]))
            for i, p in zip(idx, pred, strict=True):
                out[name][i] = bool(p)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=train.DATA)
    args = parser.parse_args(argv)
    sets = {name: train.load(args.data, name) for name in train.SETS}
    model = default_model()
    # Speed first, in a fresh process: the cross-validation below leaves a heap that
    # slows every later allocation through the garbage collector.
    texts = [t for data in sets.values() for t, _ in data]
    model.spot(texts[0])
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for t in texts:
            model.spot(t)
        best = max(best, len(texts) / (time.perf_counter() - start))
    scores = train.cross_scores(sets)
    tfidf = tfidf_cross(sets)
    rows = {
        "has a digit": {n: [any(c.isdigit() for c in t) for t, _ in d] for n, d in sets.items()},
        "rules alone": {
            n: [rule_score(t) >= RULE_THRESHOLD for t, _ in d] for n, d in sets.items()
        },
        "TF-IDF + LR (5-fold)": tfidf,
        "Gloss (5-fold)": {n: [s >= model.threshold for s in scores[n]] for n in sets},
    }
    print(f"{'':24}" + "".join(f"{name + ' (P / R / F1)':>30}" for name in sets))
    for label, preds in rows.items():
        cells = []
        for name, data in sets.items():
            p, r, f1 = train.prf(preds[name], [y for _, y in data])
            cells.append(f"{p:.3f} / {r:.3f} / {f1:.3f}")
        print(f"{label:24}" + "".join(f"{c:>30}" for c in cells))
    size = (ROOT / "resources" / "claims" / "model.json.gz").stat().st_size
    print(
        f"\nshipped model: {len(model.weights)} weights, {size / 1024:.0f} KiB, threshold "
        f"{model.threshold}; {best:,.0f} sentences/s in process ({len(texts)} sentences)"
    )
    print(json.dumps({"sentences_per_second": round(best)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
