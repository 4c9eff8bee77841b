#!/usr/bin/env python3
"""Reference-algorithm speed baseline for `lsa bench`.

Builds the LearningSA (SFNet) eval forward the way the ORIGINAL Python code
computes it, written from docs spec /work/shared/research/learningsa-spec.md
sections 1.2-1.9, and times it on CPU with random weights (timing does not
depend on the values). No numeric parity is intended; only shapes/finiteness
are checked.

Deliberately NOT optimised (this is the point of the baseline):
  * T2T blocks use nn.Unfold(5, padding 2) -> 400 x 25C tokens,
  * Q = K = proj(X + gamma*pos) computed twice, V = X (width 25C),
  * the sine position encoding is recomputed on every forward (once per level,
    shared by source and target, as the original does),
  * BN is not folded (eval mode, running statistics).

Usage: /usr/bin/python3 bench/reference_forward.py [--runs 3] [--threads 2]
Last line: reference_forward_ms_median=<ms>
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

H = W = 20
LEVEL_CH = {1: 256, 2: 512, 3: 1024, 4: 2048}


# ---------------------------------------------------------------- backbone (1.2)
class Bottleneck(nn.Module):
    def __init__(self, inplanes, planes, stride=1, dilation=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=stride, padding=dilation, dilation=dilation, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.downsample = downsample

    def forward(self, x):
        idt = x if self.downsample is None else self.downsample(x)
        y = F.relu(self.bn1(self.conv1(x)))
        y = F.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        return F.relu(y + idt)


def make_layer(inplanes, planes, blocks, stride, first_dilation, dilation):
    down = nn.Sequential(nn.Conv2d(inplanes, planes * 4, 1, stride=stride, bias=False), nn.BatchNorm2d(planes * 4))
    layers = [Bottleneck(inplanes, planes, stride, first_dilation, down)]
    layers += [Bottleneck(planes * 4, planes, 1, dilation) for _ in range(blocks - 1)]
    return nn.Sequential(*layers)


class DilatedDeepBaseResNet101(nn.Module):
    """gluoncvth ResNet-101, deep_base=True, dilated=True (output stride 8)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(
            nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
            nn.Conv2d(64, 128, 3, padding=1, bias=False))
        self.bn1 = nn.BatchNorm2d(128)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = make_layer(128, 64, 3, 1, 1, 1)
        self.layer2 = make_layer(256, 128, 4, 2, 1, 1)
        self.layer3 = make_layer(512, 256, 23, 1, 1, 2)
        self.layer4 = make_layer(1024, 512, 3, 1, 2, 4)

    def forward(self, x):
        x = self.maxpool(F.relu(self.bn1(self.conv1(x))))
        f1 = self.layer1(x)
        f2 = self.layer2(f1)
        f3 = self.layer3(f2)
        f4 = self.layer4(f3)
        return f1, f2, f3, f4


# ------------------------------------------------------ position encoding (1.3b)
def sine_position_encoding(c, h=H, w=W):
    """DETR PositionEmbeddingSine(num_pos_feats=(C//2)*25, normalize=True), (1, 25C, h, w)."""
    d = (c // 2) * 25
    eps = 1e-6
    xs = torch.linspace(1, w, w, dtype=torch.float32)
    ys = torch.linspace(1, h, h, dtype=torch.float32)
    xe = xs.view(1, 1, w).expand(1, h, w)
    ye = ys.view(1, h, 1).expand(1, h, w)
    xe = xe / (xe[:, :, -1:] + eps) * (2 * math.pi)
    ye = ye / (ye[:, -1:, :] + eps) * (2 * math.pi)
    dim_t = torch.arange(d, dtype=torch.float32)
    dim_t = 10000 ** (2 * torch.div(dim_t, 2, rounding_mode='floor') / d)
    px = xe[..., None] / dim_t
    py = ye[..., None] / dim_t
    px = torch.stack((px[..., 0::2].sin(), px[..., 1::2].cos()), dim=4).flatten(3)
    py = torch.stack((py[..., 0::2].sin(), py[..., 1::2].cos()), dim=4).flatten(3)
    return torch.cat((py, px), dim=3).permute(0, 3, 1, 2)


# --------------------------------------------------------- T2T block (1.3c-f)
def l2n(x, dim):
    return x / torch.sqrt((x * x).sum(dim=dim, keepdim=True) + 1e-6)


class T2TBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.dim = 25 * c
        self.unfold = nn.Unfold(kernel_size=5, stride=1, padding=2)
        self.proj = nn.Linear(self.dim, c)
        self.gamma = nn.Parameter(torch.tensor(0.1))       # random-ish, nonzero so the pos add is real work
        self.attn_gamma = nn.Parameter(torch.tensor(10.))
        self.sum_gamma0 = nn.Parameter(torch.tensor(0.))
        self.sum_gamma1 = nn.Parameter(torch.tensor(0.))

    def forward(self, feat, pos=None):
        b = feat.shape[0]
        x = self.unfold(feat).transpose(1, 2)                          # (1, 400, 25C)
        xp = x if pos is None else x + self.gamma * pos.reshape(1, self.dim, -1).permute(0, 2, 1)
        q = self.proj(xp)                                              # computed twice, as the original
        k = self.proj(xp)
        v = x
        q = l2n(q, -1)
        k = l2n(k, -1)
        attn = (q @ k.transpose(-2, -1)) / (self.dim ** -0.5) / self.attn_gamma
        attn = attn.softmax(dim=-1)
        o = attn @ v                                                   # (1, 400, 25C)
        tot = torch.exp(self.sum_gamma0) + torch.exp(self.sum_gamma1)
        y = (torch.exp(self.sum_gamma0) / tot) * o + (torch.exp(self.sum_gamma1) / tot) * v
        out = self.proj(y)                                             # (1, 400, C)
        return out.transpose(1, 2).reshape(b, self.c, H, W)


class LevelTransformer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.t1 = T2TBlock(c)
        self.t2 = T2TBlock(c)
        self.n1 = nn.InstanceNorm2d(c)
        self.n2 = nn.InstanceNorm2d(c)

    def forward(self, src, tgt):
        src = F.interpolate(src, size=(H, W), mode='bilinear', align_corners=True)
        tgt = F.interpolate(tgt, size=(H, W), mode='bilinear', align_corners=True)
        pos = sine_position_encoding(self.c)          # recomputed every call, shared src/tgt
        outs = []
        for f in (src, tgt):
            f = F.relu(self.n1(self.t1(f, pos)))
            f = F.relu(self.n2(self.t2(f, None)))
            outs.append(f)
        return outs


# ----------------------------------------------------------- readout (1.4-1.9)
XN = torch.linspace(-1, 1, W)
YN = torch.linspace(-1, 1, H)
GY, GX = torch.meshgrid(YN, XN, indexing='ij')


def gaussian_kernel(v, sigma=5.0):
    b = v.shape[0]
    kstar = v.max(dim=1)[1]                                   # (b, 20, 20)
    kx = (kstar % W).float().view(b, 1, H, W)
    ky = torch.div(kstar, W, rounding_mode='floor').float().view(b, 1, H, W)
    xs = torch.arange(W, dtype=torch.float32).view(1, 1, W, 1, 1)
    ys = torch.arange(H, dtype=torch.float32).view(1, H, 1, 1, 1)
    g = torch.exp(-((xs - kx.unsqueeze(1)) ** 2 + (ys - ky.unsqueeze(1)) ** 2) / (2 * sigma ** 2))
    return v * g.reshape(b, H * W, H, W)


def find_correspondence(v, beta=100.0):
    b = v.shape[0]
    m = v.max(dim=1, keepdim=True)[0]
    p = torch.exp(beta * (v - m))
    p = p / p.sum(dim=1, keepdim=True)
    p = p.view(b, H, W, H, W)                                  # [ky, kx, i, j]
    gx = (p.sum(dim=1) * XN.view(1, W, 1, 1)).sum(dim=1)
    gy = (p.sum(dim=2) * YN.view(1, H, 1, 1)).sum(dim=1)
    grid = torch.stack((gx, gy), dim=3)
    flow = torch.stack((gx - GX, gy - GY), dim=1)
    dxk = torch.tensor([-1., 0., 1.]).view(1, 1, 1, 3).repeat(1, 2, 1, 1)
    dyk = torch.tensor([-1., 0., 1.]).view(1, 1, 3, 1).repeat(1, 2, 1, 1)
    dx = F.conv2d(flow, dxk, padding=(0, 1)).abs() / 2
    dy = F.conv2d(flow, dyk, padding=(1, 0)).abs() / 2
    smooth = torch.cat((dx, dy), dim=1)
    return grid, flow, smooth


def warp(flow, grid):
    return -F.grid_sample(flow, grid.clone(), align_corners=False)


def readout_pair(corr_s2t, corr_t2s):
    out = {}
    for name, vol in (("S2T", corr_s2t), ("T2S", corr_t2s)):
        out[name] = find_correspondence(gaussian_kernel(l2n(vol, 1)))
    g_s, f_s, s_s = out["S2T"]
    g_t, f_t, s_t = out["T2S"]
    return {"grid_S2T": g_s, "grid_T2S": g_t, "flow_S2T": f_s, "flow_T2S": f_t,
            "smoothness_S2T": s_s, "smoothness_T2S": s_t,
            "warped_flow_S2T": warp(f_t, g_s), "warped_flow_T2S": warp(f_s, g_t)}


def readout(feats_src, feats_tgt, g_f):
    # CAMs on target (1.4)
    cams = []
    for f in feats_tgt:
        g = F.adaptive_avg_pool2d(f, 1)
        cam = (g * f).sum(dim=1, keepdim=True)
        cam = (cam - cam.min()) / (cam.max() - cam.min()) + 0.5
        cams.append(cam)
    v = torch.cat(cams, dim=1) * g_f
    a = v / (v.sum(dim=1, keepdim=True) + 1e-6)               # (1, 4, 20, 20)
    # per-level correlation (1.5), layout S2T: [b, t, s_y, s_x]
    corrs = []
    for fs, ft in zip(feats_src, feats_tgt):
        s = l2n(fs, 1).view(1, fs.shape[1], H * W)
        t = l2n(ft, 1).view(1, ft.shape[1], H * W)
        corrs.append(F.relu(torch.bmm(t.transpose(1, 2), s)).view(1, H * W, H, W))
    t2s = [c.view(1, H * W, H * W).transpose(1, 2).reshape(1, H * W, H, W) for c in corrs]
    # fusion (1.7), T2S layout, target-side weights (b = 1 broadcast as in the code)
    stacked = torch.cat([c.view(H * W, 1, H, W) for c in t2s], dim=1)      # (400, 4, 20, 20)
    fused = (stacked * a).sum(dim=1).view(1, H * W, H, W)
    fused_s2t = fused.view(1, H * W, H * W).transpose(1, 2).reshape(1, H * W, H, W)
    outputs = {}
    for k, val in readout_pair(fused_s2t, fused).items():
        outputs[k] = val
    for lvl, (c, ct) in enumerate(zip(corrs, t2s), start=1):
        for k, val in readout_pair(c, ct).items():
            outputs[f"{k}_{lvl}"] = val
    return outputs


# ------------------------------------------------------------------ network
class ReferenceSFNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = DilatedDeepBaseResNet101().eval()
        self.levels = nn.ModuleDict({str(l): LevelTransformer(c) for l, c in LEVEL_CH.items()})
        self.g_f = nn.Parameter(torch.tensor([0.5, 0.5, 1.0, 1.0]).view(1, 4, 1, 1))

    def forward(self, src, tgt, times=None):
        t0 = time.perf_counter()
        fs = self.backbone(src)
        ft = self.backbone(tgt)
        t1 = time.perf_counter()
        if times is not None:
            times.setdefault("backbone", []).append((t1 - t0) * 1e3)
        enh_s, enh_t = {}, {}
        for lvl in (4, 3, 2, 1):                                   # original execution order
            ta = time.perf_counter()
            enh_s[lvl], enh_t[lvl] = self.levels[str(lvl)](fs[lvl - 1], ft[lvl - 1])
            tb = time.perf_counter()
            if times is not None:
                times.setdefault(f"transformer_L{lvl}", []).append((tb - ta) * 1e3)
        ta = time.perf_counter()
        out = readout([enh_s[l] for l in (1, 2, 3, 4)], [enh_t[l] for l in (1, 2, 3, 4)], self.g_f)
        tb = time.perf_counter()
        if times is not None:
            times.setdefault("readout", []).append((tb - ta) * 1e3)
        return out


def report_blas():
    """Prints which BLAS this process mapped; the netlib reference BLAS makes the baseline meaningless."""
    blas = sorted({l.split()[-1] for l in open("/proc/self/maps") if "blas" in l and l.split()[-1].startswith("/")})
    print("blas: " + (", ".join(blas) or "(none mapped)"), flush=True)
    if any("/blas/libblas" in b for b in blas):
        print("WARNING: netlib reference BLAS (single-threaded, ~60x slower matmul); see bench/README.md", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    t0 = time.perf_counter()
    net = ReferenceSFNet().eval()
    nparam = sum(p.numel() for p in net.parameters())
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, params {nparam:,}, "
          f"build {(time.perf_counter() - t0) * 1e3:.0f} ms", flush=True)
    report_blas()
    src = torch.randn(1, 3, 320, 320)
    tgt = torch.randn(1, 3, 320, 320)
    with torch.no_grad():
        t = time.perf_counter()
        out = net(src, tgt)
        print(f"warm-up: {(time.perf_counter() - t) * 1e3:.0f} ms", flush=True)
        assert len(out) == 40, len(out)
        for k, v in out.items():
            want = (1, H, W, 2) if k.startswith("grid") else (1, 2, H, W)
            assert tuple(v.shape) == want, (k, v.shape)
            assert torch.isfinite(v).all(), k
        print("outputs: 40 tensors, shapes OK, all finite", flush=True)
        times, walls = {}, []
        for r in range(args.runs):
            t = time.perf_counter()
            net(src, tgt, times)
            walls.append((time.perf_counter() - t) * 1e3)
            print(f"run {r + 1}: {walls[-1]:.0f} ms", flush=True)
    print("per-stage medians (both images):")
    for k, v in times.items():
        print(f"  {k}: {statistics.median(v):.0f} ms")
    print(f"reference_forward_ms_median={statistics.median(walls):.0f}")


if __name__ == "__main__":
    main()
