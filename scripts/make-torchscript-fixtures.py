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


class GaussianEps(torch.nn.Module):
    """The optimal eps-network of data N(mu, sigma2 I) under the scaled-linear schedule with T steps:
    E[eps | x_t] = sqrt(1 - abar_t) (x_t - sqrt(abar_t) mu) / (abar_t sigma2 + 1 - abar_t)."""

    def __init__(self, mu, sigma2, steps):
        super().__init__()
        k = torch.arange(1, steps + 1, dtype=torch.float64)
        beta = (1000.0 / steps) * (1e-4 + (0.02 - 1e-4) * (k - 1) / (steps - 1))
        abar = torch.cat([torch.ones(1, dtype=torch.float64), torch.cumprod(1 - beta, 0)])
        self.register_buffer("abar", abar.float())
        self.register_buffer("mu", torch.tensor(mu, dtype=torch.float32))
        self.sigma2 = sigma2

    def forward(self, x, t):
        a = self.abar[t.long()].unsqueeze(1)
        return torch.sqrt(1 - a) * (x - torch.sqrt(a) * self.mu) / (a * self.sigma2 + 1 - a)


def export_gaussian_eps(name, mu, sigma2, steps=100):
    """A user-supplied eps-network with Tessera's documented signature forward(x_t [B, d], t [B])."""
    scripted = torch.jit.script(GaussianEps(mu, sigma2, steps))
    scripted.save(str(OUT / f"{name}.pt"))
    (OUT / f"{name}.json").write_text(json.dumps({"data_dim": len(mu), "steps": steps, "schedule": "scaled-linear"}, indent=1))


def blob_image(side=12, sd=2.0):
    """A soft blob in the middle of a dark side x side image, row-major: the mean of LmdJobTest's images."""
    c = (side - 1) / 2
    return [float(torch.exp(torch.tensor(-((r - c) ** 2 + (k - c) ** 2) / (2 * sd * sd)))) for r in range(side) for k in range(side)]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    export("relu-mlp-3-8-6-2", torch.nn.Sequential(
        torch.nn.Linear(3, 8), torch.nn.ReLU(), torch.nn.Linear(8, 6), torch.nn.ReLU(), torch.nn.Linear(6, 2)), 3, 11)
    # Same parameter layout, but tanh: must not be mistaken for a ReLU MLP.
    export("tanh-mlp-3-8-2", torch.nn.Sequential(
        torch.nn.Linear(3, 8), torch.nn.Tanh(), torch.nn.Linear(8, 2)), 3, 12)
    export_gaussian_eps("gaussian-eps", [0.5, -0.3], 0.16)
    # Images N(blob, 0.1^2 I) on 12 x 12 pixels, for the lmd job.
    export_gaussian_eps("gaussian-image-eps", blob_image(), 0.01)


if __name__ == "__main__":
    main()
