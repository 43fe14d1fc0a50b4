#!/usr/bin/python3
"""Where the PyTorch reference's scoring pass and training step spend their time: its convolutions and
linear layers against everything else, for comparison with fld4j's TimeSplit. Every nn.Conv2d and nn.Linear
call, forward and backward, runs through the same ATen op that autograd would call, timed on the calling
thread; the rest is the wall time of the pass less those calls.

Usage: /usr/bin/python3 benchmarks/reference-time-split.py [configs] [threads=2] [seconds=10]
(configs: the reference's names, comma-separated; the reference is found in $PEERS_DIR or ../shared/peers).
"""
import collections
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("PEERS_DIR", os.path.join(here, "..", "..", "shared", "peers")))
import torch  # noqa: E402
import torch_flows  # noqa: E402

calls = collections.defaultdict(lambda: [0.0, 0])


def timed(key, fn):
    start = time.perf_counter()
    out = fn()
    entry = calls[key]
    entry[0] += time.perf_counter() - start
    entry[1] += 1
    return out


class TimedConv(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias, padding):
        ctx.save_for_backward(x, weight)
        ctx.padding, ctx.has_bias = padding, bias is not None
        k = weight.shape[-1]
        return timed(f"{k}x{k} conv", lambda: torch.ops.aten.convolution(
            x, weight, bias, [1, 1], [padding, padding], [1, 1], False, [0, 0], 1))

    @staticmethod
    def backward(ctx, grad):
        x, weight = ctx.saved_tensors
        k = weight.shape[-1]
        mask = [ctx.needs_input_grad[0], ctx.needs_input_grad[1], ctx.has_bias and ctx.needs_input_grad[2]]
        gx, gw, gb = timed(f"{k}x{k} conv backward", lambda: torch.ops.aten.convolution_backward(
            grad, x, weight, [weight.shape[0]], [1, 1], [ctx.padding, ctx.padding], [1, 1], False, [0, 0], 1, mask))
        return gx, gw, gb, None


class TimedLinear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias):
        ctx.save_for_backward(x, weight)
        return timed("linear", lambda: torch.nn.functional.linear(x, weight, bias))

    @staticmethod
    def backward(ctx, grad):
        x, weight = ctx.saved_tensors
        need_x, need_w, need_b = ctx.needs_input_grad
        # Only the gradients autograd asks for, as its own linear backward computes them.
        return timed("linear backward", lambda: (grad.mm(weight) if need_x else None,
                                                 grad.t().mm(x) if need_w else None,
                                                 grad.sum(0) if need_b else None))


def conv_forward(self, x):
    if self.stride != (1, 1) or self.dilation != (1, 1) or self.groups != 1 or self.padding[0] != self.padding[1]:
        raise ValueError("only stride-1 square convolutions are timed")
    if torch.is_grad_enabled():
        return TimedConv.apply(x, self.weight, self.bias, self.padding[0])
    k = self.kernel_size[0]
    return timed(f"{k}x{k} conv", lambda: torch.nn.functional.conv2d(x, self.weight, self.bias, 1, self.padding))


def linear_forward(self, x):
    if torch.is_grad_enabled():
        return TimedLinear.apply(x, self.weight, self.bias)
    return timed("linear", lambda: torch.nn.functional.linear(x, self.weight, self.bias))


torch.nn.Conv2d.forward = conv_forward
torch.nn.Linear.forward = linear_forward


def repeat_for(fn, seconds):
    end, count = time.perf_counter() + seconds, 0
    while True:
        fn()
        count += 1
        if time.perf_counter() >= end:
            return count


def report(name, pass_name, batch, fn, seconds):
    repeat_for(fn, seconds / 3)
    calls.clear()
    start = time.perf_counter()
    batches = repeat_for(fn, seconds)
    wall = time.perf_counter() - start
    in_calls = sum(v[0] for v in calls.values())
    parts = "; ".join(f"{k} x{v[1] / batches:.0f}: {1e3 * v[0] / batches:.1f} ({100 * v[0] / wall:.0f}%)"
                      for k, v in sorted(calls.items()))
    print(f"| {name} | {pass_name} | {batch * batches / wall:.0f} | {1e3 * wall / batches:.1f} | {parts} | "
          f"{1e3 * (wall - in_calls) / batches:.1f} ({100 * (wall - in_calls) / wall:.0f}%) |", flush=True)


def main():
    names = (sys.argv[1] if len(sys.argv) > 1 else "dense-D100-K8-H256,image-fmnist-28x28x1,image-cifar-32x32x3")
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    known = {c["name"]: c for c in torch_flows.configs()}
    print("| config | pass | per s | ms a batch | timed calls a batch: ms (share of the pass) | rest |")
    print("|---|---|---:|---:|---|---:|")
    for name in names.split(","):
        if name not in known:
            sys.exit(f"unknown config {name!r}; known: {', '.join(known)}")
        torch.manual_seed(0)
        model, x = torch_flows.build(known[name])
        batch = x.shape[0]
        model.eval()

        def score():
            with torch.no_grad():
                model.log_prob(x)

        report(name, "logProb", batch, score, seconds)
        model.train()
        params = list(model.parameters())
        optim = torch.optim.Adam(params, lr=1e-3)

        def step():
            optim.zero_grad(set_to_none=True)
            loss = -model.log_prob(x).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optim.step()

        report(name, "training", batch, step, seconds)


if __name__ == "__main__":
    main()
