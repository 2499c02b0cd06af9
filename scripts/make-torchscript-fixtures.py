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


class Affine(torch.nn.Module):
    """T1: psi(z) = A z + b, g = [[10, -1], [-1, 6]], R = 0."""

    def forward(self, z):
        a = torch.tensor([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]], dtype=torch.float64)
        return z @ a.t() + torch.tensor([1.0, -2.0, 0.0], dtype=torch.float64)


class Sphere(torch.nn.Module):
    """T2: a sphere of radius 2 in (theta, phi): R = 2 / a^2 = 0.5, integral of R dmu = 8 pi."""

    def forward(self, z):
        t, p = z[:, 0], z[:, 1]
        return 2.0 * torch.stack([torch.sin(t) * torch.cos(p), torch.sin(t) * torch.sin(p), torch.cos(t)], 1)


class ReparametrisedSphere(torch.nn.Module):
    """T8: the radius-2 sphere after phi(w) = (w1 + 0.2 sin w2, w2 + 0.1 w1^2): still R = 0.5."""

    def forward(self, w):
        t = w[:, 0] + 0.2 * torch.sin(w[:, 1])
        p = w[:, 1] + 0.1 * w[:, 0] * w[:, 0]
        return 2.0 * torch.stack([torch.sin(t) * torch.cos(p), torch.sin(t) * torch.sin(p), torch.cos(t)], 1)


class Pseudosphere(torch.nn.Module):
    """T3: (sech u cos v, sech u sin v, u - tanh u), R = -2."""

    def forward(self, z):
        u, v = z[:, 0], z[:, 1]
        return torch.stack([torch.cos(v) / torch.cosh(u), torch.sin(v) / torch.cosh(u), u - torch.tanh(u)], 1)


class SwissRollSurface(torch.nn.Module):
    """T4: (t cos t, y, t sin t), flat: R = 0 while |H|^2 = |II|^2 > 0."""

    def forward(self, z):
        t, y = z[:, 0], z[:, 1]
        return torch.stack([t * torch.cos(t), y, t * torch.sin(t)], 1)


class ThreeSphere(torch.nn.Module):
    """T5: (r sin th cos ph, r sin th sin ph, r cos th, sqrt(1 - r^2)), R = 6, Lambda = 1."""

    def forward(self, z):
        r, th, ph = z[:, 0], z[:, 1], z[:, 2]
        return torch.stack([r * torch.sin(th) * torch.cos(ph), r * torch.sin(th) * torch.sin(ph), r * torch.cos(th),
                            torch.sqrt(1 - r * r)], 1)


def export_decoders():
    """Closed-form decoders of docs/methods/latent-curvature.md (Closed-form checks), float64 in and out, for latent-geometry."""
    for name, module in [("affine", Affine()), ("sphere-2", Sphere()), ("sphere-2-reparametrised", ReparametrisedSphere()), ("pseudosphere", Pseudosphere()),
                         ("swiss-roll-surface", SwissRollSurface()), ("three-sphere", ThreeSphere())]:
        torch.jit.script(module).save(str(OUT / f"decoder-{name}.pt"))


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
    export_decoders()


if __name__ == "__main__":
    main()
