"""Writes tiny ONNX models used by the Inference tests (run with Debian's /usr/bin/python3; needs python3-onnx).

mean_model.onnx:    input "features" [batch, frames, width] -> output "arousal_valence" [batch, 2] =
                    the mean over frames of feature columns 0 and 1 (so tests can predict the output exactly).
split_model.onnx:   same computation but two outputs "valence" [batch] (column 1) and "arousal" [batch] (column 0).
fixed_frames.onnx:  like mean_model but with a fixed frames axis of 7 (the card validation must reject it).
"""
import sys
import onnx
from onnx import helper, TensorProto

WIDTH = int(sys.argv[1]) if len(sys.argv) > 1 else 85


def graph(frames, outputs):
    x = helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", frames, WIDTH])
    nodes = [
        helper.make_node("ReduceMean", ["features"], ["mean"], axes=[1], keepdims=0),
        helper.make_node("Constant", [], ["starts"], value=helper.make_tensor("s", TensorProto.INT64, [1], [0])),
        helper.make_node("Constant", [], ["ends"], value=helper.make_tensor("e", TensorProto.INT64, [1], [2])),
        helper.make_node("Constant", [], ["axes"], value=helper.make_tensor("a", TensorProto.INT64, [1], [1])),
        helper.make_node("Slice", ["mean", "starts", "ends", "axes"], ["arousal_valence"]),
    ]
    outs = [helper.make_tensor_value_info("arousal_valence", TensorProto.FLOAT, ["batch", 2])]
    if outputs == "split":
        nodes.append(helper.make_node("Split", ["arousal_valence"], ["a2", "v2"], axis=1))
        nodes.append(helper.make_node("Squeeze", ["a2"], ["arousal"], axes=[1]))
        nodes.append(helper.make_node("Squeeze", ["v2"], ["valence"], axes=[1]))
        outs = [helper.make_tensor_value_info("valence", TensorProto.FLOAT, ["batch"]),
                helper.make_tensor_value_info("arousal", TensorProto.FLOAT, ["batch"])]
    g = helper.make_graph(nodes, "test", [x], outs)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 12)], producer_name="musicemotion-tests")
    m.ir_version = 7
    onnx.checker.check_model(m)
    return m


onnx.save(graph("frames", "single"), "mean_model.onnx")
onnx.save(graph("frames", "split"), "split_model.onnx")
onnx.save(graph(7, "single"), "fixed_frames.onnx")
print("wrote mean_model.onnx, split_model.onnx, fixed_frames.onnx with width", WIDTH)
