#!/usr/bin/python3
"""Moves the weights of FLD's PyTorch image flow to fld4j and back.

The flow is the official FLD ``ImageFlow`` (a module list of layers: dequantization, checkerboard
couplings, squeeze, channel couplings, split, squeeze, channel couplings), trained by FLD's own
scripts or built by any code that uses the same module and attribute names. Only the names and
shapes of ``state_dict`` entries are read; nothing here builds the model.

Files: ``STEM.npz`` holds every ``state_dict`` entry under its own key (float32, masks included),
``STEM.json`` the configuration that the keys alone leave open or that fld4j needs (see README.md).

    /usr/bin/python3 fld4j_torch.py export flow.pth flow        # writes flow.npz and flow.json
    fld import torch flow.npz --out flow.fld4j                  # then, in fld4j

and the way back, from a model of the right layout:

    import fld4j_torch
    fld4j_torch.load(model, "exported")                         # exported.npz + exported.json

Python 3 with NumPy; PyTorch only for ``load`` and for reading a ``.pth`` checkpoint.
"""

import json
import math
import re
import sys

import numpy as np

FORMAT = "fld4j-torch-image-flow"
VERSION = 1
DEFAULT_ALPHA = 1e-5
DEFAULT_QUANTS = 256

_LAYER_KEY = re.compile(r"^(?P<prefix>[A-Za-z_][A-Za-z0-9_]*)\.(?P<index>\d+)\.(?P<rest>.+)$")


class LayoutError(ValueError):
    """The state_dict is not the FLD image flow's layout; the message names the key or layer."""


def _as_numpy(value):
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.asarray(value)


def _layers(state):
    """{layer index: {key rest: array}} and the name of the module list."""
    prefixes, layers = set(), {}
    for key, value in state.items():
        m = _LAYER_KEY.match(key)
        if m is None:
            raise LayoutError(f"state_dict key '{key}' is not of the form <module list>.<index>.<name>")
        prefixes.add(m["prefix"])
        layers.setdefault(int(m["index"]), {})[m["rest"]] = _as_numpy(value)
    if len(prefixes) != 1:
        raise LayoutError(f"expected one module list of flow layers, found {sorted(prefixes)}")
    return prefixes.pop(), layers


def _network(entries, where):
    """(input channels, hidden channels, output channels, gated blocks) of a GatedConvNet's entries."""
    w = entries.get("network.nn.0.weight")
    if w is None or w.ndim != 4:
        raise LayoutError(f"{where}: no 4-d 'network.nn.0.weight'")
    blocks = 0
    while f"network.nn.{2 * blocks + 2}.gamma" in entries:
        blocks += 1
    out = entries.get(f"network.nn.{2 * blocks + 2}.weight")
    if out is None:
        raise LayoutError(f"{where}: no output convolution 'network.nn.{2 * blocks + 2}.weight'")
    return int(w.shape[1]), int(w.shape[0]), int(out.shape[0]), blocks


def infer_config(state, alpha=DEFAULT_ALPHA, quants=DEFAULT_QUANTS):
    """The configuration of an FLD image flow from its state_dict (a dict of tensors or arrays).

    The image size comes from the checkerboard masks, which are stored at the image's size (the
    official code fixes them at 256 x 256); the channels from the first coupling's scaling_factor.
    Raises LayoutError, naming the layer, for anything else."""
    prefix, layers = _layers(state)
    indices = sorted(layers)
    dequant = {}
    if 0 in layers:
        rests = layers[0]
        if not all(r.startswith("flows.") for r in rests):
            raise LayoutError(f"layer {prefix}.0 should be the dequantization, it holds {sorted(rests)[:3]}")
        by_coupling = {}
        for r, v in rests.items():
            k, _, name = r[len("flows."):].partition(".")
            by_coupling.setdefault(int(k), {})[name] = v
        if sorted(by_coupling) != list(range(len(by_coupling))):
            raise LayoutError(f"{prefix}.0.flows: couplings {sorted(by_coupling)} are not numbered 0..n-1")
        nets = [_network(by_coupling[k], f"{prefix}.0.flows.{k}") for k in sorted(by_coupling)]
        if len(set(nets)) != 1:
            raise LayoutError(f"{prefix}.0.flows: the couplings' networks differ: {nets}")
        dequant = dict(dequantization="variational", dequantization_couplings=len(nets),
                       dequantization_hidden=nets[0][1], dequantization_blocks=nets[0][3])
    else:
        dequant = dict(dequantization="uniform", dequantization_couplings=0, dequantization_hidden=0)
    couplings = [i for i in indices if i != 0]
    if not couplings or couplings[0] != 1:
        raise LayoutError(f"the first coupling should be layer {prefix}.1, layers with weights: {indices}")
    stages, previous = [], None
    for i in couplings:
        entries = layers[i]
        mask = entries.get("mask")
        factor = entries.get("scaling_factor")
        if mask is None or factor is None:
            raise LayoutError(f"layer {prefix}.{i}: a coupling needs 'mask' and 'scaling_factor'")
        c_in, hidden, c_out, blocks = _network(entries, f"{prefix}.{i}")
        checker = mask.shape[1] == 1 and mask.ndim == 4 and mask.shape[2] > 1
        kind = "checkerboard" if checker else "channel"
        if previous is None or i != previous + 1 or kind != stages[-1]["kind"] or c_in != stages[-1]["c"]:
            stages.append(dict(kind=kind, c=c_in, hidden=hidden, blocks=blocks, first=i, count=0,
                               mask_shape=mask.shape))
        stage = stages[-1]
        if (hidden, blocks) != (stage["hidden"], stage["blocks"]) or c_out != 2 * c_in:
            raise LayoutError(f"layer {prefix}.{i}: network {c_in}->{hidden}x{blocks}->{c_out} differs from its stage")
        stage["count"] += 1
        previous = i
    kinds = [s["kind"] for s in stages]
    if kinds != ["checkerboard", "channel", "channel"]:
        raise LayoutError(f"expected checkerboard, channel and channel couplings in three runs, found {kinds}")
    a, b, c = (s["count"] for s in stages)
    # Squeeze after stage 0, split and squeeze after stage 1: two and three layers without weights.
    if stages[1]["first"] != a + 2 or stages[2]["first"] != a + b + 4:
        raise LayoutError(f"the couplings start at layers {[s['first'] for s in stages]}, expected "
                          f"[1, {a + 2}, {a + b + 4}] (squeeze, then split and squeeze, between the stages)")
    channels = stages[0]["c"]
    if stages[1]["c"] != 4 * channels or stages[2]["c"] != 8 * channels:
        raise LayoutError(f"coupling channels {[s['c'] for s in stages]} are not C, 4C, 8C")
    blocks = {s["blocks"] for s in stages}
    if dequant["dequantization"] == "variational":
        blocks.add(dequant.pop("dequantization_blocks"))
    if len(blocks) != 1:
        raise LayoutError(f"the networks have different numbers of gated blocks: {sorted(blocks)}")
    height, width = (int(v) for v in stages[0]["mask_shape"][2:])
    return dict(format=FORMAT, version=VERSION, state_dict_prefix=prefix, channels=channels, height=height,
                width=width, steps=[a, b, c], hidden=[s["hidden"] for s in stages], gated_blocks=blocks.pop(),
                alpha=alpha, quants=quants, **dequant)


def _module_constants(model):
    """alpha and quants of a model's dequantization layer, where it has them."""
    layers = getattr(model, "flow_layers", None) or getattr(model, "flows", None)
    first = layers[0] if layers is not None and len(layers) else None
    return (float(getattr(first, "alpha", DEFAULT_ALPHA)), int(getattr(first, "quants", DEFAULT_QUANTS)))


def export(model_or_state, stem):
    """Writes STEM.npz (every state_dict entry, float32) and STEM.json; returns the configuration."""
    if hasattr(model_or_state, "state_dict"):
        alpha, quants = _module_constants(model_or_state)
        state = model_or_state.state_dict()
    else:
        alpha, quants = DEFAULT_ALPHA, DEFAULT_QUANTS
        state = model_or_state
    config = infer_config(state, alpha, quants)
    arrays = {}
    for key, value in state.items():
        a = _as_numpy(value).astype(np.float32)
        if not np.all(np.isfinite(a)):
            raise LayoutError(f"state_dict entry '{key}' holds non-finite values")
        arrays[key] = a
    np.savez(stem + ".npz", **arrays)
    with open(stem + ".json", "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    return config


def read(stem):
    """(configuration, {key: float32 array}) of STEM.npz and STEM.json."""
    with open(stem + ".json") as f:
        config = json.load(f)
    if config.get("format") != FORMAT or config.get("version") != VERSION:
        raise LayoutError(f"{stem}.json is not a {FORMAT} version {VERSION} file")
    with np.load(stem + ".npz") as npz:
        arrays = {k: npz[k] for k in npz.files}
    return config, arrays


def load(model, stem):
    """Loads STEM.npz/.json (written by fld4j or by export) into ``model`` with strict key checking.

    The files' configuration must equal the model's; the module list is renamed to the model's own
    (fld4j writes the official name, flow_layers). Returns the model."""
    import torch
    config, arrays = read(stem)
    own = model.state_dict()
    alpha, quants = _module_constants(model)
    expected = infer_config(own, alpha, quants)
    for name in ("channels", "height", "width", "steps", "hidden", "gated_blocks", "dequantization",
                 "dequantization_couplings", "dequantization_hidden", "quants"):
        if config.get(name) != expected[name]:
            raise LayoutError(f"{stem}.json has {name} = {config.get(name)}, the model {expected[name]}")
    if not math.isclose(config["alpha"], expected["alpha"], rel_tol=1e-12):
        raise LayoutError(f"{stem}.json has alpha = {config['alpha']}, the model {expected['alpha']}")
    src, dst = config["state_dict_prefix"] + ".", expected["state_dict_prefix"] + "."
    state = {}
    for key, value in arrays.items():
        name = dst + key[len(src):] if key.startswith(src) else key
        target = own.get(name)
        if target is not None and tuple(target.shape) != value.shape:
            raise LayoutError(f"{stem}.npz entry '{key}' has shape {value.shape}, the model {tuple(target.shape)}")
        state[name] = torch.from_numpy(np.ascontiguousarray(value)).to(target.dtype if target is not None
                                                                      else torch.float32)
    model.load_state_dict(state, strict=True)
    return model


def main(argv):
    if len(argv) != 3 or argv[0] != "export":
        print("usage: fld4j_torch.py export CHECKPOINT.pth OUT_STEM\n"
              "  CHECKPOINT.pth: torch.save(model.state_dict()) of an FLD ImageFlow (as FLD's train.py writes)",
              file=sys.stderr)
        return 2
    import torch
    state = torch.load(argv[1], map_location="cpu")
    if not isinstance(state, dict):
        state = state.state_dict()
    config = export(state, argv[2])
    print(f"wrote {argv[2]}.npz and {argv[2]}.json: {config['channels']}x{config['height']}x{config['width']}, "
          f"steps {config['steps']}, hidden {config['hidden']}, {config['dequantization']} dequantization")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
