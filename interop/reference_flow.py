#!/usr/bin/python3
"""FLD's image flow in PyTorch at any image size, for checking fld4j's import and export.

The layout and the module names are those of the official FLD ``ImageFlow``, so that its
``state_dict`` has the official keys: ``flow_layers.<i>`` for the layers, ``flows.<k>`` for the
couplings of the variational dequantization, ``network.nn.<j>`` for a coupling's gated conv net,
``scaling_factor`` and the ``mask`` buffer. Unlike the official class, the image shape, the number
of couplings and widths are arguments, the masks are built at the image's size, and uniform
dequantization can replace the variational one. The maths is the official code's, term by term
(docs/interop.md lists the formulas).

Commands (each writes JSON with per-image log-likelihoods in nats, computed in float32 with every
uniform draw of the dequantization fixed at 1/2):

    random  --shape C,H,W --dequantization uniform|variational --seed S --images N --out DIR
            builds the flow with seeded random weights (every layer non-trivial), exports it with
            fld4j_torch.export to DIR/torch.npz + DIR/torch.json, writes DIR/images.npy (uint8 NCHW)
            and DIR/torch_logprob.json
    score   --stem STEM --images FILE.npy --out FILE.json
            builds the flow STEM.json describes, loads STEM.npz strictly with fld4j_torch.load and
            scores the images
"""

import argparse
import contextlib
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fld4j_torch  # noqa: E402


def _normal_log_density(z):
    return (-0.5 * z * z - 0.5 * math.log(2 * math.pi)).sum(dim=[1, 2, 3])


class ConcatELU(nn.Module):
    def forward(self, x):
        return torch.cat([F.elu(x), F.elu(-x)], dim=1)


class LayerNormChannels(nn.Module):
    def __init__(self, channels, eps=1e-5):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(1, channels, 1, 1))
        self.beta = nn.Parameter(torch.zeros(1, channels, 1, 1))
        self.eps = eps

    def forward(self, x):
        centred = x - x.mean(dim=1, keepdim=True)
        variance = x.var(dim=1, unbiased=False, keepdim=True)
        return centred / torch.sqrt(variance + self.eps) * self.gamma + self.beta


class GatedConv(nn.Module):
    def __init__(self, channels, hidden):
        super().__init__()
        self.net = nn.Sequential(ConcatELU(), nn.Conv2d(2 * channels, hidden, 3, padding=1),
                                 ConcatELU(), nn.Conv2d(2 * hidden, 2 * channels, 1))

    def forward(self, x):
        value, gate = self.net(x).chunk(2, dim=1)
        return x + value * torch.sigmoid(gate)


class GatedConvNet(nn.Module):
    def __init__(self, c_in, c_hidden, c_out, num_layers):
        super().__init__()
        modules = [nn.Conv2d(c_in, c_hidden, 3, padding=1)]
        for _ in range(num_layers):
            modules += [GatedConv(c_hidden, c_hidden), LayerNormChannels(c_hidden)]
        modules += [ConcatELU(), nn.Conv2d(2 * c_hidden, c_out, 3, padding=1)]
        self.nn = nn.Sequential(*modules)
        self.nn[-1].weight.data.zero_()
        self.nn[-1].bias.data.zero_()

    def forward(self, x):
        return self.nn(x)


def checkerboard(h, w, invert):
    rows, cols = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
    m = ((rows + cols) % 2).float().view(1, 1, h, w)
    return 1 - m if invert else m


def channel_halves(c, invert):
    m = torch.cat([torch.ones(c // 2), torch.zeros(c - c // 2)]).view(1, c, 1, 1)
    return 1 - m if invert else m


class CouplingLayer(nn.Module):
    def __init__(self, network, mask, c_in):
        super().__init__()
        self.network = network
        self.scaling_factor = nn.Parameter(torch.zeros(c_in))
        self.register_buffer("mask", mask)

    def forward(self, z, ldj, orig_img=None):
        seen = z * self.mask
        out = self.network(seen if orig_img is None else torch.cat([seen, orig_img], dim=1))
        s, t = out.chunk(2, dim=1)
        bound = self.scaling_factor.exp().view(1, -1, 1, 1)
        s = torch.tanh(s / bound) * bound
        s, t = s * (1 - self.mask), t * (1 - self.mask)
        return (z + t) * torch.exp(s), ldj + s.sum(dim=[1, 2, 3])


class Squeeze(nn.Module):
    def forward(self, z, ldj):
        b, c, h, w = z.shape
        z = z.reshape(b, c, h // 2, 2, w // 2, 2).permute(0, 1, 3, 5, 2, 4)
        return z.reshape(b, 4 * c, h // 2, w // 2), ldj


class Split(nn.Module):
    def forward(self, z, ldj):
        kept, dropped = z.chunk(2, dim=1)
        return kept, ldj + _normal_log_density(dropped)


class Dequantization(nn.Module):
    def __init__(self, alpha=1e-5, quants=256):
        super().__init__()
        self.alpha = alpha
        self.quants = quants

    def to_logit(self, z, ldj):
        d = z[0].numel()
        z = z * (1 - self.alpha) + 0.5 * self.alpha
        ldj = ldj + math.log(1 - self.alpha) * d + (-torch.log(z) - torch.log(1 - z)).sum(dim=[1, 2, 3])
        return torch.log(z) - torch.log(1 - z), ldj

    def from_logit(self, z, ldj):
        d = z[0].numel()
        ldj = ldj + (-z - 2 * F.softplus(-z)).sum(dim=[1, 2, 3])
        z = torch.sigmoid(z)
        ldj = ldj - math.log(1 - self.alpha) * d
        return (z - 0.5 * self.alpha) / (1 - self.alpha), ldj

    def noise(self, x, ldj):
        return torch.rand_like(x), ldj

    def forward(self, x, ldj):
        x = x.to(torch.float32)
        u, ldj = self.noise(x, ldj)
        z = (x + u) / self.quants
        ldj = ldj - math.log(self.quants) * z[0].numel()
        return self.to_logit(z, ldj)


class VariationalDequantization(Dequantization):
    def __init__(self, var_flows, alpha=1e-5):
        super().__init__(alpha=alpha)
        self.flows = nn.ModuleList(var_flows)

    def noise(self, x, ldj):
        context = x / 255.0 * 2 - 1
        v, ldj = self.to_logit(torch.rand_like(x), ldj)
        for flow in self.flows:
            v, ldj = flow(v, ldj, orig_img=context)
        return self.from_logit(v, ldj)


class ImageFlow(nn.Module):
    def __init__(self, channels, height, width, steps=(2, 2, 4), hidden=(32, 48, 64), blocks=3,
                 dequantization="variational", deq_couplings=4, deq_hidden=16):
        super().__init__()
        c, h, w = channels, height, width
        if dequantization == "variational":
            first = VariationalDequantization([
                CouplingLayer(GatedConvNet(2 * c, deq_hidden, 2 * c, blocks), checkerboard(h, w, k % 2 == 1), c)
                for k in range(deq_couplings)])
        else:
            first = Dequantization()
        layers = [first]
        layers += [CouplingLayer(GatedConvNet(c, hidden[0], 2 * c, blocks), checkerboard(h, w, k % 2 == 1), c)
                   for k in range(steps[0])]
        layers.append(Squeeze())
        c = 4 * c
        layers += [CouplingLayer(GatedConvNet(c, hidden[1], 2 * c, blocks), channel_halves(c, k % 2 == 1), c)
                   for k in range(steps[1])]
        layers += [Split(), Squeeze()]
        c = 8 * channels
        layers += [CouplingLayer(GatedConvNet(c, hidden[2], 2 * c, blocks), channel_halves(c, k % 2 == 1), c)
                   for k in range(steps[2])]
        self.flow_layers = nn.ModuleList(layers)

    def log_prob(self, imgs):
        z, ldj = imgs.to(torch.float32), torch.zeros(imgs.shape[0])
        for layer in self.flow_layers:
            z, ldj = layer(z, ldj)
        return ldj + _normal_log_density(z)


def from_config(config):
    return ImageFlow(config["channels"], config["height"], config["width"], config["steps"], config["hidden"],
                     config["gated_blocks"], config["dequantization"], config["dequantization_couplings"],
                     config["dequantization_hidden"])


def perturb(model, generator):
    """Random values where construction leaves zeros or ones, so that every parameter matters."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            noise = torch.randn(p.shape, generator=generator)
            if name.endswith("scaling_factor"):
                p.copy_(0.3 * noise)
            elif name.endswith("gamma"):
                p.copy_(1 + 0.2 * noise)
            elif name.endswith("beta"):
                p.copy_(0.2 * noise)
            elif p.abs().max() == 0:
                p.copy_(0.02 * noise)
            else:
                p.add_(0.05 * noise)


@contextlib.contextmanager
def midpoint_noise():
    """Every torch.rand_like draw is 1/2 (the centre of each dequantization bin)."""
    original = torch.rand_like
    torch.rand_like = lambda x, **kw: torch.full_like(x, 0.5, dtype=torch.float32)
    try:
        yield
    finally:
        torch.rand_like = original


def score(model, images):
    model.eval()
    with torch.no_grad(), midpoint_noise():
        return model.log_prob(torch.from_numpy(images.astype(np.int64))).double().tolist()


def write_json(path, values, config):
    with open(path, "w") as f:
        json.dump(dict(log_prob=values, noise="midpoint", dtype="float32", torch=torch.__version__,
                       config=config), f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("random")
    r.add_argument("--shape", required=True)
    r.add_argument("--dequantization", choices=["uniform", "variational"], required=True)
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--images", type=int, default=3)
    r.add_argument("--steps", default="2,2,4")
    r.add_argument("--hidden", default="32,48,64")
    r.add_argument("--blocks", type=int, default=3)
    r.add_argument("--deq-couplings", type=int, default=4)
    r.add_argument("--deq-hidden", type=int, default=16)
    r.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("--stem", required=True)
    s.add_argument("--images", required=True)
    s.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.set_num_threads(1)
    if args.command == "random":
        c, h, w = (int(v) for v in args.shape.split(","))
        torch.manual_seed(args.seed)
        model = ImageFlow(c, h, w, [int(v) for v in args.steps.split(",")], [int(v) for v in args.hidden.split(",")],
                          args.blocks, args.dequantization, args.deq_couplings, args.deq_hidden)
        generator = torch.Generator().manual_seed(args.seed + 1)
        perturb(model, generator)
        images = torch.randint(0, 256, (args.images, c, h, w), generator=generator).numpy().astype(np.uint8)
        os.makedirs(args.out, exist_ok=True)
        config = fld4j_torch.export(model, os.path.join(args.out, "torch"))
        np.save(os.path.join(args.out, "images.npy"), images)
        write_json(os.path.join(args.out, "torch_logprob.json"), score(model, images), config)
    else:
        config, _ = fld4j_torch.read(args.stem)
        model = fld4j_torch.load(from_config(config), args.stem)
        write_json(args.out, score(model, np.load(args.images)), config)


if __name__ == "__main__":
    main()
