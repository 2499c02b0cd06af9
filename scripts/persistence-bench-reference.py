#!/usr/bin/python3
"""The reference half of bench/persistence: GUDHI's Rips complex and persistence (Debian's
python3-gudhi) on the points PersistenceBench wrote, at the same thresholds, timed beside
Tessera's, with the largest difference between the two diagrams. GUDHI builds every simplex up to
dimension q + 1 explicitly, so the enclosing-radius cases (about 1.3e9 triangles for 2,000 points)
are beyond it and are printed for Tessera alone. Usage: persistence-bench-reference.py OUT_DIR"""
import csv
import resource
import sys
import time

import numpy as np
import gudhi


def ours(path):
    by_dim = {}
    for line in open(path):
        k, b, d = line.strip().split(",")
        by_dim.setdefault(int(k), []).append((float(b), float(d)))
    return {k: sorted(v) for k, v in by_dim.items()}


def max_difference(a, b):
    worst = 0.0
    for k in set(a) | set(b):
        x, y = a.get(k, []), b.get(k, [])
        if len(x) != len(y):
            return float("inf")
        for (b1, d1), (b2, d2) in zip(x, y):
            worst = max(worst, abs(b1 - b2), 0.0 if d1 == d2 else abs(d1 - d2))
    return worst


out = sys.argv[1]
print("    n  dims   tau        tessera s  peak heap MB   gudhi s  gudhi peak RSS MB  gudhi/tessera time  max |diagram diff|")
for row in csv.DictReader(open(f"{out}/tessera.csv")):
    n, q, ts = int(row["n"]), int(row["q"]), float(row["seconds"])
    head = f"{n:5d}  H0-H{q}  {row['tau']:>9}  {ts:9.2f}  {float(row['peak_heap_mb']):12.0f}"
    if row["tau"] == "enclosing":
        print(head + "   (beyond GUDHI's explicit simplex tree)")
        continue
    points = np.loadtxt(f"{out}/points-{n}.csv", delimiter=",")
    start = time.perf_counter()
    st = gudhi.RipsComplex(points=points, max_edge_length=float(row["tau"])).create_simplex_tree(max_dimension=q + 1)
    st.compute_persistence(homology_coeff_field=2)
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    theirs = {k: sorted(map(tuple, st.persistence_intervals_in_dimension(k).tolist())) for k in range(q + 1)}
    diff = max_difference(ours(f"{out}/diagram-{row['case']}.csv"), theirs)
    print(head + f"  {seconds:8.2f}  {rss:17.0f}  {seconds / ts:18.2f}  {diff:.1e}")
