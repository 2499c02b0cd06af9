#!/usr/bin/env python3
"""95% half-widths of ROC-AUCs from their values and the two set sizes (Hanley and McNeil, 1982).

For AUCs whose per-image scores are gone; the lmd job writes DeLong's interval from the scores.
Usage: scripts/auc-half-width.py N_IN N_OUT AUC [AUC ...]
"""
import math
import sys

n_in, n_out = int(sys.argv[1]), int(sys.argv[2])
for a in map(float, sys.argv[3:]):
    q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
    se = math.sqrt((a * (1 - a) + (n_out - 1) * (q1 - a * a) + (n_in - 1) * (q2 - a * a)) / (n_in * n_out))
    print(f"{a:.3f} ± {1.96 * se:.3f}")
