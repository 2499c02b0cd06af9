#!/usr/bin/python3
"""Regenerates the persistence fixtures: seeded point clouds and their Vietoris-Rips diagrams from
GUDHI, an implementation independent of Tessera's (a simplex tree and a boundary-matrix reduction).

Run with Debian's python3-gudhi (apt-get install python3-gudhi):
    /usr/bin/python3 scripts/persistence-reference.py src/test/resources/persistence

Each cloud writes <name>.points.csv (one point per line) and <name>.diagram.csv
(dimension,birth,death; death 'inf' for a class alive at the threshold). The header line of the
diagram file records max_dimension, threshold and the coefficient prime.
"""
import sys
import numpy as np
import gudhi


def noisy_torus(rng, n):
    u, v = rng.uniform(0, 2 * np.pi, (2, n))
    p = np.stack([(2 + np.cos(v)) * np.cos(u), (2 + np.cos(v)) * np.sin(u), np.sin(v)], 1)
    return p + rng.normal(0, 0.05, p.shape)


def clouds():
    rng = np.random.default_rng(20261207)
    yield "torus-r3", noisy_torus(rng, 70), 2, float("inf"), 2
    yield "gaussian-r4-z3", rng.normal(size=(45, 4)), 2, float("inf"), 3
    a = rng.uniform(0, 2 * np.pi, 300)
    r = rng.uniform(0.8, 1.2, 300)
    yield "annulus-r2", np.stack([r * np.cos(a), r * np.sin(a)], 1), 1, 0.8, 2


def main(out):
    for name, points, q, tau, p in clouds():
        st = gudhi.RipsComplex(points=points, max_edge_length=tau).create_simplex_tree(max_dimension=q + 1)
        st.compute_persistence(homology_coeff_field=p)
        with open(f"{out}/{name}.points.csv", "w") as f:
            for row in points:
                f.write(",".join(repr(float(x)) for x in row) + "\n")
        with open(f"{out}/{name}.diagram.csv", "w") as f:
            f.write(f"# max_dimension={q} threshold={tau} prime={p} gudhi={gudhi.__version__}\n")
            for k in range(q + 1):
                for b, d in sorted(st.persistence_intervals_in_dimension(k).tolist()):
                    f.write(f"{k},{b!r},{d!r}\n")
        print(name, len(points), "points", st.num_simplices(), "simplices")


if __name__ == "__main__":
    main(sys.argv[1])
