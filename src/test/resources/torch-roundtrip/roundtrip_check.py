"""Round-trip check for the Java torch writer/reader (PythonTorchRoundTripTest).

usage: roundtrip_check.py OURS_ZIP OURS_LEGACY PY_ZIP PY_LEGACY
Loads the two Java-written files with torch.load and compares them with expected() (types, keys,
dtypes, shapes, strides, offsets, values, storage sharing, requires_grad, _metadata), then writes
expected() with torch.save in both formats for the Java side to read. Prints OK on success.
Keep expected() in step with SampleTree.build() on the Java side.
"""
import collections
import sys

import torch


def expected():
    net = collections.OrderedDict()
    w = torch.tensor([[0.0, 0.5, 1.0], [1.5, 2.0, 2.5]], dtype=torch.float32)
    net['w'] = w
    net['t'] = w.t()
    net['b'] = torch.tensor([1.5, -2.0], dtype=torch.float64)
    net['i64'] = torch.tensor([2 ** 40, -3], dtype=torch.int64)
    net['i32'] = torch.tensor([-2 ** 31, 7], dtype=torch.int32)
    net['i16'] = torch.tensor([-300, 300], dtype=torch.int16)
    net['i8'] = torch.tensor([-128, 127], dtype=torch.int8)
    net['u8'] = torch.tensor([255, 0], dtype=torch.uint8)
    net['flags'] = torch.tensor([True, False, True])
    net['h'] = torch.tensor([0.5, -1.25, 65504.0], dtype=torch.float16)
    net['bf'] = torch.tensor([1.0, -2.5], dtype=torch.bfloat16)
    net['p'] = torch.nn.Parameter(torch.tensor([3.0, -4.0]), requires_grad=True)
    net['scalar'] = torch.tensor(42.0)
    net['empty'] = torch.zeros(0)
    net._metadata = collections.OrderedDict([('', {'version': 1})])
    return {
        'net': net, 'epoch': 7, 'best': 0.8134, 'name': 'lsa \u00fcn\u00efcode', 'none': None, 'flag': True,
        'big': -2 ** 70, 'tuple': (1, 2.5, 'x'), 'list': [1, [2, 3], {'k': None, 3: 'int key'}],
    }


def compare(exp, act, where):
    if type(exp) is not type(act):
        raise AssertionError(f'{where}: type {type(act).__name__}, expected {type(exp).__name__}')
    if isinstance(exp, torch.Tensor):
        for name in ('dtype', 'shape', 'requires_grad'):
            if getattr(exp, name) != getattr(act, name):
                raise AssertionError(f'{where}: {name} {getattr(act, name)} != {getattr(exp, name)}')
        if exp.stride() != act.stride() or exp.storage_offset() != act.storage_offset():
            raise AssertionError(f'{where}: stride/offset {act.stride()} {act.storage_offset()}')
        if not torch.equal(exp.detach(), act.detach()):
            raise AssertionError(f'{where}: values {act} != {exp}')
    elif isinstance(exp, dict):
        if list(exp.keys()) != list(act.keys()):
            raise AssertionError(f'{where}: keys {list(act.keys())} != {list(exp.keys())}')
        for key in exp:
            compare(exp[key], act[key], f'{where}/{key}')
        if hasattr(exp, '_metadata'):
            compare(exp._metadata, getattr(act, '_metadata', None), f'{where}@_metadata')
    elif isinstance(exp, (list, tuple)):
        if len(exp) != len(act):
            raise AssertionError(f'{where}: length {len(act)} != {len(exp)}')
        for i, (e, a) in enumerate(zip(exp, act)):
            compare(e, a, f'{where}[{i}]')
    elif exp != act:
        raise AssertionError(f'{where}: {act!r} != {exp!r}')


def main():
    ours_zip, ours_legacy, py_zip, py_legacy = sys.argv[1:5]
    for path in (ours_zip, ours_legacy):
        loaded = torch.load(path)
        compare(expected(), loaded, path)
        net = loaded['net']
        if net['w'].storage().data_ptr() != net['t'].storage().data_ptr():
            raise AssertionError(f'{path}: w and t do not share a storage')
    torch.save(expected(), py_zip)
    torch.save(expected(), py_legacy, _use_new_zipfile_serialization=False)
    print('OK')


if __name__ == '__main__':
    main()
