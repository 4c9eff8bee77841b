# Loads a run folder's last.pt and state.pt with real PyTorch and prints what a test checks:
# the state_dict's key count, that aliases share storage, and the optimizer/scheduler layouts.
import collections
import json
import sys

import torch

run = sys.argv[1]
ck = torch.load(run + "/last.pt", map_location="cpu")
sd = ck["net"]
out = {"keys": len(sd), "legacy": not __import__("zipfile").is_zipfile(run + "/last.pt"),
       "alias_shares_storage": sd["feature_extraction.layer1.0.0.weight"].data_ptr()
       == sd["feature_extraction.model.conv1.0.weight"].data_ptr(),
       "g_f": sd["g_f"].flatten().tolist(),
       "shapes": {k: list(v.shape) for k, v in sd.items()}}
del ck


def torch_reads_its_own_state_weights_only():
    """torch 1.13's weights_only unpickler lacks BINFLOAT (opcode 71): it refuses any optimizer state, even its own."""
    import io
    p = [torch.nn.Parameter(torch.zeros(1))]
    adam = torch.optim.Adam(p, lr=3e-5)
    p[0].grad = torch.ones(1)
    adam.step()
    buffer = io.BytesIO()
    torch.save({"optimizer": adam.state_dict()}, buffer)
    buffer.seek(0)
    try:
        torch.load(buffer, weights_only=True)
        return True
    except Exception:
        return False


try:
    st = torch.load(run + "/state.pt", map_location="cpu", weights_only=True)
    out["state_weights_only"] = True
except TypeError:  # torch without weights_only
    st = torch.load(run + "/state.pt", map_location="cpu")
    out["state_weights_only"] = False
except Exception as e:
    if torch_reads_its_own_state_weights_only():
        raise  # our file is at fault: torch reads its own state this way
    st = torch.load(run + "/state.pt", map_location="cpu")
    out["state_weights_only"] = "unsupported by torch " + torch.__version__ + ": " + str(e)[-40:]
opt = st["optimizer"]
out["optimizer_state_entries"] = len(opt["state"])
out["param_group_params"] = len(opt["param_groups"][0]["params"])
first = opt["state"][min(opt["state"].keys())]
out["slot_keys"] = sorted(first.keys())
out["step"] = float(first["step"])
out["milestones_is_counter"] = isinstance(st["scheduler"]["milestones"], collections.Counter)
out["milestones"] = {str(k): v for k, v in st["scheduler"]["milestones"].items()}
# an Adam and a MultiStepLR built by PyTorch accept the states as their own
# (small stand-in parameters: load_state_dict checks the group sizes, not the shapes)
p = [torch.nn.Parameter(torch.zeros(())) for n in st["param_names"]]
adam = torch.optim.Adam(p, lr=3e-5)
adam.load_state_dict(opt)
sched = torch.optim.lr_scheduler.MultiStepLR(adam, milestones=[30], gamma=0.2)
sched.load_state_dict(st["scheduler"])
out["loaded_into_torch"] = True
print(json.dumps(out))
