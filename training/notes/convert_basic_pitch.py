#!/usr/bin/python3
"""Converts Spotify's Basic Pitch TensorFlow.js graph model into one ONNX file.

Basic Pitch (https://github.com/spotify/basic-pitch, Apache-2.0) ships its trained weights inside the npm package
`@spotify/basic-pitch` 1.0.1 as a TF.js graph model: `model/model.json` (the graph) and `model/group1-shard1of1.bin`
(the weights). Fetch it once outside the repository, then convert:

    mkdir -p /work/cache/basic-pitch && cd /work/cache/basic-pitch && npm pack @spotify/basic-pitch@1.0.1 \
        && tar xzf spotify-basic-pitch-1.0.1.tgz
    /usr/bin/python3 training/notes/convert_basic_pitch.py /work/cache/basic-pitch/package/model \
        --out src/MusicEmotion.Notes/Model/basic-pitch.onnx

Only Debian's python3-onnx (1.12) and python3-numpy are needed. Every op of the graph is translated, including the
constant-Q transform (nnAudio's CQT2010v2: strided 1-D convolutions with fixed kernels, one octave at a time after
a low-pass decimation) and the harmonic stacking, so the ONNX graph takes audio like the original:

    input  "audio"   float [batch, 43844, 1]   22,050 Hz mono, one 2-second window (2·22050 - 256 samples)
    output "note"    float [batch, 142, 88]    frame (note-active) posteriorgram, one row per 256 samples
    output "onset"   float [batch, 142, 88]    onset posteriorgram
    output "contour" float [batch, 142, 264]   pitch contour, 3 bins per semitone from A0 (27.5 Hz)

The original outputs 172 frames per window, of which the reference keeps frames 15 … 156; this graph computes and
outputs those 142 frames only (see KEPT below): the same values, 6 % less work.

TF's NHWC convolutions become NCHW ONNX convolutions between transposes (ONNX Runtime's transpose optimiser removes
the pairs that cancel); Keras' computed reshape targets (batch size read from a Shape, then constants) become constant
targets with -1 for the batch, so every other dimension is static; identical constants (the CQT repeats its kernels
and its decimation filter at every octave) are stored once, and nodes no output needs are dropped. The output is
deterministic: the same input files give byte-identical ONNX bytes. Opset 17 (Microsoft.ML.OnnxRuntime 1.31.1 runs it).

The conversion is proven against the original in training/notes/parity/ (docs/notes.md has the figures).
"""
import argparse
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
PREFIX = "StatefulPartitionedCall/model_1/"
# TF.js output tensors -> ONNX output names (see basic-pitch's inference.ts: contours = Identity, frames = Identity_1,
# onsets = Identity_2).
OUTPUTS = {"Identity_1": "note", "Identity_2": "onset", "Identity": "contour"}
INPUT_NAME = "audio"
# The reference keeps frames 15 … 156 of a window's 172 (half the 30-frame overlap is dropped from each side). After the
# per-window normalisation the network is convolutional in time and reaches 10 frames each way (time kernels 3, 5, 7, 7
# and 3 on the note/onset path, 5 and 3 on the other), so the kept frames depend only on normalised frames 5 … 166: the
# graph crops the normalised CQT there (162 frames; the convolutions' zero padding then touches only frames that are
# dropped) and outputs the kept frames alone. Frames 0 … 14 and 157 … 171 are never computed.
WINDOW_FRAMES = 172
KEPT = (15, 157)
REACH = 10
CROP_AFTER = "StatefulPartitionedCall/model_1/tf.expand_dims_1/ExpandDims"  # the normalised CQT, [batch, 172, 309, 1]
INT64_MAX = np.iinfo(np.int64).max


class ConversionError(Exception):
    pass


def short(name):
    return name[len(PREFIX):] if name.startswith(PREFIX) else name


def load_weights(model_dir, model):
    """Reads every weight of the manifest from the shard(s), in manifest order (TF.js packs them back to back)."""
    weights = {}
    for group in model["weightsManifest"]:
        data = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        offset = 0
        for w in group["weights"]:
            if "quantization" in w:
                raise ConversionError(f"{w['name']}: quantised weights are not supported")
            dtype = {"float32": np.float32, "int32": np.int32}[w["dtype"]]
            shape = [int(s) for s in w["shape"]]
            count = int(np.prod(shape)) if shape else 1
            size = count * np.dtype(dtype).itemsize
            if offset + size > len(data):
                raise ConversionError(f"{w['name']}: the weight shard is too short")
            weights[w["name"]] = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(shape).copy()
            offset += size
        if offset != len(data):
            raise ConversionError(f"the shard holds {len(data)} bytes, the manifest describes {offset}")
    return weights


def attr_int(node, key, default=0):
    a = node.get("attr", {}).get(key)
    return int(a["i"]) if a is not None and "i" in a else default


def attr_ints(node, key):
    a = node.get("attr", {}).get(key)
    return [int(v) for v in a["list"].get("i", [])] if a else []


def attr_str(node, key):
    import base64
    a = node.get("attr", {}).get(key)
    return base64.b64decode(a["s"]).decode() if a and "s" in a else None


def attr_strs(node, key):
    import base64
    a = node.get("attr", {}).get(key)
    return [base64.b64decode(s).decode() for s in a["list"].get("s", [])] if a else []


class Converter:
    def __init__(self, graph_nodes, weights):
        self.nodes = {n["name"]: n for n in graph_nodes}
        self.order = self.topological_order(graph_nodes)
        self.weights = weights
        self.onnx_nodes = []
        self.initializers = {}
        self.by_content = {}
        self.counter = 0

    @staticmethod
    def topological_order(graph_nodes):
        names = {n["name"] for n in graph_nodes}
        by_name = {n["name"]: n for n in graph_nodes}
        done, order = set(), []

        def visit(name, stack):
            if name in done:
                return
            if name in stack:
                raise ConversionError(f"cycle at {name}")
            stack.add(name)
            for i in by_name[name].get("input", []):
                i = i.lstrip("^").split(":")[0]
                if i not in names:
                    raise ConversionError(f"{name} reads {i}, which is not in the graph")
                visit(i, stack)
            stack.discard(name)
            done.add(name)
            order.append(by_name[name])

        for n in graph_nodes:
            visit(n["name"], set())
        return order

    # -- helpers -------------------------------------------------------------------------------------------------
    def fresh(self, hint):
        self.counter += 1
        return f"{hint}__{self.counter}"

    def const_value(self, name):
        node = self.nodes[name.split(":")[0]]
        if node["op"] != "Const":
            raise ConversionError(f"{name} must be a constant")
        return self.weights[node["name"]]

    def initializer(self, hint, array):
        """A constant; identical ones (e.g. the same decimation filter at every octave) are stored once."""
        array = np.ascontiguousarray(array)
        key = (array.dtype.str, array.shape, hashlib.sha256(array.tobytes()).hexdigest())
        if key in self.by_content:
            return self.by_content[key]
        name = self.fresh(hint)
        self.initializers[name] = numpy_helper.from_array(array, name)
        self.by_content[key] = name
        return name

    def int64s(self, hint, values):
        return self.initializer(hint, np.asarray(values, dtype=np.int64))

    def add(self, op, inputs, outputs=None, name=None, **attrs):
        outputs = outputs or [self.fresh(op)]
        self.onnx_nodes.append(helper.make_node(op, inputs, outputs, name=name or self.fresh(op), **attrs))
        return outputs[0]

    def tensor(self, name):
        """The ONNX tensor that holds TF tensor `name` (constants become initializers on first use)."""
        base = name.split(":")[0]
        node = self.nodes[base]
        if node["op"] == "Const":
            if base not in self.initializers:
                value = self.weights[base]
                if value.dtype == np.int32:  # every integer tensor of this graph is a shape or an index: ONNX wants int64
                    value = value.astype(np.int64)
                self.initializers[base] = numpy_helper.from_array(value, base)
            return base
        return base

    # -- the ops -------------------------------------------------------------------------------------------------
    def downstream(self, name):
        """Names of the nodes that read, directly or not, the output of node `name`."""
        readers = {}
        for n in self.order:
            for i in self.inputs(n):
                readers.setdefault(i.split(":")[0], []).append(n["name"])
        found, stack = set(), [name]
        while stack:
            for r in readers.get(stack.pop(), []):
                if r not in found:
                    found.add(r)
                    stack.append(r)
        return found

    def convert(self):
        if CROP_AFTER not in self.nodes:
            raise ConversionError(f"the graph has no {CROP_AFTER}: not the Basic Pitch graph this script knows")
        self.cropped = self.downstream(CROP_AFTER)
        for node in self.order:
            op = node["op"]
            handler = getattr(self, "op_" + op.lstrip("_"), None)
            if handler is None:
                raise ConversionError(f"{node['name']}: op {op} is not supported")
            if op == "Const":
                continue
            handler(node)

    def inputs(self, node):
        return [i for i in node.get("input", []) if not i.startswith("^")]

    def out(self, node):
        return node["name"]

    def op_Placeholder(self, node):
        self.add("Identity", [INPUT_NAME], [self.out(node)])

    def op_Identity(self, node):
        self.add("Identity", [self.tensor(self.inputs(node)[0])], [self.out(node)])

    def op_Shape(self, node):
        self.add("Shape", [self.tensor(self.inputs(node)[0])], [self.out(node)])

    def op_Reshape(self, node):
        x, shape = self.inputs(node)
        static = self.batch_shape(shape)
        if static is not None and len(static) > 1 and static[1] == WINDOW_FRAMES and node["name"] in self.cropped:
            static[1] = KEPT[1] - KEPT[0] + 2 * REACH  # a reshape after the crop: [batch, frames, ...]
        target = self.int64s("shape", static) if static is not None else self.tensor(shape)
        self.add("Reshape", [self.tensor(x), target], [self.out(node)])

    def batch_shape(self, name):
        """
        Keras computes reshape targets as Pack(batch size, constants...), the batch size read from a tensor's Shape. As
        a constant target with -1 for the batch, ONNX shape inference (and ONNX Runtime) know every other dimension.
        None when the target is anything else.
        """
        node = self.nodes[name.split(":")[0]]
        if node["op"] != "Pack" or attr_int(node, "axis") != 0:
            return None
        dims = []
        for i in self.inputs(node):
            source = self.nodes[i.split(":")[0]]
            if source["op"] == "Const":
                dims.append(int(self.const_value(i)))
            elif self.is_batch_size(source):
                dims.append(-1)
            else:
                return None
        return dims if dims.count(-1) == 1 else None

    def is_batch_size(self, node):
        if node["op"] != "StridedSlice" or attr_int(node, "shrink_axis_mask") != 1:
            return False
        x, b, e, s = self.inputs(node)
        begin, end, strides = (list(np.atleast_1d(self.const_value(v))) for v in (b, e, s))
        return self.nodes[x.split(":")[0]]["op"] == "Shape" and begin == [0] and end == [1] and strides == [1]

    def op_Transpose(self, node):
        x, perm = self.inputs(node)
        self.add("Transpose", [self.tensor(x)], [self.out(node)], perm=[int(p) for p in self.const_value(perm)])

    def op_ExpandDims(self, node):
        x, dim = self.inputs(node)
        axes = self.int64s("axes", [int(self.const_value(dim))])
        if node["name"] != CROP_AFTER:
            self.add("Unsqueeze", [self.tensor(x), axes], [self.out(node)])
            return
        full = self.add("Unsqueeze", [self.tensor(x), axes])
        self.add("Slice", [full, self.int64s("starts", [KEPT[0] - REACH]), self.int64s("ends", [KEPT[1] + REACH]),
                           self.int64s("axes", [1])], [self.out(node)])

    def op_Squeeze(self, node):
        axes = self.int64s("axes", attr_ints(node, "squeeze_dims"))
        self.add("Squeeze", [self.tensor(self.inputs(node)[0]), axes], [self.out(node)])

    def op_Pack(self, node):
        axis = attr_int(node, "axis")
        axes = self.int64s("axes", [axis])
        parts = [self.add("Unsqueeze", [self.tensor(i), axes]) for i in self.inputs(node)]
        self.add("Concat", parts, [self.out(node)], axis=axis)

    def op_ConcatV2(self, node):
        *parts, axis = self.inputs(node)
        self.add("Concat", [self.tensor(p) for p in parts], [self.out(node)], axis=int(self.const_value(axis)))

    def pads(self, paddings):
        p = np.asarray(self.const_value(paddings), dtype=np.int64)
        return self.int64s("pads", np.concatenate([p[:, 0], p[:, 1]]))

    def op_Pad(self, node):
        x, paddings = self.inputs(node)
        self.add("Pad", [self.tensor(x), self.pads(paddings)], [self.out(node)], mode="constant")

    def op_MirrorPad(self, node):
        x, paddings = self.inputs(node)
        mode = attr_str(node, "mode")
        if mode != "REFLECT":
            raise ConversionError(f"{node['name']}: MirrorPad mode {mode} is not supported")
        self.add("Pad", [self.tensor(x), self.pads(paddings)], [self.out(node)], mode="reflect")

    def op_StridedSlice(self, node):
        x, b, e, s = self.inputs(node)
        begin, end, strides = (np.asarray(self.const_value(v), dtype=np.int64) for v in (b, e, s))
        begin_mask, end_mask = attr_int(node, "begin_mask"), attr_int(node, "end_mask")
        new_axis, shrink = attr_int(node, "new_axis_mask"), attr_int(node, "shrink_axis_mask")
        if attr_int(node, "ellipsis_mask"):
            raise ConversionError(f"{node['name']}: ellipsis_mask is not supported")
        starts, ends, axes, steps, squeeze, unsqueeze = [], [], [], [], [], []
        in_dim = 0
        for i in range(len(begin)):
            if new_axis >> i & 1:
                unsqueeze.append(i)  # position in the output before squeezing: see below
                continue
            step = int(strides[i])
            if shrink >> i & 1:
                start = int(begin[i])
                starts.append(start)
                ends.append(start + 1 if start != -1 else INT64_MAX)
                steps.append(1)
                axes.append(in_dim)
                squeeze.append(in_dim)
            else:
                lo = (0 if step > 0 else INT64_MAX) if begin_mask >> i & 1 else int(begin[i])
                hi = (INT64_MAX if step > 0 else -INT64_MAX) if end_mask >> i & 1 else int(end[i])
                if not (lo == 0 and hi == INT64_MAX and step == 1):
                    starts.append(lo)
                    ends.append(hi)
                    steps.append(step)
                    axes.append(in_dim)
            in_dim += 1
        y = self.tensor(x)
        if axes:
            y = self.add("Slice", [y, self.int64s("starts", starts), self.int64s("ends", ends),
                                   self.int64s("axes", axes), self.int64s("steps", steps)])
        if squeeze:
            y = self.add("Squeeze", [y, self.int64s("axes", squeeze)])
        if unsqueeze:
            if squeeze:
                raise ConversionError(f"{node['name']}: new_axis_mask with shrink_axis_mask is not supported")
            y = self.add("Unsqueeze", [y, self.int64s("axes", unsqueeze)])
        self.add("Identity", [y], [self.out(node)])

    def conv(self, node, bias=None, relu=False):
        x, w = self.inputs(node)[:2]
        if attr_str(node, "data_format") not in (None, "NHWC"):
            raise ConversionError(f"{node['name']}: only NHWC convolutions are supported")
        strides = attr_ints(node, "strides")
        dilations = attr_ints(node, "dilations") or [1, 1, 1, 1]
        padding = attr_str(node, "padding")
        weight = self.const_value(w)  # [kh, kw, in, out]
        onnx_weight = self.initializer(short(w) + "_oihw", weight.transpose(3, 2, 0, 1))
        nchw = self.add("Transpose", [self.tensor(x)], perm=[0, 3, 1, 2])
        attrs = {"strides": strides[1:3], "dilations": dilations[1:3], "kernel_shape": list(weight.shape[:2])}
        if padding == "VALID":
            attrs["pads"] = [0, 0, 0, 0]
        elif padding == "SAME":
            attrs["auto_pad"] = "SAME_UPPER"  # TF's SAME: the odd extra row/column goes after
        else:
            raise ConversionError(f"{node['name']}: padding {padding} is not supported")
        inputs = [nchw, onnx_weight] + ([self.tensor(bias)] if bias else [])
        y = self.add("Conv", inputs, **attrs)
        if relu:
            y = self.add("Relu", [y])
        self.add("Transpose", [y], [self.out(node)], perm=[0, 2, 3, 1])

    def op_Conv2D(self, node):
        self.conv(node)

    def op_FusedConv2D(self, node):
        fused = attr_strs(node, "fused_ops")
        if fused not in (["BiasAdd"], ["BiasAdd", "Relu"]) or attr_int(node, "num_args") != 1:
            raise ConversionError(f"{node['name']}: fused ops {fused} are not supported")
        self.conv(node, bias=self.inputs(node)[2], relu=fused[-1] == "Relu")

    def unary(onnx_op):
        def handler(self, node):
            self.add(onnx_op, [self.tensor(self.inputs(node)[0])], [self.out(node)])
        return handler

    def binary(onnx_op):
        def handler(self, node):
            a, b = self.inputs(node)
            self.add(onnx_op, [self.tensor(a), self.tensor(b)], [self.out(node)])
        return handler

    op_Neg = unary("Neg")
    op_Sqrt = unary("Sqrt")
    op_Log = unary("Log")
    op_Sigmoid = unary("Sigmoid")
    op_Mul = binary("Mul")
    op_Add = binary("Add")
    op_AddV2 = binary("Add")
    op_Sub = binary("Sub")

    def op_Square(self, node):
        x = self.tensor(self.inputs(node)[0])
        self.add("Mul", [x, x], [self.out(node)])

    def reduce(self, node, onnx_op):
        x, indices = self.inputs(node)
        axes = [int(a) for a in np.atleast_1d(self.const_value(indices))]
        keep = 1 if node.get("attr", {}).get("keep_dims", {}).get("b") else 0
        if onnx_op == "ReduceSum":  # opset 13+: axes is an input
            self.add(onnx_op, [self.tensor(x), self.int64s("axes", axes)], [self.out(node)], keepdims=keep)
        else:  # ReduceMin/ReduceMax take axes as an attribute up to opset 17
            self.add(onnx_op, [self.tensor(x)], [self.out(node)], axes=axes, keepdims=keep)

    def op_Sum(self, node):
        self.reduce(node, "ReduceSum")

    def op_Min(self, node):
        self.reduce(node, "ReduceMin")

    def op_Max(self, node):
        self.reduce(node, "ReduceMax")

    def op_DivNoNan(self, node):
        a, b = (self.tensor(i) for i in self.inputs(node))
        zero = self.initializer("zero", np.zeros([], dtype=np.float32))
        is_zero = self.add("Equal", [b, zero])
        quotient = self.add("Div", [a, b])
        self.add("Where", [is_zero, zero, quotient], [self.out(node)])

    def op_Const(self, node):
        pass


def build(model_dir):
    with open(os.path.join(model_dir, "model.json")) as f:
        model = json.load(f)
    if model.get("format") != "graph-model":
        raise ConversionError(f"{model_dir}/model.json is not a TF.js graph model")
    weights = load_weights(model_dir, model)
    converter = Converter(model["modelTopology"]["node"], weights)
    converter.convert()

    signature = model["signature"]
    dims = [int(d["size"]) for d in signature["inputs"]["input_2"]["tensorShape"]["dim"]]
    batch = "batch"
    graph_input = helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, [batch] + dims[1:])
    outputs = []
    shapes = {o["name"].split(":")[0]: [int(d["size"]) for d in o["tensorShape"]["dim"]] for o in signature["outputs"].values()}
    kept = KEPT[1] - KEPT[0]
    for tf_name, onnx_name in OUTPUTS.items():
        converter.add("Slice", [tf_name, converter.int64s("starts", [REACH]), converter.int64s("ends", [REACH + kept]),
                                converter.int64s("axes", [1])], [onnx_name])
        if shapes[tf_name][1] != WINDOW_FRAMES:
            raise ConversionError(f"{tf_name}: the TF.js signature says {shapes[tf_name][1]} frames per window, not {WINDOW_FRAMES}")
        outputs.append(helper.make_tensor_value_info(onnx_name, TensorProto.FLOAT, [batch, kept] + shapes[tf_name][2:]))

    nodes, initializers = prune(converter.onnx_nodes, converter.initializers, [o.name for o in outputs])
    graph = helper.make_graph(nodes, "basic_pitch", [graph_input], outputs,
                              initializer=[initializers[k] for k in sorted(initializers)])
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                   producer_name="MusicEmotion training/notes/convert_basic_pitch.py",
                                   doc_string="Basic Pitch (Spotify, Apache-2.0; @spotify/basic-pitch 1.0.1), converted "
                                              "from its TF.js graph model. See NOTICE.")
    onnx_model.ir_version = 8
    onnx.checker.check_model(onnx_model)
    inferred = onnx.shape_inference.infer_shapes(onnx_model, strict_mode=True)
    for o in inferred.graph.output:
        got = [d.dim_value if d.HasField("dim_value") else d.dim_param for d in o.type.tensor_type.shape.dim]
        want = [batch, kept] + shapes[{v: k for k, v in OUTPUTS.items()}[o.name]][2:]
        if got != want:
            raise ConversionError(f"output {o.name}: inferred shape {got}, the TF.js signature says {want}")
    return onnx_model, weights


def prune(nodes, initializers, outputs):
    """Drops what no output needs (e.g. the shape arithmetic that constant reshape targets replaced)."""
    needed, kept = set(outputs), []
    for node in reversed(nodes):
        if any(o in needed for o in node.output):
            kept.append(node)
            needed.update(i for i in node.input if i)
    kept.reverse()
    return kept, {k: v for k, v in initializers.items() if k in needed}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model_dir", help="folder with model.json and group1-shard1of1.bin (npm package's model/)")
    parser.add_argument("--out", required=True, help="the ONNX file to write")
    args = parser.parse_args()
    try:
        onnx_model, _ = build(args.model_dir)
    except (ConversionError, OSError, KeyError, ValueError) as e:
        print(f"convert_basic_pitch: {e}", file=sys.stderr)
        return 1
    data = onnx_model.SerializeToString()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.out)
    ops = sorted({n.op_type for n in onnx_model.graph.node})
    print(f"wrote {args.out}: {len(data):,} bytes, {len(onnx_model.graph.node)} nodes ({', '.join(ops)}), "
          f"opset {OPSET}, sha256 {hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
