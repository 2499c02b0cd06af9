#!/usr/bin/env python3
"""The reference half of bench/assignment: SciPy's linear_sum_assignment (Jonker-Volgenant) on the
points AssignmentBench wrote, the same W2 and its time, beside Tessera's. Usage: assignment-reference.py OUT_DIR"""
import csv
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

out = sys.argv[1]
print("    n   W2 tessera          W2 scipy            |diff|     tessera s  scipy s  scipy / tessera time")
with open(f"{out}/tessera.csv") as f:
    for row in csv.DictReader(f):
        n = int(row["n"])
        pts = np.loadtxt(f"{out}/points-{n}.csv", delimiter=",")
        x, y = pts[:n], pts[n:]
        start = time.perf_counter()
        cost = ((x[:, None, :] - y[None, :, :]) ** 2).sum(axis=2)
        r, c = linear_sum_assignment(cost)
        w2 = float(np.sqrt(cost[r, c].sum() / n))
        seconds = time.perf_counter() - start
        ours = float(row["w2"])
        print(f"{n:5d}   {ours:.12f}   {w2:.12f}   {abs(ours - w2):.1e}   {float(row['seconds']):9.3f}  {seconds:7.3f}  "
              f"{seconds / float(row['seconds']):.2f}")
