#!/usr/bin/python3
"""Writes pck_reference_vectors.json: keypoint transfer and PCK computed with PyTorch the way
LearningSA's image.py / custom_dataset.py compute them (spec section 3.1), op by op in float32:
crop grid_T2S[1:-1, 1:-1], `* 10 / 9`, F.interpolate(bilinear, align_corners=True) to the target
size of the evaluation frame, np.round of the float32 target point, -1 skip, == W / == H clamp,
(g + 1) * (W_s - 1) / 2, then distances and torch.le(d, L * alpha) over the first N_pts source points.
Run with Debian's python3-torch (torch 1.13, NumPy 1.24): /usr/bin/python3 make_pck_reference_vectors.py
"""
import json
import numpy as np
import torch
import torch.nn.functional as F

ALPHAS = [0.01, 0.03, 0.05, 0.10, 0.15]
FRAME = 288  # (feature 20 - 2) * 16
rng = np.random.default_rng(7)


def smooth_grid():
    """A plausible grid_T2S: a random affine map of the cell lattice plus noise, values around [-1, 1]."""
    lin = np.linspace(-1, 1, 20)
    gx, gy = np.meshgrid(lin, lin)
    a = rng.normal(1.0, 0.15, 4)
    gxo = a[0] * gx + rng.normal(0, 0.1) * gy + rng.normal(0, 0.1)
    gyo = a[1] * gy + rng.normal(0, 0.1) * gx + rng.normal(0, 0.1)
    grid = np.stack([gxo, gyo], -1) + rng.normal(0, 0.05, (20, 20, 2))
    return grid.astype(np.float32)


def keypoints(width, height, n, padded):
    """Mixed on purpose: integers, .5 ties, random floats, points on x = W / y = H; -1 padding at the end."""
    xs, ys = [], []
    for k in range(n - padded):
        kind = k % 5
        if kind == 0:
            x, y = float(rng.integers(0, width)), float(rng.integers(0, height))
        elif kind == 1:
            x, y = rng.integers(0, width - 1) + 0.5, rng.integers(0, height - 1) + 0.5
        elif kind == 2:
            x, y = float(width), rng.uniform(0, height)
        elif kind == 3:
            x, y = rng.uniform(0, width), float(height)
        else:
            x, y = rng.uniform(0, width), rng.uniform(0, height)
        xs.append(round(float(x), 2))
        ys.append(round(float(y), 2))
    xs += [-1.0] * padded
    ys += [-1.0] * padded
    return xs, ys


def as_tensor(xs, ys):  # custom_dataset.get_points: np.fromstring -> float32 tensor
    return torch.Tensor(np.array([xs, ys], dtype=np.float64).astype(np.float32))


def transfer(grid, p2, t_w, t_h, s_w, s_h, n1):
    """image.py: target points of p2 (evaluation frame) -> estimated source points (2 x n1, float64 array)."""
    small = torch.from_numpy(grid.copy()).unsqueeze(0)[:, 1:-1, 1:-1, :]
    small[:, :, :, 0] = small[:, :, :, 0] * 10 / 9
    small[:, :, :, 1] = small[:, :, :, 1] * 10 / 9
    up = F.interpolate(small.permute(0, 3, 1, 2), size=(t_h, t_w), mode='bilinear', align_corners=True)
    up = up.permute(0, 2, 3, 1).numpy()
    est = np.zeros((2, n1))
    for j in range(p2.size(1)):
        px = int(np.round(p2[0, j]))
        py = int(np.round(p2[1, j]))
        if px == -1 and py == -1:
            continue
        if px == t_w:
            px = px - 1
        if py == t_h:
            py = py - 1
        est[:, j] = [(up[0, py, px, 0] + 1) * (s_w - 1) / 2, (up[0, py, px, 1] + 1) * (s_h - 1) / 2]
    return est


def case(mode):
    sw, sh, tw, th = (int(v) for v in rng.integers(60, 520, 4))
    n = int(rng.integers(4, 17))
    padded = int(rng.integers(0, 4)) if n > 5 else 0
    txs, tys = keypoints(tw, th, n, padded)
    grid = smooth_grid()
    frame_sw, frame_sh = (FRAME, FRAME) if mode == 'image_size' else (sw, sh)
    p2 = as_tensor(txs, tys)
    n_a = n - padded
    if mode == 'image_size':
        p2[0, 0:n_a] = p2[0, 0:n_a] * FRAME / torch.FloatTensor([th, tw])[1]
        p2[1, 0:n_a] = p2[1, 0:n_a] * FRAME / torch.FloatTensor([th, tw])[0]
        length = torch.FloatTensor([FRAME])
        bbox = None
        t_w, t_h = FRAME, FRAME
    else:
        bbox = float(np.float32(rng.uniform(40, 400)))
        length = torch.FloatTensor([bbox])
        t_w, t_h = tw, th
    # source keypoints near the predictions (within about 0.2 L), so every alpha has hits and misses
    est0 = transfer(grid, p2, t_w, t_h, frame_sw, frame_sh, n)
    sxs, sys_ = [], []
    for j in range(n_a):
        r = rng.uniform(0, 0.2) * float(length[0])
        phi = rng.uniform(0, 2 * np.pi)
        x = est0[0, j] + r * np.cos(phi)
        y = est0[1, j] + r * np.sin(phi)
        if mode == 'image_size':  # back to original pixels; the rescale below brings them near est again
            x, y = x * sw / FRAME, y * sh / FRAME
        sxs.append(round(float(x), 2))
        sys_.append(round(float(y), 2))
    sxs += [-1.0] * padded
    sys_ += [-1.0] * padded
    p1 = as_tensor(sxs, sys_)
    if mode == 'image_size':
        s_size = torch.FloatTensor([sh, sw])
        p1[0, 0:n_a] = p1[0, 0:n_a] * FRAME / s_size[1]
        p1[1, 0:n_a] = p1[1, 0:n_a] * FRAME / s_size[0]
    est_t = torch.FloatTensor(est0)
    n_pts = int(torch.sum(torch.ne(p1[0, :], -1) * torch.ne(p1[1, :], -1)))
    dist = torch.pow(torch.sum(torch.pow(p1[:, :n_pts] - est_t[:, :n_pts], 2), 0), 0.5)
    pck = [float(torch.mean(torch.le(dist, length.expand_as(dist) * a).float())) for a in ALPHAS]
    return {'mode': mode, 'source_size': [sw, sh], 'target_size': [tw, th], 'bbox': bbox,
            'source_x': sxs, 'source_y': sys_, 'target_x': txs, 'target_y': tys,
            'grid_T2S': [float(v) for v in grid.reshape(-1)],
            'predicted_x': [float(v) for v in est_t[0, :n_pts]], 'predicted_y': [float(v) for v in est_t[1, :n_pts]],
            'distances': [float(v) for v in dist],
            'evaluated_points': n_pts, 'alphas': ALPHAS, 'pck': pck}


cases = [case('image_size' if i % 2 == 0 else 'bounding_box') for i in range(24)]
with open('pck_reference_vectors.json', 'w') as out:
    json.dump({'torch': torch.__version__, 'numpy': np.__version__, 'cases': cases}, out)
print(len(cases), 'cases')
