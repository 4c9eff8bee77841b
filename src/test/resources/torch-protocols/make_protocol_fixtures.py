"""Generates the protocol fixtures of ProtocolOpcodesTest (run with Debian's python3-torch 1.13).

usage: python3 make_protocol_fixtures.py   (writes into the current folder; legacy files differ run to run only in storage keys, which torch takes from memory addresses)
"""
import collections
import pickle
import sys

import torch

sys.path.insert(0, '../torch-roundtrip')
from roundtrip_check import expected  # noqa: E402  the tree of SampleTree.build()

# pickle protocol 4 and 5 (FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL, ...), both torch formats
torch.save(expected(), 'protocol4_zip.pt', pickle_protocol=4)
torch.save(expected(), 'protocol4_legacy.pt', pickle_protocol=4, _use_new_zipfile_serialization=False)

# more than 256 memo entries: LONG_BINPUT and LONG_BINGET
many = collections.OrderedDict((f'layer{i}.weight', torch.tensor([float(i), -float(i)])) for i in range(300))
torch.save(many, 'many_tensors_legacy.pt', _use_new_zipfile_serialization=False)

# plain values with the opcodes torch files rarely use
plain = {
    'set': {1, 2, 3}, 'frozenset': frozenset({'a'}), 'bytes': b'\x00\xffab', 'long_bytes': bytes(300),
    'big': 2 ** 100, 'negative_big': -(2 ** 64), 'int32': -100000, 'float': -0.0,
    'unicode': 'na\u00efve \u2603', 'long_text': 'x' * 300, 'tuple': (None, True, False), 'nested': [[[]]],
}
for protocol in (2, 4, 5):
    with open(f'plain_protocol{protocol}.pkl', 'wb') as f:
        pickle.dump(plain, f, protocol=protocol)

# NumPy scalars as training scripts store metrics
import numpy as np  # noqa: E402

metrics = {'best_pck': np.float64(0.8134), 'epoch': np.int64(-5), 'f32': np.float32(0.5), 'flag': np.bool_(True),
           'u64': np.uint64(2 ** 64 - 1), 'h': np.float16(1.5)}
for protocol in (2, 4):
    with open(f'numpy_scalars_protocol{protocol}.pkl', 'wb') as f:
        pickle.dump(metrics, f, protocol=protocol)
