#!/usr/bin/python3
"""Regenerates the TorchScript test fixtures in src/test/resources/models/.

Run with Debian's python3-torch (apt-get install python3-torch): /usr/bin/python3 scripts/make-torchscript-fixtures.py

Each fixture is a traced nn.Sequential with seeded weights, plus a JSON file holding probe inputs
and the outputs PyTorch computes for them, so the Java tests compare DJL against PyTorch itself.
"""
import json
import pathlib

import torch

OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "test" / "resources" / "models"


def export(name, net, in_dim, seed):
    torch.manual_seed(seed)
    for p in net.parameters():
        torch.nn.init.normal_(p, std=0.7)
    net.eval()
    probes = torch.randn(6, in_dim)
    traced = torch.jit.trace(net, torch.zeros(1, in_dim))
    traced.save(str(OUT / f"{name}.pt"))
    with torch.no_grad():
        outputs = net(probes)
    (OUT / f"{name}.expected.json").write_text(json.dumps({
        "inputs": probes.tolist(),
        "outputs": outputs.tolist(),
    }, indent=1))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    export("relu-mlp-3-8-6-2", torch.nn.Sequential(
        torch.nn.Linear(3, 8), torch.nn.ReLU(), torch.nn.Linear(8, 6), torch.nn.ReLU(), torch.nn.Linear(6, 2)), 3, 11)
    # Same parameter layout, but tanh: must not be mistaken for a ReLU MLP.
    export("tanh-mlp-3-8-2", torch.nn.Sequential(
        torch.nn.Linear(3, 8), torch.nn.Tanh(), torch.nn.Linear(8, 2)), 3, 12)


if __name__ == "__main__":
    main()
